/**
 * The inbox's reading side: what people said to or about the account, from its own instance.
 * - GET /api/v1/notifications (https://docs.joinmastodon.org/methods/notifications/#get) with
 *   `types[]=mention`, plus `types[]=quote` on servers with quote posts (API version 7, Mastodon
 *   4.5: https://docs.joinmastodon.org/client/quotes; older servers are not asked for a type they
 *   do not have). A mention whose status answers one of the account's statuses
 *   (`in_reply_to_account_id`) is a reply. Mastodon notifies mentions, not replies: a reply that
 *   does not mention the account (the web app adds `@author` itself) never arrives here.
 * - Paging: with a cursor, `min_id=<cursor>` gives the `limit` notifications immediately newer
 *   than it (newest first, so the page is turned round); a full page means more are waiting.
 *   Without one, the newest page. The cursor is the newest notification id the server sent,
 *   including ones left out (a deleted status's notification comes with `status: null` while
 *   Mastodon removes it), so they are not asked again; with nothing at all yet it is "0", before
 *   every id, so nothing that arrives later is missed. `limit` is 40, Mastodon's default since
 *   4.1 (at most 80); servers before 4.1 cap it at 30, so there a page of 30 reads as the last
 *   and the rest comes on the next call.
 * - Authors: the notification's `account`; whether each follows the account comes from one
 *   GET /api/v1/accounts/relationships?id[]=… per page (`followed_by`), left unknown when the
 *   token lacks `read:follows` (a token made by hand with narrower scopes than ours).
 * - Text: the status's HTML `content` as plain text (match-text.ts `htmlToText`: paragraphs and
 *   line breaks back to newlines, entities decoded, links and mentions as their text), the quote
 *   fallback paragraph (`quote-inline`) removed from quotes as the quote guide asks, after the
 *   content warning when there is one.
 * - An item's id is its status's: one item per status, however it reached the inbox.
 * Failures become the shared errors (map-error.ts): 401 AuthExpired, 429 RateLimited until the
 * X-RateLimit-Reset time, 5xx Transient.
 */
import type { mastodon } from 'masto'
import type { ConnectedAccount, NotificationKind, NotificationPage, RemoteAuthor, RemoteNotification, RemotePostRef } from '../connector.js'
import { quotesApiVersion } from './capabilities.js'
import { accountClient, type ResolvedDeps } from './client.js'
import { call, httpFailure, toConnectorError } from './map-error.js'
import { htmlToText } from './match-text.js'
import { settingsSchema } from './stored.js'

/** DEFAULT_NOTIFICATIONS_LIMIT since Mastodon 4.1. */
const pageSize = 40
/** The cursor before every notification id (ids are positive integers as strings). */
const beforeEverything = '0'

