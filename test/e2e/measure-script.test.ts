/**
 * The website script in real headless Chromium, on a "business website" of its own (a tiny HTTP
 * server on another loopback address, so another site): a visitor follows a tracked link through
 * the real redirect, lands with `sc_click` on the URL, the script keeps it in a first-party
 * cookie, and two pages later the thank-you page records a purchase that is tied to that click.
 * The page's "How did you hear about us?" slot shows the form in an iframe, in the page's
 * language (Arabic, right to left); answering inside the iframe records the answer.
 */
import http from 'node:http'
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { translator } from '../../src/i18n/index.js'
import { createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { defaultWebDir } from '../../src/package-root.js'
import { launchBrowser, screenshot } from '../helpers/browser.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'

/** Only inside page.evaluate callbacks, which run in the browser (the tests' own types have no DOM). */
declare const document: { cookie: string; body: { getAttribute(name: string): string | null } }

/** An ordinary desktop browser: the redirect counts headless agents as bots. */
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'

let t: TestApp
let owner: TestClient
let browser: Browser
let app: string
let website: http.Server
let site: string
let siteKey: string
let mastodon: MastodonPeer

/** The business's website: a landing page, a product page and a thank-you page carrying the snippet. */
function startWebsite(): Promise<http.Server> {
  const snippet = () => `<script src="${app}/m.js" data-site-key="${siteKey}" async></script>`
  const pages: Record<string, string> = {
    '/landing': `<h1>Boulangerie Lune</h1><p>Nos pains du jour.</p><a href="/bread">Voir le pain</a>`,
    '/bread': `<h1>Pain au levain</h1><a href="/thanks">Acheter</a>`,
    '/thanks':
      `<h1>شكرًا على طلبك</h1><div data-stagecraft-hear></div>` +
      // The shop's own code, after the script has loaded (it is async).
      `<script src="/thanks.js"></script>`,
  }
  const thanksJs = `window.addEventListener('load', function () {
    window.stagecraft.convert('purchase', { value: 12.5, currency: 'EUR' }).then(function (r) {
      document.body.setAttribute('data-converted', JSON.stringify(r));
    });
  });`
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === '/favicon.ico') return void res.writeHead(204).end()
    if (path === '/thanks.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(thanksJs)
    const page = pages[path]
    if (!page) return void res.writeHead(404).end()
    const lang = path === '/thanks' ? 'ar' : 'fr'
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>Boulangerie Lune</title></head><body style="font-family:sans-serif;max-width:40rem;margin:2rem auto">${page}${snippet()}</body></html>`)
  })
  // Another loopback address: another site than the app's, as a real shop would be.
  return new Promise((resolve) => server.listen(0, '127.0.0.2', () => resolve(server)))
}

beforeAll(async () => {
  mastodon = await startMastodonPeer()
  // The worker publishes to the Mastodon loopback contract server (written from Mastodon's API reference).
  t = await createTestApp({ webDir: defaultWebDir, env: { ALLOW_PRIVATE_URLS: 'true' }, networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  owner = await setUpOwner(t)
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  app = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`
  siteKey = (await t.store.db.selectFrom('workspaces').select('siteKey').executeTakeFirstOrThrow()).siteKey!
  website = await startWebsite()
  site = `http://127.0.0.2:${(website.address() as AddressInfo).port}`
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await new Promise<void>((resolve) => (website ? website.close(() => resolve()) : resolve()))
  await t?.close()
  await mastodon?.close()
})

