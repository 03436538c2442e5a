/** Mentions (items that matched a workspace's queries), which queries they matched, and counts. */
import { sql, type Kysely } from 'kysely'
import type { Database, Mention } from './schema.js'

type Db = Kysely<Database>
type Sentiment = Mention['sentiment']

/**
 * Stores a mention once per workspace and item, and records which queries it matched (a query
 * added later that matches a stored item adds its match to the same mention). Returns the
 * mention's id and whether it is new.
 */
export async function insertMentionOnce(db: Db, mention: Mention, queryIds: string[]): Promise<{ id: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .insertInto('mentions')
      .values(mention)
      .onConflict((oc) => oc.columns(['workspaceId', 'itemKey']).doNothing())
      .executeTakeFirst()
    const created = Number(result.numInsertedOrUpdatedRows ?? 0) === 1
    const stored = created
      ? mention
      : await trx.selectFrom('mentions').selectAll().where('workspaceId', '=', mention.workspaceId).where('itemKey', '=', mention.itemKey).executeTakeFirstOrThrow()
    if (queryIds.length > 0) {
      await trx
        .insertInto('mentionMatches')
        .values(queryIds.map((queryId) => ({ mentionId: stored.id, queryId, workspaceId: stored.workspaceId, sentiment: stored.sentiment, publishedAt: stored.publishedAt })))
        .onConflict((oc) => oc.columns(['mentionId', 'queryId']).doNothing())
        .execute()
    }
    return { id: stored.id, created }
  })
}

export interface MentionFilter {
  workspaceId: string
  queryId?: string
  sourceKind?: Mention['sourceKind']
  lang?: string
  sentiment?: Sentiment
  from?: number
  to?: number
}

export interface MentionRow extends Mention {
  queryIds: string[]
}

function filtered(db: Db, f: MentionFilter) {
  let q = db.selectFrom('mentions').where('mentions.workspaceId', '=', f.workspaceId)
  if (f.queryId) {
    const queryId = f.queryId
    q = q.where((eb) => eb.exists(eb.selectFrom('mentionMatches').select('mentionMatches.queryId').whereRef('mentionMatches.mentionId', '=', 'mentions.id').where('mentionMatches.queryId', '=', queryId)))
  }
  if (f.sourceKind) q = q.where('mentions.sourceKind', '=', f.sourceKind)
  if (f.lang) q = q.where('mentions.lang', '=', f.lang)
  if (f.sentiment) q = q.where('mentions.sentiment', '=', f.sentiment)
  if (f.from !== undefined) q = q.where('mentions.publishedAt', '>=', f.from)
  if (f.to !== undefined) q = q.where('mentions.publishedAt', '<', f.to)
  return q
}

/** Newest first; `before` pages on (publishedAt, id). */
export async function listMentions(db: Db, f: MentionFilter, page: { limit: number; before?: { publishedAt: number; id: string } }): Promise<MentionRow[]> {
  let q = filtered(db, f).selectAll('mentions')
  if (page.before) {
    const { publishedAt, id } = page.before
    q = q.where((eb) => eb.or([eb('mentions.publishedAt', '<', publishedAt), eb.and([eb('mentions.publishedAt', '=', publishedAt), eb('mentions.id', '<', id)])]))
  }
  const rows = await q.orderBy('mentions.publishedAt', 'desc').orderBy('mentions.id', 'desc').limit(page.limit).execute()
  if (rows.length === 0) return []
  const matches = await db.selectFrom('mentionMatches').select(['mentionId', 'queryId']).where('mentionId', 'in', rows.map((r) => r.id)).execute()
  const byMention = new Map<string, string[]>()
  for (const m of matches) byMention.set(m.mentionId, [...(byMention.get(m.mentionId) ?? []), m.queryId])
  return rows.map((r) => ({ ...r, queryIds: byMention.get(r.id) ?? [] }))
}

export async function findMention(db: Db, workspaceId: string, id: string): Promise<Mention | undefined> {
  return db.selectFrom('mentions').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
}

