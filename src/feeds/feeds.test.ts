/**
 * Fetching feeds against a real HTTP server on 127.0.0.1: conditional requests, redirects, the
 * URL guard at connection time (DNS stubbed in-process, never the real resolver), limits and
 * every failure reason. No connection leaves the loopback interface.
 */
import dns from 'node:dns'
import type { LookupAddress } from 'node:dns'
import net from 'node:net'
import zlib from 'node:zlib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { FeedError, feedErrorReasons, feedMessageKey, fetchFeed } from './index.js'
import type { FeedErrorReason, FeedResult, FetchFeedOptions } from './index.js'
import { redirect, rss, serve, startFeedServer } from './fixtures/feed-server.js'
import type { FeedServer } from './fixtures/feed-server.js'

let server: FeedServer
beforeAll(async () => {
  server = await startFeedServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())
afterEach(() => vi.restoreAllMocks())

const local: FetchFeedOptions = { allowPrivate: true }
const feedXml = rss('<item><guid>one</guid><title>One</title><link>/posts/one</link></item>')

/** The FeedError a poll fails with (the test fails if it succeeds). */
async function failure(url: string, options: FetchFeedOptions = local): Promise<FeedError> {
  const error: unknown = await fetchFeed(url, options).then(
    (result) => new Error(`expected a failure, got ${result.status}`),
    (e: unknown) => e,
  )
  if (!(error instanceof FeedError)) throw error
  return error
}

function okFeed(result: FeedResult) {
  if (result.status !== 'ok') throw new Error(`expected a feed, got ${result.status}`)
  return result
}

/** Answers names from `table` in-process (any other name: ENOTFOUND) and records what was asked. */
function stubDns(table: Record<string, string>): string[] {
  const asked: string[] = []
  type Callback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void
  const lookup = (hostname: string, _options: unknown, callback: Callback) => {
    asked.push(hostname)
    const address = table[hostname]
    const notFound = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
    process.nextTick(() => (address ? callback(null, [{ address, family: net.isIP(address) }]) : callback(notFound, [])))
  }
  vi.spyOn(dns, 'lookup').mockImplementation(lookup as unknown as typeof dns.lookup)
  return asked
}

describe('conditional requests', () => {
  it('sends the previous ETag as If-None-Match and reports not_modified on 304', async () => {
    server.route('/feed', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304).end()
      serve(feedXml, { etag: '"v1"' })(request, response)
    })
    const first = okFeed(await fetchFeed(server.url('/feed'), local))
    expect(first.etag).toBe('"v1"')
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined()
    const second = await fetchFeed(server.url('/feed'), { ...local, etag: first.etag })
    expect(second).toEqual({ status: 'not_modified' })
    expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"')
  })

  it('sends the previous Last-Modified as If-Modified-Since and reports not_modified on 304', async () => {
    const stamp = 'Tue, 01 Oct 2024 08:00:00 GMT'
    server.route('/feed', (request, response) => {
      if (request.headers['if-modified-since'] === stamp) return response.writeHead(304).end()
      serve(feedXml, { 'last-modified': stamp })(request, response)
    })
    const first = okFeed(await fetchFeed(server.url('/feed'), local))
    expect(first).toMatchObject({ lastModified: stamp })
    expect(first.etag).toBeUndefined()
    expect(await fetchFeed(server.url('/feed'), { ...local, lastModified: first.lastModified })).toEqual({ status: 'not_modified' })
    expect(server.requests[1]?.headers['if-modified-since']).toBe(stamp)
  })
})

