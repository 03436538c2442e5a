/**
 * Tracked links end to end over real HTTP on a real database: a standalone link made through the
 * API, its redirect (302 with UTM tags and the click id; bots get the plain destination), the
 * click as stored (referrer host, device, language, country, no address anywhere), visitors the
 * same within a day and different the next, the French page of an unknown code, counts in the
 * list, QR images, settings with the site key and snippets, roles, and a clean shutdown that
 * writes the clicks still waiting in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { createJobQueue } from '../../src/jobs/index.js'
import { createMeasureContext } from '../../src/measure/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { buildApp } from '../../src/server/index.js'
import type { ClicksTable } from '../../src/store/index.js'
import { addMember, createTestApp, eventually, ownerSetup, setUpOwner, testPasswordCost, type TestApp, type TestClient } from '../helpers/app.js'
import { appDialect, createTestStore } from '../helpers/stores.js'

interface Link {
  id: string
  code: string
  shortUrl: string
  url: string
  destination: string
  label: string | null
  clicks: number
  botClicks: number
  conversions: number
}
interface Settings {
  trackLinks: boolean
  siteKey: string
  snippets: Record<'script' | 'convertCall' | 'pixel' | 'server' | 'hearFormIframe' | 'hearFormScript', string>
}

const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const desktop = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'
const dayMs = 24 * 3600_000

let t: TestApp
let owner: TestClient
let viewer: TestClient
let base: string
let link: Link

const follow = (code: string, headers: Record<string, string> = {}) => fetch(`${base}/l/${code}`, { redirect: 'manual', headers })
const clickRow = (id: string) => t.store.db.selectFrom('clicks').selectAll().where('id', '=', id).executeTakeFirst()
const clicksOf = async (linkId: string) => t.store.db.selectFrom('clicks').selectAll().where('linkId', '=', linkId).orderBy('id').execute()

beforeAll(async () => {
  t = await createTestApp()
  owner = await setUpOwner(t)
  viewer = await addMember(t, owner, 'viewer', 'viewer@cafe-lune.example')
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const address = t.app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  base = `http://127.0.0.1:${address.port}`
  const res = await owner.post<{ link: Link }>('/api/measure/links', { url: 'https://cafe-lune.example/menu?lang=fr#today', label: 'Instagram bio', campaign: 'Printemps' })
  expect(res.status).toBe(201)
  link = res.body.link
})

afterAll(async () => {
  await t?.close()
})

describe('a standalone link', () => {
  it('is made through the API with its short address and UTM tags', () => {
    expect(link.code).toMatch(/^[0-9A-Za-z]{8}$/)
    expect(link.shortUrl).toBe(`${t.config.publicUrl.origin}/l/${link.code}`)
    expect(link.destination).toBe('https://cafe-lune.example/menu?lang=fr&utm_source=instagram-bio&utm_medium=link&utm_campaign=Printemps#today')
    expect(link).toMatchObject({ label: 'Instagram bio', clicks: 0, botClicks: 0, conversions: 0 })
  })

  it('sends a person to the destination with the click id, and stores the click without the address', async () => {
    const res = await follow(link.code, { 'user-agent': iphone, referer: 'https://bsky.app/profile/cafe-lune.example/post/3kabc', 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5', 'cf-ipcountry': 'FR' })
    expect(res.status).toBe(302)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer-when-downgrade')
    const location = res.headers.get('location')!
    const clickId = new URL(location).searchParams.get('sc_click')!
    expect(clickId).toMatch(/^[0-9a-z]{26}$/)
    expect(location).toBe(`https://cafe-lune.example/menu?lang=fr&utm_source=instagram-bio&utm_medium=link&utm_campaign=Printemps&sc_click=${clickId}#today`)

    const row = await eventually('the click to be written', () => clickRow(clickId))
    expect(row).toMatchObject({ linkId: link.id, postId: null, network: null, referrerHost: 'bsky.app', device: 'mobile', lang: 'fr-fr', country: 'FR', bot: 0 })
    expect(row.visitor).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|::1|::ffff/)
  })

  it('sends bots and preview fetchers to the plain destination and counts them apart', async () => {
    const before = (await clicksOf(link.id)).length
    const res = await follow(link.code, { 'user-agent': 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(link.destination)
    const rows = await eventually('the bot click', async () => {
      const all = await clicksOf(link.id)
      return all.length > before ? all : undefined
    })
    expect(rows.at(-1)).toMatchObject({ bot: 1, device: 'bot', referrerHost: null, lang: null, country: null })
  })

  it('gives the same address and browser one visitor hash all day, and another the next day', async () => {
    const visit = async () => {
      const res = await follow(link.code, { 'user-agent': desktop })
      const id = new URL(res.headers.get('location')!).searchParams.get('sc_click')!
      return (await eventually('a click', () => clickRow(id))) as ClicksTable
    }
    const first = await visit()
    const second = await visit()
    expect(second.visitor).toBe(first.visitor)
    t.clock.advance(dayMs)
    const nextDay = await visit()
    expect(nextDay.visitor).not.toBe(first.visitor)
    expect(nextDay.at - first.at).toBeGreaterThanOrEqual(dayMs)
    t.clock.advance(-dayMs)
  })

  it('answers an unknown code with a small page in the visitor’s language', async () => {
    for (const code of ['Zz000000', 'no', 'has-dash']) {
      const res = await follow(code, { 'accept-language': 'fr-CA,fr;q=0.9' })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toContain('text/html')
      const html = await res.text()
      expect(html).toContain('<html lang="fr" dir="ltr">')
      expect(html).toContain('Ce lien ne mène nulle part')
    }
    const arabic = await (await follow('Zz000000', { 'accept-language': 'ar' })).text()
    expect(arabic).toContain('dir="rtl"')
  })

  it('counts clicks and bot clicks in the list, which pages by cursor', async () => {
    const list = await owner.get<{ links: Link[]; nextCursor: string | null }>('/api/measure/links')
    expect(list.status).toBe(200)
    const shown = list.body.links.find((l) => l.id === link.id)!
    expect(shown).toMatchObject({ clicks: 4, botClicks: 1, conversions: 0 })
    for (let i = 0; i < 2; i++) expect((await owner.post('/api/measure/links', { url: `https://cafe-lune.example/p${i}` })).status).toBe(201)
    const page1 = await owner.get<{ links: Link[]; nextCursor: string | null }>('/api/measure/links?limit=2')
    expect(page1.body.links.map((l) => l.url)).toEqual(['https://cafe-lune.example/p1', 'https://cafe-lune.example/p0'])
    const page2 = await owner.get<{ links: Link[]; nextCursor: string | null }>(`/api/measure/links?limit=2&cursor=${page1.body.nextCursor}`)
    expect(page2.body.links.map((l) => l.id)).toEqual([link.id])
    expect(page2.body.nextCursor).toBeNull()
  })

  it('draws its QR code as SVG and PNG', async () => {
    const svg = await owner.get<string>(`/api/measure/links/${link.id}/qr.svg`)
    expect(svg.status).toBe(200)
    expect(svg.headers['content-type']).toContain('image/svg+xml')
    expect(svg.body).toContain('<svg')
    const png = await owner.get(`/api/measure/links/${link.id}/qr.png?size=256`)
    expect(png.status).toBe(200)
    expect(png.headers['content-type']).toBe('image/png')
    expect(png.raw.rawPayload.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect((await owner.get('/api/measure/links/nope/qr.svg')).status).toBe(404)
  })

  it('lets a viewer list links and read settings but not make, delete or configure', async () => {
    expect((await viewer.get('/api/measure/links')).status).toBe(200)
    expect((await viewer.post('/api/measure/links', { url: 'https://cafe-lune.example/' })).status).toBe(403)
    expect((await viewer.delete(`/api/measure/links/${link.id}`)).status).toBe(403)
    expect((await viewer.get('/api/measure/settings')).status).toBe(200)
    expect((await viewer.patch('/api/measure/settings', { trackLinks: false })).status).toBe(403)
    expect((await t.client().get('/api/measure/links')).status).toBe(401)
  })

  it('refuses an address that is not http(s), naming the field', async () => {
    const res = await owner.post<{ error: { code: string; fields: Array<{ field: string }> } }>('/api/measure/links', { url: 'javascript:alert(1)' })
    expect(res.status).toBe(400)
    expect(res.body.error.fields.map((f) => f.field)).toEqual(['url'])
  })

  it('stops redirecting once deleted', async () => {
    const made = await owner.post<{ link: Link }>('/api/measure/links', { url: 'https://cafe-lune.example/gone' })
    expect((await follow(made.body.link.code, { 'user-agent': desktop })).status).toBe(302)
    expect((await owner.delete(`/api/measure/links/${made.body.link.id}`)).status).toBe(204)
    expect((await follow(made.body.link.code)).status).toBe(404)
    expect((await owner.delete(`/api/measure/links/${made.body.link.id}`)).status).toBe(404)
  })
})

describe('settings', () => {
  it('makes one site key on first read and fills the snippets with it', async () => {
    const first = await owner.get<Settings>('/api/measure/settings')
    expect(first.status).toBe(200)
    expect(first.body.siteKey).toMatch(/^site_[A-Za-z0-9_-]{22}$/)
    expect((await viewer.get<Settings>('/api/measure/settings')).body.siteKey).toBe(first.body.siteKey)
    const origin = t.config.publicUrl.origin
    const { snippets } = first.body
    expect(snippets.script).toBe(`<script src="${origin}/m.js" data-site-key="${first.body.siteKey}" async></script>`)
    expect(snippets.pixel).toContain(`${origin}/m/p.gif?k=${first.body.siteKey}&amp;type=signup`)
    expect(snippets.server).toContain(`${origin}/api/conversions`)
    expect(snippets.hearFormIframe).toContain(`${origin}/f/hear/${first.body.siteKey}`)
    expect(snippets.hearFormScript).toContain('data-stagecraft-hear')
    expect(first.body.trackLinks).toBe(true)
  })

  it('turns link tracking off and on for the workspace', async () => {
    const off = await owner.patch<Settings>('/api/measure/settings', { trackLinks: false })
    expect(off.body.trackLinks).toBe(false)
    expect((await t.store.db.selectFrom('workspaces').select('trackLinks').executeTakeFirstOrThrow()).trackLinks).toBe(0)
    expect((await owner.patch<Settings>('/api/measure/settings', { trackLinks: true })).body.trackLinks).toBe(true)
    expect((await owner.patch('/api/measure/settings', { siteKey: 'mine' })).status).toBe(400)
  })
})

describe('a clean shutdown', () => {
  it('writes the clicks still waiting in memory', async () => {
    const store = await createTestStore(appDialect())
    const config = loadConfig({ DATA_DIR: '/nonexistent-test-data', SECRET_KEY: 'k'.repeat(40) })
    const jobs = createJobQueue({ store, config, ...(store.dialect === 'postgres' ? { connectionString: store.database.url } : {}) })
    // A batch window of an hour: nothing is written unless closing writes it.
    const measure = createMeasureContext({ db: store.db, dialect: store.dialect, logger: { info() {}, warn() {}, error() {} }, publicUrl: config.publicUrl, networks: createRegistry([]), clickFlushMs: 3_600_000 })
    const app = await buildApp({ config, store, jobs, secretKey: config.secretKey!, webDir: false, passwordCost: testPasswordCost, logger: false, measure })
    try {
      const setup = await app.inject({ method: 'POST', url: '/api/setup', payload: ownerSetup })
      const cookie = setup.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
      const made = await app.inject({ method: 'POST', url: '/api/measure/links', payload: { url: 'https://cafe-lune.example/' }, headers: { cookie, 'x-csrf-token': setup.json<{ csrfToken: string }>().csrfToken } })
      const code = made.json<{ link: Link }>().link.code
      await app.listen({ port: 0, host: '127.0.0.1' })
      const port = (app.server.address() as { port: number }).port
      for (let i = 0; i < 3; i++) expect((await fetch(`http://127.0.0.1:${port}/l/${code}`, { redirect: 'manual', headers: { 'user-agent': iphone } })).status).toBe(302)
      const stored = async () => Number((await store.db.selectFrom('clicks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      expect(measure.clicks.pending).toBe(3)
      expect(await stored()).toBe(0)
      await app.close()
      expect(await stored()).toBe(3)
      expect(measure.clicks.counters).toMatchObject({ accepted: 3, stored: 3, dropped: 0 })
    } finally {
      await jobs.stop()
      await store.cleanup()
    }
  })
})
