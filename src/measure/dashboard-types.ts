/**
 * The measure dashboard as the API answers it (GET /api/measure/dashboard). The web app keeps a
 * copy of these shapes in web/src/app/measure-types.ts; the CSV and PDF reports are made from the
 * same object. Days are the workspace's days (`YYYY-MM-DD` in its time zone); times are epoch ms.
 */
import type { BestTimes, ContentType, EquityScore, InfluenceScore, ResponseStats } from '../domain/index.js'

export type { BestTimeCell, BestTimes, EquityScore, InfluenceScore, ResponseStats, ScorePart } from '../domain/index.js'

/** Soft and hard numbers over one period. */
export interface DashboardTotals {
  /** Published posts (one per post and network) published in the period. */
  posts: number
  /** Followers of the connected accounts at the end of the period (latest count on or before it); null before the first sync. */
  followers: number | null
  /** Followers gained (negative: lost) over the period; null when the start is not known. */
  followersChange: number | null
  /**
   * Potential reach of the period's posts: their views where the network counts them all, else
   * posts × the account's followers at the end of the period. Null before the first sync.
   */
  reach: number | null
  /** Views, only from networks that count them; null when none does. */
  views: number | null
  likes: number
  reposts: number
  replies: number
  quotes: number
  /** likes + reposts + replies + quotes of the period's posts (their latest counts). */
  engagement: number
  /** engagement ÷ reach (0.034 = 3.4%); null when reach is unknown or 0. */
  engagementRate: number | null
  /** Clicks on tracked links during the period, people only. */
  clicks: number
  /** Clicks by known bots and link-preview fetchers, counted apart. */
  botClicks: number
  /** Visitors: distinct people per link and day (a daily-salted hash), summed over days. */
  visitors: number
  /** Conversions during the period (script, pixel, server API), form answers not included. */
  conversions: number
  /** Sum of the conversions' values in `currency`. */
  revenue: number
  /** "How did you hear about us?" answers during the period, and those naming a network. */
  hearAnswers: number
  hearSocial: number
}

export interface DailyPoint {
  day: string
  posts: number
  engagement: number
  clicks: number
  botClicks: number
  visitors: number
  conversions: number
  revenue: number
  /** Followers at the end of the day (sum over accounts); null when not known. */
  followers: number | null
}

export interface NetworkRow {
  network: string
  posts: number
  followers: number | null
  reach: number | null
  engagement: number
  engagementRate: number | null
  clicks: number
  conversions: number
  revenue: number
}

export interface ContentTypeRow {
  /** The post's E from the plan; `none` for posts without one. */
  contentType: ContentType | 'none'
  posts: number
  engagement: number
  engagementRate: number | null
  clicks: number
  conversions: number
  revenue: number
}

/** One post on one network. */
export interface PostRow {
  postId: string
  targetId: string
  network: string
  /** The account's handle on the network. */
  handle: string
  /** The text as published on that network, cut to 140 characters. */
  text: string
  contentType: ContentType | null
  publishedAt: number
  /** The post on the network. */
  url: string | null
  likes: number
  reposts: number
  replies: number
  quotes: number
  views: number | null
  engagement: number
  engagementRate: number | null
  /** Since it was published (not only in the period). */
  clicks: number
  conversions: number
  revenue: number
}

/**
 * How fast people who wrote to the workspace (replies, mentions, quotes in the inbox) got a first
 * answer from the app: items received in the period, with the network filter when there is one.
 */
export interface DashboardResponses {
  /** The workspace's target for a first answer. */
  targetMinutes: number
  /** Null when nobody wrote in the period: there is no wait to tell, not a wait of 0. */
  overall: ResponseStats | null
  /** The period before, for comparison; null when nobody wrote then. */
  previousOverall: ResponseStats | null
  /** Each network people wrote on in the period, by network id. */
  byNetwork: Array<{ network: string; stats: ResponseStats }>
}

export interface MeasureDashboard {
  period: { from: string; to: string; days: number; timeZone: string }
  /** The same number of days just before, for comparison. */
  previous: { from: string; to: string }
  /** The currency revenue is shown in (the one most conversions carry); null when no conversion has one. */
  currency: string | null
  totals: DashboardTotals
  previousTotals: DashboardTotals
  /** One point per day of the period, in order. */
  daily: DailyPoint[]
  byNetwork: NetworkRow[]
  /** The four Es, then `none`; only those with posts. */
  byContentType: ContentTypeRow[]
  /** The period's posts with the most conversions, then clicks, then engagement: at most 10. */
  topPosts: PostRow[]
  bestTimes: BestTimes
  /** Answers of the "how did you hear about us?" form in the period: a network id, friend, search or other. */
  hearAnswers: Array<{ answer: string; count: number }>
  influence: InfluenceScore
  equity: EquityScore
  responses: DashboardResponses
  /** When counts were last read from the networks (null: never); the last day rolled up. */
  freshness: { metricsAt: number | null; rolledUntil: string | null }
}
