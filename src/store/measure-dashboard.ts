/**
 * The reads behind the measure dashboard: the day rollups of posts (per day, account and content
 * type; per day, hour and account), clicks and conversions; what came after them (posts per
 * quarter hour, clicks and conversions per post); the period's posts ranked for "top posts" or
 * all of them for exports, with their conversions; and the mentions found by listening.
 * Every read is bounded by the workspace's accounts and a time range, on an index.
 */
import { sql, type Kysely } from 'kysely'
import { dialectOf } from './database.js'
import { conversionValueSql } from './metrics.js'
import type { Database } from './schema.js'

type Db = Kysely<Database>

const num = (value: unknown): number => Number(value ?? 0)

/** Posts of one account and content type (null when none) and the sums of their latest counts. */
export interface PostFigures {
  accountId: string
  contentType: string | null
  posts: number
  likes: number
  reposts: number
  replies: number
  quotes: number
  /** Sum of views over the posts that have a view count, and how many have one. */
  views: number
  withViews: number
}

function postFigures(r: { accountId: string; contentType: string | null; posts: unknown; likes: unknown; reposts: unknown; replies: unknown; quotes: unknown; views: unknown; withViews: unknown }): PostFigures {
  return {
    accountId: r.accountId,
    contentType: r.contentType === '' ? null : r.contentType,
    posts: num(r.posts),
    likes: num(r.likes),
    reposts: num(r.reposts),
    replies: num(r.replies),
    quotes: num(r.quotes),
    views: num(r.views),
    withViews: num(r.withViews),
  }
}

/**
 * Rolled posts of these accounts from `fromDay` to `toDay` (inclusive): per account and content
 * type over the days, and per day (posts and engagement). Added up in the database: the rows
 * themselves are many more.
 */
export async function postDaysBetween(
  db: Db,
  workspaceId: string,
  accountIds: string[],
  fromDay: string,
  toDay: string,
): Promise<{ groups: PostFigures[]; days: Array<{ day: string; posts: number; engagement: number }> }> {
  if (accountIds.length === 0) return { groups: [], days: [] }
  const rows = () => db.selectFrom('postDays').where('workspaceId', '=', workspaceId).where('day', '>=', fromDay).where('day', '<=', toDay).where('accountId', 'in', accountIds)
  const [groups, days] = await Promise.all([
    rows()
      .select([
        'accountId',
        'contentType',
        sql<number>`sum(posts)`.as('posts'),
        sql<number>`sum(likes)`.as('likes'),
        sql<number>`sum(reposts)`.as('reposts'),
        sql<number>`sum(replies)`.as('replies'),
        sql<number>`sum(quotes)`.as('quotes'),
        sql<number>`sum(views)`.as('views'),
        sql<number>`sum(with_views)`.as('withViews'),
      ])
      .groupBy(['accountId', 'contentType'])
      .execute(),
    rows()
      .select(['day', sql<number>`sum(posts)`.as('posts'), sql<number>`sum(likes + reposts + replies + quotes)`.as('engagement')])
      .groupBy('day')
      .execute(),
  ])
  return { groups: groups.map(postFigures), days: days.map((r) => ({ day: r.day, posts: num(r.posts), engagement: num(r.engagement) })) }
}

/** Posts published in one weekday-hour on the workspace's clock, with their engagement and clicks. */
export interface WeekHourFigures {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number
  hour: number
  posts: number
  engagement: number
  clicks: number
}

/**
 * Rolled posts of these accounts per weekday and hour (their clicks up to the clicks mark), from
 * `fromDay` at `fromHour` (24: the day left out) to `toDay`.
 */
export async function postWeekHoursBetween(db: Db, workspaceId: string, accountIds: string[], from: { day: string; hour: number }, toDay: string): Promise<WeekHourFigures[]> {
  if (accountIds.length === 0) return []
  // 0 = Sunday in both.
  const weekday = dialectOf(db) === 'sqlite' ? sql`cast(strftime('%w', day) as integer)` : sql`cast(extract(dow from cast(day as date)) as integer)`
  const rows = await db
    .selectFrom('postHours')
    .select([sql<number>`${weekday}`.as('weekday'), 'hour', sql<number>`sum(posts)`.as('posts'), sql<number>`sum(engagement)`.as('engagement'), sql<number>`sum(clicks)`.as('clicks')])
    .where('workspaceId', '=', workspaceId)
    .where('day', '>=', from.day)
    .where('day', '<=', toDay)
    .where((eb) => eb.or([eb('day', '>', from.day), eb('hour', '>=', from.hour)]))
    .where('accountId', 'in', accountIds)
    .groupBy([weekday, 'hour'])
    .execute()
  return rows.map((r) => ({ weekday: num(r.weekday) || 7, hour: num(r.hour), posts: num(r.posts), engagement: num(r.engagement), clicks: num(r.clicks) }))
}

