/**
 * Response time on the dashboard: how the period's figures moved against the period before,
 * where a shorter wait is the better one. Durations are said as the inbox says them (i18n/duration).
 */
import type { DashboardResponses } from '../../../app/measure-types'
import { countChange, rateChange, type Change } from './change'

export { durationParts, formatDuration, formatTarget, type DurationUnit } from '../../../i18n/duration'

export interface ResponseChanges {
  /** The median wait against the period before's; `better` says which way is good news. */
  median: Change & { better: boolean | null }
  /** The share answered within the target, in percentage points. */
  withinTarget: Change & { better: boolean | null }
}

/** Whether a move is good news: up for a share, down for a wait; null when there is no move. */
function judged(change: Change, goodWay: 'up' | 'down'): Change & { better: boolean | null } {
  return { ...change, better: change.trend === 'up' || change.trend === 'down' ? change.trend === goodWay : null }
}

/** How the period's response time moved against the period before; unknown where either is not known. */
export function responseChanges(responses: Pick<DashboardResponses, 'overall' | 'previousOverall'>): ResponseChanges {
  const now = responses.overall
  const before = responses.previousOverall
  return {
    median: judged(countChange(now?.medianMs ?? null, before?.medianMs ?? null), 'down'),
    withinTarget: judged(rateChange(now?.shareWithinTarget ?? null, before?.shareWithinTarget ?? null), 'up'),
  }
}
