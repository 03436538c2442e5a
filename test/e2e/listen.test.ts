/**
 * Listening as an owner meets it, in real headless Chromium against a real server, with a real
 * RSS feed of reviews served on loopback: first-run setup → the empty state teaches the first
 * steps → a high-priority query for the business, tested before any source exists ("nothing to
 * test against yet") → the feed added as a source in the UI (read at once: the mentions arrive,
 * in English, French and Arabic, one negative) → a competitor's query typed wrong first (the error
 * names its position), fixed, tested (matches and "about n a day") and saved → the stream with
 * sentiment badges, the volume chart and share of voice → filtered to negative mentions → the
 * alerts and the unread badge → crisis pause on, a burst of negative reviews arrives → publishing
 * pauses, the banner shows on every page → screenshots in Arabic and Hebrew → resumed.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateAlerts, pollStream } from '../../src/listen/index.js'
import { findListenStream } from '../../src/store/index.js'
import { launchBrowser, screenshot, startLiveServer, type LiveServer } from '../helpers/browser.js'

/** Only inside page.evaluate callbacks, which run in the browser (the tests' own types have no DOM). */
declare const document: { documentElement: { dir: string; lang: string } }
declare function getComputedStyle(element: unknown): { direction: string }

const owner = { business: 'Café Lune', name: 'Amira Haddad', email: 'amira@cafe-lune.example', password: 'correct horse battery staple' }
const hour = 3_600_000

interface Review {
  id: string
  title: string
  text: string
  author: string
  /** How long ago it was published, in ms (0: at the moment the feed is read). */
  ago: number
}

/** What the review site shows at first: praise in three languages, one complaint, a competitor, noise. */
const firstReviews: Review[] = [
  { id: 'r1', title: 'Lovely morning at Café Lune', text: 'The croissants at Café Lune are wonderful: friendly staff and great coffee.', author: 'Maya Chen', ago: 3 * hour },
  { id: 'r2', title: 'Un super moment au Café Lune', text: "J'adore le Café Lune : le meilleur café du quartier, délicieux et accueillant.", author: 'Camille Martin', ago: 26 * hour },
  { id: 'r3', title: 'قهوة رائعة في Café Lune', text: 'أنصح بشدة بزيارة Café Lune، المكان جميل والقهوة ممتازة.', author: 'سارة الخطيب', ago: 5 * hour },
  { id: 'r4', title: 'Terrible service at Café Lune', text: 'Cold coffee and rude staff at Café Lune today. Awful, never again.', author: 'Tom Reed', ago: 2 * hour },
  { id: 'r5', title: 'Brew & Co opens a second shop', text: 'Brew & Co opened a new café near the station this week.', author: 'City News', ago: 4 * hour },
  { id: 'r6', title: 'The weather in Lyon', text: 'Sunny all week, warm afternoons.', author: 'City News', ago: 1 * hour },
]

