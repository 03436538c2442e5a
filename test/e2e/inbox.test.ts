/**
 * The inbox in headless Chromium, in Hebrew, on a real Bluesky PDS whose AppView is a contract
 * server built from that PDS's firehose (the connector reads notifications the production way:
 * app.bsky.notification.listNotifications through the PDS): a customer mentions the café with a
 * question → it shows in the inbox as an unanswered question → assigned to me → answered from
 * the item → the answer exists on the PDS, threaded under the mention → the item leaves
 * "unanswered" and shows how long the answer took (on the Measure dashboard too); then the daily check-in blocks are set from the
 * preset and the inbox shows the next check-in. A reply deep in a thread shows every post above
 * it, others' included, read from the network; the answer box counts by Bluesky's rule.
 */
import { AtpAgent, RichText } from '@atproto/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBlueskyConnector } from '../../src/networks/bluesky/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { eventually, setUpOwner, type TestClient } from '../helpers/app.js'
import { launchBrowser, newPage, screenshot, startLiveServer, type LiveServer } from '../helpers/browser.js'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../peers/bluesky.js'

let peer: BlueskyPeer
let server: LiveServer
let owner: TestClient
let cafe: PeerAccount

beforeAll(async () => {
  peer = await startBlueskyPeer({ appView: true })
  server = await startLiveServer({
    networks: createRegistry([createBlueskyConnector({ onCredentialsRenewed: (prev, next) => void Object.assign(prev, { credentials: next.credentials }) })]),
  })
  owner = await setUpOwner(server.t)
  cafe = await peer.createAccount('cafe')
  const connected = await owner.post('/api/accounts', { network: 'bluesky', input: { identifier: cafe.handle, appPassword: cafe.appPassword.password, service: peer.url } })
  expect(connected.status).toBe(201)
})

afterAll(async () => {
  await server?.close()
  await peer?.stop()
})

