/**
 * The daily check-in routine's rows: a workspace's blocks, each block's check-in (made once per
 * workspace and start, so two workers preparing the same block make one), its reminder and its
 * completion; and what a check-in is made of: the inbox items waiting for an answer (questions
 * first, oldest first), recent inbox authors, recent listening mentions with an author, and who
 * is reminded.
 */
import { sql, type Kysely, type Selectable } from 'kysely'
import type { CheckInsTable, Database } from './schema.js'

type Db = Kysely<Database>

export interface CheckInBlockRow {
  weekday: number
  time: string
  minutes: number
}

export type CheckInRow = Selectable<CheckInsTable>

/** Roles that answer the inbox, and so get the check-in reminder. */
const checkInReminderRoles = ['owner', 'admin', 'editor'] as const

export async function listCheckInBlocks(db: Db, workspaceId: string): Promise<CheckInBlockRow[]> {
  return db.selectFrom('checkInBlocks').select(['weekday', 'time', 'minutes']).where('workspaceId', '=', workspaceId).orderBy('weekday').orderBy('time').execute()
}

/** Replaces all blocks of a workspace, in one transaction. */
export async function replaceCheckInBlocks(db: Db, workspaceId: string, blocks: CheckInBlockRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('checkInBlocks').where('workspaceId', '=', workspaceId).execute()
    if (blocks.length > 0) await trx.insertInto('checkInBlocks').values(blocks.map((b) => ({ workspaceId, ...b }))).execute()
  })
}

