/**
 * The reads behind the measure dashboard: the period's published posts (grouped, ranked, or all
 * of them for exports), their latest counts and rolled clicks, the period's conversions with the
 * post each came through, and publication times in quarter hours for "best times to post".
 * Every read is bounded by the workspace's accounts and a time range, on an index.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database>

export interface TargetGroup {
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
  /** Clicks on the days rolled so far. */
  clicks: number
}

function publishedIn(db: Db, accountIds: string[], start: number, end: number) {
  return db
    .selectFrom('postTargets as t')
    .innerJoin('posts as p', 'p.id', 't.postId')
    .leftJoin('postMetrics as m', 'm.targetId', 't.id')
    .where('t.accountId', 'in', accountIds)
    .where('t.publishedAt', '>=', start)
    .where('t.publishedAt', '<', end)
    .where('t.status', '=', 'published')
}

const num = (value: unknown): number => Number(value ?? 0)

/** The posts published in [start, end) by these accounts, per account and content type. */
export async function publishedTargetGroups(db: Db, accountIds: string[], start: number, end: number): Promise<TargetGroup[]> {
  if (accountIds.length === 0) return []
  const rows = await publishedIn(db, accountIds, start, end)
    .select([
      't.accountId',
      'p.contentType',
      sql<number>`count(*)`.as('posts'),
      sql<number>`coalesce(sum(m.likes), 0)`.as('likes'),
      sql<number>`coalesce(sum(m.reposts), 0)`.as('reposts'),
      sql<number>`coalesce(sum(m.replies), 0)`.as('replies'),
      sql<number>`coalesce(sum(m.quotes), 0)`.as('quotes'),
      sql<number>`coalesce(sum(m.views), 0)`.as('views'),
      sql<number>`count(m.views)`.as('withViews'),
    ])
    .groupBy(['t.accountId', 'p.contentType'])
    .execute()
  return rows.map((r) => ({
    accountId: r.accountId,
    contentType: r.contentType,
    posts: num(r.posts),
    likes: num(r.likes),
    reposts: num(r.reposts),
    replies: num(r.replies),
    quotes: num(r.quotes),
    views: num(r.views),
    withViews: num(r.withViews),
  }))
}

