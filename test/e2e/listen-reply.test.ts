/**
 * Answering a mention from the Listening page, in Hebrew, in headless Chromium: a Mastodon
 * hashtag mention (from the Mastodon contract server written from Mastodon's API reference) gets
 * a reply typed on its card; the reply goes out through the dispatcher as a status threaded under
 * the mention.
 */
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { eventually, setUpOwner, type TestClient } from '../helpers/app.js'
import { launchBrowser, newPage, screenshot, startLiveServer, type LiveServer } from '../helpers/browser.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'

let mastodon: MastodonPeer
let server: LiveServer
let owner: TestClient

beforeAll(async () => {
  mastodon = await startMastodonPeer()
  server = await startLiveServer({ networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  owner = await setUpOwner(server.t)
})

afterAll(async () => {
  await server?.close()
  await mastodon?.close()
})

describe('replying to a mention (browser, Hebrew)', () => {
  it('sends the reply typed on the mention card, threaded under the mention', async () => {
    const cafe = mastodon.createAccountWithToken('cafe')
    expect((await owner.post('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: cafe.accessToken } })).status).toBe(201)
    const fan = mastodon.createAccountWithToken('fan')
    const original = await createRestAPIClient({ url: mastodon.url, accessToken: fan.accessToken }).v1.statuses.create({ status: 'מקום מקסים! #CafeLune הקפה הכי טוב בעיר', language: 'he' })
    expect((await owner.post('/api/listen/queries', { name: 'Café Lune', query: '#cafelune' })).status).toBe(201)
    expect((await owner.post('/api/listen/sources', { kind: 'mastodon', instanceUrl: mastodon.url, hashtag: 'cafelune' })).status).toBe(201)
    await owner.patch('/api/me', { locale: 'he' })

    const browser = await launchBrowser()
    try {
      const { context, page } = await newPage(browser, { locale: 'he' })
      await context.addCookies([...owner.cookies].map(([name, value]) => ({ name, value, url: server.url })))
      await page.goto(`${server.url}/listen`)
      await page.getByTestId('mention-reply').click()
      await page.getByTestId('mention-reply-text').fill('תודה רבה! נתראה בשבת ☕')
      await screenshot(page, 'listen-reply-form-he')
      await page.getByTestId('mention-reply-send').click()
      await page.getByTestId('mention-reply-post').waitFor()
      const answer = await eventually('the reply on the server', async () => mastodon.statuses(cafe.account.id)[0])
      expect(answer.inReplyToId).toBe(original.id)
      expect(JSON.stringify(answer)).toContain('נתראה בשבת')
    } finally {
      await browser.close()
    }
  })
})
