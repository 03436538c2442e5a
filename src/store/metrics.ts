/**
 * Soft numbers as the networks give them (per published post, per account and day) and the click
 * rollups: the figures of one stretch of clicks, rolling a workspace day into the rollup tables,
 * and starting over when the workspace's time zone changed.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database>

export interface PostCounts {
  likes: number
  reposts: number
  replies: number
  quotes: number
  views: number | null
}

/** A published post (post × account) whose counts can be asked of its network. */
export interface MetricTarget {
  targetId: string
  remoteId: string
  remoteCid: string | null
  remoteUrl: string | null
}

/** The account's posts published since `since`, newest first. */
export async function publishedTargetsOf(db: Db, accountId: string, since: number, limit: number): Promise<MetricTarget[]> {
  return db
    .selectFrom('postTargets')
    .select(['id as targetId', 'remoteId', 'remoteCid', 'remoteUrl'])
    .where('accountId', '=', accountId)
    .where('publishedAt', '>=', since)
    .where('status', '=', 'published')
    .where('remoteId', 'is not', null)
    .orderBy('publishedAt', 'desc')
    .limit(limit)
    .execute() as Promise<MetricTarget[]>
}

/**
 * Stores the counts read now: the latest per post, and a snapshot for each post whose counts
 * changed since the last read (or that had none), so the time series only grows on change.
 */
export async function savePostCounts(db: Db, workspaceId: string, at: number, counts: Array<PostCounts & { targetId: string }>): Promise<number> {
  if (counts.length === 0) return 0
  return db.transaction().execute(async (trx) => {
    const known = new Map(
      (await trx.selectFrom('postMetrics').selectAll().where('targetId', 'in', counts.map((c) => c.targetId)).execute()).map((row) => [row.targetId, row]),
    )
    const changed = counts.filter((c) => {
      const before = known.get(c.targetId)
      return !before || before.likes !== c.likes || before.reposts !== c.reposts || before.replies !== c.replies || before.quotes !== c.quotes || before.views !== c.views
    })
    if (changed.length > 0) {
      await trx
        .insertInto('postMetricSnapshots')
        .values(changed.map((c) => ({ targetId: c.targetId, at, likes: c.likes, reposts: c.reposts, replies: c.replies, quotes: c.quotes, views: c.views })))
        .onConflict((oc) => oc.columns(['targetId', 'at']).doNothing())
        .execute()
    }
    for (const c of counts) {
      const row = { likes: c.likes, reposts: c.reposts, replies: c.replies, quotes: c.quotes, views: c.views, fetchedAt: at }
      await trx
        .insertInto('postMetrics')
        .values({ targetId: c.targetId, workspaceId, ...row })
        .onConflict((oc) => oc.column('targetId').doUpdateSet(row))
        .execute()
    }
    return changed.length
  })
}

/** The account's counts for a workspace day (the day's last read wins). */
export async function saveAccountCounts(db: Db, row: { accountId: string; workspaceId: string; day: string; followers: number; following: number; posts: number; at: number }): Promise<void> {
  const { followers, following, posts, at } = row
  await db
    .insertInto('accountMetrics')
    .values(row)
    .onConflict((oc) => oc.columns(['accountId', 'day']).doUpdateSet({ followers, following, posts, at }))
    .execute()
}

/** The post's counts over time, oldest first. */
export async function postCountsHistory(db: Db, targetId: string): Promise<Array<PostCounts & { at: number }>> {
  return db.selectFrom('postMetricSnapshots').select(['at', 'likes', 'reposts', 'replies', 'quotes', 'views']).where('targetId', '=', targetId).orderBy('at').execute()
}

