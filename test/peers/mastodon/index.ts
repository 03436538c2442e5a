/**
 * A Mastodon contract server on loopback, for tests.
 *
 * No Mastodon (nor Pleroma, GoToSocial…) can be installed on this machine (shared/notes/peers.md
 * §2), so this server speaks Mastodon's client API from its published reference and its source,
 * in memory, on 127.0.0.1 at a random port. Drive it with a real client (masto) so the client's
 * wire expectations check it too. Which page each endpoint follows:
 *
 * | endpoint | reference |
 * |---|---|
 * | POST /api/v1/apps | docs.joinmastodon.org/methods/apps/#create |
 * | GET /oauth/authorize, POST /oauth/token, POST /oauth/revoke | /methods/oauth/ (Doorkeeper's errors) |
 * | GET /api/v1/accounts/verify_credentials | /methods/accounts/#verify_credentials |
 * | GET /api/v1/accounts/lookup | /methods/accounts/#lookup, api/v1/accounts/lookup_controller.rb (local accounts) |
 * | GET /api/v1/accounts/relationships | /methods/accounts/#relationships, relationships_controller.rb (`followed_by`) |
 * | GET /api/v1/accounts/:id/statuses | /methods/accounts/#statuses (Link pagination) |
 * | GET /api/v1/timelines/tag/:hashtag | /methods/timelines/#tag, tag_controller.rb, tag_feed.rb (min_id/max_id/since_id, Link, any/all/none, local/remote/only_media) |
 * | GET /api/v2/instance | /methods/instance/#v2, /entities/Instance/, rest/instance_serializer.rb |
 * | POST /api/v2/media, GET and PUT /api/v1/media/:id | /methods/media/ (202 → 206 → 200), api/v{1,2}/media_controller.rb |
 * | POST, GET, DELETE /api/v1/statuses | /methods/statuses/, api/v1/statuses_controller.rb, post_status_service.rb (Idempotency-Key, 3600 s); `quoted_status_id` from 4.5.0 (/client/quotes) |
 * | GET /api/v1/notifications | /methods/notifications/#get, notifications_controller.rb, Notification.browserable (types[], exclude_types[], min_id/max_id/since_id, limit 40 ≤ 80, Link) |
 * | which statuses notify whom | notify.ts: mentions of local accounts (ProcessMentionsService), quotes (4.5.0); a reply without a mention notifies nobody |
 * | GET /api/v1/statuses/:id/context | /methods/statuses/#context, status.rb ancestors/descendants (limits with and without a token) |
 * | GET /api/v1/statuses?id[]= (4.3.0 and later) | /methods/statuses/#index, statuses_controller.rb `index` (at most 20 ids) |
 * | counters (favourites, boosts, replies, quotes; followers, following) | /entities/Status/, /entities/Account/; set by tests, since nothing federates here |
 * | length check | app/validators/status_length_validator.rb (graphemes, URL = 23, mention without domain) |
 * | content HTML | app/lib/text_formatter.rb |
 * | 401 / 403 | api/base_controller.rb (`require_user!`), Doorkeeper's invalid_token messages |
 * | 429 and X-RateLimit-* | /api/rate-limits/, config/initializers/rack_attack.rb, app/lib/rate_limiter.rb (anonymous: per address) |
 *
 * What it leaves out: federation, timelines other than hashtags, notification types other than
 * mentions and quotes, notification policies, polls, scheduled statuses, edits, streaming, v1
 * media upload, client_credentials and password grants, the oob redirect URI.
 * The helpers below stand in for the admin side: make accounts and tokens, sign someone in on the
 * web side, suspend, revoke, make one account follow another, read state directly, set counters
 * other servers would move, and set rate limits low enough to trip. `version` picks the release played (state.ts MastodonVersion).
 */
import { listenOnLoopback } from './http.js'
import type { Family, Limits } from './rate-limits.js'
import { accountRoutes } from './routes-accounts.js'
import { mediaRoutes } from './routes-media.js'
import { notificationRoutes } from './routes-notifications.js'
import { oauthRoutes } from './routes-oauth.js'
import { statusRoutes } from './routes-statuses.js'
import { timelineRoutes } from './routes-timelines.js'
import { newestFirst } from './serializers.js'
import {
  createState,
  type AccountCounts,
  type LocalAccount,
  type LoggedRequest,
  type OAuthApp,
  type PeerOptions,
  type RemoteAccount,
  type StatusCounts,
  type StoredMedia,
  type StoredNotification,
  type StoredStatus,
} from './state.js'

export type { Family, Limit, Limits } from './rate-limits.js'
export { anonymousClient } from './routes-timelines.js'
export type {
  AccountCounts,
  LocalAccount,
  LoggedRequest,
  MastodonVersion,
  OAuthApp,
  PeerOptions,
  RemoteAccount,
  StatusCounts,
  StoredMedia,
  StoredNotification,
  StoredStatus,
} from './state.js'

