/**
 * Response times: from when a person wrote (or when the account was connected, for what came
 * before) to the first answer from the app, as a median and the share answered within the
 * workspace's target, overall and per week, network and teammate.
 */
import { responseStats, responseStatsBy, type ResponseStats } from '../domain/index.js'
import { findWorkspace, responseFacts } from '../store/index.js'
import type { EngageContext } from './context.js'

export interface ResponseTimes {
  targetMinutes: number
  overall: ResponseStats
  byWeek: Array<{ key: string; stats: ResponseStats }>
  byNetwork: Array<{ key: string; stats: ResponseStats }>
  byResponder: Array<{ key: string; stats: ResponseStats }>
}

/** Response times of the items received in [from, to). */
export async function responseTimes(ctx: EngageContext, workspaceId: string, range: { from: number; to: number }): Promise<ResponseTimes> {
  const workspace = await findWorkspace(ctx.db, workspaceId)
  const targetMinutes = workspace?.responseTargetMinutes ?? 240
  const targetMs = targetMinutes * 60_000
  const now = ctx.now()
  const items = (await responseFacts(ctx.db, workspaceId, range.from, range.to)).map((f) => ({
    receivedAt: Math.max(f.createdAt, f.accountConnectedAt),
    firstResponseAt: f.firstResponseAt,
    network: f.network,
    responderId: f.respondedBy,
  }))
  const zone = workspace?.timeZone ?? 'UTC'
  return {
    targetMinutes,
    overall: responseStats(items, targetMs, now),
    byWeek: responseStatsBy(items, 'week', targetMs, now, zone),
    byNetwork: responseStatsBy(items, 'network', targetMs, now, zone),
    byResponder: responseStatsBy(items, 'responder', targetMs, now, zone),
  }
}