/** The paragraph Mastodon puts before a quote's text for clients without quotes. */
const quoteInline = /<p\b[^>]*\bclass\s*=\s*"[^"]*\bquote-inline\b[^"]*"[^>]*>[\s\S]*?<\/p>/gi

/** A status's text as written: content warning, then the content as plain text. */
export function statusText(status: Pick<mastodon.v1.Status, 'content' | 'spoilerText' | 'quote'>): string {
  const content = status.quote ? status.content.replace(quoteInline, '') : status.content
  const body = htmlToText(content)
  return status.spoilerText ? `${status.spoilerText}\n\n${body}` : body
}

/** `@name@domain` for anyone: local accounts' `acct` has no domain, so the instance's is added. */
export function handleOf(acct: string, localDomain: string): string {
  return `@${acct.includes('@') ? acct : `${acct}@${localDomain}`}`
}

export function authorOf(account: mastodon.v1.Account, localDomain: string): RemoteAuthor {
  return {
    remoteId: account.id,
    handle: handleOf(account.acct, localDomain),
    displayName: account.displayName || account.username,
    ...(account.avatar ? { avatarUrl: account.avatar } : {}),
    ...(account.url ? { profileUrl: account.url } : {}),
    followers: account.followersCount,
  }
}

/** The status quoted: the full Quote at the top level, a ShallowQuote (id only) deeper. */
function quotedPost(status: mastodon.v1.Status): RemotePostRef | undefined {
  const quote = status.quote
  if (!quote) return undefined
  if ('quotedStatus' in quote && quote.quotedStatus) return { remoteId: quote.quotedStatus.id, url: quote.quotedStatus.url ?? quote.quotedStatus.uri }
  if ('quotedStatusId' in quote && quote.quotedStatusId) return { remoteId: quote.quotedStatusId }
  return undefined
}

/** One notification as the contract's, or undefined for what the inbox does not take. */
function toRemote(notification: mastodon.v1.Notification, ownId: string, localDomain: string): RemoteNotification | undefined {
  if (notification.type !== 'mention' && notification.type !== 'quote') return undefined
  // Typed as always there, but null while a deleted status is being removed.
  const status: mastodon.v1.Status | null | undefined = notification.status
  if (!status) return undefined
  const kind: NotificationKind = notification.type === 'quote' ? 'quote' : status.inReplyToAccountId === ownId ? 'reply' : 'mention'
  const inReplyTo = kind === 'quote' ? quotedPost(status) : status.inReplyToId ? { remoteId: status.inReplyToId } : undefined
  return {
    // The status, not the notification: a reply read under one of our posts (threads.ts) or a
    // quote that also mentions us is the same inbox item.
    remoteId: status.id,
    kind,
    post: { remoteId: status.id, url: status.url ?? status.uri },
    text: statusText(status),
    ...(status.language ? { language: status.language } : {}),
    author: authorOf(notification.account, localDomain),
    ...(inReplyTo ? { inReplyTo } : {}),
    createdAt: Date.parse(status.createdAt),
  }
}

/** Who follows whom, or nothing when the token may not ask (a hand-made token without `read:follows`: 403). */
async function relationshipsOf(client: mastodon.rest.Client, ids: string[]): Promise<mastodon.v1.Relationship[]> {
  try {
    return await client.v1.accounts.relationships.fetch({ id: ids })
  } catch (error) {
    if (httpFailure(error)?.status === 403) return []
    throw toConnectorError(error)
  }
}

/** Sets `followsUs` on each author (`followed_by`), asking once for all of them. */
async function markFollowers(client: mastodon.rest.Client, items: RemoteNotification[]): Promise<void> {
  const ids = [...new Set(items.map((item) => item.author.remoteId))]
  if (ids.length === 0) return
  const relationships = await relationshipsOf(client, ids)
  const followedBy = new Map(relationships.map((r) => [r.id, r.followedBy]))
  for (const item of items) {
    const follows = followedBy.get(item.author.remoteId)
    if (follows !== undefined) item.author.followsUs = follows
  }
}

/** Mentions, replies and (where the server has them) quotes newer than `cursor`, oldest first. */
export async function fetchNotifications(deps: ResolvedDeps, account: ConnectedAccount, cursor?: string): Promise<NotificationPage> {
  const { client, server, remoteId } = accountClient(deps, account)
  const apiVersion = settingsSchema.shape.apiVersion.safeParse(account.settings.apiVersion).data ?? 0
  const localDomain = typeof account.settings.domain === 'string' ? account.settings.domain : new URL(server).host
  const types: mastodon.v1.NotificationType[] = apiVersion >= quotesApiVersion ? ['mention', 'quote'] : ['mention']
  const newestFirst = await call(() => client.v1.notifications.fetch({ types, limit: pageSize, ...(cursor === undefined ? {} : { minId: cursor }) }))
  const items = [...newestFirst].reverse().flatMap((n) => toRemote(n, remoteId, localDomain) ?? [])
  await markFollowers(client, items)
  return {
    items,
    cursor: newestFirst[0]?.id ?? cursor ?? beforeEverything,
    more: cursor !== undefined && newestFirst.length >= pageSize,
  }
}
