/**
 * Links in published posts become tracked short links, end to end on real HTTP: a post with a
 * link goes to the Mastodon loopback contract server written from Mastodon's API reference with
 * a short link in its place; following the short link lands on the page with the UTM tags and
 * records a click for that post and network; a post with tracking turned off keeps its link.
 */
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'

let t: TestApp
let owner: TestClient
let mastodon: MastodonPeer
let base: string
let accountId: string
let remoteAccountId: string

beforeAll(async () => {
  mastodon = await startMastodonPeer()
  t = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'true' }, networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const address = t.app.server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  owner = await setUpOwner(t)
  const cafe = mastodon.createAccountWithToken('cafe')
  remoteAccountId = cafe.account.id
  const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: cafe.accessToken } })
  accountId = connected.body.account.id
})

afterAll(async () => {
  await t?.close()
  await mastodon?.close()
})

async function publish(text: string, extra: Record<string, unknown> = {}): Promise<string> {
  const post = await owner.post<{ post: { id: string } }>('/api/posts', { text, targets: [{ accountId }], ...extra })
  expect(post.status).toBe(201)
  expect((await owner.post(`/api/posts/${post.body.post.id}/schedule`, { mode: 'now' })).status).toBe(200)
  await eventually('the post to be published', async () => {
    const p = await owner.get<{ post: { status: string } }>(`/api/posts/${post.body.post.id}`)
    return p.body.post.status === 'published' || undefined
  })
  return post.body.post.id
}

describe('tracked links in published posts', () => {
  it('publishes a short link in place of the address, and the click is counted for that post and network', async () => {
    const postId = await publish('Our new sourdough recipe: https://cafe-lune.example/recipes/sourdough?ref=home enjoy!')
    const status = mastodon.statuses(remoteAccountId).find((s) => s.text.startsWith('Our new sourdough'))!
    const short = /https?:\/\/\S+\/l\/[A-Za-z0-9]+/.exec(status.text)?.[0]
    expect(short).toBeDefined()
    expect(status.text).not.toContain('cafe-lune.example')

    // The short link points at this app: follow it as a visitor would.
    const code = short!.split('/l/')[1]!
    const res = await fetch(`${base}/l/${code}`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148', referer: 'https://mastodon.example/@cafe' } })
    expect(res.status).toBe(302)
    const landing = new URL(res.headers.get('location')!)
    expect(landing.origin + landing.pathname).toBe('https://cafe-lune.example/recipes/sourdough')
    expect(landing.searchParams.get('ref')).toBe('home')
    expect(landing.searchParams.get('utm_source')).toBe('mastodon')
    expect(landing.searchParams.get('utm_medium')).toBe('social')
    expect(landing.searchParams.get('utm_content')).toBe(postId)
    expect(landing.searchParams.get('sc_click')).toBeTruthy()

    const click = await eventually('the click to be stored', async () => t.store.db.selectFrom('clicks').selectAll().executeTakeFirst())
    expect(click).toMatchObject({ postId, network: 'mastodon', device: 'mobile', referrerHost: 'mastodon.example', bot: 0 })
    const links = await owner.get<{ links: Array<{ code: string; clicks: number; postId: string | null }> }>('/api/measure/links')
    expect(links.body.links.find((l) => l.code === code)).toMatchObject({ clicks: 1, postId })
  })

  it("tags the links with the post's campaign (a plan goal), 'social' without one", async () => {
    const postId = await publish('Winter boxes are back: https://cafe-lune.example/boxes', { campaign: '  Winter bread boxes ', contentType: 'empower' })
    expect((await owner.get<{ post: { campaign: string | null } }>(`/api/posts/${postId}`)).body.post.campaign).toBe('Winter bread boxes')
    const status = mastodon.statuses(remoteAccountId).find((s) => s.text.startsWith('Winter boxes'))!
    const code = /\/l\/([A-Za-z0-9]+)/.exec(status.text)![1]
    const res = await fetch(`${base}/l/${code}`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' } })
    const landing = new URL(res.headers.get('location')!)
    expect(landing.searchParams.get('utm_campaign')).toBe('Winter bread boxes')
    expect(landing.searchParams.get('utm_content')).toBe(postId)
    const long = await owner.post('/api/posts', { text: 'x https://cafe-lune.example', campaign: 'c'.repeat(101), targets: [{ accountId }] })
    expect(long.status).toBe(400)
  })

  it('keeps the address as written when tracking is off for the post', async () => {
    await publish('Opening hours: https://cafe-lune.example/hours', { trackLinks: false })
    const status = mastodon.statuses(remoteAccountId).find((s) => s.text.startsWith('Opening hours'))
    expect(status?.text).toContain('https://cafe-lune.example/hours')
    expect(status?.text).not.toContain('/l/')
  })
})
