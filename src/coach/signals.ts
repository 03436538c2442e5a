/**
 * Reads a workspace's real activity into the signals the stage model weighs. Features that do
 * not exist yet in the workspace's data (a check-in routine, the networks' counts, tracked
 * clicks, the "how did you hear about us?" form) give `null`, never a made-up zero.
 *
 * Weeks are rolling 7-day windows ending now, so "3 of the last 8 weeks" does not depend on
 * where a calendar week starts in the workspace's country.
 */
import type { CoachSignals, GoalMetric } from '../domain/index.js'
import {
  countActiveAccounts,
  countActiveListenQueries,
  countActivityDays,
  countAlertChannels,
  countCheckInBlocks,
  countCompletedCheckInsSince,
  countHumanClicks,
  currentFollowers,
  measuredEngagement,
  countTrackedLinks,
  conversionTotalsSince,
  heardAnswersSince,
  firstAccountConnectedAt,
  countAutoPublishFeeds,
  countMentionsSince,
  countComposedPostsSince,
  countMembers,
  countQueueSlots,
  countRepliesSince,
  countReservedHandles,
  getCoachPlan,
  getCoachResults,
  markActivity,
  mentionConversationsSince,
  responseFacts,
  publishedPostsSince,
  type PublishedPostFact,
} from '../store/index.js'
import type { CoachContext } from './context.js'
import { liveMetrics } from './goals.js'
import { weekMs } from './periods.js'


/** Kinds of activity marks that count as "looked at a report". */
export const reportMarks = ['listen_report', 'plan_viewed']

/** Minutes of work the app can see behind each kind of action: the estimate behind "hours a week". */
export const minutesPer = { composedPost: 10, reply: 5, reportDay: 10 } as const

/** Answers of the "how did you hear about us?" form that do not name a network. */
export const nonNetworkAnswers = ['friend', 'search', 'other']

