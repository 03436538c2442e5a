/**
 * The measure API's shapes as the web app sees them (the server answers exactly these).
 */
import type { Timestamp } from './api-types'
import type { ResponseStats } from './inbox-types'
import type { ContentType } from './publish-types'

/** GET /api/measure/links?cursor= ; POST /api/measure/links body { url, label?, campaign? } → 201 { link } ; DELETE /api/measure/links/:id → 204 */
export interface TrackedLink {
  id: string
  code: string
  /** The short address to share: `<public url>/l/<code>`. */
  shortUrl: string
  url: string
  /** Where it sends, with the UTM tags. */
  destination: string
  label: string | null
  campaign: string | null
  /** For links made when a post was published. */
  postId: string | null
  network: string | null
  clicks: number
  /** Clicks by known bots and link-preview fetchers, counted apart. */
  botClicks: number
  conversions: number
  createdAt: number
}

export interface LinkList {
  links: TrackedLink[]
  nextCursor: string | null
}

/** GET /api/measure/links/:id/qr.svg and /qr.png (?size=) : the QR image of the short address. */

/** GET /api/measure/settings ; PATCH /api/measure/settings body { trackLinks?: boolean } */
export interface MeasureSettings {
  /** Whether links in published posts become tracked short links by default. */
  trackLinks: boolean
  /** The public key the website snippets carry. */
  siteKey: string
  /** The snippets to paste, with the key and the app's address filled in. */
  snippets: {
    /** <script src=".../m.js" data-site-key="..." async></script> */
    script: string
    /** How to record a conversion from the page: stagecraft.convert('purchase', { value: 25, currency: 'EUR' }) */
    convertCall: string
    /** <img src=".../m/p.gif?k=...&type=signup" ...> */
    pixel: string
    /** A curl call to POST /api/conversions with an API key. */
    server: string
    /** <iframe src=".../f/hear/<siteKey>" ...></iframe> */
    hearFormIframe: string
    /** <div data-stagecraft-hear></div> with the script above */
    hearFormScript: string
  }
}

/** GET /api/measure/conversions?cursor= : the latest conversions and form answers. */
export interface ConversionView {
  id: string
  type: string
  value: number | null
  currency: string | null
  source: 'script' | 'pixel' | 'server' | 'form'
  answer: string | null
  postId: string | null
  network: string | null
  linkCode: string | null
  at: number
}

/**
 * One part of a score: its own score (0–100, null when not known yet), its weight in the whole,
 * the figures it was computed from (null: not known yet) and the values its formula text takes.
 * Its title, explanation and formula are catalog keys under `measure.influence.parts.<key>` or
 * `measure.equity.parts.<key>`; each input's name under `measure.inputs.<name>`.
 */
export interface ScorePart {
  key: string
  score: number | null
  weight: number
  inputs: Array<{ name: string; value: number | null }>
  formulaValues?: Record<string, number>
}

/** The influence score (0–100, null when not known yet) and its parts: reach, quality, amplification. */
export interface InfluenceScore {
  score: number | null
  parts: ScorePart[]
}

/** Social media equity: connection, familiarity, virality and value, each scored on its own. */
export interface EquityScore {
  parts: ScorePart[]
}

/** Posts published in one hour of one weekday (ISO: 1 = Monday … 7 = Sunday) and what they earned. */
export interface BestTimeCell {
  weekday: number
  hour: number
  posts: number
  engagement: number
  clicks: number
}

/** When posts did best, from `posts` published posts; `best` is strongest first. */
export interface BestTimes {
  posts: number
  cells: BestTimeCell[]
  best: Array<{ weekday: number; hour: number }>
}

/** Soft and hard numbers over one period. */
export interface DashboardTotals {
  /** Published posts (one per post and network) published in the period. */
  posts: number
  /** Followers of the connected accounts at the end of the period; null before the first sync. */
  followers: number | null
  /** Followers gained (negative: lost) over the period; null when the start is not known. */
  followersChange: number | null
  /** Potential reach of the period's posts (views where counted, else followers); null before the first sync. */
  reach: number | null
  /** Views, only from networks that count them; null when none does. */
  views: number | null
  likes: number
  reposts: number
  replies: number
  quotes: number
  /** likes + reposts + replies + quotes of the period's posts. */
  engagement: number
  /** engagement ÷ reach (0.034 = 3.4%); null when reach is unknown or 0. */
  engagementRate: number | null
  /** Clicks on tracked links during the period, people only. */
  clicks: number
  /** Clicks by known bots and link-preview fetchers, counted apart. */
  botClicks: number
  /** Distinct people per link and day, summed over days. */
  visitors: number
  /** Conversions during the period (script, pixel, server API), form answers not included. */
  conversions: number
  /** Sum of the conversions' values in the dashboard's `currency`. */
  revenue: number
  /** "How did you hear about us?" answers during the period, and those naming a network. */
  hearAnswers: number
  hearSocial: number
}

export interface DailyPoint {
  /** `YYYY-MM-DD` in the workspace's time zone. */
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
  publishedAt: Timestamp
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
 * How fast the people who wrote (replies, mentions, quotes in the inbox) got a first answer, for
 * the items received in the period (and on the chosen network).
 */
export interface DashboardResponses {
  /** The workspace's target for a first answer. */
  targetMinutes: number
  /** Null when nobody wrote in the period (nothing to time, not a wait of 0). */
  overall: ResponseStats | null
  /** The period before, for comparison; null when nobody wrote then. */
  previousOverall: ResponseStats | null
  /** Each network people wrote on in the period. */
  byNetwork: Array<{ network: string; stats: ResponseStats }>
}

/** GET /api/measure/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD[&network=<id>] */
export interface MeasureDashboard {
  period: { from: string; to: string; days: number; timeZone: string }
  /** The same number of days just before, for comparison. */
  previous: { from: string; to: string }
  /** The currency revenue is shown in; null when no conversion has one. */
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
  /** Answers of the "how did you hear about us?" form: a network id, friend, search or other. */
  hearAnswers: Array<{ answer: string; count: number }>
  influence: InfluenceScore
  equity: EquityScore
  responses: DashboardResponses
  /** When counts were last read from the networks (null: never); the last day rolled up. */
  freshness: { metricsAt: Timestamp | null; rolledUntil: string | null }
}

/**
 * GET /api/measure/dashboard.csv?from&to&table=posts|daily|networks (a CSV download) and
 * GET /api/measure/report.pdf?from&to (the report as a PDF in the reader's language).
 */
export type DashboardCsvTable = 'posts' | 'daily' | 'networks'
