/**
 * Conversions end to end over real HTTP on loopback: a visitor clicks a tracked link (through the
 * real redirect), then the business's website records a purchase with the click id: it is tied to
 * the link, the post and the network. Also the CORS preflight and headers, input refused by field
 * in the request's language, unknown site keys, dedupe keys, the pixel, the server API with a
 * workspace API key, and the "How did you hear about us?" form in Arabic, whose choices include
 * the network of an account connected on the Mastodon loopback contract server.
 */
import type { AddressInfo } from 'node:net'
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { translator } from '../../src/i18n/index.js'
import { recordConversion } from '../../src/measure/index.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { newId, type ConversionRow } from '../../src/store/index.js'
import { createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'

type ErrorBody = { error: { code: string; message: string; fields?: Array<{ field: string; message: string }> } }
interface ConversionView {
  id: string
  type: string
  value: number | null
  currency: string | null
  source: string
  answer: string | null
  postId: string | null
  network: string | null
  linkCode: string | null
  at: number
}

const shop = 'https://shop.example'
const browserAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'

let t: TestApp
let owner: TestClient
let mastodon: MastodonPeer
let base: string
let siteKey: string
let workspaceId: string

beforeAll(async () => {
  mastodon = await startMastodonPeer()
  t = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'true' }, networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  owner = await setUpOwner(t)
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  const workspace = await t.store.db.selectFrom('workspaces').select(['id', 'siteKey']).executeTakeFirstOrThrow()
  workspaceId = workspace.id
  siteKey = workspace.siteKey!
})

afterAll(async () => {
  await t?.close()
  await mastodon?.close()
})

/** A post published on Mastodon with a tracked link in it (as publishing leaves them). */
async function publishedPostLink(url: string): Promise<{ postId: string; code: string; linkId: string }> {
  const now = Date.now()
  const postId = newId()
  await t.store.db
    .insertInto('posts')
    .values({ id: postId, workspaceId, authorId: null, text: `New menu: ${url}`, status: 'published', scheduleMode: 'now', scheduledAt: now, contentType: 'educate', source: 'composer', sourceRef: null, approvedBy: null, approvedAt: null, createdAt: now, updatedAt: now })
    .execute()
  const linkId = newId()
  const code = `p${linkId.slice(-7).toLowerCase()}`
  const destination = `${url}?utm_source=mastodon&utm_medium=social&utm_campaign=stagecraft`
  await t.store.db
    .insertInto('trackedLinks')
    .values({ id: linkId, workspaceId, code, url, destination, postId, targetId: null, network: 'mastodon', campaign: null, label: null, createdBy: null, createdAt: now })
    .execute()
  return { postId, code, linkId }
}

/** Follows a short link like a visitor's browser; returns the click id the landing URL carries once the click is stored. */
async function clickThrough(code: string): Promise<string> {
  const res = await fetch(`${base}/l/${code}`, { redirect: 'manual', headers: { 'user-agent': browserAgent, 'accept-language': 'fr-FR' } })
  expect(res.status).toBeGreaterThanOrEqual(301)
  expect(res.status).toBeLessThanOrEqual(308)
  const landing = new URL(res.headers.get('location')!)
  const clickId = landing.searchParams.get('sc_click')
  expect(clickId).toMatch(/^[A-Za-z0-9_-]+$/)
  // Clicks are written in small batches: wait for this one to land.
  await eventually('the click to be stored', async () => (await t.store.db.selectFrom('clicks').select('id').where('id', '=', clickId!).executeTakeFirst()) !== undefined)
  return clickId!
}

