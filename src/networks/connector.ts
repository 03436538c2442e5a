/**
 * The contract every network implements. Each network is a folder exporting a factory
 * (`createBlueskyConnector(deps)`) that returns a plain object of this shape; it receives its
 * `fetch` and clients from outside and never reads the environment. Publishing, the inbox and
 * metrics code speak only this contract, so a new network is one folder and one registry line.
 */

import type { MediaKind, MediaRules, TextRules } from '../domain/index.js'

export type { MediaKind, MediaRules, TextRules }

/** At most `max` calls in any `windowMs`. */
export interface RateRule {
  max: number
  windowMs: number
}

/** What a network can do; the UI learns it from the API, never from network code. */
export interface Capabilities {
  text: TextRules
  media: MediaRules
  /** Posts can reply to posts (threads). */
  threads: boolean
  /** Links get a preview card. */
  linkCards: boolean
  /** Which counts `fetchPostMetrics` can return. */
  metrics: { likes: boolean; reposts: boolean; replies: boolean; quotes: boolean; views: boolean }
  /**
   * Publishing limits the dispatcher keeps under: per account, and for all accounts of one
   * server together (a PDS, a Mastodon instance), from the network's published limits.
   */
  rateLimits: { publishPerAccount: RateRule; requestsPerServer?: RateRule }
  /**
   * The network notifies a reply to the account's post only when the reply mentions the account
   * (Mastodon: the web app adds the mention, but a person may remove it). The inbox then also
   * reads the replies under the account's recent posts (`fetchThread`).
   */
  repliesOnlyWhenMentioned?: boolean
}

/** The account on the network, as shown in Settings → Accounts. */
export interface RemoteAccount {
  /** Stable id on the network (a DID on Bluesky, an account id on Mastodon). */
  remoteId: string
  handle: string
  displayName: string
  avatarUrl?: string
  profileUrl: string
}

/**
 * Credentials as the connector needs them: a JSON-serializable value that Stagecraft seals
 * (encrypts) before storing and hands back when calling the connector.
 */
export type Credentials = Record<string, unknown>

export interface ConnectedAccount {
  account: RemoteAccount
  credentials: Credentials
  /**
   * Non-secret facts about the account's server that shape what it accepts, stored in the clear
   * (e.g. a Mastodon instance's character limit, its base URL; a Bluesky PDS URL).
   */
  settings: Record<string, unknown>
  /** When the credentials stop working unless refreshed, if the network says. */
  expiresAt?: number
}

/** What a daily connection check found. */
export interface AccountHealth {
  /** ok; expiring (credentials end soon: `expiresAt`); restricted (the network limited the account). */
  status: 'ok' | 'expiring' | 'restricted'
  /** The network's own words when it is not ok. */
  reason?: string
  expiresAt?: number
  /** The account as the network shows it now (new avatar, renamed handle), when it changed. */
  account?: RemoteAccount
}

/** A post on a network, as much as is needed to reply to it or count it. */
export interface RemotePostRef {
  remoteId: string
  /** Bluesky needs the content id of the post and of its thread root for replies. */
  cid?: string
  root?: { remoteId: string; cid?: string }
  url?: string
}

export interface MediaAttachment {
  kind: MediaKind
  mimeType: string
  bytes: Uint8Array
  altText: string
  /** Size in pixels as displayed, when known: lets a network lay out the image before it loads (Bluesky's aspectRatio). */
  width?: number
  height?: number
}

export interface PostRequest {
  text: string
  media: MediaAttachment[]
  /** BCP 47 language of the text, when known. */
  language?: string
  /** Replying to this post (threads, answers from the inbox). */
  replyTo?: RemotePostRef
  /**
   * Same key, same post: a retry after a crash must not post twice. Connectors pass it to the
   * network's own mechanism (Mastodon's Idempotency-Key header, a deterministic Bluesky rkey).
   */
  idempotencyKey: string
  /** When this post was first attempted; identical on every retry (epoch ms). */
  createdAt: number
}

export interface PublishedPost extends RemotePostRef {
  url: string
  publishedAt: number
}

export type NotificationKind = 'reply' | 'mention' | 'quote'

export interface RemoteAuthor {
  remoteId: string
  handle: string
  displayName: string
  avatarUrl?: string
  /** Their profile on the network. */
  profileUrl?: string
  followers?: number
  followsUs?: boolean
}

export interface RemoteNotification {
  /** Unique per network item: the inbox never stores one twice. */
  remoteId: string
  kind: NotificationKind
  post: RemotePostRef
  text: string
  language?: string
  author: RemoteAuthor
  /** The post it answers or quotes, when there is one. */
  inReplyTo?: RemotePostRef
  createdAt: number
}

/** A post in a thread, as the inbox shows it around an item. */
export interface RemoteMessage {
  post: RemotePostRef
  text: string
  language?: string
  author: RemoteAuthor
  /** The post it answers, and that post's author (a DID, an account id). */
  inReplyTo?: RemotePostRef
  inReplyToAuthorId?: string
  createdAt: number
}