/** Matches of a workspace's queries in a period, as (query, time, sentiment): for volume charts. */
export async function listMatchTimes(db: Db, workspaceId: string, from: number, to: number): Promise<Array<{ queryId: string; publishedAt: number; sentiment: Sentiment }>> {
  const rows = await db
    .selectFrom('mentionMatches')
    .select(['queryId', 'publishedAt', 'sentiment'])
    .where('workspaceId', '=', workspaceId)
    .where('publishedAt', '>=', from)
    .where('publishedAt', '<', to)
    .execute()
  return rows.map((r) => ({ ...r, publishedAt: Number(r.publishedAt) }))
}

/** How many matches each query has in a period, split by sentiment. */
export async function countMatchesByQuery(db: Db, workspaceId: string, from: number, to: number): Promise<Array<{ queryId: string; sentiment: Sentiment; n: number }>> {
  const rows = await db
    .selectFrom('mentionMatches')
    .select((eb) => ['queryId', 'sentiment', eb.fn.countAll<number>().as('n')])
    .where('workspaceId', '=', workspaceId)
    .where('publishedAt', '>=', from)
    .where('publishedAt', '<', to)
    .groupBy(['queryId', 'sentiment'])
    .execute()
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

/**
 * Who wrote the most mentions in a period (with the filter's query, source…): by handle, or by
 * name where the source gives no handle (a review site's feed).
 */
export async function topMentionAuthors(db: Db, f: MentionFilter, limit: number): Promise<Array<{ authorHandle: string | null; authorName: string | null; authorUrl: string | null; n: number; negative: number }>> {
  const who = sql<string>`coalesce(${sql.ref('mentions.authorHandle')}, ${sql.ref('mentions.authorName')})`
  const rows = await filtered(db, f)
    .where(who, 'is not', null)
    .select((eb) => [
      who.as('who'),
      eb.fn.max('mentions.authorHandle').as('authorHandle'),
      eb.fn.max('mentions.authorName').as('authorName'),
      eb.fn.max('mentions.authorUrl').as('authorUrl'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql<number>`case when ${sql.ref('mentions.sentiment')} = 'negative' then 1 else 0 end`).as('negative'),
    ])
    .groupBy(who)
    .orderBy('n', 'desc')
    .orderBy('who')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ authorHandle: r.authorHandle ?? null, authorName: r.authorName ?? null, authorUrl: r.authorUrl ?? null, n: Number(r.n), negative: Number(r.negative) }))
}

/** Matches per hour (hour = epoch hour number) of one query since `from`, for the spike rule. */
export async function hourlyMatchCounts(db: Db, queryId: string, from: number): Promise<Map<number, number>> {
  const hour = sql<number>`(${sql.ref('publishedAt')} / 3600000)`
  const rows = await db
    .selectFrom('mentionMatches')
    .select((eb) => [hour.as('hour'), eb.fn.countAll<number>().as('n')])
    .where('queryId', '=', queryId)
    .where('publishedAt', '>=', from)
    .groupBy(hour)
    .execute()
  return new Map(rows.map((r) => [Number(r.hour), Number(r.n)]))
}

/** A workspace's mentions per hour since `from`, all and negative, for the negative-burst rule. */
export async function hourlyMentionCounts(db: Db, workspaceId: string, from: number): Promise<Map<number, { total: number; negative: number }>> {
  const hour = sql<number>`(${sql.ref('publishedAt')} / 3600000)`
  const rows = await db
    .selectFrom('mentions')
    .select((eb) => [
      hour.as('hour'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql<number>`case when ${sql.ref('sentiment')} = 'negative' then 1 else 0 end`).as('negative'),
    ])
    .where('workspaceId', '=', workspaceId)
    .where('publishedAt', '>=', from)
    .groupBy(hour)
    .execute()
  return new Map(rows.map((r) => [Number(r.hour), { total: Number(r.n), negative: Number(r.negative) }]))
}

/** A workspace's mentions in a period by sentiment (each mention once, whatever it matched). */
export async function countMentionsBySentiment(db: Db, workspaceId: string, from: number, to: number): Promise<Record<Sentiment, number>> {
  const rows = await db
    .selectFrom('mentions')
    .select((eb) => ['sentiment', eb.fn.countAll<number>().as('n')])
    .where('workspaceId', '=', workspaceId)
    .where('publishedAt', '>=', from)
    .where('publishedAt', '<', to)
    .groupBy('sentiment')
    .execute()
  const out: Record<Sentiment, number> = { positive: 0, neutral: 0, negative: 0 }
  for (const r of rows) out[r.sentiment] = Number(r.n)
  return out
}
