/** The shapes `fetchFeed` takes and returns, independent of the parser library underneath. */

/** Options for one poll of one feed. */
export interface FetchFeedOptions {
  /** The ALLOW_PRIVATE_URLS setting: when false, loopback, private and other non-public addresses are refused. */
  allowPrivate: boolean
  /** The `etag` from the previous poll's result; sent as If-None-Match. */
  etag?: string
  /** The `lastModified` from the previous poll's result; sent as If-Modified-Since. */
  lastModified?: string
  /** For the whole poll: every redirect hop and the body included. Default 15 000 ms. */
  timeoutMs?: number
  /** Largest body accepted, counted after decompression while streaming. Default 5 MiB. */
  maxBytes?: number
  /** Default `Stagecraft/<version> (+feed reader)`. */
  userAgent?: string
  /** Cancels the poll (e.g. on shutdown); the abort reason is rethrown as is. */
  signal?: AbortSignal
}

/** One entry of a feed, as plain text and absolute http(s) URLs. */
export interface FeedItem {
  /** Stable across polls: the guid (RSS) or id (Atom), else the link, else `sha256:` of title and publication date. */
  id: string
  /** Plain text; empty when the item has none. */
  title: string
  /** Absolute http(s) URL of the page the item is about. */
  link?: string
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed. From the description, else the content. */
  summary?: string
  /** Epoch milliseconds: published, else updated. */
  publishedAt?: number
  /** The first author's name (or e-mail address when there is no name). */
  author?: string
  /** Absolute http(s) URL: the item's image, media thumbnail or enclosure, else the first `<img>` in its HTML. */
  imageUrl?: string
  /** Category labels (or terms), deduplicated, in feed order. */
  categories: string[]
}

/** A parsed feed: items newest first, items without a date last in feed order. */
export interface Feed {
  /** Plain text; empty when the feed has none. */
  title: string
  /** Absolute http(s) URL of the site the feed belongs to. */
  link?: string
  /** As declared by the feed, e.g. `en-gb`. */
  language?: string
  items: FeedItem[]
}

/** What a poll yields: nothing new (HTTP 304) or the feed with validators for the next poll. */
export type FeedResult =
  | { status: 'not_modified' }
  | { status: 'ok'; etag?: string; lastModified?: string; feed: Feed }