describe('redirects', () => {
  it('follows five redirects of every kind, relative ones included, and resolves links against the final URL', async () => {
    server.route('/a', redirect('/b', 301))
    server.route('/b', redirect(server.url('/c'), 302))
    server.route('/c', redirect('d', 303))
    server.route('/d', redirect('/e', 307))
    server.route('/e', redirect('/blog/feed', 308))
    server.route('/blog/feed', serve(feedXml))
    const result = okFeed(await fetchFeed(server.url('/a'), local))
    expect(server.requests.map((r) => r.path)).toEqual(['/a', '/b', '/c', '/d', '/e', '/blog/feed'])
    expect(result.feed.items[0]?.link).toBe(server.url('/posts/one'))
  })

  it('refuses a sixth redirect, and a redirect loop, as too_many_redirects', async () => {
    for (let i = 0; i < 6; i++) server.route(`/r${i}`, redirect(`/r${i + 1}`))
    server.route('/r6', serve(feedXml))
    expect((await failure(server.url('/r0'))).reason).toBe('too_many_redirects')
    expect(server.requests.map((r) => r.path)).toEqual(['/r0', '/r1', '/r2', '/r3', '/r4', '/r5'])
    server.route('/loop', redirect('/loop'))
    expect((await failure(server.url('/loop'))).reason).toBe('too_many_redirects')
  })

  it('checks every hop\'s URL: a redirect to a file: URL or to embedded credentials is refused, a Location is required', async () => {
    server.route('/to-file', redirect('file:///etc/passwd'))
    server.route('/to-credentials', redirect(`http://user:secret@127.0.0.1:${server.port}/feed`))
    server.route('/no-location', (_request, response) => response.writeHead(302).end())
    expect((await failure(server.url('/to-file'))).reason).toBe('unsupported_protocol')
    expect((await failure(server.url('/to-credentials'))).reason).toBe('credentials_in_url')
    expect(await failure(server.url('/no-location'))).toMatchObject({ reason: 'http_error', httpStatus: 302 })
    expect(server.requests.map((r) => r.path)).toEqual(['/to-file', '/to-credentials', '/no-location'])
  })
})

describe('URL guard', () => {
  it('refuses loopback addresses in any spelling before any request reaches the server', async () => {
    server.route('/feed', serve(feedXml))
    const spellings = [server.url('/feed'), `http://[::1]:${server.port}/feed`, `http://2130706433:${server.port}/feed`, `http://[::ffff:127.0.0.1]:${server.port}/feed`]
    for (const url of spellings) {
      const error = await failure(url, { allowPrivate: false })
      expect(error).toMatchObject({ reason: 'private_address', messageKey: 'url_private_address' })
    }
    expect(server.requests).toEqual([])
  })

  it('refuses a public-looking name that resolves to loopback, at connection time, without sending a request', async () => {
    const asked = stubDns({ 'news.example.com': '127.0.0.1' })
    server.route('/feed', serve(feedXml))
    const error = await failure(`http://news.example.com:${server.port}/feed`, { allowPrivate: false })
    expect(error.reason).toBe('private_address')
    expect(asked).toContain('news.example.com')
    expect(server.requests).toEqual([])
  })

  it('lets the same name through when private addresses are allowed', async () => {
    stubDns({ 'news.example.com': '127.0.0.1' })
    server.route('/feed', serve(feedXml))
    const result = okFeed(await fetchFeed(`http://news.example.com:${server.port}/feed`, local))
    expect(result.feed.items[0]?.link).toBe(`http://news.example.com:${server.port}/posts/one`)
    expect(server.requests[0]?.headers.host).toBe(`news.example.com:${server.port}`)
  })

  it('reports a name that does not resolve as unresolvable', async () => {
    stubDns({})
    expect((await failure('http://no-such-host.example.com/feed', { allowPrivate: false })).reason).toBe('unresolvable')
  })

  it('refuses malformed URLs, other schemes and embedded credentials without connecting', async () => {
    const asked = stubDns({})
    expect((await failure('not a url')).reason).toBe('invalid_url')
    expect((await failure('ftp://example.com/feed.xml')).reason).toBe('unsupported_protocol')
    expect((await failure('file:///etc/passwd')).reason).toBe('unsupported_protocol')
    expect((await failure(`http://me:pw@127.0.0.1:${server.port}/feed`)).reason).toBe('credentials_in_url')
    expect(asked).toEqual([])
    expect(server.requests).toEqual([])
  })
})

