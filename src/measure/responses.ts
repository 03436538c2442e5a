/**
 * Response time on the dashboard: how fast the people who wrote to the workspace (the inbox's
 * replies, mentions and quotes) got a first answer from the app, for the period and the one
 * before, overall and per network. The figures are the inbox's own: the domain's median and share
 * within the workspace's target, over items and answers counted as the inbox counts them.
 */
import type { Kysely } from 'kysely'
import { responseStats, responseStatsBy, type ResponseItem } from '../domain/index.js'
import { responseFacts, type Database } from '../store/index.js'
import type { DashboardResponses } from './dashboard-types.js'

/**
 * A person who wrote before the account was connected could only be answered from then on. Who
 * answered does not matter here (the dashboard does not rank teammates).
 */
function itemOf(fact: Awaited<ReturnType<typeof responseFacts>>[number]): ResponseItem {
  return { receivedAt: Math.max(fact.createdAt, fact.accountConnectedAt), firstResponseAt: fact.firstResponseAt, network: fact.network, responderId: null }
}

export interface ResponsesQuery {
  workspaceId: string
  /** The workspace's target for a first answer, and its time zone. */
  targetMinutes: number
  zone: string
  /** Only what was received on this network. */
  network: string | undefined
  /** The period and the one before, as [start, end) instants; `previous` ends where `current` starts. */
  current: { start: number; end: number }
  previous: { start: number; end: number }
  /** What is known at this instant: an answer after it, or a target not yet passed, is still open. */
  now: number
}

/** Response times of the items received in the period and the one before (one read for both). */
export async function dashboardResponses(db: Kysely<Database>, query: ResponsesQuery): Promise<DashboardResponses> {
  const targetMs = query.targetMinutes * 60_000
  const facts = await responseFacts(db, query.workspaceId, Math.min(query.previous.start, query.current.start), query.current.end)
  const current: ResponseItem[] = []
  const previous: ResponseItem[] = []
  for (const fact of facts) {
    if (query.network !== undefined && fact.network !== query.network) continue
    // The period an item belongs to is the one it was written in, as the inbox files it.
    if (fact.createdAt >= query.current.start) current.push(itemOf(fact))
    else if (fact.createdAt >= query.previous.start && fact.createdAt < query.previous.end) previous.push(itemOf(fact))
  }
  return {
    targetMinutes: query.targetMinutes,
    overall: current.length === 0 ? null : responseStats(current, targetMs, query.now),
    previousOverall: previous.length === 0 ? null : responseStats(previous, targetMs, query.now),
    byNetwork: responseStatsBy(current, 'network', targetMs, query.now, query.zone).map(({ key, stats }) => ({ network: key, stats })),
  }
}
