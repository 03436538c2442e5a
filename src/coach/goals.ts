/**
 * A plan goal's live value, read from the workspace's data. Measures that need a feature the
 * workspace has no data from yet (followers and engagement before the networks' counts are read, clicks and
 * conversions from tracked links, check-ins before a routine is set) say what they wait for instead of
 * showing a zero.
 */
import type { GoalMetric, Message, PlanGoal } from '../domain/index.js'
import type { ActivityFacts } from './signals.js'
import { weekMs } from './periods.js'

/** The measures this installation can read today, and what each of the others waits for. */
export const liveMetrics: ReadonlySet<GoalMetric> = new Set([
  'posts_per_week',
  'weeks_with_posts',
  'reply_rate',
  'median_response_hours',
  'mentions_per_week',
  'followers',
  'engagement_rate',
  'clicks',
  'conversions',
  'revenue',
  'heard_via_social',
  'check_ins_per_week',
])

const waitingFor: Record<GoalMetric, string> = {
  posts_per_week: '',
  weeks_with_posts: '',
  reply_rate: 'coach.waiting_goal.conversations',
  median_response_hours: 'coach.waiting_goal.conversations',
  mentions_per_week: 'coach.waiting_goal.listening',
  followers: 'coach.waiting_goal.network_metrics',
  engagement_rate: 'coach.waiting_goal.network_metrics',
  clicks: 'coach.waiting_goal.tracked_links',
  conversions: 'coach.waiting_goal.conversions',
  revenue: 'coach.waiting_goal.conversions',
  heard_via_social: 'coach.waiting_goal.heard_form',
  check_ins_per_week: 'coach.waiting_goal.check_ins',
}

/** The goal's current value, or what it waits for. */
export function liveValue(goal: Pick<PlanGoal, 'metric'>, facts: ActivityFacts, now: number): { value: number | null; waitingFor: Message | null } {
  const waiting = (key: string) => ({ value: null, waitingFor: { key, params: {} } })
  const s = facts.signals
  switch (goal.metric) {
    case 'posts_per_week': {
      const recent = facts.posts.filter((post) => post.publishedAt >= now - 4 * weekMs).length
      return { value: Math.round((recent / 4) * 10) / 10, waitingFor: null }
    }
    case 'weeks_with_posts':
      return { value: s.weeksWithPosts, waitingFor: null }
    case 'reply_rate':
      if (!s.conversations || s.conversations.received === 0) return waiting(waitingFor.reply_rate)
      return { value: Math.round((s.conversations.answered / s.conversations.received) * 100), waitingFor: null }
    case 'median_response_hours':
      if (!s.conversations || s.conversations.medianResponseMs === null) return waiting(waitingFor.median_response_hours)
      return { value: Math.round((s.conversations.medianResponseMs / 3_600_000) * 10) / 10, waitingFor: null }
    case 'mentions_per_week':
      if (s.listeningQueries === 0 && facts.mentionsLast4Weeks === 0) return waiting(waitingFor.mentions_per_week)
      return { value: Math.round((facts.mentionsLast4Weeks / 4) * 10) / 10, waitingFor: null }
    // Hard numbers over the last 4 weeks, from tracked links, the website's conversions and the form.
    case 'clicks':
      return facts.clicksLast4Weeks === null ? waiting(waitingFor.clicks) : { value: facts.clicksLast4Weeks, waitingFor: null }
    case 'conversions':
      return facts.conversionsLast4Weeks === null ? waiting(waitingFor.conversions) : { value: facts.conversionsLast4Weeks.count, waitingFor: null }
    case 'revenue': {
      // Revenue in the currency most of it came in; mixed currencies are not converted.
      const totals = Object.values(facts.conversionsLast4Weeks?.valueByCurrency ?? {})
      return totals.length === 0 ? waiting(waitingFor.revenue) : { value: Math.round(Math.max(...totals) * 100) / 100, waitingFor: null }
    }
    // Soft numbers from the networks' counts (sync-metrics).
    case 'followers':
      return facts.followers === null ? waiting(waitingFor.followers) : { value: facts.followers, waitingFor: null }
    case 'engagement_rate':
      return facts.engagementRate === null ? waiting(waitingFor.engagement_rate) : { value: Math.round(facts.engagementRate * 1000) / 10, waitingFor: null }
    case 'heard_via_social':
      return facts.heardViaSocial === null ? waiting(waitingFor.heard_via_social) : { value: facts.heardViaSocial, waitingFor: null }
    // Check-ins completed over the last 4 weeks, once the workspace has a routine.
    case 'check_ins_per_week':
      return s.checkInsDone === null ? waiting(waitingFor.check_ins_per_week) : { value: Math.round((s.checkInsDone / 4) * 10) / 10, waitingFor: null }
  }
}