/**
 * A post's place in its thread. `deleted`: the network no longer has the post (deleted, or no
 * longer visible to the account), and the rest is empty. `ancestors` run from the thread's top
 * down to the post's parent; `cut` says a post above was deleted, so the chain starts below it.
 * `replies` are the posts below it (all depths, the network's order), read only when asked for.
 */
export interface RemoteThread {
  deleted: boolean
  ancestors: RemoteMessage[]
  cut: boolean
  replies: RemoteMessage[]
}

/**
 * One call's worth of notifications newer than the cursor given, oldest first. `cursor` marks the
 * newest item seen so far: pass it back next time to get only what came after (the same cursor
 * comes back when nothing is new). `more` says another call now would find more (a backlog read
 * in pages). With no cursor, the call returns the most recent items (one page) and a cursor.
 */
export interface NotificationPage {
  items: RemoteNotification[]
  cursor?: string
  more?: boolean
}

export interface PostMetrics {
  remoteId: string
  likes?: number
  reposts?: number
  replies?: number
  quotes?: number
  views?: number
}

export interface AccountMetrics {
  followers: number
  following: number
  posts: number
}

export type HandleStatus = 'available' | 'taken' | 'invalid'

/**
 * What a handle check found. `handle` is the full handle checked (`name.bsky.social`,
 * `@name@mastodon.social`) and `server` the server asked. `unknown` (reason `unreachable`) when
 * the server could not be asked or gave no usable answer; `reason` also says why a name is invalid.
 */
export interface HandleCheck { status: HandleStatus | 'unknown'; handle: string; server: string; reason?: 'syntax' | 'too_long' | 'too_short' | 'reserved' | 'unreachable' }

/**
 * One network, behind the shared contract. Methods throw only the errors of ./errors.ts.
 * When a call renews the account's credentials (rotating tokens), the new ones end up on the
 * `ConnectedAccount` object that was passed in; callers store its credentials after every call,
 * whatever the outcome.
 */
export interface Connector<ConnectInput = Record<string, unknown>> {
  /** Stable id used in the database and API, e.g. "bluesky". */
  readonly id: string
  readonly displayName: string
  /** Capabilities, which may depend on the account (a Mastodon instance's own limits). */
  capabilities(account?: ConnectedAccount): Capabilities
  /** Signs in with what the person gave (handle and app password, instance and token…). */
  connect(input: ConnectInput): Promise<ConnectedAccount>
  /**
   * For networks that sign in through the browser (OAuth): the address to send the person to.
   * `connect` then receives what the network sent back to `redirectUri`.
   */
  beginOAuth?(input: { server: string; redirectUri: string; state: string }): Promise<{ authorizeUrl: string; pending: Credentials }>
  /** Renews credentials before they expire; throws AuthExpired when the person must reconnect. */
  refresh(account: ConnectedAccount): Promise<ConnectedAccount>
  /** The daily connection check: still usable, soon expiring, or restricted by the network. */
  check(account: ConnectedAccount): Promise<AccountHealth>
  /**
   * Publishes, at most once per `idempotencyKey`: when the network already has a post for the
   * key (a retry after a crash), returns that post instead of making a second one.
   */
  publish(account: ConnectedAccount, request: PostRequest): Promise<PublishedPost>
  /**
   * Looks for a post an earlier attempt with this key may have made (the worker died before
   * recording it). The dispatcher asks before any retry; undefined means "not there".
   */
  findPublished(account: ConnectedAccount, request: PostRequest): Promise<PublishedPost | undefined>
  /** Replies in the network's own threading (Bluesky reply refs, Mastodon in_reply_to_id). */
  reply(account: ConnectedAccount, request: PostRequest & { replyTo: RemotePostRef }): Promise<PublishedPost>
  delete(account: ConnectedAccount, post: RemotePostRef): Promise<void>
  // The reading side arrives with the features that use it (inbox, measure, coach); until a
  // connector implements and tests one, it leaves it out rather than pretending.
  fetchNotifications?(account: ConnectedAccount, cursor?: string): Promise<NotificationPage>
  /** A post's thread: the posts above it and, with `replies`, below it; or that it is gone. */
  fetchThread?(account: ConnectedAccount, post: RemotePostRef, options?: { replies?: boolean }): Promise<RemoteThread>
  fetchPostMetrics?(account: ConnectedAccount, posts: RemotePostRef[]): Promise<PostMetrics[]>
  fetchAccountMetrics?(account: ConnectedAccount): Promise<AccountMetrics>
  /**
   * Whether `name` is free on this network at `server` (a PDS/AppView or an instance; the
   * network's default when omitted). No account needed. Throws only RateLimited; a server that
   * cannot be asked gives `unknown` with reason `unreachable`.
   */
  checkHandle?(name: string, options?: { server?: string }): Promise<HandleCheck>
}
