/** The team: invitations by link with a role, role changes, removal, and workspace API keys. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashToken } from '../../src/security/index.js'
import { addMember, createTestApp, ownerSetup, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'

type ErrorBody = { error: { code: string; message: string } }
type Member = { userId: string; name: string; email: string; role: string; isYou: boolean }

let t: TestApp
let owner: TestClient
beforeEach(async () => {
  t = await createTestApp()
  owner = await setUpOwner(t)
})
afterEach(() => t.close())

const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!

async function members(client: TestClient): Promise<Member[]> {
  return (await client.get<{ members: Member[] }>('/api/members')).body.members
}

describe('invitations', () => {
  it('lets a teammate join by link with the chosen role; the link works once', async () => {
    const invite = await owner.post<{ url: string; invite: { role: string; createdBy: { name: string } } }>('/api/invites', { role: 'editor' })
    expect(invite.status).toBe(201)
    expect(invite.body.url).toMatch(/^http:\/\/localhost:8080\/invite\/[A-Za-z0-9_-]{43}$/)
    expect(invite.body.invite).toMatchObject({ role: 'editor', createdBy: { name: 'Amira Haddad' } })
    const token = tokenOf(invite.body.url)
    const stored = await t.store.db.selectFrom('invites').selectAll().executeTakeFirstOrThrow()
    expect(stored.tokenHash).toBe(hashToken(token))
    expect(JSON.stringify(stored)).not.toContain(token)

    const guest = t.client()
    const info = await guest.get(`/api/invites/accept/${token}`)
    expect(info.body).toMatchObject({ workspaceName: 'Café Lune', role: 'editor', invitedBy: 'Amira Haddad' })
    const joined = await guest.post<{ role: string; workspace: { name: string } }>(`/api/invites/accept/${token}`, {
      name: 'Noor',
      email: 'noor@example.com',
      password: 'noor has a long password',
    })
    expect(joined.status).toBe(200)
    expect(joined.body).toMatchObject({ role: 'editor', workspace: { name: 'Café Lune' } })
    expect((await members(owner)).map((m) => [m.name, m.role])).toEqual([
      ['Amira Haddad', 'owner'],
      ['Noor', 'editor'],
    ])

    const reuse = await t.client({ 'accept-language': 'fr' }).post<ErrorBody>(`/api/invites/accept/${token}`, {
      name: 'Someone',
      email: 'someone@example.com',
      password: 'another long password',
    })
    expect(reuse.status).toBe(410)
    expect(reuse.body.error.message).toBe('Cette invitation a déjà été utilisée.')
    expect((await owner.get<{ invites: unknown[] }>('/api/invites')).body.invites).toEqual([])
  })

  it('admits one person when two accept the same link at once', async () => {
    const { body } = await owner.post<{ url: string }>('/api/invites', { role: 'viewer' })
    const token = tokenOf(body.url)
    const results = await Promise.all(
      ['x', 'y', 'z'].map((n) => t.client().post(`/api/invites/accept/${token}`, { name: n, email: `${n}@example.com`, password: 'long enough password' })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410])
    expect(await members(owner)).toHaveLength(2)
  })

  it('refuses withdrawn, expired and unknown links, each with its reason', async () => {
    const a = await owner.post<{ url: string; invite: { id: string } }>('/api/invites', { role: 'viewer' })
    expect((await owner.delete(`/api/invites/${a.body.invite.id}`)).status).toBe(204)
    const withdrawn = await t.client().get<ErrorBody>(`/api/invites/accept/${tokenOf(a.body.url)}`)
    expect([withdrawn.status, withdrawn.body.error.message]).toEqual([410, 'This invitation was withdrawn. Ask for a new link.'])

    const b = await owner.post<{ url: string }>('/api/invites', { role: 'viewer' })
    t.clock.advance(8 * 24 * 3600_000)
    const expired = await t.client().get<ErrorBody>(`/api/invites/accept/${tokenOf(b.body.url)}`)
    expect([expired.status, expired.body.error.message]).toEqual([410, 'This invitation has expired. Ask for a new link.'])

    const unknown = await t.client().get<ErrorBody>('/api/invites/accept/not-a-real-token')
    expect(unknown.status).toBe(404)
  })

  it('lets an existing account join with its own password, and only the invited address', async () => {
    const forOther = await owner.post<{ url: string }>('/api/invites', { role: 'editor', email: 'sami@example.com' })
    const wrongPerson = await t.client().post<ErrorBody>(`/api/invites/accept/${tokenOf(forOther.body.url)}`, {
      name: 'Eve',
      email: 'eve@example.com',
      password: 'eve password is long',
    })
    expect(wrongPerson.status).toBe(403)
    expect(wrongPerson.body.error.message).toContain('sami@example.com')

    const again = await owner.post<{ url: string }>('/api/invites', { role: 'viewer' })
    const self = await t.client().post<ErrorBody>(`/api/invites/accept/${tokenOf(again.body.url)}`, {
      name: 'Amira',
      email: ownerSetup.email,
      password: ownerSetup.password,
    })
    expect(self.status).toBe(409)
    expect(self.body.error.code).toBe('conflict')
  })

  it('lets admins invite only editors and viewers', async () => {
    const admin = await addMember(t, owner, 'admin', 'admin@example.com')
    for (const role of ['owner', 'admin']) {
      const res = await admin.post<ErrorBody>('/api/invites', { role })
      expect(res.status, role).toBe(403)
      expect(res.body.error.message).toBe('You can only give roles below your own.')
    }
    expect((await admin.post('/api/invites', { role: 'editor' })).status).toBe(201)
  })
})

describe('members', () => {
  it('changes roles within the rules and always keeps an owner', async () => {
    const admin = await addMember(t, owner, 'admin', 'admin@example.com')
    const editor = await addMember(t, owner, 'editor', 'editor@example.com')
    const list = await members(owner)
    const id = (email: string) => list.find((m) => m.email === email)!.userId
    const ownerId = id(ownerSetup.email)

    expect((await admin.patch(`/api/members/${id('editor@example.com')}`, { role: 'viewer' })).status).toBe(200)
    expect((await admin.patch<ErrorBody>(`/api/members/${id('editor@example.com')}`, { role: 'admin' })).status).toBe(403)
    expect((await admin.patch<ErrorBody>(`/api/members/${ownerId}`, { role: 'viewer' })).body.error.message).toBe(
      'You can only change or remove teammates whose role is below yours.',
    )
    expect((await owner.patch<ErrorBody>(`/api/members/${ownerId}`, { role: 'admin' })).status).toBe(403)
    expect((await owner.delete<ErrorBody>(`/api/members/${ownerId}`)).body.error.message).toBe(
      'A workspace needs at least one owner. Make someone else an owner first.',
    )
    expect((await owner.patch(`/api/members/${id('admin@example.com')}`, { role: 'owner' })).status).toBe(200)
    expect((await owner.delete(`/api/members/${ownerId}`)).status).toBe(204)
    expect((await owner.get('/api/session')).status).toBe(401)
    expect((await editor.get('/api/session')).status).toBe(200)
  })

  it('ends a removed member\'s sessions at once', async () => {
    const editor = await addMember(t, owner, 'editor', 'editor@example.com')
    const editorId = (await members(owner)).find((m) => m.email === 'editor@example.com')!.userId
    expect((await owner.delete(`/api/members/${editorId}`)).status).toBe(204)
    expect((await editor.get('/api/session')).status).toBe(401)
    const relogin = await t.client().post<ErrorBody>('/api/session', { email: 'editor@example.com', password: 'a long enough password' })
    expect(relogin.status).toBe(403)
  })
})

describe('API keys', () => {
  it('shows the secret once, stores only its hash, authenticates with its role, and stops when revoked', async () => {
    const created = await owner.post<{ secret: string; apiKey: { id: string; prefix: string; role: string } }>('/api/api-keys', {
      name: 'Website snippet',
      role: 'viewer',
    })
    expect(created.status).toBe(201)
    const { secret, apiKey } = created.body
    expect(secret).toMatch(/^sck_[A-Za-z0-9_-]{43}$/)
    expect(secret.startsWith(apiKey.prefix)).toBe(true)
    const row = await t.store.db.selectFrom('apiKeys').selectAll().executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(secret)

    const listed = await owner.get<{ apiKeys: Array<Record<string, unknown>> }>('/api/api-keys')
    expect(listed.body.apiKeys).toHaveLength(1)
    expect(JSON.stringify(listed.body)).not.toContain(secret)

    const script = t.client({ authorization: `Bearer ${secret}` })
    expect((await script.get('/api/workspace')).status).toBe(200)
    expect((await script.patch('/api/workspace', { name: 'x' })).status).toBe(403)
    expect((await script.delete('/api/session')).status).toBe(403)
    expect((await owner.get<{ apiKeys: Array<{ lastUsedAt: number | null }> }>('/api/api-keys')).body.apiKeys[0]?.lastUsedAt).not.toBeNull()

    expect((await owner.delete(`/api/api-keys/${apiKey.id}`)).status).toBe(204)
    expect((await script.get('/api/workspace')).status).toBe(401)
    expect((await t.client({ authorization: 'Bearer sck_made-up' }).get('/api/workspace')).status).toBe(401)
  })

  it('never makes a key stronger than the person making it', async () => {
    const admin = await addMember(t, owner, 'admin', 'admin@example.com')
    expect((await admin.post('/api/api-keys', { name: 'x', role: 'owner' })).status).toBe(403)
    expect((await admin.post('/api/api-keys', { name: 'x', role: 'admin' })).status).toBe(201)
  })
})
