/**
 * Publishing as a person does it, in real headless Chromium against a real server whose worker
 * publishes to a real Bluesky PDS on loopback: first-run setup (the workspace in Tokyo, the
 * browser in New York, so every date must follow the workspace) → connect the Bluesky account in
 * Settings → Accounts → write a post with Arabic and emoji, scheduled a few minutes ahead → find
 * it on the month calendar → drag it to the next day → publish it now from its page → read it
 * back from the PDS → the page says published, with a link. Screenshots of compose, the calendar
 * in English and in Arabic (right to left) and the post page go to test-output/.
 */
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBlueskyConnector } from '../../src/networks/bluesky/index.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { eventually } from '../helpers/app.js'
import { launchBrowser, screenshot, startLiveServer, type LiveServer } from '../helpers/browser.js'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../peers/bluesky.js'

/** Only inside page.evaluate callbacks, which run in the browser (the tests' own types have no DOM). */
declare const document: { documentElement: { dir: string; lang: string } }
declare function getComputedStyle(element: unknown): { direction: string }

const owner = { business: 'Café Lune', name: 'Amira Haddad', email: 'amira@cafe-lune.example', password: 'correct horse battery staple' }
const workspaceZone = 'Asia/Tokyo'
const postText = 'مرحبا من مقهى لون 👋🏽 خبز طازج كل صباح ☕🥐 Fresh bread every morning!'

let peer: BlueskyPeer
let alice: PeerAccount
let server: LiveServer
let browser: Browser

beforeAll(async () => {
  peer = await startBlueskyPeer()
  alice = await peer.createAccount('cafe')
  server = await startLiveServer({
    networks: createRegistry([
      createBlueskyConnector({ onCredentialsRenewed: (prev, next) => void Object.assign(prev, { credentials: next.credentials }) }),
      createMastodonConnector({ createRestAPIClient, createOAuthAPIClient }),
    ]),
  })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await peer?.stop()
})

/** A date and time on the clocks of `zone`. */
function wallTime(instant: number, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  )
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}

function nextDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 1)
  return day.toISOString().slice(0, 10)
}

/** Text as the person sees it, without the invisible bidi isolates around interpolated values. */
const visible = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '')

async function switchLanguage(page: Page, code: string): Promise<void> {
  await page.getByTestId('language-switcher').click()
  await page.getByTestId(`lang-option-${code}`).click()
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code)
  await page.getByTestId(`lang-option-${code}`).waitFor({ state: 'hidden' })
}

interface ApiPost {
  status: string
  scheduledAt: number | null
  targets: Array<{ status: string; remoteUrl: string | null }>
}

async function readPost(page: Page, id: string): Promise<ApiPost> {
  const response = await page.request.get(`${server.url}/api/posts/${id}`)
  return ((await response.json()) as { post: ApiPost }).post
}