function sendFromWebsite(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/public/conversions`, { method: 'POST', headers: { origin: shop, 'content-type': 'text/plain;charset=UTF-8', ...headers }, body: JSON.stringify(body) })
}

async function conversions(): Promise<ConversionRow[]> {
  return t.store.db.selectFrom('conversions').selectAll().where('workspaceId', '=', workspaceId).orderBy('at').orderBy('id').execute()
}

describe('a conversion from the website', () => {
  it('is tied to the click that brought the visitor: its link, post and network', async () => {
    const link = await publishedPostLink(`${shop}/menu`)
    const clickId = await clickThrough(link.code)
    const res = await sendFromWebsite({ siteKey, type: 'Purchase', value: 12.5, currency: 'eur', clickId, dedupeKey: 'order-1001' })
    expect(res.status).toBe(201)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    expect(await res.json()).toEqual({ recorded: true, attributed: true })
    const stored = (await conversions()).find((c) => c.dedupeKey === 'order-1001')
    expect(stored).toMatchObject({ clickId, linkId: link.linkId, postId: link.postId, network: 'mastodon', type: 'purchase', value: 12.5, currency: 'EUR', source: 'script' })
  })

  it('is tied to its click even when the click is still waiting in the writer (a visitor quicker than a batch)', async () => {
    const link = await publishedPostLink(`${shop}/menu-quick`)
    const clickId = newId()
    const waiting = { id: clickId, linkId: link.linkId, workspaceId, postId: link.postId, network: 'mastodon' }
    const ctx = { db: t.store.db, now: () => Date.now(), networks: new Map(), clicks: { findPending: (id: string) => (id === clickId ? waiting : undefined) } }
    const result = await recordConversion(ctx, workspaceId, { type: 'purchase', value: 9, currency: 'EUR', clickId, dedupeKey: null }, 'script')
    expect(result.conversion).toMatchObject({ clickId, linkId: link.linkId, postId: link.postId, network: 'mastodon' })
    // Another workspace's pending click is not this workspace's to claim.
    const foreign = await recordConversion({ ...ctx, clicks: { findPending: () => ({ ...waiting, workspaceId: 'another' }) } }, workspaceId, { type: 'purchase', value: 1, currency: 'EUR', clickId, dedupeKey: null }, 'script')
    expect(foreign.conversion).toMatchObject({ clickId: null, linkId: null })
  })

  it('ties a standalone link made in the app too', async () => {
    const made = await owner.post<{ link: { id: string; code: string } }>('/api/measure/links', { url: `${shop}/flyer`, label: 'Market flyer', campaign: 'spring' })
    expect(made.status).toBe(201)
    const clickId = await clickThrough(made.body.link.code)
    expect((await sendFromWebsite({ siteKey, type: 'signup', clickId })).status).toBe(201)
    const stored = (await conversions()).find((c) => c.clickId === clickId)
    expect(stored).toMatchObject({ linkId: made.body.link.id, postId: null, network: null, type: 'signup', value: null, currency: null })
    const list = await owner.get<{ links: Array<{ id: string; conversions: number }> }>('/api/measure/links')
    expect(list.body.links.find((l) => l.id === made.body.link.id)?.conversions).toBe(1)
  })

  it('answers the CORS preflight for any origin, without credentials', async () => {
    const res = await fetch(`${base}/api/public/conversions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://another-shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    expect(res.headers.get('access-control-allow-headers')).toContain('content-type')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    // After the preflight, a JSON request from that other site is accepted (not refused as cross-site).
    const json = await fetch(`${base}/api/public/conversions`, {
      method: 'POST',
      headers: { origin: 'https://another-shop.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey, type: 'newsletter' }),
    })
    expect(json.status).toBe(201)
    expect(json.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('ignores a click of another workspace rather than refusing the conversion', async () => {
    const res = await sendFromWebsite({ siteKey, type: 'purchase', clickId: 'not-one-of-ours-0000000000', dedupeKey: 'order-stale-cookie' })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ recorded: true, attributed: false })
    expect((await conversions()).find((c) => c.dedupeKey === 'order-stale-cookie')).toMatchObject({ clickId: null, linkId: null, postId: null })
  })

  it('refuses bad input naming each field, in the language of the request, with the CORS header', async () => {
    const before = (await conversions()).length
    const res = await sendFromWebsite({ siteKey, type: 'Big sale!', value: -3, currency: 'EURO' }, { 'accept-language': 'fr-FR,fr;q=0.9' })
    expect(res.status).toBe(400)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const body = (await res.json()) as ErrorBody
    const fr = translator('fr')
    expect(body.error.code).toBe('validation')
    expect(body.error.message).toMatch(/^Vérifiez ces champs/)
    const byField = Object.fromEntries((body.error.fields ?? []).map((f) => [f.field, f.message]))
    expect(Object.keys(byField).sort()).toEqual(['currency', 'type', 'value'])
    expect(byField.value).toBe(fr('validation.too_small', { minimum: 0 }))
    expect(byField.currency).toBe(fr('validation.invalid_currency'))
    expect(byField.type).toBe(fr('validation.conversion_type'))
    for (const tooLong of [{ type: 'x'.repeat(41) }, { type: 'buy', dedupeKey: 'k'.repeat(101) }, { type: 'buy', value: 2e9 }]) {
      expect((await sendFromWebsite({ siteKey, ...tooLong })).status).toBe(400)
    }
    expect((await conversions()).length).toBe(before)
  })

  it('answers 404 for an unknown site key', async () => {
    const res = await sendFromWebsite({ siteKey: 'site_nobodyHasThisKey', type: 'purchase' })
    expect(res.status).toBe(404)
    expect(((await res.json()) as ErrorBody).error.code).toBe('not_found')
  })

  it('counts a conversion sent twice with the same dedupe key once', async () => {
    const first = await sendFromWebsite({ siteKey, type: 'purchase', value: 30, currency: 'EUR', dedupeKey: 'order-2002' })
    const again = await sendFromWebsite({ siteKey, type: 'purchase', value: 30, currency: 'EUR', dedupeKey: 'order-2002' })
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ recorded: false, attributed: false })
    expect((await conversions()).filter((c) => c.dedupeKey === 'order-2002')).toHaveLength(1)
  })
})