function targetsWithCounts(db: Db) {
  return db.selectFrom('postTargets as t').innerJoin('posts as p', 'p.id', 't.postId').leftJoin('postMetrics as m', 'm.targetId', 't.id')
}

function publishedIn(db: Db, accountIds: string[], start: number, end: number) {
  return targetsWithCounts(db)
    .where('t.accountId', 'in', accountIds)
    .where('t.publishedAt', '>=', start)
    .where('t.publishedAt', '<', end)
    .where('t.status', '=', 'published')
}

/**
 * Posts published by these accounts in [start, end) per account, content type and quarter hour
 * (exact in every time zone), with their engagement and their clicks up to the clicks mark
 * (none with `rolledClicks` false: the rollups are being cut anew).
 */
export async function publishedQuarters(
  db: Db,
  accountIds: string[],
  range: { start: number; end: number },
  rolledClicks: boolean,
): Promise<Array<PostFigures & { quarter: number; engagement: number; clicks: number }>> {
  if (accountIds.length === 0) return []
  const quarterMs = sql.lit(15 * 60_000)
  const quarter = sql`(t.published_at - (t.published_at % ${quarterMs})) / ${quarterMs}`
  const rows = await publishedIn(db, accountIds, range.start, range.end)
    .leftJoin('targetClicks as c', 'c.targetId', 't.id')
    .select([
      't.accountId',
      'p.contentType',
      sql<number>`${quarter}`.as('quarter'),
      sql<number>`count(*)`.as('posts'),
      sql<number>`coalesce(sum(m.likes), 0)`.as('likes'),
      sql<number>`coalesce(sum(m.reposts), 0)`.as('reposts'),
      sql<number>`coalesce(sum(m.replies), 0)`.as('replies'),
      sql<number>`coalesce(sum(m.quotes), 0)`.as('quotes'),
      sql<number>`coalesce(sum(m.views), 0)`.as('views'),
      sql<number>`count(m.views)`.as('withViews'),
      (rolledClicks ? sql<number>`coalesce(sum(c.clicks), 0)` : sql<number>`0`).as('clicks'),
    ])
    .groupBy(['t.accountId', 'p.contentType', quarter])
    .execute()
  return rows.map((r) => {
    const figures = postFigures(r)
    return { ...figures, quarter: num(r.quarter), engagement: figures.likes + figures.reposts + figures.replies + figures.quotes, clicks: num(r.clicks) }
  })
}

/** A published post's clicks by people and conversions (form answers apart) over some stretch. */
export interface RecentTargetFigures {
  targetId: string
  accountId: string
  publishedAt: number
  clicks: number
  conversions: number
}

/**
 * Clicks and conversions since `since` per published post of the workspace, with when and where
 * it was published: counted per link, then the links' posts looked up by id.
 */