describe('publishing from the browser', () => {
  it('connects Bluesky, schedules a post, moves it on the calendar and publishes it to the PDS', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))

    // First run: the workspace keeps Tokyo's clocks whatever the browser's zone.
    await page.goto(server.url)
    await page.waitForURL('**/setup')
    await page.getByTestId('setup-business-name').fill(owner.business)
    await page.getByTestId('setup-time-zone').click()
    await page.getByTestId('setup-time-zone').fill('Tokyo')
    await page.getByRole('option', { name: /Asia\/Tokyo/ }).click()
    await page.getByTestId('setup-name').fill(owner.name)
    await page.getByTestId('setup-email').fill(owner.email)
    await page.getByTestId('setup-password').fill(owner.password)
    await page.getByTestId('setup-submit').click()
    await page.getByTestId('home-greeting').waitFor()
    await page.getByTestId('home-today').waitFor()

    // Settings → Accounts: connect the Bluesky account on the local PDS with an app password.
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('settings-tab-accounts').click()
    await page.waitForURL('**/settings/accounts')
    await page.getByTestId('bluesky-identifier').fill(alice.handle)
    await page.getByTestId('bluesky-app-password').fill(alice.appPassword.password)
    await page.getByTestId('bluesky-own-server').click()
    await page.getByTestId('bluesky-service').fill(peer.url)
    await page.getByTestId('bluesky-connect').click()
    const handle = page.getByTestId('accounts-list').getByTestId('account-handle')
    await handle.waitFor()
    expect(await handle.textContent()).toBe(alice.handle)
    expect(await page.getByTestId('accounts-list').getByTestId('account-status').textContent()).toBe('Working')
    await screenshot(page, 'publish-accounts-en')

    // Compose: Arabic and emoji, counted by Bluesky's rule, scheduled five minutes ahead.
    await page.getByTestId('nav-compose').click()
    await page.getByTestId('compose-text').fill(postText)
    const counter = page.getByTestId('length-counter')
    const graphemes = [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(postText)].length
    await expect.poll(() => counter.getAttribute('data-length')).toBe(String(graphemes))
    expect(await counter.getAttribute('data-max')).toBe('300')
    expect(visible(await page.getByTestId('post-preview-text').textContent())).toBe(postText)
    // An Arabic post reads right to left in the English interface, in the box and in the preview.
    expect(await page.getByTestId('compose-text').evaluate((box) => getComputedStyle(box).direction)).toBe('rtl')
    expect(await page.getByTestId('post-preview-text').evaluate((text) => getComputedStyle(text).direction)).toBe('rtl')
    await page.getByTestId('content-type-engage').click()
    const due = wallTime(Date.now() + 5 * 60_000, workspaceZone)
    await page.getByTestId('schedule-date').fill(due.date)
    await page.getByTestId('schedule-time').fill(due.time)
    expect(visible(await page.getByTestId('schedule-zone').textContent())).toContain('Asia/Tokyo')
    await screenshot(page, 'publish-compose-en')
    await page.getByTestId('compose-submit').click()
    await page.waitForURL(/\/posts\/[^/]+$/)
    const postId = new URL(page.url()).pathname.split('/').pop()!
    await expect.poll(async () => (await readPost(page, postId)).status).toBe('scheduled')
    expect(wallTime((await readPost(page, postId)).scheduledAt!, workspaceZone)).toEqual(due)

    // The month calendar shows it on its day in Tokyo; drag it to the next day, same time.
    await page.getByTestId('nav-calendar').click()
    await page.getByTestId('calendar-month').waitFor()
    const chip = page.getByTestId(`calendar-post-${postId}`)
    await page.getByTestId(`calendar-day-${due.date}`).getByTestId(`calendar-post-${postId}`).waitFor()
    await screenshot(page, 'publish-calendar-month-en')
    const moveTo = nextDate(due.date)
    await chip.dragTo(page.getByTestId(`calendar-day-${moveTo}`))
    await page.getByTestId(`calendar-day-${moveTo}`).getByTestId(`calendar-post-${postId}`).waitFor()
    expect(wallTime((await readPost(page, postId)).scheduledAt!, workspaceZone)).toEqual({ date: moveTo, time: due.time })
    expect(await page.getByTestId('calendar-move-error').count()).toBe(0)

    // Arabic: the same month, right to left; the week starts on Saturday at the right-hand edge.
    await switchLanguage(page, 'ar')
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    await page.getByTestId(`calendar-day-${moveTo}`).getByTestId(`calendar-post-${postId}`).waitFor()
    expect(await page.getByTestId('calendar-weekday-0').getAttribute('data-weekday')).toBe('6')
    const first = (await page.getByTestId('calendar-weekday-0').boundingBox())!
    const last = (await page.getByTestId('calendar-weekday-6').boundingBox())!
    expect(first.x).toBeGreaterThan(last.x)
    const earlier = (await page.getByTestId(`calendar-day-${due.date}`).boundingBox())!
    const later = (await page.getByTestId(`calendar-day-${moveTo}`).boundingBox())!
    if (Math.abs(earlier.y - later.y) < 1) expect(later.x).toBeLessThan(earlier.x)
    await screenshot(page, 'publish-calendar-month-ar')
    await switchLanguage(page, 'en')

    // Open it and publish it now: the worker sends it to the PDS.
    await chip.click()
    await page.waitForURL(`**/posts/${postId}`)
    await page.getByTestId('post-publish-now').click()
    await page.locator('[data-testid="post-status"][data-status="published"]').waitFor({ timeout: 60_000 })
    const records = await eventually('the post on the PDS', async () => {
      const found = await peer.listPosts(alice.did)
      return found.length > 0 ? found : undefined
    })
    expect(records.map((record) => record.value.text)).toEqual([postText])
    const link = page.getByTestId('target-link')
    await link.waitFor()
    const href = await link.getAttribute('href')
    const published = await readPost(page, postId)
    expect(published.targets.map((target) => target.status)).toEqual(['published'])
    expect(href).toBe(published.targets[0]!.remoteUrl)
    expect(href).toContain(records[0]!.uri.split('/').pop())
    expect(visible(await page.getByTestId('post-text').textContent())).toBe(postText)
    await screenshot(page, 'publish-post-en')

    // Home counts it among today's posts in Tokyo; the composer reads right to left in Arabic.
    await page.getByTestId('nav-home').click()
    await page.getByTestId('home-today').getByText(postText.slice(0, 12)).waitFor()
    await screenshot(page, 'publish-home-en')
    await switchLanguage(page, 'ar')
    await page.getByTestId('nav-compose').click()
    await page.getByTestId('compose-text').fill(postText)
    await page.getByTestId('schedule-mode').getByText('إلى قائمة الانتظار').click()
    await expect.poll(() => page.getByTestId('length-counter').getAttribute('data-length')).toBe(String(graphemes))
    await screenshot(page, 'publish-compose-ar')
    await page.goto(`${server.url}/settings/publishing`)
    await page.getByTestId('queue-slots').waitFor()
    await screenshot(page, 'publish-settings-ar')
    await switchLanguage(page, 'en')

    expect(pageErrors).toEqual([])
    await context.close()
  })
})
