/**
 * The daily digest: a day's figures per query and a few mentions worth reading, as an `Alert`
 * of kind `digest` that every channel renders like the other alerts. Pure: the caller queries
 * the store and passes the day's bounds in the workspace's time zone.
 */
import type { Alert, AlertMention, AlertQueryCount } from './types.js'

/** Input of `buildDigest`. */
export interface DigestInput {
  workspaceName: string
  /** Each active query's mentions and negative mentions during the period. */
  perQuery: readonly AlertQueryCount[]
  /** Candidate mentions, best first (the caller's ranking: engagement, reach or recency). */
  topMentions: readonly AlertMention[]
  /**
   * Distinct mentions over all queries in the period. A mention matching two queries counts in
   * both rows; without this figure the total is the rows' sum.
   */
  totalMentions?: number
  /** The period, epoch milliseconds, [start, end): usually the workspace's previous day. */
  periodStart: number
  periodEnd: number
  link: string
  /** When the digest is built. */
  at: number
  timeZone: string
  /** Mentions quoted (default 5). */
  maxMentions?: number
}

/**
 * Builds the digest: rows sorted by mentions (most first), then negative mentions, then name;
 * mentions outside the period dropped, repeats (same URL, or same author and text) dropped,
 * at most `maxMentions` kept in the caller's order. `count` is the day's total; a digest with
 * `count === 0` is a quiet day, which the sender may skip.
 *
 * @throws RangeError for an empty or reversed period, or a row with negative > count.
 */
export function buildDigest(input: DigestInput): Alert {
  if (!(input.periodEnd > input.periodStart)) throw new RangeError('the digest period must end after it starts')
  for (const row of input.perQuery) {
    if (!(row.count >= 0 && row.negative >= 0 && row.negative <= row.count))
      throw new RangeError(`bad counts for query "${row.queryName}": ${row.negative} negative of ${row.count}`)
  }
  const perQuery = [...input.perQuery]
    .map((row) => ({ queryName: row.queryName, count: row.count, negative: row.negative }))
    .sort((a, b) => b.count - a.count || b.negative - a.negative || compareNames(a.queryName, b.queryName))
  const count = input.totalMentions ?? perQuery.reduce((sum, row) => sum + row.count, 0)
  const seen = new Set<string>()
  const mentions: AlertMention[] = []
  for (const mention of input.topMentions) {
    if (mentions.length >= (input.maxMentions ?? 5)) break
    if (mention.publishedAt < input.periodStart || mention.publishedAt >= input.periodEnd) continue
    const key = mention.url ? `u:${mention.url}` : `t:${mention.authorHandle ?? ''}\n${mention.text}`
    if (seen.has(key)) continue
    seen.add(key)
    mentions.push(mention)
  }
  return {
    kind: 'digest',
    workspaceName: input.workspaceName,
    count,
    mentions,
    perQuery,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    link: input.link,
    at: input.at,
    timeZone: input.timeZone,
  }
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
