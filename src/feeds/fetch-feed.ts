/**
 * One poll of one feed over HTTP, with the URL guard on every connection. Redirects are
 * followed here, hop by hop, rather than by fetch: each hop's URL is checked (scheme, no
 * credentials, literal IP addresses) and each connection resolves its name through
 * `guardedLookup`, so a name that resolves to a private address — now or after a DNS change —
 * is refused at the moment of connecting.
 */
import { isIP } from 'node:net'
import { Agent, fetch } from 'undici'
import type { Response } from 'undici'
import { packageVersion } from '../package-root.js'
import { checkPublicUrl, guardedLookup, isPublicAddress, UrlRejectedError } from '../security/index.js'
import { FeedError } from './errors.js'
import { parseFeedText } from './parse-feed.js'
import { decodeFeedBytes, readBodyLimited } from './read-body.js'
import type { FeedResult, FetchFeedOptions } from './types.js'

const defaultTimeoutMs = 15_000
const defaultMaxBytes = 5 * 1024 * 1024
const maxRedirects = 5
const redirectStatuses = new Set([301, 302, 303, 307, 308])

const acceptFeeds = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5'

/**
 * Checks one hop's URL before connecting. Names are checked when the connection resolves them
 * (`guardedLookup`); literal addresses never go through a lookup, so they are checked here.
 */
async function checkHop(raw: string, allowPrivate: boolean): Promise<URL> {
  // With allowPrivate the guard checks only the syntax, scheme and credentials, without resolving.
  const url = await checkPublicUrl(raw, { allowPrivate: true })
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (!allowPrivate && isIP(host) !== 0 && !isPublicAddress(host)) throw new UrlRejectedError('private_address', raw)
  return url
}

function requestHeaders(options: FetchFeedOptions): Record<string, string> {
  const headers: Record<string, string> = {
    accept: acceptFeeds,
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': options.userAgent ?? `Stagecraft/${packageVersion} (+feed reader)`,
  }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified
  return headers
}

const timeoutCodes = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT'])
const unresolvableCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL'])

/** Maps whatever fetch, the guard or the stream threw to a FeedError, looking down the `cause` chain. */
function toFeedError(error: unknown, url: string, timedOut: boolean): FeedError {
  if (error instanceof FeedError) return error
  if (timedOut) return new FeedError('timeout', url, { cause: error })
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof UrlRejectedError) return new FeedError(current.reason, url, { cause: error })
    const code = (current as NodeJS.ErrnoException).code
    if (code && timeoutCodes.has(code)) return new FeedError('timeout', url, { cause: error })
    if (code && unresolvableCodes.has(code)) return new FeedError('unresolvable', url, { cause: error })
  }
  return new FeedError('network', url, { cause: error })
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined)
}

/**
 * Fetches and parses a feed: a conditional GET (ETag, Last-Modified), at most 5 redirects, gzip,
 * deflate and brotli, a size ceiling enforced while streaming and a timeout over the whole poll.
 *
 * @example
 * const result = await fetchFeed(source.url, { allowPrivate: config.allowPrivateUrls, etag: source.etag })
 * if (result.status === 'ok') save(result.feed.items, result.etag, result.lastModified)
 * @throws FeedError for every failure; its `reason` says which (see `feedErrorReasons`).
 *   If `options.signal` aborts, its reason is thrown instead.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FeedResult> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  const maxBytes = options.maxBytes ?? defaultMaxBytes
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  // One agent per poll: its lookup carries this poll's allowPrivate, and nothing outlives the poll.
  const agent = new Agent({
    connect: { lookup: guardedLookup(options.allowPrivate), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  })
  const headers = requestHeaders(options)
  let current = url
  try {
    for (let redirects = 0; ; redirects++) {
      const target = await checkHop(current, options.allowPrivate)
      const response = await fetch(target, { headers, redirect: 'manual', signal, dispatcher: agent })
      if (redirectStatuses.has(response.status)) {
        await discard(response)
        const location = response.headers.get('location')
        if (!location) throw new FeedError('http_error', current, { httpStatus: response.status })
        if (redirects >= maxRedirects) throw new FeedError('too_many_redirects', current)
        current = URL.canParse(location, target.href) ? new URL(location, target).href : location
        continue
      }
      if (response.status === 304) {
        await discard(response)
        return { status: 'not_modified' }
      }
      if (!response.ok) {
        await discard(response)
        throw new FeedError('http_error', current, { httpStatus: response.status })
      }
      const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN)
      if (declaredLength > maxBytes) {
        await discard(response)
        throw new FeedError('too_large', current)
      }
      const bytes = await readBodyLimited(response.body, maxBytes, current)
      const feed = parseFeedText(decodeFeedBytes(bytes, response.headers.get('content-type')), target.href)
      const etag = response.headers.get('etag') ?? undefined
      const lastModified = response.headers.get('last-modified') ?? undefined
      return { status: 'ok', ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), feed }
    }
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason
    throw toFeedError(error, current, timeout.aborted)
  } finally {
    await agent.destroy().catch(() => undefined)
  }
}
