/**
 * Soft numbers as the networks give them (per published post, per account and day) and the
 * rollups: the figures of one stretch of clicks or conversions, rolling a stretch of a workspace
 * day or a whole closed day into the rollup tables (with the posts published that day, and those
 * published late), and starting over when the workspace's time zone changed.
 */
import { sql, type Kysely } from 'kysely'
import { dialectOf } from './database.js'
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
 * changed since the last read (or that had none), so the time series only grows on change. A post
 * already in the day rollups has its change added there too, in the same transaction.
 */
export async function savePostCounts(db: Db, workspaceId: string, at: number, counts: Array<PostCounts & { targetId: string }>): Promise<number> {
  if (counts.length === 0) return 0
  return db.transaction().execute(async (trx) => {
    await lockRollups(trx, workspaceId)
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
    // The last count of a post wins, measured from what was stored before this call.
    const latest = new Map(changed.map((c) => [c.targetId, c]))
    await addCountChanges(trx, workspaceId, [...latest.values()].map((c) => ({ targetId: c.targetId, before: known.get(c.targetId), after: c })))
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

// --- Rollups ---------------------------------------------------------------------------------

/** Clicks of one stretch of time per network and content type ('' when none). */
export interface ClickFigures {
  network: string
  contentType: string
  clicks: number
  botClicks: number
  visitors: number
  directClicks: number
}

/**
 * The clicks of `workspaceId` in [start, end), per network and 4E content type. With `dayStart`
 * before `start` (the stretch goes on a day whose beginning is counted already), a visitor who
 * clicked the same link in [dayStart, start), in the same network and content type, is not
 * counted again: visitors stay distinct per link and day however the day is cut.
 */
export async function clickFigures(db: Db, workspaceId: string, start: number, end: number, dayStart = start): Promise<ClickFigures[]> {
  const newVisitor =
    dayStart < start
      ? sql`and not exists (
          select 1 from clicks e left join posts q on q.id = e.post_id
          where e.link_id = clicks.link_id and e.visitor = clicks.visitor and e.bot = 0 and e.at >= ${dayStart} and e.at < ${start}
            and coalesce(e.network, '') = coalesce(clicks.network, '') and coalesce(q.content_type, '') = coalesce(posts.content_type, ''))`
      : sql``
  const rows = await db
    .selectFrom('clicks')
    .leftJoin('posts', 'posts.id', 'clicks.postId')
    .select([
      sql<string>`coalesce(clicks.network, '')`.as('network'),
      sql<string>`coalesce(posts.content_type, '')`.as('contentType'),
      sql<number>`sum(1 - clicks.bot)`.as('clicks'),
      sql<number>`sum(clicks.bot)`.as('botClicks'),
      sql<number>`count(distinct case when clicks.bot = 0 ${newVisitor} then clicks.link_id || ':' || clicks.visitor end)`.as('visitors'),
      sql<number>`sum(case when clicks.bot = 0 and clicks.referrer_host is null then 1 else 0 end)`.as('directClicks'),
    ])
    .where('clicks.workspaceId', '=', workspaceId)
    .where('clicks.at', '>=', start)
    .where('clicks.at', '<', end)
    .groupBy([sql`coalesce(clicks.network, '')`, sql`coalesce(posts.content_type, '')`])
    .execute()
  return rows.map((r) => ({ ...r, clicks: num(r.clicks), botClicks: num(r.botClicks), visitors: num(r.visitors), directClicks: num(r.directClicks) }))
}

/** Clicks (people, bots) and conversions (form answers apart) of each published post in [start, end). */
export interface TargetFigures {
  targetId: string
  clicks: number
  botClicks: number
  conversions: number
}

export async function targetFigures(db: Db, workspaceId: string, start: number, end: number): Promise<TargetFigures[]> {
  const [clicks, conversions] = await Promise.all([
    db
      .selectFrom('clicks')
      .innerJoin('trackedLinks', 'trackedLinks.id', 'clicks.linkId')
      .select(['trackedLinks.targetId', sql<number>`sum(1 - clicks.bot)`.as('clicks'), sql<number>`sum(clicks.bot)`.as('botClicks')])
      .where('clicks.workspaceId', '=', workspaceId)
      .where('clicks.at', '>=', start)
      .where('clicks.at', '<', end)
      .where('trackedLinks.targetId', 'is not', null)
      .groupBy('trackedLinks.targetId')
      .execute(),
    db
      .selectFrom('conversions')
      .innerJoin('trackedLinks', 'trackedLinks.id', 'conversions.linkId')
      .select(['trackedLinks.targetId', sql<number>`count(*)`.as('conversions')])
      .where('conversions.workspaceId', '=', workspaceId)
      .where('conversions.at', '>=', start)
      .where('conversions.at', '<', end)
      .where('conversions.source', '!=', 'form')
      .where('trackedLinks.targetId', 'is not', null)
      .groupBy('trackedLinks.targetId')
      .execute(),
  ])
  const figures = new Map<string, TargetFigures>()
  const of = (targetId: string) => {
    let found = figures.get(targetId)
    if (!found) figures.set(targetId, (found = { targetId, clicks: 0, botClicks: 0, conversions: 0 }))
    return found
  }
  for (const row of clicks) {
    const found = of(row.targetId!)
    found.clicks = num(row.clicks)
    found.botClicks = num(row.botClicks)
  }
  for (const row of conversions) of(row.targetId!).conversions = num(row.conversions)
  return [...figures.values()]
}

/** Conversions and form answers of one stretch, as `conversion_days` keeps them. */
export interface ConversionFigures {
  day: string
  form: boolean
  answer: string | null
  network: string | null
  currency: string | null
  /** The content type of the post they came through: null through no post, '' a post without its E. */
  postType: string | null
  conversions: number
  /** Sum of their values, and of their values each rounded to the cent (in cents). */
  value: number
  cents: number
}

/** Where the UTC offset of the workspace's zone stays the same over a stretch of time (offsets in ms). */
export type OffsetStretches = Array<{ from: number; offset: number }>

const dayMs = 86_400_000

/**
 * The workspace's conversions and form answers in [start, end), per workspace day and what the
 * dashboard splits them by. The day is computed in SQL from the zone's offsets over the stretch
 * (`offsets`, the first from `start`), so no row has to come back.
 */
export async function conversionFigures(db: Db, workspaceId: string, start: number, end: number, offsets: OffsetStretches): Promise<ConversionFigures[]> {
  const [first, ...later] = offsets
  if (!first) return []
  const dayNumber = later.length === 0
    ? sql`(v.at + ${sql.lit(first.offset)}) / ${sql.lit(dayMs)}`
    : sql`case ${sql.join(
        offsets.map((stretch, i) => (i === offsets.length - 1 ? sql`else (v.at + ${sql.lit(stretch.offset)}) / ${sql.lit(dayMs)}` : sql`when v.at < ${sql.lit(offsets[i + 1]!.from)} then (v.at + ${sql.lit(stretch.offset)}) / ${sql.lit(dayMs)}`)),
        sql` `,
      )} end`
  const postType = sql`case when v.post_id is null then null else coalesce(p.content_type, '') end`
  const form = sql`case when v.source = 'form' then 1 else 0 end`
  const rows = await db
    .selectFrom('conversions as v')
    .leftJoin('posts as p', 'p.id', 'v.postId')
    .select([
      sql<number>`${dayNumber}`.as('dayNumber'),
      sql<number>`${form}`.as('form'),
      'v.answer',
      'v.network',
      'v.currency',
      sql<string | null>`${postType}`.as('postType'),
      sql<number>`count(*)`.as('conversions'),
      sql<number>`coalesce(sum(${conversionValueSql(db)}), 0)`.as('value'),
      sql<number>`coalesce(sum(${centsSql(db)}), 0)`.as('cents'),
    ])
    .where('v.workspaceId', '=', workspaceId)
    .where('v.at', '>=', start)
    .where('v.at', '<', end)
    .groupBy([dayNumber, form, 'v.answer', 'v.network', 'v.currency', postType])
    .execute()
  return rows.map((r) => ({
    day: new Date(num(r.dayNumber) * dayMs).toISOString().slice(0, 10),
    form: num(r.form) === 1,
    answer: r.answer,
    network: r.network,
    currency: r.currency,
    postType: r.postType,
    conversions: num(r.conversions),
    value: Number(r.value),
    cents: num(r.cents),
  }))
}

/**
 * The value of conversion `v` as the app reads it, to be summed: PostgreSQL keeps `real` in single
 * precision and hands out its shortest decimal form; SQLite keeps doubles.
 */
export function conversionValueSql(db: Db) {
  return dialectOf(db) === 'sqlite' ? sql`v.value` : sql`cast(cast(v.value as text) as double precision)`
}

/** The value of conversion `v` rounded to the cent as `Math.round(value * 100)` does (values are never negative). */
function centsSql(db: Db) {
  return dialectOf(db) === 'sqlite' ? sql`cast(v.value * 100 + 0.5 as integer)` : sql`floor(${conversionValueSql(db)} * 100 + 0.5)`
}

export interface RollupState {
  rolledUntil: string
  timeZone: string
  clicksTo: number
  postsSeenAt: number
}

export async function rollupState(db: Db, workspaceId: string): Promise<RollupState | undefined> {
  const row = await db.selectFrom('measureRollups').select(['rolledUntil', 'timeZone', 'clicksTo', 'postsSeenAt']).where('workspaceId', '=', workspaceId).executeTakeFirst()
  return row && { ...row, clicksTo: num(row.clicksTo), postsSeenAt: num(row.postsSeenAt) }
}

/** When the workspace's first click was made or its first post published, if ever. */
export async function firstActivityAt(db: Db, workspaceId: string): Promise<number | undefined> {
  const click = await db.selectFrom('clicks').select((eb) => eb.fn.min('at').as('at')).where('workspaceId', '=', workspaceId).executeTakeFirst()
  const post = await db
    .selectFrom('postTargets')
    .select((eb) => eb.fn.min('publishedAt').as('at'))
    .where('accountId', 'in', (eb) => eb.selectFrom('accounts').select('id').where('workspaceId', '=', workspaceId))
    .where('status', '=', 'published')
    .executeTakeFirst()
  const times = [click?.at, post?.at].filter((at): at is number => at !== null && at !== undefined).map(Number)
  return times.length > 0 ? Math.min(...times) : undefined
}

/** Workspaces with tracked links or accounts (whatever can be rolled up), and each one's time zone. */
export async function workspacesToRoll(db: Db): Promise<Array<{ id: string; timeZone: string }>> {
  return db
    .selectFrom('workspaces')
    .select(['id', 'timeZone'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('trackedLinks').select('trackedLinks.id').whereRef('trackedLinks.workspaceId', '=', 'workspaces.id')),
        eb.exists(eb.selectFrom('accounts').select('accounts.id').whereRef('accounts.workspaceId', '=', 'workspaces.id')),
      ]),
    )
    .execute()
}

/** Forgets a workspace's rollups (its time zone changed: its days are cut anew). */
export async function resetRollups(db: Db, workspaceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of ['clickDays', 'openClickDays', 'targetClicks', 'conversionDays', 'postDays', 'postHours', 'rolledTargets', 'measureRollups'] as const) {
      await trx.deleteFrom(table).where('workspaceId', '=', workspaceId).execute()
    }
  })
}

