/**
 * Every API route checks the caller's role: for each route in the app's own access table, each
 * role (as a signed-in person and as an API key) is refused exactly what it may not do, and
 * nobody unauthenticated gets past a non-public route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, roles, type Role } from '../../src/domain/index.js'
import type { RouteAccess } from '../../src/server/index.js'
import { addMember, createTestApp, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'

let t: TestApp
const people = new Map<Role, TestClient>()
const keys = new Map<Role, TestClient>()

beforeAll(async () => {
  t = await createTestApp()
  const owner = await setUpOwner(t)
  people.set('owner', owner)
  for (const role of ['admin', 'editor', 'viewer'] as const) people.set(role, await addMember(t, owner, role, `${role}@cafe-lune.example`))
  for (const role of roles) {
    const created = await owner.post<{ secret: string }>('/api/api-keys', { name: `${role} key`, role })
    expect(created.status).toBe(201)
    keys.set(role, t.client({ authorization: `Bearer ${created.body.secret}` }))
  }
})
afterAll(() => t.close())

/** Signing out ends the caller's session, so it is tried last. */
const ordered = (routes: RouteAccess[]) =>
  [...routes].sort((a, b) => Number(a.method === 'DELETE' && a.url === '/api/session') - Number(b.method === 'DELETE' && b.url === '/api/session'))

function concrete(url: string): string {
  return url.replace(/:[a-zA-Z]+/g, '0000000000unknown0000000000')
}

async function call(client: TestClient, route: RouteAccess) {
  const method = route.method as 'GET' | 'POST' | 'PATCH' | 'DELETE'
  const body = method === 'POST' || method === 'PATCH' ? {} : undefined
  return client.request(method, concrete(route.url), body)
}

function allowed(access: RouteAccess['access'], role: Role, kind: 'person' | 'key'): boolean {
  if (access === 'public') return true
  if (access === 'person') return kind === 'person'
  return can(role, access)
}

describe('role checks on every API route', () => {
  it('knows every route and what it requires', () => {
    const table = t.app.apiRoutes.map((r) => `${r.method} ${r.url} → ${r.access}`)
    expect(table.length).toBeGreaterThanOrEqual(20)
    expect(table).toContain('POST /api/invites → invites.manage')
    expect(table).toContain('PATCH /api/workspace → workspace.update')
    expect(table).toContain('DELETE /api/members/:userId → members.manage')
  })

  it('refuses unauthenticated callers on every non-public route', async () => {
    const anonymous = t.client()
    for (const route of t.app.apiRoutes.filter((r) => r.access !== 'public')) {
      const res = await call(anonymous, route)
      expect({ route: `${route.method} ${route.url}`, status: res.status }).toEqual({ route: `${route.method} ${route.url}`, status: 401 })
    }
  })

  for (const kind of ['person', 'key'] as const) {
    for (const role of roles) {
      it(`${role} (${kind === 'person' ? 'signed in' : 'API key'}) is refused exactly what the role does not allow`, async () => {
        const client = (kind === 'person' ? people : keys).get(role)!
        const outcomes: string[] = []
        const expected: string[] = []
        for (const route of ordered(t.app.apiRoutes.filter((r) => r.access !== 'public'))) {
          const res = await call(client, route)
          const refused = res.status === 403 && (res.body as { error: { code: string } }).error.code === 'forbidden'
          expect(res.status, `${route.method} ${route.url}`).not.toBe(401)
          outcomes.push(`${route.method} ${route.url}: ${refused ? 'refused' : 'allowed'}`)
          expected.push(`${route.method} ${route.url}: ${allowed(route.access, role, kind) ? 'allowed' : 'refused'}`)
        }
        expect(outcomes).toEqual(expected)
      })
    }
  }

  it('refuses to register an /api route that does not declare its access', async () => {
    const { default: Fastify } = await import('fastify')
    const { registerAuth } = await import('../../src/server/plugins/auth.js')
    const bare = Fastify()
    registerAuth(bare as never, { db: t.store.db, now: Date.now, publicUrl: t.config.publicUrl })
    expect(() => bare.get('/api/undeclared', async () => 'x')).toThrow(/does not declare config.access/)
    expect(() => bare.get('/api/declared', { config: { access: 'public' } }, async () => 'x')).not.toThrow()
    await bare.close()
  })
})