describe('the inbox (browser, Hebrew; real PDS, AppView contract server derived from its firehose)', () => {
  it('shows a mention, assigns it, answers it on the PDS in its thread, and shows the response time', async () => {
    const fan = await peer.createAccount('dana')
    const agent = new AtpAgent({ service: peer.url })
    await agent.login({ identifier: fan.handle, password: fan.password })
    const rt = new RichText({ text: `@${cafe.handle} יש לכם לחם בלי גלוטן בשבת?` })
    await rt.detectFacets(agent)
    const mention = await agent.post({ text: rt.text, facets: rt.facets, langs: ['he'], createdAt: new Date().toISOString() })
    await peer.appViewCaughtUp()
    await owner.patch('/api/me', { locale: 'he' })

    const browser = await launchBrowser()
    try {
      const { context, page } = await newPage(browser, { locale: 'he' })
      await context.addCookies([...owner.cookies].map(([name, value]) => ({ name, value, url: server.url })))
      await page.goto(`${server.url}/inbox`)
      await page.getByTestId('inbox-page').waitFor()
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
      await page.getByTestId('inbox-sync').click()
      const item = page.locator('[data-testid^="inbox-item-"]').filter({ hasText: 'בלי גלוטן' }).first()
      await item.waitFor()
      expect(await item.getByTestId('inbox-item-question').count()).toBe(1)
      await eventually('the unanswered count', async () => ((await page.getByTestId('inbox-counts-unanswered').textContent())?.includes('1') ? true : undefined))
      await screenshot(page, 'inbox-he')

      await item.click()
      await page.getByTestId('inbox-assign').click()
      await page.getByRole('option').first().click()
      await eventually('the assignment', async () => {
        const stored = await server.t.store.db.selectFrom('inboxItems').select('assigneeId').executeTakeFirst()
        return stored?.assigneeId ? true : undefined
      })
      await page.getByTestId('inbox-reply-text').fill('כן! כל שבת עד הצהריים 🍞')
      await page.getByTestId('inbox-reply-send').click()

      await eventually('the answer on the PDS', async () => ((await peer.countPosts(cafe.did)) === 1 ? true : undefined))
      const [answer] = await peer.listPosts(cafe.did)
      expect(answer!.value.text).toBe('כן! כל שבת עד הצהריים 🍞')
      expect(answer!.value.reply!.parent.uri).toBe(mention.uri)
      expect(answer!.value.reply!.root.uri).toBe(mention.uri)

      await page.getByTestId('inbox-item-answered').first().waitFor({ timeout: 20_000 })
      await page.getByTestId('inbox-filter-unanswered').click()
      await eventually('the item to leave "unanswered"', async () => ((await page.locator('[data-testid^="inbox-item-"]').filter({ hasText: 'בלי גלוטן' }).count()) === 0 ? true : undefined))
      await page.getByTestId('inbox-response-time').waitFor()
      await screenshot(page, 'inbox-answered-he')

      // The dashboard shows the same response time.
      await page.goto(`${server.url}/measure`)
      const responses = page.getByTestId('dashboard-responses')
      await responses.getByTestId('dashboard-responses-median').waitFor()
      expect(await responses.getByTestId('dashboard-responses-answered').textContent()).toMatch(/1/)
      await responses.scrollIntoViewIfNeeded()
      await screenshot(page, 'measure-responses-he')
      await page.goto(`${server.url}/inbox`)

      // The daily check-in routine: weekday blocks from the preset, then the card shows the next one.
      await page.getByTestId('checkin-edit').click()
      await page.getByTestId('checkin-preset').click()
      await page.getByTestId('checkin-save').click()
      await eventually('the blocks to be saved', async () => ((await server.t.store.db.selectFrom('checkInBlocks').select('weekday').execute()).length === 10 ? true : undefined))
      await page.getByTestId('checkin-editor').waitFor({ state: 'hidden' })
      await eventually('the card to show a block', async () => ((await page.getByTestId('checkin-card').getAttribute('data-state')) !== 'none' ? true : undefined))
      await screenshot(page, 'inbox-checkin-he')
    } finally {
      await browser.close()
    }
  })

  it('shows the thread above a reply as the network has it, and counts the answer by Bluesky\'s rule', async () => {
    const as = async (account: PeerAccount) => {
      const agent = new AtpAgent({ service: peer.url })
      await agent.login({ identifier: account.handle, password: account.password })
      return agent
    }
    const [cafeAgent, fanAgent, neighbourAgent] = await Promise.all([as(cafe), peer.createAccount('noa').then(as), peer.createAccount('yael').then(as)])
    const post = async (agent: AtpAgent, text: string, parent?: { uri: string; cid: string }, root?: { uri: string; cid: string }) => {
      const made = await agent.post({ text, langs: ['he'], createdAt: new Date().toISOString(), ...(parent ? { reply: { root: root ?? parent, parent } } : {}) })
      return { uri: made.uri, cid: made.cid }
    }
    const ours = await post(cafeAgent, 'לחם שיפון חדש מהיום 🍞')
    const question = await post(fanAgent, 'כמה זמן הוא נשמר?', ours)
    const aside = await post(neighbourAgent, 'אצלי שבוע שלם, במגבת', question, ours)
    await post(fanAgent, 'תודה! ואתם פתוחים ביום שישי?', aside, ours)
    await peer.appViewCaughtUp()

    const browser = await launchBrowser()
    try {
      const { context, page } = await newPage(browser, { locale: 'he' })
      await context.addCookies([...owner.cookies].map(([name, value]) => ({ name, value, url: server.url })))
      await page.goto(`${server.url}/inbox`)
      await page.getByTestId('inbox-sync').click()
      const item = page.locator('[data-testid^="inbox-item-"]').filter({ hasText: 'פתוחים ביום שישי' }).first()
      await item.waitFor()
      await item.click()
      const thread = page.getByTestId('inbox-thread-above')
      await thread.waitFor()
      const messages = thread.getByTestId('inbox-thread-message')
      expect(await messages.allInnerTexts()).toEqual([expect.stringContaining('לחם שיפון חדש'), expect.stringContaining('כמה זמן הוא נשמר'), expect.stringContaining('שבוע שלם')])
      expect(await messages.first().getAttribute('data-ours')).toBe('true')
      expect(await messages.nth(2).getAttribute('data-ours')).toBe('false')

      // The answer is counted as Bluesky counts it: graphemes, of 300.
      await page.getByTestId('inbox-reply-text').fill('כן, עד 14:00 👨‍👩‍👧')
      const counter = page.getByTestId('length-counter')
      await eventually('the counter', async () => ((await counter.getAttribute('data-length')) === '14' ? true : undefined))
      expect(await counter.getAttribute('data-max')).toBe('300')
      await screenshot(page, 'inbox-thread-he')
    } finally {
      await browser.close()
    }
  })
})
