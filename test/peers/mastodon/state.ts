/**
 * The contract server's memory: accounts and who follows whom, OAuth apps, grants and tokens,
 * media attachments, statuses, notifications and idempotency keys, as Mastodon's database and
 * Redis would hold them. Nothing is written to disk; a server's state lives and dies with it.
 */
import crypto from 'node:crypto'
import { createRateLimiter, type RateLimiter } from './rate-limits.js'

/**
 * Which Mastodon release the server plays; each answers as that release does:
 * - 4.2.0: no GET /api/v1/statuses (several statuses at once; 404 like any unknown path), no
 *   `api_versions` in /api/v2/instance;
 * - 4.3.0 (the default): GET /api/v1/statuses, `api_versions.mastodon` 2;
 * - 4.5.0: statuses carry `quotes_count` and `quote`, POST /api/v1/statuses takes
 *   `quoted_status_id` and quoting notifies with type `quote`, `api_versions.mastodon` 7
 *   (docs.joinmastodon.org/client/quotes: quote posts' API additions start at API version 7).
 */
export type MastodonVersion = (typeof releases)[number]

const releases = ['4.2.0', '4.3.0', '4.5.0'] as const

/** How a contract server is configured; every field has Mastodon's default. */
export interface PeerOptions {
  /** The release played (see MastodonVersion); 4.3.0 by default. */
  version?: MastodonVersion
  /** `configuration.statuses.max_characters` (Mastodon's MAX_CHARS, default 500). */
  maxCharacters?: number
  /**
   * How many `GET /api/v1/media/:id` answer 206 (still processing) before 200. 0 (the default)
   * processes uploads synchronously as Mastodon 4+ does for images: POST /api/v2/media answers
   * 200 with a url. Above 0, the upload answers 202 with `url: null`.
   */
  mediaProcessingPolls?: number
  /** The server's clock (epoch ms); tests move it to expire idempotency keys or rate windows. */
  now?: () => number
  /** The instance title, for /api/v2/instance. */
  title?: string
  /**
   * Setting.timeline_preview: whether visitors without a token may read public and hashtag
   * timelines (default true, Mastodon's default). False: those answer 401 without a token.
   */
  timelinePreview?: boolean
}

/** An account on this server (a row of `accounts` with its `users` row). */
export interface LocalAccount {
  id: string
  username: string
  displayName: string
  /** Suspended or disabled: the login is no longer functional. */
  suspended: boolean
  createdAt: number
}

/** An account on another server that this one already knows (mentions render without domain). */
export interface RemoteAccount {
  id: string
  username: string
  domain: string
  url: string
}

/** A registered app (Doorkeeper application). */
export interface OAuthApp {
  id: string
  name: string
  website: string | null
  clientId: string
  clientSecret: string
  redirectUris: string[]
  scopes: string[]
}

/** An authorization code, before it is exchanged for a token. */
export interface Grant {
  code: string
  clientId: string
  accountId: string
  redirectUri: string
  scopes: string[]
  createdAt: number
  used: boolean
}

/** A bearer token (Doorkeeper access token). */
export interface AccessToken {
  value: string
  accountId: string
  /** The app it was issued to; tokens made by the test helper have none. */
  clientId: string | null
  scopes: string[]
  revoked: boolean
}

/** A media attachment, attached to a status or waiting to be. */
export interface StoredMedia {
  id: string
  accountId: string
  mimeType: string
  size: number
  description: string | null
  focus: string | null
  statusId: string | null
  /** GETs left that answer 206 before the media is processed. */
  pollsLeft: number
  ready: boolean
  /** Every HTTP status this attachment was answered with, in order (202, 206, 200…). */
  responses: number[]
}

/** A status as stored; `deleted` ones stay in memory but no endpoint shows them. */
export interface StoredStatus {
  id: string
  accountId: string
  /** The source text, as written (Mastodon keeps it to serve delete-and-redraft and /source). */
  text: string
  spoilerText: string
  inReplyToId: string | null
  /** The status it quotes (`quoted_status_id`, 4.5.0 and later); local quotes are accepted at once. */
  quotedStatusId: string | null
  language: string | null
  visibility: 'public' | 'unlisted' | 'private' | 'direct'
  mediaIds: string[]
  appName: string | null
  createdAt: number
  deleted: boolean
}

