/**
 * What the coach tells the owner it saw: one plain sentence per readable signal (`coach.evidence.*`),
 * with the stage it points to when it points to one, and one sentence per signal it cannot read
 * yet (`coach.waiting.*`). Numbers are params (percent as a whole number); the server formats them.
 */
import {
  activityThresholds as t,
  almostNoReplies,
  automationHigh,
  mostWeeks,
  observedWeeks,
  repliesComfortable,
  steadyWeeks,
} from './activity.js'
import { message, percentOf } from './message.js'
import type { CoachSignals, Evidence, Message, Stage } from './types.js'

const hourMs = 60 * 60 * 1000

function activity(key: string, params: Record<string, string | number>, pointsTo?: Stage): Evidence {
  return pointsTo === undefined ? { message: message(key, params), source: 'activity' } : { message: message(key, params), source: 'activity', pointsTo }
}

function trendEvidence(name: 'engagement' | 'referrals', trend: number, upPointsTo?: Stage, flatPointsTo?: Stage): Evidence {
  if (trend >= t.risingTrend) return activity(`coach.evidence.${name}_up`, { percent: Math.round((trend - 1) * 100) }, upPointsTo)
  if (trend <= t.fallingTrend) return activity(`coach.evidence.${name}_down`, { percent: Math.round((1 - trend) * 100) }, flatPointsTo)
  return activity(`coach.evidence.${name}_flat`, {}, flatPointsTo)
}

function postingEvidence(s: CoachSignals): Evidence[] {
  const window = observedWeeks(s)
  const out: Evidence[] = []
  if (s.connectedAccounts === 0) out.push(activity('coach.evidence.no_accounts', {}, s.postsPublished === 0 ? 1 : undefined))
  else out.push(activity('coach.evidence.accounts', { count: s.connectedAccounts }))
  if (s.postsPublished === 0) {
    out.push(activity('coach.evidence.no_posts', { count: window }, s.connectedAccounts === 0 ? 1 : 2))
    return out
  }
  const weeks = s.weeksWithPosts
  const points: Stage | undefined = weeks >= mostWeeks(window) ? 4 : weeks < steadyWeeks(window) ? 2 : undefined
  out.push(activity('coach.evidence.weeks_with_posts', { weeks, count: window }, points))
  if (s.automatedShare !== null) {
    const percent = Math.round(s.automatedShare * 100)
    if (automationHigh(s)) out.push(activity('coach.evidence.automated_high', { percent }, 2))
    else if (percent > 0) out.push(activity('coach.evidence.automated_low', { percent }))
    else out.push(activity('coach.evidence.automated_none', {}))
  }
  return out
}

function conversationEvidence(s: CoachSignals, waiting: Message[]): Evidence[] {
  const c = s.conversations
  if (c === null) {
    waiting.push(message('coach.waiting.conversations'))
    return []
  }
  if (c.received === 0) {
    waiting.push(message('coach.waiting.no_conversations'))
    return []
  }
  const comfortable = repliesComfortable(s)
  const points: Stage = comfortable ? 4 : almostNoReplies(s) ? 2 : 3
  const out = [activity('coach.evidence.replies', { answered: c.answered, count: c.received, percent: percentOf(c.answered, c.received) }, points)]
  if (c.medianResponseMs !== null && c.answered > 0) {
    const fast: Stage | undefined = c.medianResponseMs <= t.responseWithinMs ? 4 : undefined
    const hours = Math.max(1, Math.round(c.medianResponseMs / hourMs))
    out.push(
      hours <= 48
        ? activity('coach.evidence.response_hours', { count: hours }, fast)
        : activity('coach.evidence.response_days', { count: Math.round(hours / 24) }, fast),
    )
  }
  return out
}

function routineEvidence(s: CoachSignals, waiting: Message[]): Evidence[] {
  const out: Evidence[] = []
  if (s.checkInsDone === null) waiting.push(message('coach.waiting.checkins'))
  else if (s.checkInsDone === 0) out.push(activity('coach.evidence.checkins_none', {}))
  else out.push(activity('coach.evidence.checkins', { count: s.checkInsDone }, s.checkInsDone >= t.routineCheckIns ? 4 : 3))
  if (s.engagementTrend === null) waiting.push(message('coach.waiting.engagement'))
  else out.push(trendEvidence('engagement', s.engagementTrend, 4, s.postsPublished > 0 ? 3 : undefined))
  if (s.referralTrend === null) waiting.push(message('coach.waiting.referrals'))
  else out.push(trendEvidence('referrals', s.referralTrend, 4))
  if (s.heardViaSocial === null) waiting.push(message('coach.waiting.heard_via'))
  else if (s.heardViaSocial === 0) out.push(activity('coach.evidence.heard_via_social_none', {}))
  else out.push(activity('coach.evidence.heard_via_social', { count: s.heardViaSocial }, 4))
  return out
}

function toolEvidence(s: CoachSignals): Evidence[] {
  const out: Evidence[] = []
  if (s.listeningQueries === 0) out.push(activity('coach.evidence.listening_none', {}))
  else {
    out.push(activity('coach.evidence.listening', { count: s.listeningQueries }))
    out.push(activity('coach.evidence.mentions_found', { count: s.mentionsFound }, s.mentionsFound > 0 ? 5 : undefined))
  }
  if (s.reportsViewed > 0) out.push(activity('coach.evidence.reports_viewed', { count: s.reportsViewed }, 5))
  if (s.measuresTracked > 0) out.push(activity('coach.evidence.measures_tracked', { count: s.measuresTracked }, 5))
  if (s.resultsShared > 0) out.push(activity('coach.evidence.results_shared', { count: s.resultsShared }, 6))
  if (s.teammates > 0) out.push(activity('coach.evidence.teammates', { count: s.teammates }))
  return out
}

/** The sentences for what the activity shows, and those for the signals not readable yet. */
export function activityEvidence(signals: CoachSignals): { evidence: Evidence[]; waitingFor: Message[] } {
  const waitingFor: Message[] = []
  const evidence = [
    ...postingEvidence(signals),
    ...conversationEvidence(signals, waitingFor),
    ...routineEvidence(signals, waitingFor),
    ...toolEvidence(signals),
  ]
  return { evidence, waitingFor }
}
