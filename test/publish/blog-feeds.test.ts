/**
 * Blog to social with a person in the loop: a feed served on loopback becomes ideas (drafts),
 * polled with ETag / Last-Modified; nothing goes out unless an owner turns auto-publish on, and
 * then articles are delivered by the real worker to a real Bluesky PDS.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBlueskyConnector } from '../../src/networks/bluesky/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { addMember, createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../peers/bluesky.js'

interface Idea {
  id: string
  text: string
  status: string
  source: string
  scheduledAt: number | null
}

let peer: BlueskyPeer
let alice: PeerAccount
let t: TestApp
let owner: TestClient
let accountId: string
let feedServer: http.Server
let feedUrl: string
const requests: Array<{ ifNoneMatch?: string; ifModifiedSince?: string }> = []
let articles: Array<{ guid: string; title: string; date: string }> = []

function rss(): string {
  const items = articles
    .map((a) => `<item><guid>${a.guid}</guid><title>${a.title}</title><link>https://blog.cafe-lune.example/${a.guid}</link><pubDate>${a.date}</pubDate></item>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Café Lune blog</title><link>https://blog.cafe-lune.example</link>${items}</channel></rss>`
}

function etag(): string {
  return `"${articles.length}"`
}

beforeAll(async () => {
  articles = [1, 2, 3, 4, 5].map((n) => ({ guid: `post-${n}`, title: `Article ${n}`, date: new Date(Date.UTC(2026, 10, n)).toUTCString() }))
  feedServer = http.createServer((req, res) => {
    requests.push({ ...(req.headers['if-none-match'] ? { ifNoneMatch: String(req.headers['if-none-match']) } : {}) })
    if (req.headers['if-none-match'] === etag()) {
      res.writeHead(304).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: etag() }).end(rss())
  })
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve))
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`
  peer = await startBlueskyPeer()
  alice = await peer.createAccount('alice')
  t = await createTestApp({
    networks: createRegistry([createBlueskyConnector({ onCredentialsRenewed: (p, n) => void Object.assign(p, { credentials: n.credentials }) })]),
    env: { ALLOW_PRIVATE_URLS: 'true' },
  })
  owner = await setUpOwner(t)
  const res = await owner.post<{ account: { id: string } }>('/api/accounts', {
    network: 'bluesky',
    input: { identifier: alice.handle, appPassword: alice.appPassword.password, service: peer.url },
  })
  accountId = res.body.account.id
})

afterAll(async () => {
  await t?.close()
  await peer?.stop()
  feedServer?.close()
})

async function ideas(): Promise<Idea[]> {
  return (await owner.get<{ posts: Idea[] }>('/api/posts?source=feed&unscheduled=true')).body.posts
}

describe('blog to social', () => {
  it('turns the latest articles into ideas to review, never posts', async () => {
    const before = await peer.countPosts(alice.did)
    const added = await owner.post<{ feed: { id: string; title: string; autoPublish: boolean } }>('/api/feeds', { url: feedUrl, accountIds: [accountId] })
    expect(added.status).toBe(201)
    expect(added.body.feed).toMatchObject({ title: 'Café Lune blog', autoPublish: false })
    const list = await ideas()
    expect(list.map((i) => i.text)).toEqual([
      'Article 5\n\nhttps://blog.cafe-lune.example/post-5',
      'Article 4\n\nhttps://blog.cafe-lune.example/post-4',
      'Article 3\n\nhttps://blog.cafe-lune.example/post-3',
    ])
    expect(list.every((i) => i.status === 'draft' && i.source === 'feed')).toBe(true)
    expect(await peer.countPosts(alice.did)).toBe(before)
  })

  it('polls conditionally: an unchanged feed answers 304 and adds nothing; a new article adds one idea', async () => {
    const feed = (await owner.get<{ feeds: Array<{ id: string }> }>('/api/feeds')).body.feeds[0]!
    const unchanged = await owner.post<{ newArticles: number }>(`/api/feeds/${feed.id}/poll`)
    expect(unchanged.body.newArticles).toBe(0)
    expect(requests.at(-1)?.ifNoneMatch).toBe('"5"')
    articles.unshift({ guid: 'post-6', title: 'Winter menu', date: new Date(Date.UTC(2026, 10, 20)).toUTCString() })
    const changed = await owner.post<{ newArticles: number }>(`/api/feeds/${feed.id}/poll`)
    expect(changed.body.newArticles).toBe(1)
    expect((await ideas())[0]?.text).toBe('Winter menu\n\nhttps://blog.cafe-lune.example/post-6')
    // Articles older than the first import never come back as ideas.
    expect((await ideas()).some((i) => i.text.startsWith('Article 1'))).toBe(false)
  })

  it('lets only an owner turn auto-publish on; then new articles go out without review', async () => {
    const feed = (await owner.get<{ feeds: Array<{ id: string }> }>('/api/feeds')).body.feeds[0]!
    const admin = await addMember(t, owner, 'admin', 'admin@cafe-lune.example')
    const refused = await admin.patch<{ error: { message: string } }>(`/api/feeds/${feed.id}`, { autoPublish: true })
    expect([refused.status, refused.body.error.message]).toEqual([403, 'Only an owner can let a feed publish without review.'])
    expect((await owner.patch(`/api/feeds/${feed.id}`, { autoPublish: true })).status).toBe(200)
    articles.unshift({ guid: 'post-7', title: 'Open on Sunday', date: new Date(Date.UTC(2026, 10, 22)).toUTCString() })
    await owner.post(`/api/feeds/${feed.id}/poll`)
    const record = await eventually('the article to reach the PDS', async () =>
      (await peer.listPosts(alice.did)).find((r) => r.value.text.startsWith('Open on Sunday')),
    )
    // The article's address went out as a tracked short link that leads back to it.
    const short = /^Open on Sunday\n\n(http:\/\/\S+\/l\/([A-Za-z0-9]+))$/.exec(record.value.text)
    expect(short).not.toBeNull()
    const link = await t.store.db.selectFrom('trackedLinks').select(['url', 'network']).where('code', '=', short![2]!).executeTakeFirstOrThrow()
    expect(link).toEqual({ url: 'https://blog.cafe-lune.example/post-7', network: 'bluesky' })
    // Counted as automated: no author.
    const auto = await t.store.db.selectFrom('posts').select(['authorId', 'source']).where('text', 'like', 'Open on Sunday%').executeTakeFirstOrThrow()
    expect(auto).toEqual({ authorId: null, source: 'feed' })
  })

  it('refuses a web page that is not a feed, and a feed on a private address when not allowed', async () => {
    const page = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Hello</body></html>'))
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`
      const res = await owner.post<{ error: { message: string } }>('/api/feeds', { url, accountIds: [] })
      expect(res.status).toBe(400)
      expect(res.body.error.message).toMatch(/doesn't lead to an RSS or Atom feed/)
      const strict = await createTestApp()
      try {
        const o = await setUpOwner(strict)
        const refused = await o.post<{ error: { message: string } }>('/api/feeds', { url: feedUrl, accountIds: [] })
        expect(refused.body.error.message).toBe("This address points to a private or local network, which isn't allowed here.")
      } finally {
        await strict.close()
      }
    } finally {
      page.close()
    }
  })
})