/**
 * A notification as Mastodon stores it: to `accountId`, caused by `fromAccountId`, about
 * `statusId`. Only the kinds this server can cause are kept: `mention` (a status mentions a
 * local account) and `quote` (a status quotes one of the account's statuses, 4.5.0 and later).
 */
export interface StoredNotification {
  id: string
  type: 'mention' | 'quote'
  accountId: string
  fromAccountId: string
  statusId: string
  createdAt: number
}

/**
 * A status's counters as other people's interactions set them (StatusStat). This server has no
 * other servers and no favouriting, so tests set them; `replies` left unset counts the replies
 * this server holds.
 */
export interface StatusCounts {
  favourites?: number
  reblogs?: number
  replies?: number
  quotes?: number
}

/** An account's follow counters (AccountStat), set by tests for the same reason. */
export interface AccountCounts {
  followers?: number
  following?: number
}

/** A request as it reached the server, for tests that check which endpoints a client used. */
export interface LoggedRequest {
  method: string
  /** Path and query string, as sent. */
  url: URL
}

/** Everything the server knows, shared by its routes and the test helpers. */
export interface PeerState {
  readonly version: MastodonVersion
  readonly maxCharacters: number
  readonly mediaProcessingPolls: number
  readonly title: string
  readonly timelinePreview: boolean
  now(): number
  /** Set once the server listens. */
  base: string
  /** LOCAL_DOMAIN: host and port, like a development instance's `localhost:3000`. */
  domain: string
  accounts: Map<string, LocalAccount>
  remotes: Map<string, RemoteAccount>
  apps: Map<string, OAuthApp>
  grants: Map<string, Grant>
  tokens: Map<string, AccessToken>
  media: Map<string, StoredMedia>
  statuses: Map<string, StoredStatus>
  /** Oldest first; ids are a sequence, as the `notifications` table's bigint primary key is. */
  notifications: StoredNotification[]
  /** `<follower id>:<followed id>` for every follow (the `follows` table). */
  follows: Set<string>
  statusCounts: Map<string, StatusCounts>
  accountCounts: Map<string, AccountCounts>
  requests: LoggedRequest[]
  /** `idempotency:status:<account>:<key>` → status id, kept 3600 s (PostStatusService). */
  idempotency: Map<string, { statusId: string; expiresAt: number }>
  /** The person signed in on the web side: /oauth/authorize approves as them. */
  browserAccountId: string | null
  limiter: RateLimiter
  /** Time-ordered ids like Mastodon's snowflakes (milliseconds, then a sequence). */
  snowflake(): string
  /** The next notification id (a plain sequence, unlike status ids). */
  notificationId(): string
  secret(): string
}

/** Compares two snowflake ids numerically. */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a)
  const y = BigInt(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** An empty server state with the given options. */
export function createState(options: PeerOptions): PeerState {
  const now = options.now ?? Date.now
  let sequence = 0
  let notifications = 0
  return {
    version: options.version ?? '4.3.0',
    maxCharacters: options.maxCharacters ?? 500,
    mediaProcessingPolls: options.mediaProcessingPolls ?? 0,
    title: options.title ?? 'Loopback Mastodon',
    timelinePreview: options.timelinePreview ?? true,
    now,
    base: '',
    domain: '',
    accounts: new Map(),
    remotes: new Map(),
    apps: new Map(),
    grants: new Map(),
    tokens: new Map(),
    media: new Map(),
    statuses: new Map(),
    notifications: [],
    follows: new Set(),
    statusCounts: new Map(),
    accountCounts: new Map(),
    requests: [],
    idempotency: new Map(),
    browserAccountId: null,
    limiter: createRateLimiter(now),
    snowflake: () => String((BigInt(now()) << 16n) | BigInt((sequence = (sequence + 1) % 65_536))),
    notificationId: () => String((notifications += 1)),
    secret: () => crypto.randomBytes(32).toString('base64url'),
  }
}

/** Whether the release played is `version` or later. */
export function atLeast(state: PeerState, version: MastodonVersion): boolean {
  return releases.indexOf(state.version) >= releases.indexOf(version)
}

/** Scopes a token grants: `write` covers `write:statuses` and the like. */
export function hasScope(granted: string[], wanted: string): boolean {
  const [top] = wanted.split(':')
  return granted.includes(wanted) || (top !== undefined && granted.includes(top))
}