/**
 * Starts a workspace's rollups: every day before `firstDay` counts as rolled (nothing happened
 * then) and clicks are rolled up to `clicksTo`, the start of that day. Does nothing if another
 * worker started them.
 */
export async function startRollups(db: Db, start: { workspaceId: string; firstDay: string; dayBefore: string; clicksTo: number; timeZone: string; now: number }): Promise<void> {
  await db
    .insertInto('measureRollups')
    .values({ workspaceId: start.workspaceId, rolledUntil: start.dayBefore, timeZone: start.timeZone, clicksTo: start.clicksTo, postsSeenAt: start.now, updatedAt: start.now })
    .onConflict((oc) => oc.column('workspaceId').doNothing())
    .execute()
}

/** Where a post published at an instant goes in the day rollups: its workspace day and hour. */
export type PostPlace = (publishedAt: number) => { day: string; hour: number }

/** The rollups' marks as read before a change; the change is made only if they still hold. */
export interface RollupMark {
  workspaceId: string
  rolledUntil: string
  clicksTo: number
  timeZone: string
}

/**
 * Every write to a workspace's rollups starts here, so that they take turns: a count saved while a
 * day is rolled is either read by the roll or added after it, never lost or added twice. On
 * PostgreSQL a transaction lock per workspace (its mark row may not exist yet); on SQLite writing
 * first makes the transaction take the database's write lock before it reads anything.
 */
