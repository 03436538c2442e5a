/**
 * The feed source against feeds served by a real HTTP server on loopback: RSS and Atom, ETag and
 * Last-Modified answered with 304, servers that ignore validators, and only new items yielded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FeedError } from '../../feeds/index.js'
import { startFeedServer, type FeedServer } from '../../feeds/fixtures/feed-server.js'
import { pollFeedSource, type FeedCursor } from './feed-source.js'

let server: FeedServer
beforeAll(async () => {
  server = await startFeedServer()
})
beforeEach(() => server.reset())
afterAll(() => server?.close())

const deps = { allowPrivate: true, now: () => Date.UTC(2026, 10, 30) }

interface Entry {
  guid: string
  title: string
  html: string
  day: number
}

function rss(entries: Entry[]): string {
  const items = entries
    .map((e) => `<item><guid isPermaLink="false">${e.guid}</guid><title>${e.title}</title><link>https://news.example/${e.guid}</link><author>desk@news.example (Rim Haddad)</author><description><![CDATA[${e.html}]]></description><pubDate>${new Date(Date.UTC(2026, 10, e.day)).toUTCString()}</pubDate></item>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار</title><link>https://news.example</link><language>ar</language>${items}</channel></rss>`
}

function atom(entries: Entry[]): string {
  const items = entries
    .map((e) => `<entry><id>tag:blog.example,2026:${e.guid}</id><title>${e.title}</title><link href="https://blog.example/${e.guid}"/><author><name>Noa</name></author><summary type="html">${e.html.replace(/</g, '&lt;')}</summary><updated>${new Date(Date.UTC(2026, 10, e.day)).toISOString()}</updated></entry>`)
    .join('')
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="he"><title>בלוג</title><id>tag:blog.example,2026:feed</id><updated>2026-11-30T00:00:00Z</updated>${items}</feed>`
}

/** A route answering with the current body and validators, and 304 when the client's match. */
function conditional(body: () => { text: string; etag?: string; lastModified?: string; type: string }) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const current = body()
    const matches = (current.etag && request.headers['if-none-match'] === current.etag) || (current.lastModified && request.headers['if-modified-since'] === current.lastModified)
    if (matches) return void response.writeHead(304).end()
    response
      .writeHead(200, { 'content-type': current.type, ...(current.etag ? { etag: current.etag } : {}), ...(current.lastModified ? { 'last-modified': current.lastModified } : {}) })
      .end(current.text)
  }
}

describe('pollFeedSource', () => {
  it('reads an RSS feed, answers 304 with nothing, then yields only the new items', async () => {
    const entries: Entry[] = [
      { guid: 'a1', title: 'Café Lune opens', html: '<p>Great <b>coffee</b> at #CafeLune, see https://cafe-lune.example/menu.</p>', day: 1 },
      { guid: 'a2', title: 'قهوة', html: '<p>مقهى جديد في المدينة #مقهى</p>', day: 2 },
    ]
    server.route('/rss.xml', conditional(() => ({ text: rss(entries), etag: `"v${entries.length}"`, type: 'application/rss+xml; charset=utf-8' })))
    const url = server.url('/rss.xml')

    const first = await pollFeedSource({ url }, deps)
    expect(first.items.map((i) => i.key)).toEqual([`${url}#a1`, `${url}#a2`])
    expect(first.items[0]).toEqual({
      key: `${url}#a1`,
      sourceKind: 'feed',
      title: 'Café Lune opens',
      text: 'Great coffee at #CafeLune, see https://cafe-lune.example/menu.',
      url: 'https://news.example/a1',
      authorName: 'Rim Haddad',
      lang: 'ar',
      hashtags: ['cafelune'],
      links: ['https://news.example/a1', 'https://cafe-lune.example/menu'],
      mentions: [],
      publishedAt: Date.UTC(2026, 10, 1),
    })
    expect(first.items[1]!.hashtags).toEqual(['مقهى'])
    expect(first.cursor).toEqual({ etag: '"v2"', seen: ['a2', 'a1'] })

    const unchanged = await pollFeedSource({ url, cursor: first.cursor }, deps)
    expect(unchanged).toEqual({ items: [], cursor: first.cursor, notModified: true })
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v2"')

    entries.push({ guid: 'a3', title: 'Third', html: 'বাংলায় খবর @lune@cafe.example', day: 3 })
    const next = await pollFeedSource({ url, cursor: first.cursor }, deps)
    expect(next.items.map((i) => i.key)).toEqual([`${url}#a3`])
    expect(next.items[0]).toMatchObject({ text: 'বাংলায় খবর @lune@cafe.example', mentions: ['lune@cafe.example'] })
    expect(next.cursor).toEqual({ etag: '"v3"', seen: ['a3', 'a2', 'a1'] })
  })

  it('reads an Atom feed with Last-Modified, and yields nothing twice from a server that ignores validators', async () => {
    const entries: Entry[] = [{ guid: 'b1', title: 'שלום', html: '<p>קפה טוב</p>', day: 4 }]
    let honour = true
    const lastModified = 'Wed, 04 Nov 2026 10:00:00 GMT'
    server.route('/atom.xml', conditional(() => ({ text: atom(entries), ...(honour ? { lastModified } : {}), type: 'application/atom+xml' })))
    const url = server.url('/atom.xml')

    const first = await pollFeedSource({ url }, deps)
    expect(first.items).toHaveLength(1)
    expect(first.items[0]).toMatchObject({ key: 'tag:blog.example,2026:b1', title: 'שלום', text: 'קפה טוב', lang: 'he', authorName: 'Noa' })
    expect(first.cursor.lastModified).toBe(lastModified)
    expect((await pollFeedSource({ url, cursor: first.cursor }, deps)).notModified).toBe(true)
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe(lastModified)

    honour = false
    entries.unshift({ guid: 'b2', title: 'Second', html: 'more', day: 5 })
    const second = await pollFeedSource({ url, cursor: first.cursor }, deps)
    expect(second.items.map((i) => i.key)).toEqual(['tag:blog.example,2026:b2'])
    const third = await pollFeedSource({ url, cursor: second.cursor }, deps)
    expect(third).toMatchObject({ items: [], notModified: false })
  })

  it('fails with the feeds layer\'s typed errors', async () => {
    server.route('/broken.xml', (_req, res) => void res.writeHead(503).end())
    const broken = await pollFeedSource({ url: server.url('/broken.xml') }, deps).then(() => undefined, (e: unknown) => e)
    expect(broken).toBeInstanceOf(FeedError)
    expect(broken).toMatchObject({ reason: 'http_error', httpStatus: 503, transient: true })
    const refused = await pollFeedSource({ url: server.url('/rss.xml') }, { allowPrivate: false }).then(() => undefined, (e: unknown) => e)
    expect(refused).toMatchObject({ reason: 'private_address' })
    expect(server.requests.map((r) => r.path)).toEqual(['/broken.xml'])
  })

  it('keeps the cursor bounded', async () => {
    const entries = Array.from({ length: 30 }, (_, n) => ({ guid: `c${n}`, title: `Item ${n}`, html: '', day: 1 + (n % 28) }))
    server.route('/many.xml', conditional(() => ({ text: rss(entries), type: 'application/rss+xml' })))
    const cursor: FeedCursor = { seen: ['old-1', 'old-2'] }
    const result = await pollFeedSource({ url: server.url('/many.xml'), cursor }, { ...deps, maxSeen: 10 })
    expect(result.items).toHaveLength(30)
    expect(result.cursor.seen).toHaveLength(10)
  })
})
