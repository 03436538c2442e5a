/**
 * Working the inbox: pages of items with what a person needs beside each one (who wrote it, how
 * often they wrote before, whether they follow us, the post of ours it answers, whether and when
 * it was answered), assigning, marking done, snoozing, internal notes, and answering from the app.
 * An answer is an ordinary post that carries the item's reference, so it goes through approval,
 * the network's length rule and the exactly-once dispatcher, and the connector threads it
 * (Bluesky reply refs, Mastodon in_reply_to_id). A refused answer (too long, say) stays as a
 * draft: nothing typed is lost, not even when the post it answers was deleted meanwhile.
 */
import { AppError, errors } from '../domain/index.js'
import type { RemotePostRef } from '../networks/index.js'
import { createPost, schedulePost, updatePost, type PostView } from '../publish/index.js'
import {
  authorItemCounts,
  findAccount,
  findInboxItem,
  findMembership,
  inboxCounts,
  insertInboxNote,
  listAccounts,
  listInboxItems,
  listInboxNotes,
  newId,
  ourPostsByRemoteId,
  repliesToItem,
  updateInboxItem,
  type InboxFilter,
  type InboxItemWithAnswer,
} from '../store/index.js'
import type { EngageActor, EngageContext } from './context.js'
import { goneFromNetwork } from './threads.js'

export const inboxPageSize = 30
const maxNoteLength = 2000

export interface InboxItemView {
  item: InboxItemWithAnswer
  accountHandle: string
  postRef: RemotePostRef
  inReplyTo: RemotePostRef | null
  /** Our post it answers or quotes, when it is one of ours. */
  ours: { postId: string; text: string; url: string | null } | null
  /** How many items this author has sent the workspace (this one included). */
  authorItems: number
}

export interface InboxPage {
  items: InboxItemView[]
  nextCursor: string | null
  counts: { open: number; unanswered: number; questions: number }
}

function cursorOf(item: InboxItemWithAnswer): string {
  return `${item.createdAt}.${item.id}`
}

function parseCursor(cursor: string | undefined): { createdAt: number; id: string } | undefined {
  if (!cursor) return undefined
  const dot = cursor.indexOf('.')
  const createdAt = Number(cursor.slice(0, dot))
  const id = cursor.slice(dot + 1)
  if (dot < 1 || !Number.isSafeInteger(createdAt) || !/^[0-9a-z]{10,40}$/i.test(id)) throw new AppError('validation', 'inbox_cursor', {}, [{ field: 'cursor', messageKey: 'invalid_format' }])
  return { createdAt, id }
}

/** Items as the inbox shows them: the account, the post of ours they answer, the author's count. */
export async function viewsOf(ctx: EngageContext, workspaceId: string, items: InboxItemWithAnswer[]): Promise<InboxItemView[]> {
  const accounts = new Map((await listAccounts(ctx.db, workspaceId)).map((a) => [a.id, a]))
  const parents = items.map((i) => (i.inReplyTo ? (JSON.parse(i.inReplyTo) as RemotePostRef) : null))
  const [counts, ours] = await Promise.all([
    authorItemCounts(ctx.db, workspaceId, [...new Set(items.map((i) => i.authorRemoteId))]),
    ourPostsByRemoteId(ctx.db, workspaceId, [...new Set(parents.flatMap((p) => (p ? [p.remoteId] : [])))]),
  ])
  return items.map((item, index) => {
    const parent = parents[index] ?? null
    const own = parent ? ours.get(parent.remoteId) : undefined
    return {
      item,
      accountHandle: accounts.get(item.accountId)?.handle ?? '',
      postRef: JSON.parse(item.postRef) as RemotePostRef,
      inReplyTo: parent,
      ours: own ? { postId: own.postId, text: own.text, url: own.url } : null,
      authorItems: counts.get(item.authorRemoteId) ?? 1,
    }
  })
}

/** A page of the inbox, newest first, with the header's counts. */
export async function listInbox(ctx: EngageContext, workspaceId: string, filter: InboxFilter, cursor?: string): Promise<InboxPage> {
  const now = ctx.now()
  const before = parseCursor(cursor)
  const rows = await listInboxItems(ctx.db, workspaceId, filter, { limit: inboxPageSize + 1, ...(before ? { before } : {}), now })
  const page = rows.slice(0, inboxPageSize)
  return {
    items: await viewsOf(ctx, workspaceId, page),
    nextCursor: rows.length > inboxPageSize ? cursorOf(page.at(-1)!) : null,
    counts: await inboxCounts(ctx.db, workspaceId, now),
  }
}

/** The header's and the navigation badge's counts, without a page of items. */
export function countInbox(ctx: EngageContext, workspaceId: string): Promise<InboxPage['counts']> {
  return inboxCounts(ctx.db, workspaceId, ctx.now())
}