/** The raw facts behind the signals, which goals' live values also read. */
export interface ActivityFacts {
  signals: CoachSignals
  posts: PublishedPostFact[]
  /** Mentions found in the last 4 weeks. */
  mentionsLast4Weeks: number
  /** Hard numbers of the last 4 weeks; null before the workspace tracks anything. */
  clicksLast4Weeks: number | null
  conversionsLast4Weeks: { count: number; valueByCurrency: Record<string, number> } | null
  /** Form answers naming a network, last 8 weeks; null before the form got any answer. */
  heardViaSocial: number | null
  /** Followers of the connected accounts now; null before the networks' counts were read. */
  followers: number | null
  /** Engagement ÷ potential reach of the last 4 weeks' posts (0.034 = 3.4%); null without counts. */
  engagementRate: number | null
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Notes that someone in the workspace looked at a report (a signal of stage 5). */
export async function noteReportViewed(ctx: CoachContext, workspaceId: string, kind: (typeof reportMarks)[number]): Promise<void> {
  const at = ctx.now()
  await markActivity(ctx.db, { workspaceId, kind, day: utcDay(at), at })
}

/** Everything the coach reads of one workspace, as of `ctx.now()`. */
export async function readActivity(ctx: CoachContext, workspaceId: string): Promise<ActivityFacts> {
  const now = ctx.now()
  const since8 = now - 8 * weekMs
  const since4 = now - 4 * weekMs
  const [accounts, posts, conversations, mentions4, queries, members, slots, autoFeeds, handles, plan, results, reportDays, composed, replies, firstConnected, alertChannels, links, clicksRecent, clicksBefore, conversions4, heard] = await Promise.all([
    countActiveAccounts(ctx.db, workspaceId),
    publishedPostsSince(ctx.db, workspaceId, since8),
    mentionConversationsSince(ctx.db, workspaceId, since8),
    countMentionsSince(ctx.db, workspaceId, since4),
    countActiveListenQueries(ctx.db, workspaceId),
    countMembers(ctx.db, workspaceId),
    countQueueSlots(ctx.db, workspaceId),
    countAutoPublishFeeds(ctx.db, workspaceId),
    countReservedHandles(ctx.db, workspaceId),
    getCoachPlan(ctx.db, workspaceId),
    getCoachResults(ctx.db, workspaceId),
    countActivityDays(ctx.db, workspaceId, reportMarks, utcDay(since4)),
    countComposedPostsSince(ctx.db, workspaceId, since4),
    countRepliesSince(ctx.db, workspaceId, since4),
    firstAccountConnectedAt(ctx.db, workspaceId),
    countAlertChannels(ctx.db, workspaceId),
    countTrackedLinks(ctx.db, workspaceId),
    countHumanClicks(ctx.db, workspaceId, since4, now + 1),
    countHumanClicks(ctx.db, workspaceId, since8, since4),
    conversionTotalsSince(ctx.db, workspaceId, since4),
    heardAnswersSince(ctx.db, workspaceId, since8, nonNetworkAnswers),
  ])
  const [engagementRecent, engagementBefore, followers, checkInBlocks, checkInsDone, inbox] = await Promise.all([
    measuredEngagement(ctx.db, workspaceId, since4, now + 1),
    measuredEngagement(ctx.db, workspaceId, since8, since4),
    currentFollowers(ctx.db, workspaceId),
    countCheckInBlocks(ctx.db, workspaceId),
    countCompletedCheckInsSince(ctx.db, workspaceId, since4),
    responseFacts(ctx.db, workspaceId, since8, now + 1),
  ])
  // People who talked to us: mentions listening found and the inbox's replies, mentions and quotes.
  const inboxTimes = inbox.flatMap((f) => (f.firstResponseAt === null ? [] : [Math.max(0, f.firstResponseAt - Math.max(f.createdAt, f.accountConnectedAt))]))
  const talked = { received: conversations.received + inbox.length, responseTimesMs: [...conversations.responseTimesMs, ...inboxTimes] }
  const tracking = links > 0
  const weeks = new Set(posts.map((post) => Math.min(7, Math.floor((now - post.publishedAt) / weekMs))))
  const automated = posts.filter((post) => post.automated).length
  const minutes = composed * minutesPer.composedPost + replies * minutesPer.reply + reportDays * minutesPer.reportDay
  // A goal counts as measured when this installation can read its live value.
  const goals = plan ? ((JSON.parse(plan.plan) as { goals?: Array<{ metric: GoalMetric }> }).goals ?? []) : []
  const planGoals = goals.filter((goal) => liveMetrics.has(goal.metric)).length
  const signals: CoachSignals = {
    connectedAccounts: accounts,
    weeksWithPosts: weeks.size,
    postsPublished: posts.length,
    automatedShare: posts.length === 0 ? null : automated / posts.length,
    // Conversations are the mentions listening finds and the inbox's items; with neither a
    // listening query nor an account that reads notifications there is nothing to read, which is
    // not the same as "nobody talked to us".
    conversations:
      queries === 0 && accounts === 0 && talked.received === 0
        ? null
        : { received: talked.received, answered: talked.responseTimesMs.length, medianResponseMs: median(talked.responseTimesMs) },
    // Without blocks there is no routine to keep, which is not the same as keeping none.
    checkInsDone: checkInBlocks === 0 ? null : checkInsDone,
    // A trend needs counts on both sides: posts of the last 4 weeks and of the 4 before.
    engagementTrend: engagementRecent && engagementBefore && engagementBefore.engagement > 0 ? engagementRecent.engagement / engagementBefore.engagement : null,
    // A trend needs something to compare with: clicks in the 4 weeks before.
    referralTrend: tracking && clicksBefore > 0 ? clicksRecent / clicksBefore : null,
    heardViaSocial: heard.total > 0 ? heard.viaNetworks : null,
    listeningQueries: queries,
    mentionsFound: conversations.received,
    reportsViewed: reportDays,
    measuresTracked: planGoals,
    resultsShared: (plan?.shareTokenHash ? 1 : 0) + (results?.published === 1 ? 1 : 0),
    teammates: Math.max(0, members - 1),
    hasPlan: plan !== undefined,
    hoursPerWeek: minutes === 0 ? null : Math.round((minutes / 60 / 4) * 10) / 10,
    queueSlots: slots,
    autoPublishFeeds: autoFeeds,
    handlesReserved: handles,
    alertRules: alertChannels,
    // Weeks the weekly signals can cover: a business that connected last week cannot have posted in 8.
    ...(firstConnected !== undefined ? { weeksConnected: Math.max(0, (now - firstConnected) / weekMs) } : {}),
  }
  return {
    signals,
    posts,
    mentionsLast4Weeks: mentions4,
    clicksLast4Weeks: tracking ? clicksRecent : null,
    conversionsLast4Weeks: tracking || conversions4.count > 0 ? conversions4 : null,
    heardViaSocial: heard.total > 0 ? heard.viaNetworks : null,
    followers,
    engagementRate: engagementRecent && engagementRecent.reach ? engagementRecent.engagement / engagementRecent.reach : null,
  }
}