export interface MastodonPeer {
  /** http://127.0.0.1:<port>: the instance URL a person would type. */
  url: string
  /** The instance's domain (host:port), as in handles `@name@domain`. */
  domain: string
  /** A local account (`name-<n>`, unique). */
  createAccount(name?: string): LocalAccount
  /** An access token for the account, as if made under Preferences → Development. */
  createToken(account: LocalAccount, scopes?: string): string
  /** Both at once: what a person pasting a token into Stagecraft has. */
  createAccountWithToken(name?: string): { account: LocalAccount; accessToken: string }
  /** Signs the account in on the web side, so GET /oauth/authorize approves as them. */
  signIn(account: LocalAccount): void
  /** Suspends (or disables) the login: its API calls answer 403. */
  suspend(account: LocalAccount): void
  revokeToken(accessToken: string): void
  /** Makes `follower` follow `followed` (no request to accept: neither account is locked). */
  follow(follower: LocalAccount, followed: LocalAccount): void
  /** An account on another server this one knows, so mentions of it render as `@name`. */
  knowRemoteAccount(acct: string): RemoteAccount
  /** The account's statuses straight from memory (deleted ones left out), newest first. */
  statuses(accountId: string): StoredStatus[]
  /** One status straight from memory; undefined when missing or deleted. */
  status(id: string): StoredStatus | undefined
  media(id: string): StoredMedia | undefined
  /** The account's notifications straight from memory, oldest first. */
  notifications(accountId: string): StoredNotification[]
  apps(): OAuthApp[]
  /** Rate limits for everyone, for one account, or for anonymous clients (`anonymousClient`). */
  setLimits(limits: Partial<Limits>, accountId?: string): void
  /** When the account's current window for `family` ends (epoch ms, the server's clock). */
  rateLimitResetAt(accountId: string, family: Family): number
  /** Sets a status's counters, as other people's favourites, boosts, replies and quotes would. */
  setCounts(statusId: string, counts: StatusCounts): void
  /** Sets an account's follower and following counts. */
  setAccountCounts(accountId: string, counts: AccountCounts): void
  /** Every request received so far, oldest first. */
  requests(): LoggedRequest[]
  close(): Promise<void>
}

/** Starts a contract server; share one per test file, or one per configuration under test. */
export async function startMastodonPeer(options: PeerOptions = {}): Promise<MastodonPeer> {
  const state = createState(options)
  const routes = [...oauthRoutes(state), ...accountRoutes(state), ...mediaRoutes(state), ...statusRoutes(state), ...timelineRoutes(state), ...notificationRoutes(state)]
  const server = await listenOnLoopback(routes, (request) => void state.requests.push({ method: request.method, url: new URL(request.url) }))
  state.base = server.url
  state.domain = new URL(server.url).host
  let counter = 0

  function createAccount(name = 'account'): LocalAccount {
    counter += 1
    const username = `${name.replace(/[^a-z0-9_]/gi, '_')}_${counter}`
    const account = { id: String(counter), username, displayName: `${name} ${counter}`, suspended: false, createdAt: state.now() }
    state.accounts.set(account.id, account)
    return account
  }

  function createToken(account: LocalAccount, scopes = 'read write'): string {
    const value = state.secret()
    state.tokens.set(value, { value, accountId: account.id, clientId: null, scopes: scopes.split(/\s+/), revoked: false })
    return value
  }

  return {
    url: server.url,
    domain: state.domain,
    createAccount,
    createToken,
    createAccountWithToken(name) {
      const account = createAccount(name)
      return { account, accessToken: createToken(account) }
    },
    signIn(account) {
      state.browserAccountId = account.id
    },
    suspend(account) {
      state.accounts.get(account.id)!.suspended = true
    },
    revokeToken(accessToken) {
      const token = state.tokens.get(accessToken)
      if (token) token.revoked = true
    },
    follow(follower, followed) {
      state.follows.add(`${follower.id}:${followed.id}`)
    },
    knowRemoteAccount(acct) {
      const [username = '', domain = ''] = acct.replace(/^@/, '').split('@')
      const remote = { id: state.snowflake(), username, domain, url: `https://${domain}/@${username}` }
      state.remotes.set(`${username}@${domain}`.toLowerCase(), remote)
      return remote
    },
    statuses: (accountId) => newestFirst([...state.statuses.values()].filter((s) => s.accountId === accountId && !s.deleted)),
    status(id) {
      const status = state.statuses.get(id)
      return status && !status.deleted ? status : undefined
    },
    media: (id) => state.media.get(id),
    notifications: (accountId) => state.notifications.filter((n) => n.accountId === accountId),
    apps: () => [...state.apps.values()],
    setLimits: (limits, accountId) => state.limiter.set(limits, accountId),
    rateLimitResetAt: (accountId, family) => state.limiter.resetAt(accountId, family),
    setCounts: (statusId, counts) => void state.statusCounts.set(statusId, { ...state.statusCounts.get(statusId), ...counts }),
    setAccountCounts: (accountId, counts) => void state.accountCounts.set(accountId, { ...state.accountCounts.get(accountId), ...counts }),
    requests: () => [...state.requests],
    close: () => server.close(),
  }
}