export async function countCheckInBlocks(db: Db, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('checkInBlocks').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Every workspace's blocks with the workspace's time zone: what the `check-in` job walks. */
export async function listAllCheckInBlocks(db: Db): Promise<Array<CheckInBlockRow & { workspaceId: string; timeZone: string }>> {
  return db
    .selectFrom('checkInBlocks as b')
    .innerJoin('workspaces as w', 'w.id', 'b.workspaceId')
    .select(['b.workspaceId', 'w.timeZone', 'b.weekday', 'b.time', 'b.minutes'])
    .orderBy('b.workspaceId')
    .execute()
}

function toCheckIn(row: CheckInRow): CheckInRow {
  const at = (v: number | null) => (v === null ? null : Number(v))
  return {
    ...row,
    startsAt: Number(row.startsAt),
    endsAt: Number(row.endsAt),
    preparedAt: Number(row.preparedAt),
    remindedAt: at(row.remindedAt),
    completedAt: at(row.completedAt),
    answered: at(row.answered),
  }
}

/** Stores a check-in unless its block already has one; true when this call stored it. */
export async function insertCheckInOnce(db: Db, row: CheckInRow): Promise<boolean> {
  const result = await db.insertInto('checkIns').values(row).onConflict((oc) => oc.columns(['workspaceId', 'startsAt']).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** The check-in of the block starting at `startsAt`. */
export async function findCheckInAt(db: Db, workspaceId: string, startsAt: number): Promise<CheckInRow | undefined> {
  const row = await db.selectFrom('checkIns').selectAll().where('workspaceId', '=', workspaceId).where('startsAt', '=', startsAt).executeTakeFirst()
  return row ? toCheckIn(row) : undefined
}

/** A check-in by id; with `workspaceId`, only that workspace's. */
export async function findCheckIn(db: Db, id: string, workspaceId?: string): Promise<CheckInRow | undefined> {
  let query = db.selectFrom('checkIns').selectAll().where('id', '=', id)
  if (workspaceId !== undefined) query = query.where('workspaceId', '=', workspaceId)
  const row = await query.executeTakeFirst()
  return row ? toCheckIn(row) : undefined
}

/** Notes the first accepted reminder (a later one leaves the time as it is). */
export async function markCheckInReminded(db: Db, id: string, at: number): Promise<void> {
  await db.updateTable('checkIns').set({ remindedAt: at }).where('id', '=', id).where('remindedAt', 'is', null).execute()
}

/** Records completion unless the check-in is already complete; true when this call recorded it. */
export async function completeCheckInRow(db: Db, workspaceId: string, id: string, done: { completedAt: number; completedBy: string; answered: number }): Promise<boolean> {
  const result = await db.updateTable('checkIns').set(done).where('workspaceId', '=', workspaceId).where('id', '=', id).where('completedAt', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Check-ins completed since `since`: the coach's `checkInsDone`. */
export async function countCompletedCheckInsSince(db: Db, workspaceId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('checkIns')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspaceId', '=', workspaceId)
    .where('completedAt', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The teammates a check-in reminds (owners, admins, editors), with their own language. */
export async function checkInRecipients(db: Db, workspaceId: string): Promise<Array<{ userId: string; email: string; locale: string | null }>> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.userId', 'u.email', 'u.locale'])
    .where('m.workspaceId', '=', workspaceId)
    .where('m.role', 'in', [...checkInReminderRoles])
    .orderBy('m.createdAt')
    .execute()
}

/** Open items waiting for an answer at `now`: not snoozed, not deleted on the network, no reply from the app published. */
function waitingItems(db: Db, workspaceId: string, now: number) {
  return db
    .selectFrom('inboxItems as i')
    .where('i.workspaceId', '=', workspaceId)
    .where('i.status', '=', 'open')
    .where('i.deletedAt', 'is', null)
    .where((eb) => eb.or([eb('i.snoozedUntil', 'is', null), eb('i.snoozedUntil', '<=', now)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('posts as p')
            .innerJoin('postTargets as t', 't.postId', 'p.id')
            .select(sql<number>`1`.as('one'))
            .where('p.source', '=', 'inbox')
            .where('t.status', '=', 'published')
            .whereRef('p.sourceRef', '=', 'i.id'),
        ),
      ),
    )
}

/** The first `limit` waiting items in the check-in's order: questions first, then the oldest. */
export async function waitingItemsInOrder(db: Db, workspaceId: string, now: number, limit: number): Promise<Array<{ id: string; text: string; question: number; createdAt: number }>> {
  const rows = await waitingItems(db, workspaceId, now)
    .select(['i.id', 'i.text', 'i.question', 'i.createdAt'])
    .orderBy('i.question', 'desc')
    .orderBy('i.createdAt')
    .orderBy('i.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, createdAt: Number(r.createdAt) }))
}

export async function countWaitingItems(db: Db, workspaceId: string, now: number): Promise<number> {
  const row = await waitingItems(db, workspaceId, now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface InboxAuthorFact {
  network: string
  remoteId: string
  handle: string
  name: string
  url: string | null
  avatarUrl: string | null
  followsUs: boolean | null
  /** Items they sent since the period began. */
  items: number
  lastAt: number
}

/** Who wrote to the workspace since `since`, most items first (then most recent), with their latest details. */
export async function recentInboxAuthors(db: Db, workspaceId: string, since: number, limit: number): Promise<InboxAuthorFact[]> {
  const top = await db
    .selectFrom('inboxItems')
    .select(['network', 'authorRemoteId', sql<number>`count(*)`.as('n'), sql<number>`max(created_at)`.as('lastAt')])
    .where('workspaceId', '=', workspaceId)
    .where('createdAt', '>=', since)
    .groupBy(['network', 'authorRemoteId'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(sql`max(created_at)`, 'desc')
    .orderBy('authorRemoteId')
    .limit(limit)
    .execute()
  if (top.length === 0) return []
  const latest = await db
    .selectFrom('inboxItems')
    .select(['network', 'authorRemoteId', 'authorHandle', 'authorName', 'authorUrl', 'authorAvatar', 'authorFollowsUs', 'createdAt'])
    .where('workspaceId', '=', workspaceId)
    .where('createdAt', '>=', since)
    .where('authorRemoteId', 'in', top.map((t) => t.authorRemoteId))
    .orderBy('createdAt', 'desc')
    .execute()
  return top.flatMap((t) => {
    const row = latest.find((r) => r.network === t.network && r.authorRemoteId === t.authorRemoteId)
    if (!row) return []
    return [
      {
        network: t.network,
        remoteId: t.authorRemoteId,
        handle: row.authorHandle,
        name: row.authorName,
        url: row.authorUrl,
        avatarUrl: row.authorAvatar,
        followsUs: row.authorFollowsUs === null ? null : row.authorFollowsUs === 1,
        items: Number(t.n),
        lastAt: Number(t.lastAt),
      },
    ]
  })
}

/** Listening mentions with a known author published since `since`, newest first. */
export async function recentMentionsWithAuthor(db: Db, workspaceId: string, since: number, limit: number) {
  const rows = await db
    .selectFrom('mentions')
    .select(['id', 'sourceKind', 'text', 'lang', 'url', 'authorHandle', 'authorName', 'authorUrl', 'publishedAt'])
    .where('workspaceId', '=', workspaceId)
    .where('publishedAt', '>=', since)
    .where('authorHandle', 'is not', null)
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, authorHandle: r.authorHandle!, publishedAt: Number(r.publishedAt) }))
}
