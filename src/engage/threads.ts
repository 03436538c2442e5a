/**
 * The network around an item:
 * - the thread above it, read from the network when a person opens the item (every post in
 *   between, not only what reached our inbox); reading it also tells when the item's post is gone;
 * - checks made on the side of `sync-inbox`, per account every `recheckEveryMs`:
 *   items of the last week whose post the network no longer has are marked deleted (kept, with
 *   their notes and answers: an item is never removed); and where the network notifies a reply
 *   only when it mentions the account (Mastodon), the replies under the account's recent posts
 *   are read, so a reply whose author removed the @mention still reaches the inbox.
 * When the checks last ran is kept per process: a restarted worker checks again at once, which
 * costs a few reads and changes nothing twice.
 */
import { ConnectorError, type ConnectedAccount, type Connector, type RemoteMessage, type RemoteNotification, type RemotePostRef, type RemoteThread } from '../networks/index.js'
import { readWithAccount } from '../publish/index.js'
import { findAccount, findInboxItem, insertInboxItems, itemsToRecheck, markInboxItemsDeleted, publishedTargetsOf, type Account, type InboxItemWithAnswer } from '../store/index.js'
import type { EngageContext } from './context.js'
import { toRow } from './rows.js'

/** How often an account's recent items and posts are checked again on the network. */
export const recheckEveryMs = 15 * 60_000
/** How far back items are checked for deletion, and how many at most per check. */
const recheckItemsForMs = 7 * 24 * 3600_000
const recheckItemsAtMost = 100
/** How far back our posts' replies are read, and how many posts at most per check. */
const readRepliesForMs = 3 * 24 * 3600_000
const readRepliesOfAtMost = 10

export interface ThreadMessageView extends RemoteMessage {
  /** Written by the account the item came to. */
  ours: boolean
}

/**
 * What the item panel shows above the item. `available` false: the network could not be asked
 * (`reason`), or this network cannot show threads; the panel then shows what the inbox has.
 */
export type ThreadAbove =
  | { available: true; deleted: boolean; cut: boolean; ancestors: ThreadMessageView[] }
  | { available: false; reason: 'unsupported' | 'auth_expired' | 'rate_limited' | 'unreachable' }

function failureReason(error: ConnectorError): 'auth_expired' | 'rate_limited' | 'unreachable' {
  return error.kind === 'auth_expired' ? 'auth_expired' : error.kind === 'rate_limited' ? 'rate_limited' : 'unreachable'
}

/** The item's thread from its network (the connector has `fetchThread`); marks the item deleted when its post is gone. */
async function readItemThread(ctx: EngageContext, account: Account, item: InboxItemWithAnswer): Promise<RemoteThread> {
  const thread = await readWithAccount(ctx.publish, account, (c, connected) => c.fetchThread!(connected, JSON.parse(item.postRef) as RemotePostRef))
  if (thread.deleted) await markInboxItemsDeleted(ctx.db, [item.id], ctx.now())
  return thread
}

/** Reads the thread above an item from its network; marks the item deleted when its post is gone. */
export async function threadAbove(ctx: EngageContext, workspaceId: string, itemId: string): Promise<ThreadAbove | undefined> {
  const item = await findInboxItem(ctx.db, workspaceId, itemId)
  if (!item) return undefined
  const account = await findAccount(ctx.db, workspaceId, item.accountId)
  const connector = account ? ctx.publish.networks.get(account.network) : undefined
  if (!account || account.status === 'disconnected' || !connector?.fetchThread) return { available: false, reason: 'unsupported' }
  try {
    const thread = await readItemThread(ctx, account, item)
    // A reply whose parent is gone shows no ancestors; the network may not say it cut the chain.
    const parentGone = thread.ancestors.length === 0 && item.inReplyTo !== null && item.kind !== 'quote'
    return {
      available: true,
      deleted: thread.deleted,
      cut: thread.cut || (!thread.deleted && parentGone),
      ancestors: thread.ancestors.map((m) => ({ ...m, ours: m.author.remoteId === account.remoteId })),
    }
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    ctx.logger.warn({ item: item.id, account: account.id, error: error.message }, 'inbox: the thread could not be read')
    return { available: false, reason: failureReason(error) }
  }
}

