/**
 * RSS and Atom feeds as a listening source: one poll is one conditional GET through the feeds
 * layer (URL guard, ETag / Last-Modified, size and time limits). The cursor carries the validators
 * and the ids of the items already yielded, because a feed is a sliding window: most of what a
 * poll returns was in the previous one, and a server without validators returns it all again.
 */
import { fetchFeed, type FeedItem, type FetchFeedOptions } from '../../feeds/index.js'
import { hashtagsIn, linksIn, mentionsIn, unique } from './text-entities.js'
import type { ListenItem } from './types.js'

/** Where a feed source stands between polls; store it as is (it is plain JSON). */
export interface FeedCursor {
  /** From the last 200 answer, sent back as If-None-Match. */
  etag?: string
  /** From the last 200 answer, sent back as If-Modified-Since. */
  lastModified?: string
  /** Ids of items already yielded, newest first, at most `maxSeen`. */
  seen: string[]
}

/** What a feed poll needs from outside. */
export interface FeedSourceDeps extends Pick<FetchFeedOptions, 'timeoutMs' | 'maxBytes' | 'userAgent' | 'signal'> {
  /** The ALLOW_PRIVATE_URLS setting. */
  allowPrivate: boolean
  /** Clock (epoch ms), for items without a date. */
  now?: () => number
  /** How many item ids the cursor remembers (default 1,000; a feed rarely holds more than 100). */
  maxSeen?: number
}

/** One poll's outcome: new items oldest first, and the cursor to pass next time. */
export interface FeedPollResult {
  items: ListenItem[]
  cursor: FeedCursor
  /** True when the server answered 304 Not Modified. */
  notModified: boolean
}

const defaultMaxSeen = 1000

/**
 * A key unique across feeds: ids that are already global (URLs, URNs, tag: URIs) stay as they are,
 * so an article in two feeds of one site is one item; others (numbers, hashes) get the feed's URL.
 */
export function feedItemKey(feedUrl: string, id: string): string {
  return /^(https?|urn|tag):/i.test(id) ? id : `${feedUrl}#${id}`
}

function toListenItem(feedUrl: string, item: FeedItem, lang: string | undefined, receivedAt: number): ListenItem {
  const text = item.summary ?? ''
  const both = `${item.title}\n${text}`
  return {
    key: feedItemKey(feedUrl, item.id),
    sourceKind: 'feed',
    text,
    ...(item.title ? { title: item.title } : {}),
    ...(item.link ? { url: item.link } : {}),
    ...(item.author ? { authorName: item.author } : {}),
    ...(lang ? { lang } : {}),
    hashtags: hashtagsIn(both),
    links: unique([...(item.link ? [item.link] : []), ...linksIn(text)]),
    mentions: mentionsIn(both),
    publishedAt: item.publishedAt ?? receivedAt,
  }
}

/**
 * Polls a feed once and yields the items not yielded before (all of them on the first poll, when
 * `cursor` is undefined). A 304 yields nothing and keeps the cursor.
 *
 * @example
 * const { items, cursor } = await pollFeedSource({ url, cursor: stored }, { allowPrivate: config.allowPrivateUrls })
 * @throws FeedError from the feeds layer, whose `reason` (and `transient`) says what went wrong.
 */
export async function pollFeedSource(source: { url: string; cursor?: FeedCursor }, deps: FeedSourceDeps): Promise<FeedPollResult> {
  const previous: FeedCursor = source.cursor ?? { seen: [] }
  const result = await fetchFeed(source.url, {
    allowPrivate: deps.allowPrivate,
    ...(previous.etag ? { etag: previous.etag } : {}),
    ...(previous.lastModified ? { lastModified: previous.lastModified } : {}),
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
    ...(deps.maxBytes === undefined ? {} : { maxBytes: deps.maxBytes }),
    ...(deps.userAgent === undefined ? {} : { userAgent: deps.userAgent }),
    ...(deps.signal === undefined ? {} : { signal: deps.signal }),
  })
  if (result.status === 'not_modified') return { items: [], cursor: previous, notModified: true }

  const receivedAt = (deps.now ?? Date.now)()
  const seen = new Set(previous.seen)
  const fresh = result.feed.items.filter((item) => !seen.has(item.id))
  // The feed lists newest first; a stream reads oldest first.
  const items = fresh.reverse().map((item) => toListenItem(source.url, item, result.feed.language, receivedAt))
  const cursor: FeedCursor = {
    ...(result.etag ? { etag: result.etag } : {}),
    ...(result.lastModified ? { lastModified: result.lastModified } : {}),
    seen: unique([...result.feed.items.map((item) => item.id), ...previous.seen]).slice(0, deps.maxSeen ?? defaultMaxSeen),
  }
  return { items, cursor, notModified: false }
}