function targetColumns(query: ReturnType<typeof publishedIn>) {
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

/** The period's posts with the most rolled clicks, then engagement: at most `limit`. */
export async function topTargetsByClicks(db: Db, accountIds: string[], start: number, end: number, limit: number): Promise<TargetRow[]> {
  if (accountIds.length === 0) return []
  const rows = await targetColumns(publishedIn(db, accountIds, start, end))
    .orderBy(sql`coalesce(c.clicks, 0)`, 'desc')
    .orderBy(sql`coalesce(m.likes, 0) + coalesce(m.reposts, 0) + coalesce(m.replies, 0) + coalesce(m.quotes, 0)`, 'desc')
    .orderBy('t.publishedAt', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toTargetRow)
}

/** These posts of the period (by target id), e.g. those with conversions. */
export async function targetsByIds(db: Db, accountIds: string[], start: number, end: number, ids: string[]): Promise<TargetRow[]> {
  if (accountIds.length === 0 || ids.length === 0) return []
  const rows = await targetColumns(publishedIn(db, accountIds, start, end)).where('t.id', 'in', ids).execute()
  return rows.map(toTargetRow)
}

/** Every post of the period, newest first (exports). */
export async function allTargetsBetween(db: Db, accountIds: string[], start: number, end: number): Promise<TargetRow[]> {
  if (accountIds.length === 0) return []
  const rows = await targetColumns(publishedIn(db, accountIds, start, end)).orderBy('t.publishedAt', 'desc').execute()
  return rows.map(toTargetRow)
}

/**
 * Publication times in quarter hours (exact in every time zone), with the posts' engagement and
 * clicks: rolled clicks (unless `rolled` is false: the rollups are being re-cut) plus the clicks
 * since `rawSince` read as they are.
 */
export async function publicationQuarters(
  db: Db,
  accountIds: string[],
  range: { start: number; end: number },
  clicks: { rolled: boolean; rawSince: number },
): Promise<Array<{ quarter: number; posts: number; engagement: number; clicks: number }>> {
  if (accountIds.length === 0) return []
  const quarterMs = sql.lit(15 * 60_000)
  const recent = db
    .selectFrom('clicks as k')
    .innerJoin('trackedLinks as l', 'l.id', 'k.linkId')
    .select(['l.targetId', sql<number>`sum(1 - k.bot)`.as('clicks')])
    .where('k.workspaceId', '=', (eb) => eb.selectFrom('accounts').select('workspaceId').where('id', '=', accountIds[0]!))
    .where('k.at', '>=', clicks.rawSince)
    .where('l.targetId', 'is not', null)
    .groupBy('l.targetId')
  const rows = await publishedIn(db, accountIds, range.start, range.end)
    .leftJoin('targetClicks as c', 'c.targetId', 't.id')
    .leftJoin(recent.as('r'), 'r.targetId', 't.id')
    .select([
      sql<number>`(t.published_at - (t.published_at % ${quarterMs})) / ${quarterMs}`.as('quarter'),
      sql<number>`count(*)`.as('posts'),
      sql<number>`coalesce(sum(coalesce(m.likes, 0) + coalesce(m.reposts, 0) + coalesce(m.replies, 0) + coalesce(m.quotes, 0)), 0)`.as('engagement'),
      (clicks.rolled ? sql<number>`coalesce(sum(coalesce(c.clicks, 0) + coalesce(r.clicks, 0)), 0)` : sql<number>`coalesce(sum(r.clicks), 0)`).as('clicks'),
    ])
    .groupBy(sql`(t.published_at - (t.published_at % ${quarterMs})) / ${quarterMs}`)
    .execute()
  return rows.map((r) => ({ quarter: num(r.quarter), posts: num(r.posts), engagement: num(r.engagement), clicks: num(r.clicks) }))
}

export interface PeriodConversion {
  at: number
  type: string
  value: number | null
  currency: string | null
  source: string
  answer: string | null
  network: string | null
  postId: string | null
  targetId: string | null
}

/** The workspace's conversions and form answers in [start, end), with the post each came through. */
export async function conversionsBetween(db: Db, workspaceId: string, start: number, end: number): Promise<PeriodConversion[]> {
  const rows = await db
    .selectFrom('conversions as v')
    .leftJoin('trackedLinks as l', 'l.id', 'v.linkId')
    .select(['v.at', 'v.type', 'v.value', 'v.currency', 'v.source', 'v.answer', 'v.network', 'v.postId', 'l.targetId'])
    .where('v.workspaceId', '=', workspaceId)
    .where('v.at', '>=', start)
    .where('v.at', '<', end)
    .execute()
  return rows.map((r) => ({ ...r, at: num(r.at), value: r.value === null ? null : Number(r.value), targetId: r.targetId ?? null }))
}

/**
 * Conversions made through the posts these accounts published in [start, end) (form answers
 * apart), since the period began, per post and currency: the `limit` posts with the most, or
 * every one of them without a limit (exports).
 */
export async function conversionsByTarget(
  db: Db,
  workspaceId: string,
  posts: { accountIds: string[]; start: number; end: number },
  pick: { limit?: number; targetIds?: string[] } = {},
): Promise<Array<{ targetId: string; conversions: number; value: number; currency: string | null }>> {
  if (posts.accountIds.length === 0 || pick.targetIds?.length === 0) return []
  const { limit } = pick
  const base = db
    .selectFrom('conversions as v')
    .innerJoin('trackedLinks as l', 'l.id', 'v.linkId')
    .innerJoin('postTargets as t', 't.id', 'l.targetId')
    .where('v.workspaceId', '=', workspaceId)
    .where('v.at', '>=', posts.start)
    .where('v.source', '!=', 'form')
    .where('t.accountId', 'in', posts.accountIds)
    .where('t.publishedAt', '>=', posts.start)
    .where('t.publishedAt', '<', posts.end)
  let chosen = pick.targetIds
  if (limit !== undefined) {
    const top = await base.select(['t.id', sql<number>`count(*)`.as('n')]).groupBy('t.id').orderBy(sql`count(*)`, 'desc').orderBy('t.id').limit(limit).execute()
    chosen = top.map((r) => r.id)
    if (chosen.length === 0) return []
  }
  let query = base.select(['t.id as targetId', 'v.currency', sql<number>`count(*)`.as('conversions'), sql<number>`coalesce(sum(v.value), 0)`.as('value')]).groupBy(['t.id', 'v.currency'])
  if (chosen) query = query.where('t.id', 'in', chosen)
  const rows = await query.execute()
  return rows.map((r) => ({ targetId: r.targetId, conversions: num(r.conversions), value: Number(r.value ?? 0), currency: r.currency }))
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

/** The 4E content type of each of these posts (null when it has none). */
export async function contentTypesOf(db: Db, postIds: string[]): Promise<Map<string, string | null>> {
  if (postIds.length === 0) return new Map()
  const rows = await db.selectFrom('posts').select(['id', 'contentType']).where('id', 'in', postIds).execute()
  return new Map(rows.map((r) => [r.id, r.contentType]))
}

/** Whether the workspace listens for mentions at all (else "no mentions" means "not known"). */
export async function hasListenQueries(db: Db, workspaceId: string): Promise<boolean> {
  return (await db.selectFrom('listenQueries').select('id').where('workspaceId', '=', workspaceId).limit(1).executeTakeFirst()) !== undefined
}
