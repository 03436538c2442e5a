/**
 * A status's thread, from the account's own instance: GET /api/v1/statuses/:id/context
 * (https://docs.joinmastodon.org/methods/statuses/#context). With the account's token (scope
 * `read:statuses`) the server gives up to 4,096 ancestors (the thread's top first) and 4,096
 * descendants (depth first, as Mastodon threads them); a status the server no longer has, or
 * that the account may no longer see, answers 404, which here means deleted.
 * An ancestor that was deleted is not in the list and the chain starts below it: seen here as the
 * top ancestor still answering another status (`in_reply_to_id` set).
 * Failures become the shared errors (map-error.ts): 401 AuthExpired, 429 RateLimited until the
 * X-RateLimit-Reset time, 5xx Transient.
 */
import type { mastodon } from 'masto'
import type { ConnectedAccount, RemoteMessage, RemotePostRef, RemoteThread } from '../connector.js'
import { accountClient, type ResolvedDeps } from './client.js'
import { httpFailure, toConnectorError } from './map-error.js'
import { authorOf, statusText } from './notifications.js'

function messageOf(status: mastodon.v1.Status, localDomain: string): RemoteMessage {
  return {
    post: { remoteId: status.id, url: status.url ?? status.uri },
    text: statusText(status),
    ...(status.language ? { language: status.language } : {}),
    author: authorOf(status.account, localDomain),
    ...(status.inReplyToId ? { inReplyTo: { remoteId: status.inReplyToId } } : {}),
    ...(status.inReplyToAccountId ? { inReplyToAuthorId: status.inReplyToAccountId } : {}),
    createdAt: Date.parse(status.createdAt),
  }
}

/** The statuses above `post` and, with `replies`, below it; or `deleted` when the server answers 404. */
export async function fetchThread(deps: ResolvedDeps, account: ConnectedAccount, post: RemotePostRef, options: { replies?: boolean } = {}): Promise<RemoteThread> {
  const { client, server } = accountClient(deps, account)
  const localDomain = typeof account.settings.domain === 'string' ? account.settings.domain : new URL(server).host
  let context: mastodon.v1.Context
  try {
    context = await client.v1.statuses.$select(post.remoteId).context.fetch()
  } catch (error) {
    if (httpFailure(error)?.status === 404) return { deleted: true, ancestors: [], cut: false, replies: [] }
    throw toConnectorError(error)
  }
  const ancestors = context.ancestors.map((s) => messageOf(s, localDomain))
  return {
    deleted: false,
    ancestors,
    cut: ancestors.length > 0 && ancestors[0]!.inReplyTo !== undefined,
    replies: options.replies ? context.descendants.map((s) => messageOf(s, localDomain)) : [],
  }
}