/** Later, a bad day: five angry reviews within the hour (and the competitor in the news again). */
const crisisReviews: Review[] = [
  { id: 'c1', title: 'Café Lune is a disaster', text: 'Dirty tables and a terrible, rude manager at Café Lune. Disgusting.', author: 'Jo Park', ago: 0 },
  { id: 'c2', title: 'Worst coffee in town: Café Lune', text: 'Bitter, burnt, overpriced. I hate it. Horrible experience at Café Lune.', author: 'Lee Grant', ago: 0 },
  { id: 'c3', title: 'Café Lune : une honte', text: 'Service horrible et café immonde au Café Lune. Très déçu, à éviter absolument.', author: 'Paul Girard', ago: 0 },
  { id: 'c4', title: 'Café Lune سيء جدًا', text: 'خدمة سيئة وقهوة باردة في Café Lune. تجربة مقرفة ولن أعود أبدًا.', author: 'كريم', ago: 0 },
  { id: 'c5', title: 'Avoid Café Lune', text: 'Terrible, awful, rude. The worst breakfast I ever had at Café Lune.', author: 'Ann Doyle', ago: 0 },
  { id: 'c6', title: 'Brew & Co wins a prize', text: 'Brew & Co was named best roaster of the region.', author: 'City News', ago: 0 },
]

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function rss(reviews: readonly Review[]): string {
  const now = Date.now()
  const items = [...reviews]
    .sort((a, b) => a.ago - b.ago)
    .map(
      (review) =>
        `<item><guid isPermaLink="false">${review.id}</guid><title>${escapeXml(review.title)}</title>` +
        `<link>https://reviews.example/${review.id}</link><dc:creator>${escapeXml(review.author)}</dc:creator>` +
        `<description>${escapeXml(review.text)}</description><pubDate>${new Date(now - review.ago).toUTCString()}</pubDate></item>`,
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>City reviews</title><link>https://reviews.example</link>${items}</channel></rss>`
}

/** The review site: a feed on loopback whose content the test changes. */
let reviews: Review[] = firstReviews
const feedServer = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(reviews))
})

let server: LiveServer
let browser: Browser
let feedUrl: string

