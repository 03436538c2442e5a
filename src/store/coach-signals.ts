/**
 * What the coach reads of a workspace's activity: counts and small lists over accounts, posts,
 * mentions and replies, listening, the team and the publishing settings. Each query is bounded
 * by a period and a workspace; the coach turns the rows into signals.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database>

async function count(query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }): Promise<number> {
  return Number((await query.executeTakeFirstOrThrow()).n)
}

/** Connected accounts the network still accepts. */
export async function countActiveAccounts(db: Db, workspaceId: string): Promise<number> {
  return count(db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('status', '=', 'active'))
}

export interface PublishedPostFact {
  postId: string
  /** When its first target was published. */
  publishedAt: number
  source: 'composer' | 'feed' | 'listen' | 'inbox'
  /** Published by a feed on its own (no person wrote or reviewed it). */
  automated: boolean
  contentType: string | null
}

/** Posts with at least one target published since `since`, not counting replies to mentions. */
export async function publishedPostsSince(db: Db, workspaceId: string, since: number): Promise<PublishedPostFact[]> {
  const rows = await db
    .selectFrom('posts as p')
    .innerJoin('postTargets as t', 't.postId', 'p.id')
    .select(['p.id', 'p.source', 'p.authorId', 'p.contentType', (eb) => eb.fn.min('t.publishedAt').as('publishedAt')])
    .where('p.workspaceId', '=', workspaceId)
    .where('p.source', '!=', 'listen')
    .where('t.status', '=', 'published')
    .where('t.publishedAt', '>=', since)
    .groupBy(['p.id', 'p.source', 'p.authorId', 'p.contentType'])
    .execute()
  return rows.map((row) => ({
    postId: row.id,
    publishedAt: Number(row.publishedAt),
    source: row.source,
    automated: row.source === 'feed' && row.authorId === null,
    contentType: row.contentType,
  }))
}

/** The latest posts scheduled or published (not drafts, not replies), newest first: the value check's context. */
export async function latestPosts(db: Db, workspaceId: string, limit: number): Promise<Array<{ text: string; contentType: string | null }>> {
  return db
    .selectFrom('posts')
    .select(['text', 'contentType'])
    .where('workspaceId', '=', workspaceId)
    .where('source', '!=', 'listen')
    .where('status', 'not in', ['draft', 'awaiting_approval'])
    .orderBy((eb) => eb.fn.coalesce('scheduledAt', 'createdAt'), 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** Mentions found since `since`, and for each one answered from the app, how long the answer took. */
export async function mentionConversationsSince(db: Db, workspaceId: string, since: number): Promise<{ received: number; responseTimesMs: number[] }> {
  const received = await countMentionsSince(db, workspaceId, since)
  const replies = await db
    .selectFrom('posts as p')
    .innerJoin('mentions as m', (join) => join.onRef('m.id', '=', 'p.sourceRef').onRef('m.workspaceId', '=', 'p.workspaceId'))
    .select(['m.id', 'm.receivedAt', (eb) => eb.fn.min('p.createdAt').as('answeredAt')])
    .where('p.workspaceId', '=', workspaceId)
    .where('p.source', '=', 'listen')
    .where('m.receivedAt', '>=', since)
    .groupBy(['m.id', 'm.receivedAt'])
    .execute()
  return { received, responseTimesMs: replies.map((row) => Math.max(0, Number(row.answeredAt) - Number(row.receivedAt))) }
}

/** Mentions found since `since`. */
export async function countMentionsSince(db: Db, workspaceId: string, since: number): Promise<number> {
  return count(db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('receivedAt', '>=', since))
}

/** Replies written to mentions since `since` (each one a conversation answered by a person). */
export async function countRepliesSince(db: Db, workspaceId: string, since: number): Promise<number> {
  return count(
    db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('source', '=', 'listen').where('createdAt', '>=', since),
  )
}

/** Posts people wrote or reviewed (not a feed's automatic ones) since `since`. */
export async function countComposedPostsSince(db: Db, workspaceId: string, since: number): Promise<number> {
  return count(
    db
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspaceId', '=', workspaceId)
      .where('source', '!=', 'listen')
      .where('authorId', 'is not', null)
      .where('createdAt', '>=', since),
  )
}

export async function countActiveListenQueries(db: Db, workspaceId: string): Promise<number> {
  return count(db.selectFrom('listenQueries').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('active', '=', 1))
}

export async function countMembers(db: Db, workspaceId: string): Promise<number> {
  return count(db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId))
}

export async function countQueueSlots(db: Db, workspaceId: string): Promise<number> {
  return count(db.selectFrom('queueSlots').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId))
}

export async function countAutoPublishFeeds(db: Db, workspaceId: string): Promise<number> {
  return count(db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('autoPublish', '=', 1))
}

export async function countReservedHandles(db: Db, workspaceId: string): Promise<number> {
  return count(db.selectFrom('coachHandles').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('reserved', '=', 1))
}

