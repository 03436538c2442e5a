/**
 * First run, signing in and out, and the security around it: cookies, CSRF, cross-site writes,
 * rate limits, headers, and the JSON error format in the caller's language.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findUserByEmail } from '../../src/store/index.js'
import { createTestApp, ownerSetup, setUpOwner, type TestApp } from '../helpers/app.js'

type ErrorBody = { error: { code: string; message: string; fields?: Array<{ field: string; message: string }> } }

let t: TestApp
beforeEach(async () => {
  t = await createTestApp()
})
afterEach(() => t.close())

describe('first run', () => {
  it('creates the owner and workspace once, signed in, with the password hashed', async () => {
    const visitor = t.client()
    expect((await visitor.get('/api/setup')).body).toEqual({ needed: true })
    const res = await visitor.post('/api/setup', ownerSetup)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ user: { name: 'Amira Haddad', email: ownerSetup.email }, workspace: { name: 'Café Lune', timeZone: 'Europe/Paris' }, role: 'owner' })
    expect((await visitor.get('/api/setup')).body).toEqual({ needed: false })
    expect((await visitor.get('/api/session')).status).toBe(200)
    const stored = await findUserByEmail(t.store.db, ownerSetup.email)
    expect(stored?.passwordHash).toMatch(/^scrypt\$/)
    expect(stored?.passwordHash).not.toContain(ownerSetup.password)

    const again = await t.client().post<ErrorBody>('/api/setup', { ...ownerSetup, email: 'other@example.com' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('conflict')
  })

  it('creates one workspace when two first-run forms arrive at the same moment', async () => {
    const results = await Promise.all(
      ['a', 'b', 'c'].map((n) => t.client().post('/api/setup', { ...ownerSetup, email: `${n}@example.com` })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
    expect(await t.store.db.selectFrom('workspaces').select('id').execute()).toHaveLength(1)
  })

  it('names each bad field in the requested language and stores nothing', async () => {
    const res = await t.client({ 'accept-language': 'fr-FR,fr;q=0.9' }).post<ErrorBody>('/api/setup', {
      ...ownerSetup,
      timeZone: 'Mars/Olympus',
      email: 'not-an-email',
      password: 'short',
    })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation')
    expect(res.body.error.message).toBe('Vérifiez ces champs : fuseau horaire, e-mail et mot de passe.')
    expect(res.body.error.fields).toEqual([
      { field: 'timeZone', message: 'Choisissez un fuseau horaire dans la liste, par exemple Europe/Paris.' },
      { field: 'email', message: 'Saisissez une adresse e-mail valide, comme nom@exemple.fr.' },
      { field: 'password', message: 'Utilisez au moins 10 caractères.' },
    ])
    expect((await t.client().get('/api/setup')).body).toEqual({ needed: true })
  })
})

describe('sessions', () => {
  it('signs in and out; the cookie is HttpOnly and SameSite=Lax; a signed-out cookie is dead', async () => {
    await setUpOwner(t)
    const client = t.client()
    const login = await client.post('/api/session', { email: 'AMIRA@cafe-lune.example ', password: ownerSetup.password })
    expect(login.status).toBe(200)
    const cookie = login.raw.cookies.find((c) => c.name === 'sc_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie.secure).toBeFalsy()
    const stolen = t.client()
    stolen.cookies.set('sc_session', cookie.value)
    expect((await stolen.get('/api/session')).status).toBe(200)

    expect((await client.delete('/api/session')).status).toBe(204)
    expect((await client.get('/api/session')).status).toBe(401)
    expect((await stolen.get('/api/session')).status).toBe(401)
  })

  it('sets the Secure flag when served over HTTPS', async () => {
    await t.close()
    t = await createTestApp({ env: { PUBLIC_URL: 'https://social.example.com' } })
    const res = await t.client().post('/api/setup', ownerSetup)
    expect(res.raw.cookies.find((c) => c.name === 'sc_session')?.secure).toBe(true)
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/)
  })

  it('refuses a wrong password without saying whether the e-mail exists, in the caller\'s language', async () => {
    await setUpOwner(t)
    const wrong = await t.client({ 'accept-language': 'he' }).post<ErrorBody>('/api/session', { email: ownerSetup.email, password: 'nope nope nope' })
    const unknown = await t.client({ 'accept-language': 'he' }).post<ErrorBody>('/api/session', { email: 'nobody@example.com', password: 'nope nope nope' })
    expect(wrong.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
    expect(wrong.body.error.message).toBe('כתובת הדוא״ל והסיסמה אינן תואמות לאף חשבון.')
  })

  it('rate-limits sign-in attempts and says when to try again', async () => {
    await setUpOwner(t)
    const client = t.client({ 'accept-language': 'ar' })
    const statuses: number[] = []
    let last: ErrorBody | undefined
    for (let i = 0; i < 12; i++) {
      const res = await client.post<ErrorBody>('/api/session', { email: ownerSetup.email, password: 'wrong password' })
      statuses.push(res.status)
      last = res.body
      if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual([429, 429])
    expect(last?.error.code).toBe('rate_limited')
    expect(last?.error.message).toMatch(/^محاولات كثيرة جدًا/)
  })

  it('remembers the language per person: errors follow it whatever the browser says', async () => {
    const owner = await setUpOwner(t)
    expect((await owner.patch('/api/me', { locale: 'bn' })).status).toBe(200)
    const res = await owner.post<ErrorBody>('/api/invites', { role: 'wizard' }, { 'accept-language': 'en' })
    expect(res.body.error.message).toBe('এই ঘরটি দেখে নিন: ভূমিকা।')
    const again = t.client({ 'accept-language': 'en' })
    const login = await again.post<{ user: { locale: string } }>('/api/session', { email: ownerSetup.email, password: ownerSetup.password })
    expect(login.body.user.locale).toBe('bn')
  })

  it('changes the password after checking the old one, and signs out other sessions', async () => {
    const owner = await setUpOwner(t)
    const other = t.client()
    await other.post('/api/session', { email: ownerSetup.email, password: ownerSetup.password })
    const wrong = await owner.post<ErrorBody>('/api/me/password', { currentPassword: 'not it at all', newPassword: 'a brand new password' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.message).toBe("Your current password isn't right.")
    const ok = await owner.post('/api/me/password', { currentPassword: ownerSetup.password, newPassword: 'a brand new password' })
    expect(ok.status).toBe(204)
    expect((await owner.get('/api/session')).status).toBe(200)
    expect((await other.get('/api/session')).status).toBe(401)
    expect((await t.client().post('/api/session', { email: ownerSetup.email, password: 'a brand new password' })).status).toBe(200)
  })
})

describe('cross-site protection', () => {
  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const owner = await setUpOwner(t)
    const token = owner.csrfToken
    owner.csrfToken = undefined
    const res = await owner.patch<ErrorBody>('/api/workspace', { name: 'Hijacked' })
    expect(res.status).toBe(403)
    expect(res.body.error.message).toContain('security token')
    owner.csrfToken = 'forged'
    expect((await owner.patch('/api/workspace', { name: 'Hijacked' })).status).toBe(403)
    owner.csrfToken = token
    expect((await owner.patch('/api/workspace', { name: 'Café Lune & Co' })).status).toBe(200)
  })

  it('refuses writes from another origin even with the token', async () => {
    const owner = await setUpOwner(t)
    const res = await owner.patch<ErrorBody>('/api/workspace', { name: 'x' }, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
    expect((await owner.patch('/api/workspace', { name: 'Café' }, { origin: 'http://localhost:8080' })).status).toBe(200)
  })
})

describe('responses', () => {
  it('sends security headers', async () => {
    const res = await t.client().get('/api/health')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  })

  it('answers unknown routes with a 404 in the JSON error format and the caller\'s language', async () => {
    const res = await t.client({ 'accept-language': 'bn' }).get<ErrorBody>('/api/no-such-thing?x=1')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'GET /api/no-such-thing-এ কিছু নেই।' } })
  })

  it('explains a malformed body and a wrong content type', async () => {
    const client = t.client()
    const bad = await client.request('POST', '/api/session', undefined, { 'content-type': 'application/json' })
    expect(bad.status).toBe(400)
    const raw = await t.app.inject({ method: 'POST', url: '/api/session', payload: '{"email":', headers: { 'content-type': 'application/json' } })
    expect(JSON.parse(raw.body).error.code).toBe('bad_json')
    const form = await t.app.inject({ method: 'POST', url: '/api/session', payload: 'email=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(form.statusCode).toBe(415)
    expect(JSON.parse(form.body).error.code).toBe('unsupported_media_type')
  })

  it('serves the OpenAPI document with every API route, and a browsable reference', async () => {
    const doc = await t.client().get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')
    expect(doc.status).toBe(200)
    for (const route of t.app.apiRoutes.filter((r) => r.url !== '/api/openapi.json')) {
      const path = route.url.replace(/:([a-zA-Z]+)/g, '{$1}')
      expect(doc.body.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined()
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' })
    expect(docs.statusCode).toBe(200)
    expect(docs.body).toContain('swagger-ui')
  })
})
