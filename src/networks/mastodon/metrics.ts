/**
 * Counts for statuses and for the account, from the account's own instance:
 * - Statuses (https://docs.joinmastodon.org/entities/Status/): favourites_count, reblogs_count,
 *   replies_count, and quotes_count on servers with quote posts (API version 7, Mastodon 4.5).
 *   Asked 20 at a time with GET /api/v1/statuses?id[]=… (Mastodon 4.3 and later; the server
 *   refuses more than DEFAULT_STATUSES_LIMIT = 20 ids). An older server answers that path 404:
 *   then each status is asked on its own with GET /api/v1/statuses/:id. A status deleted since
 *   (missing from the answer, or 404 on its own) is left out. Mastodon counts no views.
 * - Account: GET /api/v1/accounts/verify_credentials → followers_count, following_count,
 *   statuses_count.
 * Failures become the shared errors (map-error.ts): 401 AuthExpired, 429 RateLimited until the
 * X-RateLimit-Reset time, 5xx Transient.
 */
import type { mastodon } from 'masto'
import type { AccountMetrics, ConnectedAccount, PostMetrics, RemotePostRef } from '../connector.js'
import { accountClient, type ResolvedDeps } from './client.js'
import { call, httpFailure, toConnectorError } from './map-error.js'

/** Api::BaseController::DEFAULT_STATUSES_LIMIT: the most ids GET /api/v1/statuses accepts. */
const statusesPerRequest = 20

function metricsOf(status: mastodon.v1.Status): PostMetrics {
  const metrics: PostMetrics = { remoteId: status.id, likes: status.favouritesCount, reposts: status.reblogsCount, replies: status.repliesCount }
  // masto types it as always there; servers before quote posts leave it out.
  if (typeof status.quotesCount === 'number') metrics.quotes = status.quotesCount
  return metrics
}

/** One status, or undefined when the server no longer has it (or never did). */
async function fetchOne(client: mastodon.rest.Client, id: string): Promise<mastodon.v1.Status | undefined> {
  try {
    return await client.v1.statuses.$select(id).fetch()
  } catch (error) {
    if (httpFailure(error)?.status === 404) return undefined
    throw toConnectorError(error)
  }
}

/**
 * Several statuses in one request, or undefined when the server has no such endpoint (before
 * Mastodon 4.3 the path does not exist: 404).
 */
async function fetchSeveral(client: mastodon.rest.Client, ids: string[]): Promise<mastodon.v1.Status[] | undefined> {
  try {
    return await client.v1.statuses.fetch({ id: ids })
  } catch (error) {
    if (httpFailure(error)?.status === 404) return undefined
    throw toConnectorError(error)
  }
}

/** Counts for each status the server still has, in the order asked, each status once. */
export async function fetchPostMetrics(deps: ResolvedDeps, account: ConnectedAccount, posts: RemotePostRef[]): Promise<PostMetrics[]> {
  const { client } = accountClient(deps, account)
  const ids = [...new Set(posts.map((p) => p.remoteId))]
  const found = new Map<string, PostMetrics>()
  let several = true
  for (let start = 0; start < ids.length; start += statusesPerRequest) {
    const chunk = ids.slice(start, start + statusesPerRequest)
    const statuses = several ? await fetchSeveral(client, chunk) : undefined
    if (statuses) {
      for (const status of statuses) found.set(status.id, metricsOf(status))
      continue
    }
    several = false
    for (const id of chunk) {
      const status = await fetchOne(client, id)
      if (status) found.set(id, metricsOf(status))
    }
  }
  return ids.flatMap((id) => found.get(id) ?? [])
}

/** Followers, following and statuses of the account, as its instance counts them. */
export async function fetchAccountMetrics(deps: ResolvedDeps, account: ConnectedAccount): Promise<AccountMetrics> {
  const { client } = accountClient(deps, account)
  const me = await call(() => client.v1.accounts.verifyCredentials())
  return { followers: me.followersCount, following: me.followingCount, posts: me.statusesCount }
}