export async function recentTargetFigures(db: Db, workspaceId: string, since: number): Promise<RecentTargetFigures[]> {
  const [clicks, conversions] = await Promise.all([
    db.selectFrom('clicks').select(['linkId', sql<number>`sum(1 - bot)`.as('n')]).where('workspaceId', '=', workspaceId).where('at', '>=', since).groupBy('linkId').execute(),
    db
      .selectFrom('conversions')
      .select(['linkId', sql<number>`count(*)`.as('n')])
      .where('workspaceId', '=', workspaceId)
      .where('at', '>=', since)
      .where('source', '!=', 'form')
      .where('linkId', 'is not', null)
      .groupBy('linkId')
      .execute(),
  ])
  const perLink = new Map<string, { clicks: number; conversions: number }>()
  for (const row of clicks) perLink.set(row.linkId, { clicks: num(row.n), conversions: 0 })
  for (const row of conversions) {
    const found = perLink.get(row.linkId!) ?? { clicks: 0, conversions: 0 }
    found.conversions = num(row.n)
    perLink.set(row.linkId!, found)
  }
  const perTarget = new Map<string, RecentTargetFigures>()
  for (const ids of chunked([...perLink.keys()])) {
    // By the links' ids alone, so that no other index is preferred; the status is checked here.
    const links = await db
      .selectFrom('trackedLinks as l')
      .innerJoin('postTargets as t', 't.id', 'l.targetId')
      .select(['l.id', 't.id as targetId', 't.accountId', 't.publishedAt', 't.status'])
      .where('l.id', 'in', ids)
      .execute()
    for (const link of links) {
      if (link.status !== 'published') continue
      const figures = perLink.get(link.id)!
      const found = perTarget.get(link.targetId) ?? { targetId: link.targetId, accountId: link.accountId, publishedAt: num(link.publishedAt), clicks: 0, conversions: 0 }
      found.clicks += figures.clicks
      found.conversions += figures.conversions
      perTarget.set(link.targetId, found)
    }
  }
  return [...perTarget.values()]
}

/** Lists cut in pieces small enough for any database's limit on parameters. */
function chunked<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += 500) out.push(items.slice(i, i + 500))
  return out
}

export interface TargetRow {
  targetId: string
  postId: string
  accountId: string
  text: string
  contentType: string | null
  publishedAt: number
  url: string | null
  likes: number
  reposts: number
  replies: number
  quotes: number
  views: number | null
  /** Clicks up to the clicks mark. */
  clicks: number
}

function targetColumns(query: ReturnType<typeof targetsWithCounts>) {
  return query
    .leftJoin('targetClicks as c', 'c.targetId', 't.id')
    .select([
      't.id as targetId',
      't.postId',
      't.accountId',
      sql<string>`coalesce(t.text, p.text)`.as('text'),
      'p.contentType',
      't.publishedAt',
      't.remoteUrl as url',
      sql<number>`coalesce(m.likes, 0)`.as('likes'),
      sql<number>`coalesce(m.reposts, 0)`.as('reposts'),
      sql<number>`coalesce(m.replies, 0)`.as('replies'),
      sql<number>`coalesce(m.quotes, 0)`.as('quotes'),
      'm.views',
      sql<number>`coalesce(c.clicks, 0)`.as('clicks'),
    ])
}

function toTargetRow(r: Record<string, unknown>): TargetRow {
  return {
    targetId: String(r.targetId),
    postId: String(r.postId),
    accountId: String(r.accountId),
    text: String(r.text),
    contentType: (r.contentType as string | null) ?? null,
    publishedAt: num(r.publishedAt),
    url: (r.url as string | null) ?? null,
    likes: num(r.likes),
    reposts: num(r.reposts),
    replies: num(r.replies),
    quotes: num(r.quotes),
    views: r.views === null || r.views === undefined ? null : num(r.views),
    clicks: num(r.clicks),
  }
}

const engagementSql = sql`coalesce(m.likes, 0) + coalesce(m.reposts, 0) + coalesce(m.replies, 0) + coalesce(m.quotes, 0)`

/**
 * The period's posts that have clicks or conversions up to the clicks mark, ranked by those
 * conversions, then clicks, engagement and publication (newest first): at most `limit`, walked
 * down the ranking index.
 */
export async function topRolledTargets(db: Db, workspaceId: string, accountIds: string[], start: number, end: number, limit: number): Promise<string[]> {
  if (accountIds.length === 0) return []
  // A cross join keeps SQLite on the ranking index rather than sorting every post of the period.
  const rows = await db
    .selectFrom('targetClicks as c')
    .crossJoin('postTargets as t')
    .leftJoin('postMetrics as m', 'm.targetId', 'c.targetId')
    .select('c.targetId')
    .whereRef('t.id', '=', 'c.targetId')
    .where('c.workspaceId', '=', workspaceId)
    .where((eb) => eb.or([eb('c.conversions', '>', 0), eb('c.clicks', '>', 0)]))
    .where('t.accountId', 'in', accountIds)
    .where('t.publishedAt', '>=', start)
    .where('t.publishedAt', '<', end)
    .where('t.status', '=', 'published')
    .orderBy('c.conversions', 'desc')
    .orderBy('c.clicks', 'desc')
    .orderBy(engagementSql, 'desc')
    .orderBy('t.publishedAt', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.targetId)
}