/** When the workspace's first network account was connected (still connected or not); undefined without any. */
export async function firstAccountConnectedAt(db: Db, workspaceId: string): Promise<number | undefined> {
  const row = await db.selectFrom('accounts').select((eb) => eb.fn.min('createdAt').as('first')).where('workspaceId', '=', workspaceId).executeTakeFirst()
  return row?.first === null || row?.first === undefined ? undefined : Number(row.first)
}

/** Places listening alerts go (e-mail, webhooks). */
export async function countAlertChannels(db: Db, workspaceId: string): Promise<number> {
  return count(db.selectFrom('alertChannels').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId))
}

/** Clicks by people (not bots) on the workspace's tracked links in [from, to). */
export async function countHumanClicks(db: Db, workspaceId: string, from: number, to: number): Promise<number> {
  return count(
    db.selectFrom('clicks').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('bot', '=', 0).where('at', '>=', from).where('at', '<', to),
  )
}

export async function countTrackedLinks(db: Db, workspaceId: string): Promise<number> {
  return count(db.selectFrom('trackedLinks').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId))
}

/** Conversions (not form answers) since `since`: how many, and their value per currency. */
export async function conversionTotalsSince(db: Db, workspaceId: string, since: number): Promise<{ count: number; valueByCurrency: Record<string, number> }> {
  const rows = await db
    .selectFrom('conversions')
    .select(['currency', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('value').as('total')])
    .where('workspaceId', '=', workspaceId)
    .where('type', '!=', 'heard')
    .where('at', '>=', since)
    .groupBy('currency')
    .execute()
  const valueByCurrency: Record<string, number> = {}
  for (const row of rows) if (row.currency) valueByCurrency[row.currency] = Number(row.total ?? 0)
  return { count: rows.reduce((sum, row) => sum + Number(row.n), 0), valueByCurrency }
}

/** "How did you hear about us?" answers since `since`: all of them, and those naming a network. */
export async function heardAnswersSince(db: Db, workspaceId: string, since: number, nonNetworkAnswers: string[]): Promise<{ total: number; viaNetworks: number }> {
  const rows = await db
    .selectFrom('conversions')
    .select(['answer', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspaceId', '=', workspaceId)
    .where('type', '=', 'heard')
    .where('at', '>=', since)
    .groupBy('answer')
    .execute()
  let total = 0
  let viaNetworks = 0
  for (const row of rows) {
    total += Number(row.n)
    if (row.answer && !nonNetworkAnswers.includes(row.answer)) viaNetworks += Number(row.n)
  }
  return { total, viaNetworks }
}

/**
 * Engagement the networks counted on the posts published in [from, to) (likes, reposts, replies,
 * quotes: their latest counts), the posts that have counts, and their potential reach (each
 * post × its account's latest followers). Null figures when no post of the window has counts.
 */
export async function measuredEngagement(db: Db, workspaceId: string, from: number, to: number): Promise<{ posts: number; engagement: number; reach: number | null } | null> {
  const latest = db
    .selectFrom('accountMetrics as a')
    .select(['a.accountId', 'a.followers'])
    .where('a.workspaceId', '=', workspaceId)
    .where('a.day', '=', (eb) => eb.selectFrom('accountMetrics as b').select((e) => e.fn.max('b.day').as('day')).whereRef('b.accountId', '=', 'a.accountId'))
  const row = await db
    .selectFrom('postTargets as t')
    .innerJoin('postMetrics as m', 'm.targetId', 't.id')
    .leftJoin(latest.as('f'), 'f.accountId', 't.accountId')
    .select([
      sql<number>`count(*)`.as('posts'),
      sql<number>`coalesce(sum(m.likes + m.reposts + m.replies + m.quotes), 0)`.as('engagement'),
      sql<number | null>`sum(f.followers)`.as('reach'),
    ])
    .where('m.workspaceId', '=', workspaceId)
    .where('t.publishedAt', '>=', from)
    .where('t.publishedAt', '<', to)
    .executeTakeFirst()
  const posts = Number(row?.posts ?? 0)
  if (posts === 0) return null
  return { posts, engagement: Number(row?.engagement ?? 0), reach: row?.reach === null || row?.reach === undefined ? null : Number(row.reach) }
}

/** Followers of the workspace's accounts now (each account's latest count); null before the first count. */
export async function currentFollowers(db: Db, workspaceId: string): Promise<number | null> {
  const row = await db
    .selectFrom('accountMetrics as a')
    .select((eb) => eb.fn.sum<number>('a.followers').as('followers'))
    .where('a.workspaceId', '=', workspaceId)
    .where('a.day', '=', (eb) => eb.selectFrom('accountMetrics as b').select((e) => e.fn.max('b.day').as('day')).whereRef('b.accountId', '=', 'a.accountId'))
    .executeTakeFirst()
  return row?.followers === null || row?.followers === undefined ? null : Number(row.followers)
}
