/**
 * A Mastodon instance's public hashtag timeline as a listening source
 * (GET /api/v1/timelines/tag/:hashtag, https://docs.joinmastodon.org/methods/timelines/#tag).
 * Public: no token unless the instance turned timeline previews off. One poll reads forward from
 * the cursor with `min_id` (the statuses immediately newer than it, `limit` at a time, served
 * newest first) and follows the `Link: rel="prev"` page until an empty page or `maxPages`, so a
 * burst is read in order and never skipped. Plain fetch (undici) rather than masto: the
 * poll needs the Link and X-RateLimit-* headers, and its own guarded agent.
 */
import { fetch, type Response } from 'undici'
import { retryAfterMs } from '../../networks/index.js'
import { packageVersion } from '../../package-root.js'
import { createGuardedDispatcher } from '../../security/index.js'
import { findUrlRejection, fromUrlRejection, ListenSourceError } from './errors.js'
import { compareStatusIds, mastodonStatus, statusToItem } from './mastodon-status.js'
import { checkListenSourceUrl } from './source-url.js'
import type { ListenItem } from './types.js'

/** Which hashtag timeline to read, and where the last poll stopped. */
export interface MastodonHashtagSource {
  /** The instance, e.g. https://mastodon.social. */
  instanceUrl: string
  /** With or without `#`. */
  hashtag: string
  /** The newest status id seen (the previous poll's `cursor`); absent on the first poll. */
  cursor?: string
  /** Only statuses of the instance's own accounts (`local=true`). */
  local?: boolean
  /** For instances that do not show timelines to visitors (timeline preview off). */
  accessToken?: string
}

/** What a hashtag poll needs from outside. */
export interface MastodonHashtagDeps {
  /** The ALLOW_PRIVATE_URLS setting. */
  allowPrivate: boolean
  /** Statuses per request: Mastodon's maximum is 40. */
  limit?: number
  /** Requests per poll at most (default 10, so 400 statuses); the rest waits for the next poll. */
  maxPages?: number
  /** For the whole poll (default 15,000 ms). */
  timeoutMs?: number
  signal?: AbortSignal
  userAgent?: string
  now?: () => number
}

/** One poll's outcome: new statuses oldest first, and the cursor to pass next time. */
export interface MastodonHashtagResult {
  items: ListenItem[]
  /** The newest status id seen so far; unchanged when nothing new arrived. */
  cursor?: string
  /** False when the poll stopped at `maxPages` or a rate limit with more to read: poll again soon. */
  caughtUp: boolean
  /** Set when the instance answered 429 after some pages were read: wait this long before polling. */
  retryAfterMs?: number
}

const hashtagPattern = /^[\p{L}\p{M}\p{N}_]+$/u

/** The tag as Mastodon names it in URLs: without `#`, NFKC, lower case. */
export function normalizeHashtag(raw: string): string {
  const tag = raw.trim().replace(/^#/, '').normalize('NFKC').toLowerCase()
  if (!hashtagPattern.test(tag)) throw new ListenSourceError('invalid_hashtag', raw)
  return tag
}

/** The `rel="prev"` target of a Link header, when it stays on the instance. */
function prevLink(header: string | null, origin: string): URL | undefined {
  for (const part of header?.split(',') ?? []) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim())
    if (!match || !match[2]!.split(/\s+/).includes('prev') || !URL.canParse(match[1]!)) continue
    const url = new URL(match[1]!)
    return url.origin === origin ? url : undefined
  }
  return undefined
}

/** The failure an unsuccessful answer stands for. */
function answerError(response: Response, url: string, now: number): ListenSourceError {
  const status = response.status
  if (status === 404 || status === 410) return new ListenSourceError('not_found', url, { httpStatus: status })
  if (status === 401 || status === 403) return new ListenSourceError('auth_required', url, { httpStatus: status })
  if (status === 429) {
    return new ListenSourceError('rate_limited', url, { httpStatus: status, retryAfterMs: retryAfterMs(response.headers, now) })
  }
  return new ListenSourceError(status >= 500 || status === 408 ? 'unavailable' : 'bad_response', url, { httpStatus: status })
}

function statusesOf(body: unknown, url: string): unknown[] {
  if (!Array.isArray(body)) throw new ListenSourceError('bad_response', url)
  return body
}