export interface InboxItemDetail extends InboxItemView {
  notes: Awaited<ReturnType<typeof listInboxNotes>>
  replies: Awaited<ReturnType<typeof repliesToItem>>
  /** The other items of the same conversation, oldest first. */
  conversation: InboxItemView[]
}

export async function getInboxItem(ctx: EngageContext, workspaceId: string, id: string): Promise<InboxItemDetail> {
  const item = await findInboxItem(ctx.db, workspaceId, id)
  if (!item) throw errors.notFound('inbox_item')
  const [view] = await viewsOf(ctx, workspaceId, [item])
  const thread = (await listInboxItems(ctx.db, workspaceId, { status: 'all', conversation: item.conversationKey }, { limit: 50, now: ctx.now() })).filter((other) => other.id !== item.id).reverse()
  return { ...view!, notes: await listInboxNotes(ctx.db, item.id), replies: await repliesToItem(ctx.db, item.id), conversation: await viewsOf(ctx, workspaceId, thread) }
}

export interface InboxChange {
  /** A teammate's user id, or null to unassign. */
  assigneeId?: string | null
  status?: 'open' | 'done'
  /** Until when it leaves the open list; null wakes it now. */
  snoozedUntil?: number | null
}

/** Assigns, marks done or open again, snoozes or wakes an item. */
export async function changeInboxItem(ctx: EngageContext, actor: EngageActor, id: string, change: InboxChange): Promise<InboxItemDetail> {
  const item = await findInboxItem(ctx.db, actor.workspaceId, id)
  if (!item) throw errors.notFound('inbox_item')
  const now = ctx.now()
  if (change.assigneeId) {
    const member = await findMembership(ctx.db, actor.workspaceId, change.assigneeId)
    if (!member) throw new AppError('validation', 'inbox_change', {}, [{ field: 'assigneeId', messageKey: 'inbox_not_member' }])
  }
  if (change.snoozedUntil !== undefined && change.snoozedUntil !== null && change.snoozedUntil <= now) {
    throw new AppError('validation', 'inbox_change', {}, [{ field: 'snoozedUntil', messageKey: 'inbox_snooze_past' }])
  }
  await updateInboxItem(ctx.db, actor.workspaceId, id, {
    ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}),
    ...(change.status ? { status: change.status, doneAt: change.status === 'done' ? now : null } : {}),
    ...(change.snoozedUntil !== undefined ? { snoozedUntil: change.snoozedUntil } : {}),
    updatedAt: now,
  })
  return getInboxItem(ctx, actor.workspaceId, id)
}

export async function addInboxNote(ctx: EngageContext, actor: EngageActor, id: string, text: string): Promise<InboxItemDetail> {
  const item = await findInboxItem(ctx.db, actor.workspaceId, id)
  if (!item) throw errors.notFound('inbox_item')
  const trimmed = text.trim()
  if (!trimmed || trimmed.length > maxNoteLength) throw new AppError('validation', 'inbox_note', {}, [{ field: 'text', messageKey: trimmed ? 'inbox_note_too_long' : 'required', params: { count: maxNoteLength } }])
  await insertInboxNote(ctx.db, { id: newId(ctx.now()), itemId: id, authorId: actor.userId, text: trimmed, createdAt: ctx.now() })
  return getInboxItem(ctx, actor.workspaceId, id)
}

/**
 * Answers an item from the account it was sent to: now, or once an admin approves for an editor
 * under approval. A draft answer kept from a refused attempt is reused, so retrying never makes
 * two. When the answer cannot be scheduled (over the network's limit, an account to reconnect),
 * the error goes to the person and the text stays as the item's draft answer.
 */
export async function replyToItem(ctx: EngageContext, actor: EngageActor, id: string, props: { text: string }): Promise<PostView> {
  const item = await findInboxItem(ctx.db, actor.workspaceId, id)
  if (!item) throw errors.notFound('inbox_item')
  const account = await findAccount(ctx.db, actor.workspaceId, item.accountId)
  if (!account || account.status === 'disconnected') throw errors.badRequest('inbox_account_gone')
  const gone = await goneFromNetwork(ctx, account, item)
  const draft = { text: props.text, targets: [{ accountId: account.id }], mediaIds: [], contentType: 'engage' as const }
  const kept = item.pendingReplyId ? (await repliesToItem(ctx.db, item.id)).find((r) => r.postId === item.pendingReplyId && r.status === 'draft') : undefined
  const post = kept
    ? await updatePost(ctx.publish, actor, kept.postId, draft)
    : await createPost(ctx.publish, actor, { ...draft, source: 'inbox', sourceRef: item.id, replyTo: JSON.parse(item.postRef) as RemotePostRef })
  // Kept as the item's draft: the person can copy it elsewhere (a new post, a message).
  if (gone) throw errors.gone('inbox_item_deleted')
  return schedulePost(ctx.publish, actor, post.post.id, { mode: 'now' })
}