/** Each account's counts per day from `fromDay` to `toDay` (inclusive), plus the last day before `fromDay`. */
export async function accountCountsBetween(
  db: Db,
  workspaceId: string,
  fromDay: string,
  toDay: string,
): Promise<Array<{ accountId: string; day: string; followers: number }>> {
  const inside = await db
    .selectFrom('accountMetrics')
    .select(['accountId', 'day', 'followers'])
    .where('workspaceId', '=', workspaceId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .orderBy('day')
    .execute()
  const before = await db
    .selectFrom('accountMetrics as m')
    .select(['m.accountId', 'm.day', 'm.followers'])
    .where('m.workspaceId', '=', workspaceId)
    .where('m.day', '=', (eb) =>
      eb.selectFrom('accountMetrics as p').select((e) => e.fn.max('p.day').as('day')).whereRef('p.accountId', '=', 'm.accountId').where('p.day', '<', fromDay),
    )
    .execute()
  return [...before, ...inside]
}

/** When the networks' counts were last read for this workspace. */
export async function lastMetricsRead(db: Db, workspaceId: string): Promise<number | null> {
  const posts = await db.selectFrom('postMetrics').select((eb) => eb.fn.max('fetchedAt').as('at')).where('workspaceId', '=', workspaceId).executeTakeFirst()
  const accounts = await db.selectFrom('accountMetrics').select((eb) => eb.fn.max('at').as('at')).where('workspaceId', '=', workspaceId).executeTakeFirst()
  const times = [posts?.at, accounts?.at].filter((at): at is number => at !== null && at !== undefined).map(Number)
  return times.length > 0 ? Math.max(...times) : null
}

// --- Click rollups ---------------------------------------------------------------------------

/** Clicks of one stretch of time per network and content type ('' when none). */
export interface ClickFigures {
  network: string
  contentType: string
  clicks: number
  botClicks: number
  visitors: number
  directClicks: number
}

/** The clicks of `workspaceId` in [start, end), per network and 4E content type. */
export async function clickFigures(db: Db, workspaceId: string, start: number, end: number): Promise<ClickFigures[]> {
  const rows = await db
    .selectFrom('clicks')
    .leftJoin('posts', 'posts.id', 'clicks.postId')
    .select([
      sql<string>`coalesce(clicks.network, '')`.as('network'),
      sql<string>`coalesce(posts.content_type, '')`.as('contentType'),
      sql<number>`sum(1 - clicks.bot)`.as('clicks'),
      sql<number>`sum(clicks.bot)`.as('botClicks'),
      sql<number>`count(distinct case when clicks.bot = 0 then clicks.link_id || ':' || clicks.visitor end)`.as('visitors'),
      sql<number>`sum(case when clicks.bot = 0 and clicks.referrer_host is null then 1 else 0 end)`.as('directClicks'),
    ])
    .where('clicks.workspaceId', '=', workspaceId)
    .where('clicks.at', '>=', start)
    .where('clicks.at', '<', end)
    .groupBy([sql`coalesce(clicks.network, '')`, sql`coalesce(posts.content_type, '')`])
    .execute()
  return rows.map((r) => ({ ...r, clicks: Number(r.clicks), botClicks: Number(r.botClicks), visitors: Number(r.visitors), directClicks: Number(r.directClicks) }))
}

/** Clicks per published post in [start, end). */
export async function targetClickFigures(db: Db, workspaceId: string, start: number, end: number): Promise<Array<{ targetId: string; clicks: number; botClicks: number }>> {
  const rows = await db
    .selectFrom('clicks')
    .innerJoin('trackedLinks', 'trackedLinks.id', 'clicks.linkId')
    .select(['trackedLinks.targetId', sql<number>`sum(1 - clicks.bot)`.as('clicks'), sql<number>`sum(clicks.bot)`.as('botClicks')])
    .where('clicks.workspaceId', '=', workspaceId)
    .where('clicks.at', '>=', start)
    .where('clicks.at', '<', end)
    .where('trackedLinks.targetId', 'is not', null)
    .groupBy('trackedLinks.targetId')
    .execute()
  return rows.map((r) => ({ targetId: r.targetId!, clicks: Number(r.clicks), botClicks: Number(r.botClicks) }))
}

export interface RollupState {
  rolledUntil: string
  timeZone: string
}

export async function rollupState(db: Db, workspaceId: string): Promise<RollupState | undefined> {
  return db.selectFrom('measureRollups').select(['rolledUntil', 'timeZone']).where('workspaceId', '=', workspaceId).executeTakeFirst()
}

/** The time of the workspace's first click, if any. */
export async function firstClickAt(db: Db, workspaceId: string): Promise<number | undefined> {
  const row = await db.selectFrom('clicks').select((eb) => eb.fn.min('at').as('at')).where('workspaceId', '=', workspaceId).executeTakeFirst()
  return row?.at === null || row?.at === undefined ? undefined : Number(row.at)
}

/** Workspaces with clicks, and each one's time zone. */
export async function workspacesWithClicks(db: Db): Promise<Array<{ id: string; timeZone: string }>> {
  return db
    .selectFrom('workspaces')
    .select(['id', 'timeZone'])
    .where((eb) => eb.exists(eb.selectFrom('trackedLinks').select('trackedLinks.id').whereRef('trackedLinks.workspaceId', '=', 'workspaces.id')))
    .execute()
}

/** Forgets a workspace's rollups (its time zone changed: its days are cut anew from the clicks). */
export async function resetRollups(db: Db, workspaceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('clickDays').where('workspaceId', '=', workspaceId).execute()
    await trx.deleteFrom('targetClicks').where('workspaceId', '=', workspaceId).execute()
    await trx.deleteFrom('measureRollups').where('workspaceId', '=', workspaceId).execute()
  })
}