async function lockRollups(trx: Db, workspaceId: string): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`measure-rollups ${workspaceId}`}))`.execute(trx)
  await trx.updateTable('measureRollups').set((eb) => ({ updatedAt: eb.ref('updatedAt') })).where('workspaceId', '=', workspaceId).execute()
}

async function moveMark(trx: Db, mark: RollupMark, to: { rolledUntil?: string; clicksTo?: number; postsSeenAt?: number; now: number }): Promise<boolean> {
  await lockRollups(trx, mark.workspaceId)
  const moved = await trx
    .updateTable('measureRollups')
    .set({
      ...(to.rolledUntil !== undefined ? { rolledUntil: to.rolledUntil } : {}),
      ...(to.clicksTo !== undefined ? { clicksTo: to.clicksTo } : {}),
      ...(to.postsSeenAt !== undefined ? { postsSeenAt: to.postsSeenAt } : {}),
      updatedAt: to.now,
    })
    .where('workspaceId', '=', mark.workspaceId)
    .where('rolledUntil', '=', mark.rolledUntil)
    .where('clicksTo', '=', mark.clicksTo)
    .where('timeZone', '=', mark.timeZone)
    .executeTakeFirst()
  return Number(moved.numUpdatedRows) > 0
}

/**
 * Rolls the clicks and conversions of [mark.clicksTo, to) into the per-post rollups and the open
 * day's click figures: the stretch lies within `day` (starting at `dayStart`), a day not rolled
 * yet. Returns false when another worker moved the mark first.
 */
export async function rollOpenStretch(db: Db, stretch: { mark: RollupMark; day: string; dayStart: number; to: number; now: number }): Promise<boolean> {
  const { mark, day } = stretch
  return db.transaction().execute(async (trx) => {
    if (!(await moveMark(trx, mark, { clicksTo: stretch.to, now: stretch.now }))) return false
    await addTargetFigures(trx, mark.workspaceId, await targetFigures(trx, mark.workspaceId, mark.clicksTo, stretch.to))
    const figures = await clickFigures(trx, mark.workspaceId, mark.clicksTo, stretch.to, stretch.dayStart)
    for (const chunk of chunks(figures.map((f) => ({ workspaceId: mark.workspaceId, day, ...f })))) {
      await trx
        .insertInto('openClickDays')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['workspaceId', 'day', 'network', 'contentType']).doUpdateSet((eb) => ({
            clicks: eb('openClickDays.clicks', '+', eb.ref('excluded.clicks')),
            botClicks: eb('openClickDays.botClicks', '+', eb.ref('excluded.botClicks')),
            visitors: eb('openClickDays.visitors', '+', eb.ref('excluded.visitors')),
            directClicks: eb('openClickDays.directClicks', '+', eb.ref('excluded.directClicks')),
          })),
        )
        .execute()
    }
    return true
  })
}

/**
 * Rolls one closed workspace day ([start, end)), the day after `mark.rolledUntil`: its clicks,
 * conversions and the posts published in it go to the day rollups (its open figures are dropped),
 * the clicks and conversions not in the per-post rollups yet too, and the marks move, all in one
 * transaction. Two workers rolling the same day: one does it, the other finds the marks moved
 * and changes nothing (returns false).
 */
export async function rollDay(
  db: Db,
  day: { mark: RollupMark; day: string; start: number; end: number; offsets: OffsetStretches; placeOf: PostPlace; now: number },
): Promise<boolean> {
  const { mark } = day
  const { workspaceId } = mark
  return db.transaction().execute(async (trx) => {
    const clicksTo = Math.max(mark.clicksTo, day.end)
    if (!(await moveMark(trx, mark, { rolledUntil: day.day, clicksTo, now: day.now }))) return false
    if (mark.clicksTo < day.end) await addTargetFigures(trx, workspaceId, await targetFigures(trx, workspaceId, mark.clicksTo, day.end))
    await addPosts(trx, workspaceId, await publishedBetween(trx, workspaceId, day.start, day.end), day.placeOf)
    const figures = await clickFigures(trx, workspaceId, day.start, day.end)
    for (const chunk of chunks(figures.map((f) => ({ workspaceId, day: day.day, ...f })))) await trx.insertInto('clickDays').values(chunk).execute()
    const conversions = await conversionFigures(trx, workspaceId, day.start, day.end, day.offsets)
    for (const chunk of chunks(conversions.map(({ form, ...c }) => ({ workspaceId, ...c, day: day.day, form: form ? 1 : 0 })))) await trx.insertInto('conversionDays').values(chunk).execute()
    await trx.deleteFrom('openClickDays').where('workspaceId', '=', workspaceId).where('day', '<=', day.day).execute()
    return true
  })
}

/** How far back publications are looked at again: clocks of several workers and slow transactions. */
const postsSeenMarginMs = 3600_000

/**
 * Adds to the day rollups the posts published on days already rolled that are not in them (a
 * retried publication carries the time of its first attempt): those whose publication was
 * recorded since `mark`'s last look, less a margin. Returns how many it added.
 */
export async function rollLatePosts(db: Db, late: { mark: RollupMark; postsSeenAt: number; rolledEnd: number; placeOf: PostPlace; now: number }): Promise<number> {
  const { mark } = late
  return db.transaction().execute(async (trx) => {
    if (!(await moveMark(trx, mark, { postsSeenAt: late.now, now: late.now }))) return 0
    const recorded = await trx.selectFrom('postTargets').select('id').where('updatedAt', '>=', late.postsSeenAt - postsSeenMarginMs).execute()
    const accounts = new Set((await trx.selectFrom('accounts').select('id').where('workspaceId', '=', mark.workspaceId).execute()).map((a) => a.id))
    const posts: PublishedPost[] = []
    for (const ids of chunks(recorded.map((r) => r.id))) {
      // Looked up by id alone: with more conditions the planner may prefer another index.
      const found = await postColumns(trx).leftJoin('rolledTargets as r', 'r.targetId', 't.id').select(['t.status', 'r.targetId as rolled']).where('t.id', 'in', ids).execute()
      posts.push(...found.filter((post) => post.status === 'published' && post.rolled === null && accounts.has(post.accountId) && num(post.publishedAt) < late.rolledEnd))
    }
    await addPosts(trx, mark.workspaceId, posts, late.placeOf)
    return posts.length
  })
}

/** Published posts with what the day rollups take of each. */
function postColumns(trx: Db) {
  return trx
    .selectFrom('postTargets as t')
    .innerJoin('posts as p', 'p.id', 't.postId')
    .leftJoin('postMetrics as m', 'm.targetId', 't.id')
    .leftJoin('targetClicks as c', 'c.targetId', 't.id')
    .select(['t.id as targetId', 't.accountId', 'p.contentType', 't.publishedAt', 'm.likes', 'm.reposts', 'm.replies', 'm.quotes', 'm.views', 'c.clicks'])
}

/** The workspace's posts published in [start, end). */
function publishedBetween(trx: Db, workspaceId: string, start: number, end: number) {
  return postColumns(trx)
    .where('t.accountId', 'in', (eb) => eb.selectFrom('accounts').select('id').where('workspaceId', '=', workspaceId))
    .where('t.status', '=', 'published')
    .where('t.publishedAt', '>=', start)
    .where('t.publishedAt', '<', end)
    .execute()
}

type PublishedPost = Awaited<ReturnType<typeof publishedBetween>>[number]

/** Counts posts in post_days and post_hours and remembers where each went. */
async function addPosts(trx: Db, workspaceId: string, posts: PublishedPost[], placeOf: PostPlace): Promise<void> {
  if (posts.length === 0) return
  const days = new Map<string, { workspaceId: string; day: string; accountId: string; contentType: string; posts: number; likes: number; reposts: number; replies: number; quotes: number; views: number; withViews: number }>()
  const hours = new Map<string, { workspaceId: string; day: string; hour: number; accountId: string; posts: number; engagement: number; clicks: number }>()
  const rolled = posts.map((post) => {
    const { day, hour } = placeOf(num(post.publishedAt))
    const contentType = post.contentType ?? ''
    const counts = { likes: num(post.likes), reposts: num(post.reposts), replies: num(post.replies), quotes: num(post.quotes) }
    const dayKey = `${day} ${post.accountId} ${contentType}`
    const dayRow = days.get(dayKey) ?? { workspaceId, day, accountId: post.accountId, contentType, posts: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0, withViews: 0 }
    dayRow.posts += 1
    dayRow.likes += counts.likes
    dayRow.reposts += counts.reposts
    dayRow.replies += counts.replies
    dayRow.quotes += counts.quotes
    if (post.views !== null) {
      dayRow.views += num(post.views)
      dayRow.withViews += 1
    }
    days.set(dayKey, dayRow)
    const hourKey = `${day} ${hour} ${post.accountId}`
    const hourRow = hours.get(hourKey) ?? { workspaceId, day, hour, accountId: post.accountId, posts: 0, engagement: 0, clicks: 0 }
    hourRow.posts += 1
    hourRow.engagement += counts.likes + counts.reposts + counts.replies + counts.quotes
    hourRow.clicks += num(post.clicks)
    hours.set(hourKey, hourRow)
    return { targetId: post.targetId, workspaceId, day, hour, accountId: post.accountId, contentType }
  })
  for (const chunk of chunks(rolled)) await trx.insertInto('rolledTargets').values(chunk).execute()
  for (const chunk of chunks([...days.values()])) {
    await trx
      .insertInto('postDays')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['workspaceId', 'day', 'accountId', 'contentType']).doUpdateSet((eb) => ({
          posts: eb('postDays.posts', '+', eb.ref('excluded.posts')),
          likes: eb('postDays.likes', '+', eb.ref('excluded.likes')),
          reposts: eb('postDays.reposts', '+', eb.ref('excluded.reposts')),
          replies: eb('postDays.replies', '+', eb.ref('excluded.replies')),
          quotes: eb('postDays.quotes', '+', eb.ref('excluded.quotes')),
          views: eb('postDays.views', '+', eb.ref('excluded.views')),
          withViews: eb('postDays.withViews', '+', eb.ref('excluded.withViews')),
        })),
      )
      .execute()
  }
  for (const chunk of chunks([...hours.values()])) {
    await trx
      .insertInto('postHours')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['workspaceId', 'day', 'hour', 'accountId']).doUpdateSet((eb) => ({
          posts: eb('postHours.posts', '+', eb.ref('excluded.posts')),
          engagement: eb('postHours.engagement', '+', eb.ref('excluded.engagement')),
          clicks: eb('postHours.clicks', '+', eb.ref('excluded.clicks')),
        })),
      )
      .execute()
  }
}

/** Adds clicks and conversions to each post's totals, and the clicks to its hour when it is in the day rollups. */
async function addTargetFigures(trx: Db, workspaceId: string, figures: TargetFigures[]): Promise<void> {
  for (const chunk of chunks(figures.map((f) => ({ workspaceId, ...f })))) {
    await trx
      .insertInto('targetClicks')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('targetId').doUpdateSet((eb) => ({
          clicks: eb('targetClicks.clicks', '+', eb.ref('excluded.clicks')),
          botClicks: eb('targetClicks.botClicks', '+', eb.ref('excluded.botClicks')),
          conversions: eb('targetClicks.conversions', '+', eb.ref('excluded.conversions')),
        })),
      )
      .execute()
  }
  const clicked = new Map(figures.filter((f) => f.clicks > 0).map((f) => [f.targetId, f.clicks]))
  const hours = new Map<string, { day: string; hour: number; accountId: string; clicks: number }>()
  for (const ids of chunks([...clicked.keys()])) {
    for (const place of await trx.selectFrom('rolledTargets').select(['targetId', 'day', 'hour', 'accountId']).where('targetId', 'in', ids).execute()) {
      const key = `${place.day} ${place.hour} ${place.accountId}`
      const row = hours.get(key) ?? { day: place.day, hour: place.hour, accountId: place.accountId, clicks: 0 }
      row.clicks += clicked.get(place.targetId)!
      hours.set(key, row)
    }
  }
  for (const row of hours.values()) {
    await trx
      .updateTable('postHours')
      .set((eb) => ({ clicks: eb('clicks', '+', row.clicks) }))
      .where('workspaceId', '=', workspaceId)
      .where('day', '=', row.day)
      .where('hour', '=', row.hour)
      .where('accountId', '=', row.accountId)
      .execute()
  }
}

/** Adds the change of each post's counts to the day rollups, for the posts in them. */
async function addCountChanges(trx: Db, workspaceId: string, changes: Array<{ targetId: string; before: PostCounts | undefined; after: PostCounts }>): Promise<void> {
  const byId = new Map(changes.map((c) => [c.targetId, c]))
  const days = new Map<string, { day: string; accountId: string; contentType: string; likes: number; reposts: number; replies: number; quotes: number; views: number; withViews: number }>()
  const hours = new Map<string, { day: string; hour: number; accountId: string; engagement: number }>()
  for (const ids of chunks([...byId.keys()])) {
    for (const place of await trx.selectFrom('rolledTargets').selectAll().where('targetId', 'in', ids).execute()) {
      const { before, after } = byId.get(place.targetId)!
      const delta = {
        likes: after.likes - (before?.likes ?? 0),
        reposts: after.reposts - (before?.reposts ?? 0),
        replies: after.replies - (before?.replies ?? 0),
        quotes: after.quotes - (before?.quotes ?? 0),
        views: (after.views ?? 0) - (before?.views ?? 0),
        withViews: (after.views === null ? 0 : 1) - (before === undefined || before.views === null ? 0 : 1),
      }
      const dayKey = `${place.day} ${place.accountId} ${place.contentType}`
      const dayRow = days.get(dayKey) ?? { day: place.day, accountId: place.accountId, contentType: place.contentType, likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0, withViews: 0 }
      dayRow.likes += delta.likes
      dayRow.reposts += delta.reposts
      dayRow.replies += delta.replies
      dayRow.quotes += delta.quotes
      dayRow.views += delta.views
      dayRow.withViews += delta.withViews
      days.set(dayKey, dayRow)
      const hourKey = `${place.day} ${place.hour} ${place.accountId}`
      const hourRow = hours.get(hourKey) ?? { day: place.day, hour: place.hour, accountId: place.accountId, engagement: 0 }
      hourRow.engagement += delta.likes + delta.reposts + delta.replies + delta.quotes
      hours.set(hourKey, hourRow)
    }
  }
  for (const row of days.values()) {
    await trx
      .updateTable('postDays')
      .set((eb) => ({
        likes: eb('likes', '+', row.likes),
        reposts: eb('reposts', '+', row.reposts),
        replies: eb('replies', '+', row.replies),
        quotes: eb('quotes', '+', row.quotes),
        views: eb('views', '+', row.views),
        withViews: eb('withViews', '+', row.withViews),
      }))
      .where('workspaceId', '=', workspaceId)
      .where('day', '=', row.day)
      .where('accountId', '=', row.accountId)
      .where('contentType', '=', row.contentType)
      .execute()
  }
  for (const row of hours.values()) {
    if (row.engagement === 0) continue
    await trx
      .updateTable('postHours')
      .set((eb) => ({ engagement: eb('engagement', '+', row.engagement) }))
      .where('workspaceId', '=', workspaceId)
      .where('day', '=', row.day)
      .where('hour', '=', row.hour)
      .where('accountId', '=', row.accountId)
      .execute()
  }
}

/** Rows per statement: well within both databases' limits on parameters. */
const chunkRows = 500

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += chunkRows) out.push(rows.slice(i, i + chunkRows))
  return out
}

const num = (value: unknown): number => Number(value ?? 0)