/**
 * Whether the item's post is gone from the network, asked just before answering it (a Bluesky PDS
 * accepts a reply to a deleted post; the answer would hang under nothing). Marks it when it is.
 * A network that cannot be asked now is taken as "still there": the answer goes, and the
 * dispatcher reports what the network says.
 */
export async function goneFromNetwork(ctx: EngageContext, account: Account, item: InboxItemWithAnswer): Promise<boolean> {
  if (item.deletedAt !== null) return true
  const connector = ctx.publish.networks.get(account.network)
  if (!connector?.fetchThread) return false
  try {
    return (await readItemThread(ctx, account, item)).deleted
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    return false
  }
}

const lastRechecks = new WeakMap<EngageContext, Map<string, number>>()

/** Marks the account's recent items whose post the network no longer has (it leaves them out of a batch read). */
async function markDeleted(ctx: EngageContext, account: Account, connector: Connector, connected: ConnectedAccount): Promise<number> {
  if (!connector.fetchPostMetrics) return 0
  const items = await itemsToRecheck(ctx.db, account.id, ctx.now() - recheckItemsForMs, recheckItemsAtMost)
  if (items.length === 0) return 0
  const refs = items.map((i) => JSON.parse(i.postRef) as RemotePostRef)
  const still = new Set((await connector.fetchPostMetrics(connected, refs)).map((m) => m.remoteId))
  return markInboxItemsDeleted(
    ctx.db,
    items.filter((_, index) => !still.has(refs[index]!.remoteId)).map((i) => i.id),
    ctx.now(),
  )
}

/** A reply found under one of our posts, as a notification would have brought it. */
function asReply(message: RemoteMessage): RemoteNotification {
  return {
    remoteId: message.post.remoteId,
    kind: 'reply',
    post: message.post,
    text: message.text,
    ...(message.language ? { language: message.language } : {}),
    author: message.author,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    createdAt: message.createdAt,
  }
}

/** Stores the replies to the account's recent posts that the network did not notify. */
async function readUnnotifiedReplies(ctx: EngageContext, account: Account, connector: Connector, connected: ConnectedAccount): Promise<number> {
  if (!connector.fetchThread || !connector.capabilities(connected).repliesOnlyWhenMentioned) return 0
  const posts = await publishedTargetsOf(ctx.db, account.id, ctx.now() - readRepliesForMs, readRepliesOfAtMost)
  let stored = 0
  for (const post of posts) {
    const thread = await connector.fetchThread(connected, { remoteId: post.remoteId, ...(post.remoteUrl ? { url: post.remoteUrl } : {}) }, { replies: true })
    const toUs = thread.replies.filter((m) => m.inReplyToAuthorId === account.remoteId && m.author.remoteId !== account.remoteId)
    const now = ctx.now()
    stored += await insertInboxItems(ctx.db, toUs.map((m) => toRow(ctx, account, asReply(m), now)))
  }
  return stored
}

/**
 * The side checks for one account, when `recheckEveryMs` has passed since its last (or with
 * `force`). Returns the replies stored; errors go to the caller (sync's back-off).
 */
export async function recheckAccount(ctx: EngageContext, account: Account, force = false): Promise<number> {
  const checks = lastRechecks.get(ctx) ?? new Map<string, number>()
  lastRechecks.set(ctx, checks)
  const now = ctx.now()
  if (!force && now - (checks.get(account.id) ?? -Infinity) < recheckEveryMs) return 0
  const result = await readWithAccount(ctx.publish, account, async (connector, connected) => {
    const deleted = await markDeleted(ctx, account, connector, connected)
    const replies = await readUnnotifiedReplies(ctx, account, connector, connected)
    return { deleted, replies }
  })
  checks.set(account.id, now)
  if (result.deleted > 0) ctx.logger.info({ account: account.id, deleted: result.deleted }, 'sync-inbox: items deleted on the network marked')
  return result.replies
}