/**
 * Reads what was posted with a hashtag on one instance since the cursor. The first poll (no
 * cursor) reads only the newest page and starts from there, rather than the tag's whole history.
 *
 * @example
 * const { items, cursor } = await pollMastodonHashtag({ instanceUrl, hashtag: 'cafelune', cursor: stored }, { allowPrivate })
 * @throws ListenSourceError: `not_found` (404/410: no Mastodon API there, or the instance is
 *   gone), `auth_required` (the instance hides timelines from visitors), `rate_limited` (429
 *   before anything was read; `retryAfterMs` from X-RateLimit-Reset), `unavailable` (5xx,
 *   network, timeout), `bad_response`, `invalid_hashtag`, and the URL guard's reasons.
 */
export async function pollMastodonHashtag(source: MastodonHashtagSource, deps: MastodonHashtagDeps): Promise<MastodonHashtagResult> {
  const now = deps.now ?? Date.now
  const limit = Math.min(Math.max(deps.limit ?? 40, 1), 40)
  const maxPages = Math.max(deps.maxPages ?? 10, 1)
  const tag = normalizeHashtag(source.hashtag)
  const instance = await checkListenSourceUrl(source.instanceUrl, { kind: 'mastodon', allowPrivate: deps.allowPrivate })
  const host = instance.host
  let next: URL | undefined = new URL(`${instance.pathname.replace(/\/+$/, '')}/api/v1/timelines/tag/${encodeURIComponent(tag)}`, instance.origin)
  next.searchParams.set('limit', String(limit))
  if (source.local) next.searchParams.set('local', 'true')
  if (source.cursor) next.searchParams.set('min_id', source.cursor)

  const timeout = AbortSignal.timeout(deps.timeoutMs ?? 15_000)
  const signal = deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout
  // Every connection (redirects included) refuses private addresses unless allowed.
  const dispatcher = createGuardedDispatcher(deps.allowPrivate)
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': deps.userAgent ?? `Stagecraft/${packageVersion} (+listening)`,
    ...(source.accessToken ? { authorization: `Bearer ${source.accessToken}` } : {}),
  }
  const found: Found[] = []
  let cursor = source.cursor
  let caughtUp = false
  let current = next.href
  try {
    for (let page = 0; next && page < maxPages; page++) {
      current = next.href
      const response = await fetch(next, { headers, signal, dispatcher })
      if (!response.ok) {
        const failure = answerError(response, current, now())
        await response.body?.cancel().catch(() => undefined)
        // Keep what earlier pages brought; the caller waits before the next poll.
        if (failure.reason === 'rate_limited' && page > 0) return { items: oldestFirst(found), ...(cursor ? { cursor } : {}), caughtUp: false, retryAfterMs: failure.retryAfterMs! }
        throw failure
      }
      const body: unknown = await response.json().catch((error: unknown) => {
        throw new ListenSourceError('bad_response', current, { cause: error })
      })
      const statuses = statusesOf(body, current)
      const receivedAt = now()
      for (const raw of statuses) {
        const parsed = mastodonStatus.safeParse(raw)
        // One odd status (a newer server's shape) must not stop the others.
        if (!parsed.success) continue
        if (cursor === undefined || compareStatusIds(parsed.data.id, cursor) > 0) cursor = parsed.data.id
        // Status ids are per instance: this one is valid on the instance that served it.
        const item = { ...statusToItem(parsed.data, host, receivedAt), replyRef: { remoteId: parsed.data.id, server: instance.origin } }
        found.push({ id: parsed.data.id, item })
      }
      // The first poll starts at the newest page; later ones read forward until an empty page.
      // Not until a short one: Mastodon may drop statuses from a page after the query (filters),
      // and links every non-empty page for that reason.
      if (!source.cursor || statuses.length === 0) {
        caughtUp = true
        break
      }
      next = prevLink(response.headers.get('link'), instance.origin) ?? withMinId(next, cursor)
    }
  } catch (error) {
    if (deps.signal?.aborted) throw deps.signal.reason
    if (error instanceof ListenSourceError) throw error
    const rejection = findUrlRejection(error)
    if (rejection) throw fromUrlRejection(rejection)
    throw new ListenSourceError('unavailable', current, { cause: error })
  } finally {
    await dispatcher.destroy().catch(() => undefined)
  }
  return { items: oldestFirst(found), ...(cursor ? { cursor } : {}), caughtUp }
}

function withMinId(url: URL, minId: string | undefined): URL | undefined {
  if (!minId) return undefined
  const next = new URL(url)
  next.searchParams.set('min_id', minId)
  return next
}

interface Found {
  id: string
  item: ListenItem
}

/** Oldest first by id (the timeline's own order), each status once. */
function oldestFirst(found: Found[]): ListenItem[] {
  const byId = new Map(found.map((f) => [f.id, f]))
  return [...byId.values()].sort((a, b) => compareStatusIds(a.id, b.id)).map((f) => f.item)
}