describe('the website script in a browser', () => {
  it('carries the click across pages to a purchase, and records the form answered in its iframe', async () => {
    const made = await owner.post<{ link: { id: string; code: string } }>('/api/measure/links', { url: `${site}/landing`, label: 'Instagram bio' })
    expect(made.status).toBe(201)

    const context = await browser.newContext({ userAgent, locale: 'fr-FR', viewport: { width: 1000, height: 900 } })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })

    // The visitor follows the short link: the redirect counts the click and lands on the shop.
    await page.goto(`${app}/l/${made.body.link.code}`)
    const landing = new URL(page.url())
    expect(landing.origin).toBe(site)
    expect(landing.pathname).toBe('/landing')
    const clickId = landing.searchParams.get('sc_click')
    expect(clickId).toBeTruthy()
    await page.waitForFunction(() => document.cookie.includes('sc_click='))
    expect(await page.evaluate(() => document.cookie)).toContain(`sc_click=${clickId}`)

    // Two pages later, without the id on the URL: the cookie carried it.
    await page.getByRole('link').click()
    await page.waitForURL(`${site}/bread`)
    await page.getByRole('link').click()
    await page.waitForURL(`${site}/thanks`)
    await page.waitForFunction(() => document.body.getAttribute('data-converted') !== null)
    expect(JSON.parse((await page.evaluate(() => document.body.getAttribute('data-converted')))!)).toMatchObject({ ok: true, status: 201, recorded: true })
    const purchase = await eventually('the purchase', () => t.store.db.selectFrom('conversions').selectAll().where('type', '=', 'purchase').executeTakeFirst())
    expect(purchase).toMatchObject({ clickId, linkId: made.body.link.id, value: 12.5, currency: 'EUR', source: 'script' })

    // The form, in the page's language, inside the iframe the script put in the slot.
    const frame = page.frameLocator('[data-stagecraft-hear] iframe')
    const ar = translator('ar')
    await frame.getByText(ar('measure.form.question')).waitFor()
    expect(await page.locator('[data-stagecraft-hear] iframe').getAttribute('title')).toBe(ar('measure.form.question'))
    expect(await frame.locator('html').getAttribute('dir')).toBe('rtl')
    await screenshot(page, 'measure-website-form-ar')
    await frame.getByRole('radio', { name: ar('measure.form.choices.friend') }).check()
    await frame.getByRole('button', { name: ar('measure.form.submit') }).click()
    await frame.getByTestId('hear-thanks').waitFor()
    await screenshot(page, 'measure-website-form-thanks-ar')
    const heard = await eventually('the answer', () => t.store.db.selectFrom('conversions').selectAll().where('type', '=', 'heard').executeTakeFirst())
    expect(heard).toMatchObject({ answer: 'friend', source: 'form', clickId, linkId: made.body.link.id })

    // No CORS, CSP or framing error on the way.
    expect(problems).toEqual([])
    await context.close()

    // The owner's Measure page, in Hebrew: the link with its click and conversion, the snippets.
    expect((await owner.patch('/api/me', { locale: 'he' })).status).toBe(200)
    const ownerContext = await browser.newContext({ locale: 'he-IL', viewport: { width: 1280, height: 900 } })
    await ownerContext.addCookies([...owner.cookies].map(([name, value]) => ({ name, value, url: app })))
    const ownerPage = await ownerContext.newPage()
    await ownerPage.goto(`${app}/measure/setup`)
    await ownerPage.getByTestId('measure-setup-page').waitFor()
    await ownerPage.getByTestId('links-table').waitFor()
    expect(await ownerPage.getByTestId('link-clicks').first().textContent()).toContain('1')
    expect(await ownerPage.getByTestId('link-conversions').first().textContent()).toContain('2')
    await ownerPage.getByTestId('conversions-table').waitFor()
    await screenshot(ownerPage, 'measure-setup-he')
    await ownerContext.close()
  })

  it('publishes a post with a link; its click and its sale show on the dashboard for that post and network', async () => {
    const cafe = mastodon.createAccountWithToken('boulangerie')
    const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: cafe.accessToken } })
    expect(connected.status).toBe(201)
    const post = await owner.post<{ post: { id: string } }>('/api/posts', { text: `Le pain du jour est sorti du four : ${site}/landing`, contentType: 'educate', targets: [{ accountId: connected.body.account.id }] })
    expect(post.status).toBe(201)
    expect((await owner.post(`/api/posts/${post.body.post.id}/schedule`, { mode: 'now' })).status).toBe(200)
    const status = await eventually('the post on Mastodon', async () => mastodon.statuses(cafe.account.id).find((s) => s.text.startsWith('Le pain du jour')))
    const short = /https?:\/\/\S+\/l\/[A-Za-z0-9]+/.exec(status.text)?.[0]
    expect(short, status.text).toBeDefined()

    // A reader follows the short link from the post, browses, and buys.
    const context = await browser.newContext({ userAgent, locale: 'fr-FR' })
    const page = await context.newPage()
    // The short link names the app's public address; this test's app listens on a port of its own.
    await page.goto(`${app}/l/${short!.split('/l/')[1]}`)
    expect(new URL(page.url()).searchParams.get('utm_source')).toBe('mastodon')
    await page.getByText('Voir le pain').click()
    await page.getByText('Acheter').click()
    await page.waitForFunction(() => document.body.getAttribute('data-converted') !== null)
    await context.close()
    await eventually('the sale', () => t.store.db.selectFrom('conversions').selectAll().where('postId', '=', post.body.post.id).where('type', '=', 'purchase').executeTakeFirst())

    // The owner's dashboard, in Arabic: one click and one sale for that post on Mastodon.
    expect((await owner.patch('/api/me', { locale: 'ar' })).status).toBe(200)
    const ownerContext = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 1000 } })
    await ownerContext.addCookies([...owner.cookies].map(([name, value]) => ({ name, value, url: app })))
    const ownerPage = await ownerContext.newPage()
    await ownerPage.goto(`${app}/measure`)
    expect(await ownerPage.locator('html').getAttribute('dir')).toBe('rtl')
    const row = ownerPage.getByTestId('dashboard-network-row-mastodon')
    await row.waitFor()
    const arabicDigits = (text: string | null) => (text ?? '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    expect(arabicDigits(await ownerPage.getByTestId('dashboard-network-row-mastodon-clicks').textContent())).toContain('1')
    expect(arabicDigits(await ownerPage.getByTestId('dashboard-network-row-mastodon-conversions').textContent())).toContain('1')
    const target = await t.store.db.selectFrom('postTargets').select('id').where('postId', '=', post.body.post.id).executeTakeFirstOrThrow()
    const top = ownerPage.getByTestId(`dashboard-top-post-${target.id}`)
    await top.waitFor()
    expect(await top.textContent()).toContain('Le pain du jour')
    await screenshot(ownerPage, 'measure-dashboard-ar')
    await ownerPage.setViewportSize({ width: 1280, height: 3200 })
    await screenshot(ownerPage, 'measure-dashboard-ar-full')
    await ownerContext.close()
  })
})