/**
 * The period's posts ranked as top posts are, every post read: by their conversions since the
 * period began and their clicks (up to the clicks mark, plus those since `rawSince` read as they
 * are; all read as they are when `rolled` is false), then engagement and publication. At most
 * `limit`.
 */
export async function rankPeriodTargets(
  db: Db,
  workspaceId: string,
  posts: { accountIds: string[]; start: number; end: number },
  clicks: { rolled: boolean; rawSince: number },
  limit: number,
): Promise<string[]> {
  if (posts.accountIds.length === 0) return []
  const converted = db
    .selectFrom('conversions as v')
    .innerJoin('trackedLinks as l', 'l.id', 'v.linkId')
    .select(['l.targetId', sql<number>`count(*)`.as('n')])
    .where('v.workspaceId', '=', workspaceId)
    .where('v.at', '>=', posts.start)
    .where('v.source', '!=', 'form')
    .groupBy('l.targetId')
  const recent = db
    .selectFrom('clicks as k')
    .innerJoin('trackedLinks as l', 'l.id', 'k.linkId')
    .select(['l.targetId', sql<number>`sum(1 - k.bot)`.as('n')])
    .where('k.workspaceId', '=', workspaceId)
    .where('k.at', '>=', clicks.rawSince)
    .groupBy('l.targetId')
  const totalClicks = clicks.rolled ? sql`coalesce(c.clicks, 0) + coalesce(r.n, 0)` : sql`coalesce(r.n, 0)`
  const rows = await publishedIn(db, posts.accountIds, posts.start, posts.end)
    .leftJoin('targetClicks as c', 'c.targetId', 't.id')
    .leftJoin(converted.as('v'), 'v.targetId', 't.id')
    .leftJoin(recent.as('r'), 'r.targetId', 't.id')
    .select('t.id')
    .orderBy(sql`coalesce(v.n, 0)`, 'desc')
    .orderBy(totalClicks, 'desc')
    .orderBy(engagementSql, 'desc')
    .orderBy('t.publishedAt', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** These published posts (by target id), e.g. the candidates for top posts. */
export async function targetsByIds(db: Db, ids: string[]): Promise<TargetRow[]> {
  const rows: TargetRow[] = []
  for (const chunk of chunked(ids)) {
    // By id alone, so that no index on the status is preferred; the status is checked here.
    const found = await targetColumns(targetsWithCounts(db))
      .select('t.status')
      .where('t.id', 'in', chunk)
      .execute()
    rows.push(...found.filter((r) => r.status === 'published').map(toTargetRow))
  }
  return rows
}

/** Every post of the period, newest first (exports). */
export async function allTargetsBetween(db: Db, accountIds: string[], start: number, end: number): Promise<TargetRow[]> {
  if (accountIds.length === 0) return []
  const rows = await targetColumns(publishedIn(db, accountIds, start, end)).orderBy('t.publishedAt', 'desc').execute()
  return rows.map(toTargetRow)
}

/** Conversions per post and currency (form answers apart). */
export interface TargetConversions {
  targetId: string
  currency: string | null
  conversions: number
  value: number
}

/** Conversions through these posts since `since`, per post and currency: read from the posts' links. */
export async function conversionsOfTargets(db: Db, targetIds: string[], since: number): Promise<TargetConversions[]> {
  const targetOf = new Map<string, string>()
  for (const ids of chunked(targetIds)) {
    for (const link of await db.selectFrom('trackedLinks').select(['id', 'targetId']).where('targetId', 'in', ids).execute()) targetOf.set(link.id, link.targetId!)
  }
  const perTarget = new Map<string, TargetConversions>()
  for (const ids of chunked([...targetOf.keys()])) {
    const rows = await db
      .selectFrom('conversions as v')
      .select(['v.linkId', 'v.currency', sql<number>`count(*)`.as('conversions'), sql<number>`coalesce(sum(${conversionValueSql(db)}), 0)`.as('value')])
      .where('v.linkId', 'in', ids)
      .where('v.at', '>=', since)
      .where('v.source', '!=', 'form')
      .groupBy(['v.linkId', 'v.currency'])
      .execute()
    for (const row of rows) {
      const targetId = targetOf.get(row.linkId!)!
      const key = `${targetId} ${row.currency ?? ''}`
      const found = perTarget.get(key) ?? { targetId, currency: row.currency, conversions: 0, value: 0 }
      found.conversions += num(row.conversions)
      found.value += Number(row.value)
      perTarget.set(key, found)
    }
  }
  return [...perTarget.values()]
}

/** Conversions since the period began through every post these accounts published in it (exports). */
export async function conversionsOfPeriodTargets(db: Db, workspaceId: string, posts: { accountIds: string[]; start: number; end: number }): Promise<TargetConversions[]> {
  if (posts.accountIds.length === 0) return []
  const rows = await db
    .selectFrom('conversions as v')
    .innerJoin('trackedLinks as l', 'l.id', 'v.linkId')
    .innerJoin('postTargets as t', 't.id', 'l.targetId')
    .select(['t.id as targetId', 'v.currency', sql<number>`count(*)`.as('conversions'), sql<number>`coalesce(sum(${conversionValueSql(db)}), 0)`.as('value')])
    .where('v.workspaceId', '=', workspaceId)
    .where('v.at', '>=', posts.start)
    .where('v.source', '!=', 'form')
    .where('t.accountId', 'in', posts.accountIds)
    .where('t.publishedAt', '>=', posts.start)
    .where('t.publishedAt', '<', posts.end)
    .groupBy(['t.id', 'v.currency'])
    .execute()
  return rows.map((r) => ({ targetId: r.targetId, currency: r.currency, conversions: num(r.conversions), value: Number(r.value) }))
}

/** Rolled clicks per day from `fromDay` to `toDay` (inclusive): closed days, or the open ones up to the clicks mark. */
export async function clickDaysBetween(db: Db, table: 'clickDays' | 'openClickDays', workspaceId: string, fromDay: string, toDay: string) {
  const rows = await db
    .selectFrom(table)
    .select(['day', 'network', 'contentType', 'clicks', 'botClicks', 'visitors', 'directClicks'])
    .where('workspaceId', '=', workspaceId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .execute()
  return rows.map((r) => ({ ...r, clicks: num(r.clicks), botClicks: num(r.botClicks), visitors: num(r.visitors), directClicks: num(r.directClicks) }))
}

/** Rolled conversions and form answers per day from `fromDay` to `toDay` (inclusive). */
export async function conversionDaysBetween(db: Db, workspaceId: string, fromDay: string, toDay: string) {
  const rows = await db
    .selectFrom('conversionDays')
    .select(['day', 'form', 'answer', 'network', 'currency', 'postType', 'conversions', 'value', 'cents'])
    .where('workspaceId', '=', workspaceId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .execute()
  return rows.map((r) => ({ ...r, form: num(r.form) === 1, conversions: num(r.conversions), value: Number(r.value), cents: num(r.cents) }))
}

/** Mentions found by listening in [start, end), with how many distinct authors wrote, and how many of them at least twice. */
export async function mentionAuthors(db: Db, workspaceId: string, start: number, end: number): Promise<{ mentions: number; authors: number; repeatAuthors: number }> {
  const perAuthor = await db
    .selectFrom('mentions')
    .select([sql<string>`coalesce(author_handle, author_name, '')`.as('author'), sql<number>`count(*)`.as('n')])
    .where('workspaceId', '=', workspaceId)
    .where('publishedAt', '>=', start)
    .where('publishedAt', '<', end)
    .groupBy(sql`coalesce(author_handle, author_name, '')`)
    .execute()
  let mentions = 0
  let authors = 0
  let repeatAuthors = 0
  for (const row of perAuthor) {
    const n = num(row.n)
    mentions += n
    if (row.author === '') continue
    authors += 1
    if (n >= 2) repeatAuthors += 1
  }
  return { mentions, authors, repeatAuthors }
}

/** Whether the workspace listens for mentions at all (else "no mentions" means "not known"). */
export async function hasListenQueries(db: Db, workspaceId: string): Promise<boolean> {
  return (await db.selectFrom('listenQueries').select('id').where('workspaceId', '=', workspaceId).limit(1).executeTakeFirst()) !== undefined
}