describe('the pixel', () => {
  it('is always a transparent GIF, and records a valid conversion with its click', async () => {
    const link = await publishedPostLink(`${shop}/gift-cards`)
    const clickId = await clickThrough(link.code)
    const res = await fetch(`${base}/m/p.gif?k=${siteKey}&type=gift_card&value=25&currency=usd&click=${clickId}&id=gc-9`, { headers: { referer: `${shop}/thanks` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/gif')
    expect(res.headers.get('cache-control')).toContain('no-store')
    const image = Buffer.from(await res.arrayBuffer())
    expect(image.subarray(0, 6).toString('latin1')).toBe('GIF89a')
    expect((await conversions()).find((c) => c.dedupeKey === 'gc-9')).toMatchObject({ source: 'pixel', type: 'gift_card', value: 25, currency: 'USD', clickId, postId: link.postId, network: 'mastodon' })

    const before = (await conversions()).length
    for (const query of [`k=${siteKey}&type=Not%20A%20Type`, `k=${siteKey}&type=buy&currency=XYZ`, `k=${siteKey}&type=buy&value=-1`, 'k=site_unknownKey000&type=buy', 'type=buy']) {
      const ignored = await fetch(`${base}/m/p.gif?${query}`)
      expect(ignored.status).toBe(200)
      expect(ignored.headers.get('content-type')).toBe('image/gif')
    }
    expect((await conversions()).length).toBe(before)
  })
})

describe('the server API', () => {
  it('records a conversion with a workspace API key, and lists it in the app', async () => {
    const key = await owner.post<{ secret: string }>('/api/api-keys', { name: 'Shop server', role: 'editor' })
    expect(key.status).toBe(201)
    const send = (body: unknown, secret = key.body.secret) =>
      fetch(`${base}/api/conversions`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const res = await send({ type: 'invoice_paid', value: 480, currency: 'BDT', dedupeKey: 'inv-77' })
    expect(res.status).toBe(201)
    const { conversion, duplicate } = (await res.json()) as { conversion: ConversionView; duplicate: boolean }
    expect(duplicate).toBe(false)
    expect(conversion).toMatchObject({ type: 'invoice_paid', value: 480, currency: 'BDT', source: 'server', linkCode: null })
    expect((await send({ type: 'invoice_paid', value: 480, currency: 'BDT', dedupeKey: 'inv-77' })).status).toBe(200)

    const refused = await send({ type: 'invoice_paid', currency: 'TAKA' })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['currency'])
    expect((await fetch(`${base}/api/conversions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"x"}' })).status).toBe(401)
    const viewerKey = await owner.post<{ secret: string }>('/api/api-keys', { name: 'Read only', role: 'viewer' })
    expect((await send({ type: 'invoice_paid' }, viewerKey.body.secret)).status).toBe(403)

    const listed = await owner.get<{ conversions: ConversionView[]; nextCursor: string | null }>('/api/measure/conversions')
    expect(listed.status).toBe(200)
    expect(listed.body.conversions[0]).toMatchObject({ id: conversion.id, source: 'server' })
    const attributed = listed.body.conversions.find((c) => c.type === 'gift_card')
    expect(attributed?.linkCode).toMatch(/^p/)
    expect(listed.body.conversions.map((c) => c.at)).toEqual([...listed.body.conversions.map((c) => c.at)].sort((a, b) => b - a))
  })

  it('pages the list with a cursor', async () => {
    const now = Date.now()
    await t.store.db
      .insertInto('conversions')
      .values(Array.from({ length: 60 }, (_, n) => ({ id: newId(now - 86_400_000 - n), workspaceId, clickId: null, linkId: null, postId: null, network: null, type: 'old_order', value: n, currency: 'EUR', source: 'server' as const, answer: null, dedupeKey: null, at: now - 86_400_000 - n * 1000 })))
      .execute()
    const first = await owner.get<{ conversions: ConversionView[]; nextCursor: string | null }>('/api/measure/conversions')
    expect(first.body.conversions).toHaveLength(50)
    expect(first.body.nextCursor).not.toBeNull()
    const second = await owner.get<{ conversions: ConversionView[]; nextCursor: string | null }>(`/api/measure/conversions?cursor=${first.body.nextCursor}`)
    const total = (await conversions()).length
    expect(second.body.conversions).toHaveLength(total - 50)
    expect(second.body.nextCursor).toBeNull()
    const ids = new Set([...first.body.conversions, ...second.body.conversions].map((c) => c.id))
    expect(ids.size).toBe(total)
  })
})

describe('the "How did you hear about us?" form', () => {
  it('asks in Arabic, right to left, offering the connected network, and records the answer once per click', async () => {
    const cafe = mastodon.createAccountWithToken('cafelune')
    const connected = await owner.post('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: cafe.accessToken } })
    expect(connected.status).toBe(201)
    const link = await publishedPostLink(`${shop}/about`)
    const clickId = await clickThrough(link.code)

    const page = await fetch(`${base}/f/hear/${siteKey}?lang=ar&click=${clickId}`, { headers: { 'accept-language': 'en' } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    // Any site may frame this page, and only this page.
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(page.headers.get('x-frame-options')).toBeNull()
    const app = await fetch(`${base}/api/setup`)
    expect(app.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    const html = await page.text()
    const ar = translator('ar')
    expect(html).toMatch(/<html lang="ar" dir="rtl">/)
    expect(html).toContain(ar('measure.form.question'))
    expect(html).toMatch(/value="mastodon"[^>]*><span>Mastodon<\/span>/)
    expect(html).toContain(`value="friend" data-choice="friend" required><span>${ar('measure.form.choices.friend')}</span>`)
    expect(html).toContain('value="search"')
    expect(html).toContain('value="other"')
    expect(html).not.toContain('<script')

    const answer = (choice: string) =>
      fetch(`${base}/f/hear/${siteKey}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
        body: new URLSearchParams({ answer: choice, click: clickId, lang: 'ar' }).toString(),
      })
    const refused = await answer('tiktok')
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain(ar('measure.form.pick_answer'))

    const sent = await answer('mastodon')
    expect(sent.status).toBe(303)
    const thanks = await fetch(new URL(sent.headers.get('location')!, base))
    const thanksHtml = await thanks.text()
    expect(thanksHtml).toMatch(/<html lang="ar" dir="rtl">/)
    expect(thanksHtml).toContain(ar('measure.form.thanks'))
    expect(thanks.headers.get('content-security-policy')).toContain('frame-ancestors *')

    expect((await answer('friend')).status).toBe(303)
    const heard = (await conversions()).filter((c) => c.type === 'heard')
    expect(heard).toHaveLength(1)
    expect(heard[0]).toMatchObject({ source: 'form', answer: 'mastodon', clickId, linkId: link.linkId, postId: link.postId, network: 'mastodon' })
    // Coming back through the same click shows the thanks, not the question again.
    expect(await (await fetch(`${base}/f/hear/${siteKey}?lang=ar&click=${clickId}`)).text()).toContain('data-testid="hear-thanks"')
  })

  it('asks in the browser language without a lang, and says so when the site key is unknown', async () => {
    const html = await (await fetch(`${base}/f/hear/${siteKey}`, { headers: { 'accept-language': 'he-IL,he;q=0.9' } })).text()
    expect(html).toMatch(/<html lang="he" dir="rtl">/)
    const unknown = await fetch(`${base}/f/hear/site_unknownKey000?lang=bn`)
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain(translator('bn')('measure.form.unavailable'))
  })
})

describe('the site script', () => {
  it('is served as JavaScript for any origin, cached for an hour', async () => {
    const res = await fetch(`${base}/m.js`, { headers: { origin: shop } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(await res.text()).toContain('/api/public/conversions')
  })
})
