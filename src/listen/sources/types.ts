/**
 * What every listening source yields: one `ListenItem` per thing someone published, whatever the
 * network, so the matcher, the store and the sentiment scorer never learn where it came from.
 */

/** Where an item came from. */
export type ListenSourceKind = 'feed' | 'bluesky' | 'mastodon'

/** One thing someone published that a listening query may match. */
export interface ListenItem {
  /**
   * Unique per source item, stable across restarts and re-reads: `at://did/app.bsky.feed.post/rkey`
   * for Bluesky, the status URI for Mastodon, the guid (or link) of a feed item.
   */
  key: string
  sourceKind: ListenSourceKind
  /** Plain text: HTML stripped for Mastodon and feeds. For feeds, the summary (the title is apart). */
  text: string
  /** Feeds only: the item's title, as plain text. */
  title?: string
  /** A web page showing the item (for Bluesky a bsky.app link by DID, which survives handle changes). */
  url?: string
  /** Without `@`: `alice.bsky.social` (Bluesky), `name@instance.example` (Mastodon). */
  authorHandle?: string
  authorName?: string
  authorUrl?: string
  /** Bluesky only: the author's DID, the authority when the handle is missing or stale. */
  authorDid?: string
  /** As the item declares it (BCP 47, e.g. `en`, `ar`, `en-gb`); absent when it declares none. */
  lang?: string
  /** Without `#`, lower-cased, deduplicated. */
  hashtags: string[]
  /** Absolute URLs the item links to, deduplicated. */
  links: string[]
  /** Handles mentioned, without `@`, lower-cased (a DID when a Bluesky mention's text is not a handle). */
  mentions: string[]
  /** Epoch ms: when the item says it was published, else when it was received. */
  publishedAt: number
  /** Bluesky: the post this one replies to (AT URI). */
  replyTo?: string
  /** Bluesky: the post this one quotes (AT URI). */
  quoteOf?: string
  /**
   * What a reply from a connected account needs: the post's id on the network (Bluesky: its AT
   * URI; Mastodon: the status id on `server`, the instance that served it).
   */
  replyRef?: { remoteId: string; server?: string }
  /** A deletion seen on a stream (only with `includeDeletes`): `key` names what is gone. */
  deleted?: boolean
}