/**
 * Adds one workspace day's clicks ([start, end)) to the rollups and moves the workspace's mark to
 * it, in one transaction, only if the mark still says `previousDay` (null: not rolled yet). Two
 * workers rolling the same day: one does it, the other finds the mark moved and changes nothing.
 */
export async function rollDay(
  db: Db,
  day: { workspaceId: string; day: string; start: number; end: number; previousDay: string | null; timeZone: string; now: number },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { workspaceId } = day
    if (day.previousDay === null) {
      const inserted = await trx
        .insertInto('measureRollups')
        .values({ workspaceId, rolledUntil: day.day, timeZone: day.timeZone, updatedAt: day.now })
        .onConflict((oc) => oc.column('workspaceId').doNothing())
        .executeTakeFirst()
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false
    } else {
      const moved = await trx
        .updateTable('measureRollups')
        .set({ rolledUntil: day.day, updatedAt: day.now })
        .where('workspaceId', '=', workspaceId)
        .where('rolledUntil', '=', day.previousDay)
        .where('timeZone', '=', day.timeZone)
        .executeTakeFirst()
      if (Number(moved.numUpdatedRows) === 0) return false
    }
    const figures = await clickFigures(trx, workspaceId, day.start, day.end)
    if (figures.length > 0) await trx.insertInto('clickDays').values(figures.map((f) => ({ workspaceId, day: day.day, ...f }))).execute()
    for (const target of await targetClickFigures(trx, workspaceId, day.start, day.end)) {
      await trx
        .insertInto('targetClicks')
        .values({ targetId: target.targetId, workspaceId, clicks: target.clicks, botClicks: target.botClicks })
        .onConflict((oc) =>
          oc.column('targetId').doUpdateSet((eb) => ({
            clicks: eb(eb.ref('targetClicks.clicks'), '+', target.clicks),
            botClicks: eb(eb.ref('targetClicks.botClicks'), '+', target.botClicks),
          })),
        )
        .execute()
    }
    return true
  })
}

/** Rolled clicks per day from `fromDay` to `toDay` (inclusive), optionally of one network. */
export async function clickDaysBetween(db: Db, workspaceId: string, fromDay: string, toDay: string): Promise<Array<ClickFigures & { day: string }>> {
  return db
    .selectFrom('clickDays')
    .select(['day', 'network', 'contentType', 'clicks', 'botClicks', 'visitors', 'directClicks'])
    .where('workspaceId', '=', workspaceId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .execute()
}