beforeAll(async () => {
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve))
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/reviews.xml`
  server = await startLiveServer({ env: { ALLOW_PRIVATE_URLS: 'true' } })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await new Promise((resolve) => feedServer.close(resolve))
})

/** Text as the person sees it, without the invisible bidi isolates around interpolated values. */
const visible = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '')

async function switchLanguage(page: Page, code: string): Promise<void> {
  await page.getByTestId('language-switcher').click()
  await page.getByTestId(`lang-option-${code}`).click()
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code)
  await page.getByTestId(`lang-option-${code}`).waitFor({ state: 'hidden' })
}

async function mentionSentiments(page: Page): Promise<string[]> {
  const cards = page.getByTestId('mention-stream').locator('[data-testid^="mention-"][data-sentiment]')
  return cards.evaluateAll((elements) => elements.map((element) => (element as unknown as { dataset: { sentiment: string } }).dataset.sentiment))
}

/** A screenshot without the success notices that may still cover part of the page. */
async function shot(page: Page, name: string): Promise<void> {
  const closeButtons = page.getByTestId('notices').getByRole('button')
  while ((await closeButtons.count()) > 0) await closeButtons.first().click()
  await screenshot(page, name)
}

/** Each tab of the listening page, for screenshots in a language. */
async function screenshotTabs(page: Page, language: string): Promise<void> {
  await page.getByTestId('listen-tab-mentions').click()
  await page.getByTestId('mention-stream').waitFor()
  await page.getByTestId('volume-chart').locator('svg').waitFor()
  await shot(page, `listen-mentions-${language}`)
  await page.getByTestId('listen-tab-queries').click()
  await page.getByTestId('queries-list').waitFor()
  await shot(page, `listen-queries-${language}`)
  await page.getByTestId('listen-tab-sources').click()
  await page.getByTestId('sources-list').waitFor()
  await shot(page, `listen-sources-${language}`)
  await page.getByTestId('listen-tab-alerts').click()
  await page.getByTestId('alert-channels').waitFor()
  await shot(page, `listen-alerts-${language}`)
}

describe('listening from the browser', () => {
  it('adds a feed, writes and tests queries, reads mentions and weathers a crisis', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))

    await page.goto(server.url)
    await page.waitForURL('**/setup')
    await page.getByTestId('setup-business-name').fill(owner.business)
    await page.getByTestId('setup-name').fill(owner.name)
    await page.getByTestId('setup-email').fill(owner.email)
    await page.getByTestId('setup-password').fill(owner.password)
    await page.getByTestId('setup-submit').click()
    await page.getByTestId('home-greeting').waitFor()

    // Nothing yet: the page teaches the two first steps.
    await page.getByTestId('nav-listen').click()
    await page.getByTestId('listen-getting-started').waitFor()
    expect(await page.getByTestId('start-source').getAttribute('data-done')).toBe('false')
    await shot(page, 'listen-start-en')

    // The business's own query, tested before any source exists, then saved as high priority.
    await page.getByTestId('start-create-query').click()
    await page.waitForURL('**/listen/queries?new=1')
    await page.getByTestId('query-name').fill('Café Lune')
    await page.getByTestId('query-text').fill('"Café Lune"')
    await page.getByTestId('query-test').click()
    const emptyTest = page.getByTestId('query-test-result')
    await emptyTest.waitFor()
    expect(await emptyTest.getAttribute('data-empty')).toBe('true')
    await page.getByTestId('query-priority').check()
    await page.getByTestId('query-save').click()
    await page.getByTestId('queries-list').getByText('Café Lune', { exact: true }).waitFor()

    // The review site's feed, added in the UI: read at once, its Café Lune reviews become mentions.
    await page.getByTestId('listen-tab-sources').click()
    // An address the server refuses comes back with its reason, under the address field.
    await page.getByTestId('source-url').fill('ftp://reviews.example/feed')
    await page.getByTestId('source-submit').click()
    const refusal = page.getByTestId('source-add').getByText('Only http:// and https:// addresses can be used.')
    await refusal.waitFor()
    expect(await page.getByTestId('source-url').getAttribute('aria-invalid')).toBe('true')
    await page.getByTestId('source-url').fill(feedUrl)
    await page.getByTestId('source-submit').click()
    const source = page.getByTestId('sources-list').locator('[data-testid^="source-"]').first()
    await source.getByTestId('source-status').waitFor()
    expect(await source.getByTestId('source-status').getAttribute('data-status')).toBe('active')
    expect(visible(await source.getByTestId('source-items').textContent())).toBe('6 items read')
    await shot(page, 'listen-sources-en')

    // A competitor's query: typed wrong first, the error says where; fixed, tested, saved.
    await page.getByTestId('listen-tab-queries').click()
    await page.getByTestId('query-new').click()
    await page.getByTestId('query-name').fill('Brew & Co')
    await page.getByTestId('query-kind').getByText('Competitor').click()
    await page.getByTestId('query-text').fill('"Brew & Co" OR (brewco')
    await page.getByTestId('query-test').click()
    // Mantine writes a field's error in the element `<field id>-error`.
    const queryError = page.locator(`[id="${await page.getByTestId('query-text').getAttribute('id')}-error"]`)
    await queryError.waitFor()
    // The parenthesis at character 16 is never closed: the message says which and where.
    expect(visible(await queryError.textContent())).toContain('at character 16')
    await shot(page, 'listen-query-error-en')
    await page.getByTestId('query-text').fill('"Brew & Co" OR brewco')
    await queryError.waitFor({ state: 'detached' })
    await page.getByTestId('query-test').click()
    const tested = page.getByTestId('query-test-result')
    await tested.getByTestId('query-test-example').first().waitFor()
    expect(visible(await tested.getByTestId('query-test-matched').textContent())).toMatch(/^1 matching post·6 posts checked, covering .+$/)
    expect(visible(await tested.getByTestId('query-test-per-day').textContent())).toMatch(/^(About [\d,]+ mentions? a day|Fewer than one mention a day)$/)
    expect(await tested.getByTestId('query-test-example').allTextContents()).toEqual([expect.stringContaining('Brew & Co opens a second shop')])
    await shot(page, 'listen-query-test-en')
    await page.getByTestId('query-save').click()
    await page.getByTestId('queries-list').getByText('Brew & Co', { exact: true }).waitFor()

    // The stream: four reviews of Café Lune in three languages and the competitor's news, each
    // with its tone (a saved query also looks through the week's items already read).
    await page.getByTestId('listen-tab-mentions').click()
    await page.getByTestId('mention-stream').waitFor()
    await expect.poll(() => mentionSentiments(page)).toHaveLength(5)
    expect((await mentionSentiments(page)).sort()).toEqual(['negative', 'neutral', 'positive', 'positive', 'positive'])
    const arabic = page.getByTestId('mention-stream').getByTestId('mention-text').filter({ hasText: 'أنصح بشدة' })
    expect(await arabic.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl')
    await page.getByTestId('volume-chart').locator('svg').waitFor()
    expect(await page.getByTestId('volume-chart').locator('[data-testid^="volume-series-"]').count()).toBe(2)
    expect(await page.getByTestId('volume-day-label').count()).toBeGreaterThan(2)
    expect(await page.getByTestId('share-of-voice').getByTestId('share-percent').allTextContents()).toEqual(['80%', '20%'])
    await shot(page, 'listen-mentions-en')

    // Only the negative ones.
    await page.getByTestId('filter-sentiment').click()
    await page.getByRole('option', { name: 'Negative' }).click()
    await page.waitForURL('**/listen?sentiment=negative')
    await expect.poll(() => mentionSentiments(page)).toEqual(['negative'])
    expect(visible(await page.getByTestId('mention-stream').getByTestId('mention-title').textContent())).toBe('Terrible service at Café Lune')

    // Every match of the high-priority query is an alert: the navigation counts them.
    await expect.poll(async () => visible(await page.getByTestId('nav-listen-badge').textContent())).toBe('4')
    await page.getByTestId('listen-tab-alerts').click()
    await page.getByTestId('alert-list').locator('[data-kind="priority_match"]').first().waitFor()
    expect(visible(await page.getByTestId('alert-text').first().textContent())).toBe('New match for “Café Lune”')
    await page.getByTestId('alerts-mark-read').click()
    await page.getByTestId('nav-listen-badge').waitFor({ state: 'detached' })

    // Crisis pause on; then a bad hour: five angry reviews arrive and the alert job runs.
    await page.getByTestId('listen-crisis-pause').click()
    await expect.poll(() => page.getByTestId('listen-crisis-pause').isChecked()).toBe(true)
    reviews = [...firstReviews, ...crisisReviews]
    const stream = await findListenStream(server.t.store.db, `feed:${feedUrl}`)
    await pollStream(server.t.listen, stream!)
    await evaluateAlerts(server.t.listen)
    await page.reload()
    const banner = page.getByTestId('publishing-paused')
    await banner.waitFor()
    await page.getByTestId('alert-list').locator('[data-kind="negative_burst"]').waitFor()
    expect(visible(await page.getByTestId('alert-list').locator('[data-kind="negative_burst"]').getByTestId('alert-text').textContent())).toBe(
      'Burst of negative mentions: 5 in an hour',
    )
    await shot(page, 'listen-alerts-en')
    // The banner is on every page: publishing waits for someone to look.
    await page.getByTestId('nav-calendar').click()
    await page.getByTestId('calendar-page').waitFor()
    await banner.waitFor()
    await shot(page, 'listen-paused-calendar-en')

    // Right to left: every tab in Arabic, then Hebrew.
    await page.getByTestId('nav-listen').click()
    for (const language of ['ar', 'he']) {
      await switchLanguage(page, language)
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
      await screenshotTabs(page, language)
    }
    await page.getByTestId('listen-tab-mentions').click()
    await page.getByTestId('volume-chart').locator('svg').waitFor()
    // Time runs right to left: the first day's label stands to the right of the last one's.
    const labels = page.getByTestId('volume-day-label')
    const firstLabel = (await labels.first().boundingBox())!
    const lastLabel = (await labels.last().boundingBox())!
    expect(firstLabel.x).toBeGreaterThan(lastLabel.x)
    await switchLanguage(page, 'en')

    // Someone looked: publishing resumes and the banner goes.
    await page.getByTestId('publishing-resume').click()
    await banner.waitFor({ state: 'detached' })
    expect(pageErrors).toEqual([])
    await context.close()
  })
})