describe('limits', () => {
  it('times out on a server that never answers', async () => {
    server.route('/silent', () => undefined)
    const started = Date.now()
    expect((await failure(server.url('/silent'), { ...local, timeoutMs: 300 })).reason).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('times out on a body that stops halfway', async () => {
    server.route('/stalls', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' })
      response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Half')
    })
    expect((await failure(server.url('/stalls'), { ...local, timeoutMs: 300 })).reason).toBe('timeout')
  })

  it('refuses an endless body while streaming it, without waiting for the end', async () => {
    let sent = 0
    server.route('/endless', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' })
      const chunk = Buffer.alloc(16 * 1024, 0x20)
      const pump = (): void => {
        while (!response.destroyed) {
          sent += chunk.length
          if (!response.write(chunk)) return void response.once('drain', pump)
        }
      }
      pump()
    })
    expect((await failure(server.url('/endless'), { ...local, maxBytes: 256 * 1024 })).reason).toBe('too_large')
    // Socket buffers hold a few MB at most; an unbounded read would have run on to the timeout.
    expect(sent).toBeLessThan(16 * 1024 * 1024)
  })

  it('refuses a declared Content-Length over the limit, and counts decompressed bytes (no gzip bombs)', async () => {
    server.route('/big', serve(Buffer.alloc(2048, 0x20)))
    server.route('/bomb', serve(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' }))
    expect((await failure(server.url('/big'), { ...local, maxBytes: 1024 })).reason).toBe('too_large')
    expect((await failure(server.url('/bomb'), { ...local, maxBytes: 1024 * 1024 })).reason).toBe('too_large')
  })

  it('asks for and decodes gzip, deflate and brotli bodies', async () => {
    const encoders = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync }
    for (const [encoding, encode] of Object.entries(encoders)) {
      server.route(`/${encoding}`, serve(encode(Buffer.from(feedXml)), { 'content-encoding': encoding }))
      const result = okFeed(await fetchFeed(server.url(`/${encoding}`), local))
      expect(result.feed.items.map((i) => i.id)).toEqual(['one'])
    }
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br')
  })
})

describe('failures', () => {
  it('reports HTTP errors with their status; server errors are transient, client errors are not', async () => {
    server.route('/gone', (_request, response) => response.writeHead(410).end())
    server.route('/down', (_request, response) => response.writeHead(503).end())
    const gone = await failure(server.url('/gone'))
    expect(gone).toMatchObject({ reason: 'http_error', httpStatus: 410, messageKey: 'feed_http_error', params: { status: 410 }, transient: false })
    expect(await failure(server.url('/down'))).toMatchObject({ httpStatus: 503, transient: true })
  })

  it('calls an HTML page, other XML, JSON, garbage and an empty body not_a_feed', async () => {
    const bodies: Record<string, [body: string, contentType: string]> = {
      '/html': ['<!DOCTYPE html><html><head><title>Shop</title><link rel="alternate" href="/feed"></head><body><p>Hi<br></body></html>', 'text/html'],
      '/svg': ['<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>', 'image/svg+xml'],
      '/json': ['{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'application/json'],
      '/garbage': ['\u0000\u0001 not xml at all <<<', 'application/octet-stream'],
      '/empty': ['', 'application/rss+xml'],
    }
    for (const [path, [body, type]] of Object.entries(bodies)) {
      server.route(path, serve(body, { 'content-type': type }))
      expect(await failure(server.url(path)), path).toMatchObject({ reason: 'not_a_feed', messageKey: 'feed_not_a_feed' })
    }
  })

  it('reports a refused connection as network, and transient', async () => {
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as net.AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    expect(await failure(`http://127.0.0.1:${port}/feed`)).toMatchObject({ reason: 'network', transient: true })
  })

  it('rethrows the caller\'s abort reason rather than a FeedError', async () => {
    server.route('/silent', () => undefined)
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('shutting down')), 50)
    await expect(fetchFeed(server.url('/silent'), { ...local, signal: controller.signal })).rejects.toThrow('shutting down')
  })
})

describe('requests and errors', () => {
  it('identifies itself as Stagecraft/<version> and accepts feed types, unless given another User-Agent', async () => {
    server.route('/feed', serve(feedXml))
    await fetchFeed(server.url('/feed'), local)
    await fetchFeed(server.url('/feed'), { ...local, userAgent: 'Custom/1.0' })
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^Stagecraft\/\d+\.\d+\.\d+ \(\+feed reader\)$/)
    expect(server.requests[0]?.headers.accept).toContain('application/rss+xml')
    expect(server.requests[1]?.headers['user-agent']).toBe('Custom/1.0')
  })

  it('maps each reason to one message key: the URL guard\'s reuse errors.url_*, the rest are errors.feed_*', () => {
    const keys = Object.fromEntries(feedErrorReasons.map((r: FeedErrorReason) => [r, feedMessageKey(r)]))
    expect(keys).toEqual({
      invalid_url: 'url_invalid_url',
      unsupported_protocol: 'url_unsupported_protocol',
      credentials_in_url: 'url_credentials_in_url',
      private_address: 'url_private_address',
      unresolvable: 'url_unresolvable',
      http_error: 'feed_http_error',
      too_large: 'feed_too_large',
      timeout: 'feed_timeout',
      not_a_feed: 'feed_not_a_feed',
      too_many_redirects: 'feed_too_many_redirects',
      network: 'feed_network',
    })
  })
})
