/**
 * The inbox's rows: items (once per network item), filters and pages, notes, each account's
 * reading cursor with its back-off, the replies sent from the app (posts whose source is the
 * inbox and whose source_ref names the item), saved replies, and the facts response times are
 * computed from.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Database, InboxItemsTable, SavedRepliesTable } from './schema.js'

type Db = Kysely<Database>

export type InboxItemRow = Selectable<InboxItemsTable>
export type NewInboxItem = Insertable<InboxItemsTable>
export type SavedReplyRow = Selectable<SavedRepliesTable>

/** An item with what the inbox shows beside it: its first answer from the app, if any. */
export interface InboxItemWithAnswer extends InboxItemRow {
  /** When the first reply from the app was published; null while unanswered. */
  firstResponseAt: number | null
  /** Who wrote that reply. */
  respondedBy: string | null
  /** A reply from the app kept as a draft, waiting, being sent or failed (its post id). */
  pendingReplyId: string | null
}

/** Inserts the items not stored yet (one per account and network item); returns how many were new. */
export async function insertInboxItems(db: Db, rows: NewInboxItem[]): Promise<number> {
  let inserted = 0
  for (const row of rows) {
    const result = await db.insertInto('inboxItems').values(row).onConflict((oc) => oc.columns(['accountId', 'remoteId']).doNothing()).executeTakeFirst()
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return inserted
}

export async function getInboxCursor(db: Db, accountId: string) {
  return db.selectFrom('inboxCursors').selectAll().where('accountId', '=', accountId).executeTakeFirst()
}

/** Records a successful read: the new cursor, and the failures forgotten. */
export async function saveInboxCursor(db: Db, accountId: string, cursor: string | null, at: number, nextSyncAt: number): Promise<void> {
  const row = { cursor, syncedAt: at, failures: 0, nextSyncAt, lastError: null }
  await db.insertInto('inboxCursors').values({ accountId, ...row }).onConflict((oc) => oc.column('accountId').doUpdateSet(row)).execute()
}

/** Records a failed read: the account waits until `nextSyncAt`. */
export async function recordInboxFailure(db: Db, accountId: string, failures: number, nextSyncAt: number, error: string): Promise<void> {
  const row = { failures, nextSyncAt, lastError: error.slice(0, 500) }
  await db.insertInto('inboxCursors').values({ accountId, cursor: null, syncedAt: null, ...row }).onConflict((oc) => oc.column('accountId').doUpdateSet(row)).execute()
}

/** True for an item that a reply from the app, published, answers. */
// The target's status is compared as an expression (coalesce), so SQLite's planner goes from the
// item to its replies (posts' source_ref index, then targets by post) instead of walking the
// targets' status index over every published target for each item.
const isAnswered = sql<boolean>`exists (select 1 from posts p join post_targets t on t.post_id = p.id where p.source = 'inbox' and coalesce(t.status, '') = 'published' and p.source_ref = i.id)`
const publishedTarget = sql<string>`coalesce(t.status, '')`

export interface InboxFilter {
  status: 'open' | 'snoozed' | 'done' | 'all'
  unanswered?: boolean
  assigneeId?: string
  network?: string
  accountId?: string
  sentiment?: 'positive' | 'neutral' | 'negative'
  questions?: boolean
  /** Items of one conversation. */
  conversation?: string
}

function withAnswers(db: Db, workspaceId: string) {
  return db
    .selectFrom('inboxItems as i')
    .selectAll('i')
    .select((eb) => [
      eb
        .selectFrom('posts as p')
        .innerJoin('postTargets as t', 't.postId', 'p.id')
        .select((e) => e.fn.min('t.publishedAt').as('at'))
        .where('p.source', '=', 'inbox')
        .where(publishedTarget, '=', 'published')
        .whereRef('p.sourceRef', '=', 'i.id')
        .as('firstResponseAt'),
      eb
        .selectFrom('posts as p')
        .innerJoin('postTargets as t', 't.postId', 'p.id')
        .select('p.authorId')
        .where('p.source', '=', 'inbox')
        .where(publishedTarget, '=', 'published')
        .whereRef('p.sourceRef', '=', 'i.id')
        .orderBy('t.publishedAt')
        .limit(1)
        .as('respondedBy'),
      eb
        .selectFrom('posts as p')
        .select('p.id')
        .where('p.source', '=', 'inbox')
        .where('p.status', 'in', ['draft', 'awaiting_approval', 'scheduled', 'publishing', 'failed'])
        .whereRef('p.sourceRef', '=', 'i.id')
        .orderBy('p.createdAt', 'desc')
        .limit(1)
        .as('pendingReplyId'),
    ])
    .where('i.workspaceId', '=', workspaceId)
}

function toItem(row: Record<string, unknown>): InboxItemWithAnswer {
  const item = row as unknown as InboxItemWithAnswer
  return {
    ...item,
    createdAt: Number(item.createdAt),
    receivedAt: Number(item.receivedAt),
    updatedAt: Number(item.updatedAt),
    snoozedUntil: item.snoozedUntil === null ? null : Number(item.snoozedUntil),
    doneAt: item.doneAt === null ? null : Number(item.doneAt),
    deletedAt: item.deletedAt === null ? null : Number(item.deletedAt),
    firstResponseAt: item.firstResponseAt === null || item.firstResponseAt === undefined ? null : Number(item.firstResponseAt),
    respondedBy: item.respondedBy ?? null,
    pendingReplyId: item.pendingReplyId ?? null,
  }
}

/** A page of items, newest first; `before` is the previous page's last (createdAt, id). */
export async function listInboxItems(
  db: Db,
  workspaceId: string,
  filter: InboxFilter,
  page: { limit: number; before?: { createdAt: number; id: string }; now: number },
): Promise<InboxItemWithAnswer[]> {
  let query = withAnswers(db, workspaceId)
  const now = page.now
  if (filter.status === 'open') query = query.where('i.status', '=', 'open').where((eb) => eb.or([eb('i.snoozedUntil', 'is', null), eb('i.snoozedUntil', '<=', now)]))
  if (filter.status === 'snoozed') query = query.where('i.status', '=', 'open').where('i.snoozedUntil', '>', now)
  if (filter.status === 'done') query = query.where('i.status', '=', 'done')
  if (filter.unanswered) query = query.where(sql<boolean>`not ${isAnswered}`)
  if (filter.assigneeId) query = query.where('i.assigneeId', '=', filter.assigneeId)
  if (filter.network) query = query.where('i.network', '=', filter.network)
  if (filter.accountId) query = query.where('i.accountId', '=', filter.accountId)
  if (filter.sentiment) query = query.where('i.sentiment', '=', filter.sentiment)
  if (filter.questions) query = query.where('i.question', '=', 1)
  if (filter.conversation) query = query.where('i.conversationKey', '=', filter.conversation)
  if (page.before) {
    const { createdAt, id } = page.before
    query = query.where((eb) => eb.or([eb('i.createdAt', '<', createdAt), eb.and([eb('i.createdAt', '=', createdAt), eb('i.id', '<', id)])]))
  }
  const rows = await query.orderBy('i.createdAt', 'desc').orderBy('i.id', 'desc').limit(page.limit).execute()
  return rows.map(toItem)
}

export async function findInboxItem(db: Db, workspaceId: string, id: string): Promise<InboxItemWithAnswer | undefined> {
  const row = await withAnswers(db, workspaceId).where('i.id', '=', id).executeTakeFirst()
  return row ? toItem(row) : undefined
}

export async function updateInboxItem(
  db: Db,
  workspaceId: string,
  id: string,
  patch: Partial<Pick<InboxItemRow, 'assigneeId' | 'status' | 'snoozedUntil' | 'doneAt'>> & { updatedAt: number },
): Promise<boolean> {
  const result = await db.updateTable('inboxItems').set(patch).where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Counts for the inbox header: open, unanswered among them, questions among those. */
export async function inboxCounts(db: Db, workspaceId: string, now: number): Promise<{ open: number; unanswered: number; questions: number }> {
  const row = await db
    .selectFrom('inboxItems as i')
    .select([
      sql<number>`count(*)`.as('open'),
      sql<number>`sum(case when ${isAnswered} then 0 else 1 end)`.as('unanswered'),
      sql<number>`sum(case when i.question = 1 and not ${isAnswered} then 1 else 0 end)`.as('questions'),
    ])
    .where('i.workspaceId', '=', workspaceId)
    .where('i.status', '=', 'open')
    .where((eb) => eb.or([eb('i.snoozedUntil', 'is', null), eb('i.snoozedUntil', '<=', now)]))
    .executeTakeFirst()
  return { open: Number(row?.open ?? 0), unanswered: Number(row?.unanswered ?? 0), questions: Number(row?.questions ?? 0) }
}

/** How many items each of these authors has sent the workspace. */
export async function authorItemCounts(db: Db, workspaceId: string, authorIds: string[]): Promise<Map<string, number>> {
  if (authorIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('inboxItems')
    .select(['authorRemoteId', sql<number>`count(*)`.as('n')])
    .where('workspaceId', '=', workspaceId)
    .where('authorRemoteId', 'in', authorIds)
    .groupBy('authorRemoteId')
    .execute()
  return new Map(rows.map((r) => [r.authorRemoteId, Number(r.n)]))
}

/** Our own published posts among these remote ids (the post an item answers, when it is ours). */
export async function ourPostsByRemoteId(db: Db, workspaceId: string, remoteIds: string[]): Promise<Map<string, { postId: string; text: string; url: string | null; publishedAt: number | null }>> {
  if (remoteIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('postTargets as t')
    .innerJoin('posts as p', 'p.id', 't.postId')
    .select(['t.remoteId', 't.postId', sql<string>`coalesce(t.text, p.text)`.as('text'), 't.remoteUrl', 't.publishedAt'])
    .where('p.workspaceId', '=', workspaceId)
    .where('t.remoteId', 'in', remoteIds)
    .execute()
  return new Map(rows.map((r) => [r.remoteId!, { postId: r.postId, text: r.text, url: r.remoteUrl, publishedAt: r.publishedAt === null ? null : Number(r.publishedAt) }]))
}

/** The replies sent (or being sent) from the app to an item, oldest first. */
export async function repliesToItem(db: Db, itemId: string) {
  const rows = await db
    .selectFrom('posts as p')
    .innerJoin('postTargets as t', 't.postId', 'p.id')
    .select(['p.id as postId', 'p.text', 'p.authorId', 'p.status', 'p.createdAt', 't.status as targetStatus', 't.publishedAt', 't.remoteUrl', 't.errorKind', 't.errorReason'])
    .where('p.source', '=', 'inbox')
    .where('p.sourceRef', '=', itemId)
    .orderBy('p.createdAt')
    .execute()
  return rows.map((r) => ({ ...r, createdAt: Number(r.createdAt), publishedAt: r.publishedAt === null ? null : Number(r.publishedAt) }))
}

export async function insertInboxNote(db: Db, row: { id: string; itemId: string; authorId: string | null; text: string; createdAt: number }): Promise<void> {
  await db.insertInto('inboxNotes').values(row).execute()
}

export async function listInboxNotes(db: Db, itemId: string) {
  return db.selectFrom('inboxNotes').selectAll().where('itemId', '=', itemId).orderBy('createdAt').execute()
}

/** Items received in [from, to) with their first answer from the app, for response times. */
export async function responseFacts(db: Db, workspaceId: string, from: number, to: number): Promise<Array<{ createdAt: number; firstResponseAt: number | null; network: string; respondedBy: string | null; accountConnectedAt: number }>> {
  const rows = await withAnswers(db, workspaceId)
    .innerJoin('accounts as a', 'a.id', 'i.accountId')
    .select('a.createdAt as accountConnectedAt')
    .where('i.createdAt', '>=', from)
    .where('i.createdAt', '<', to)
    .execute()
  return rows.map((row) => {
    const item = toItem(row)
    return { createdAt: item.createdAt, firstResponseAt: item.firstResponseAt, network: item.network, respondedBy: item.respondedBy, accountConnectedAt: Number(row.accountConnectedAt) }
  })
}

export async function listSavedReplies(db: Db, workspaceId: string): Promise<SavedReplyRow[]> {
  return db.selectFrom('savedReplies').selectAll().where('workspaceId', '=', workspaceId).orderBy('language').orderBy('title').execute()
}

export async function insertSavedReply(db: Db, row: SavedReplyRow): Promise<void> {
  await db.insertInto('savedReplies').values(row).execute()
}

export async function updateSavedReply(db: Db, workspaceId: string, id: string, patch: Partial<Pick<SavedReplyRow, 'title' | 'text' | 'language'>> & { updatedAt: number }): Promise<boolean> {
  const result = await db.updateTable('savedReplies').set(patch).where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function deleteSavedReply(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('savedReplies').where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}
