/**
 * The alert model: what the rules produce, what the store keeps as JSON, and what every delivery
 * (e-mail, webhooks, the in-app list) renders. Plain data only, so it survives a round trip
 * through JSON unchanged.
 */

/** The four kinds of alert Listen raises. */
export type AlertKind = 'spike' | 'negative_burst' | 'priority_match' | 'digest'

/** The kinds, in a stable order. */
export const alertKinds: readonly AlertKind[] = ['spike', 'negative_burst', 'priority_match', 'digest']

/** A mention's sentiment as the scorer labels it. */
export type AlertSentiment = 'positive' | 'neutral' | 'negative'

/** One mention quoted in an alert: its text as found (untrusted), where it was, who wrote it. */
export interface AlertMention {
  text: string
  /** The original post or article; only http(s) URLs are ever turned into links. */
  url?: string
  authorHandle?: string
  sentiment?: AlertSentiment
  /** Epoch milliseconds. */
  publishedAt: number
}

/** One query's figures for a digest's day. */
export interface AlertQueryCount {
  queryName: string
  count: number
  negative: number
}

/**
 * One alert, ready to render in any language. Untrusted text (query names are typed by people,
 * mention texts come from the internet) stays raw here: every renderer escapes for its medium.
 */
export interface Alert {
  kind: AlertKind
  workspaceName: string
  /** The query the alert is about; absent for a digest. */
  queryName?: string
  /**
   * The figure that fired: mentions in the hour (spike), negative mentions in the hour
   * (negative_burst), new matches (priority_match), the day's mentions over all queries (digest).
   */
  count?: number
  /** All mentions of the query in the same hour, for a negative burst's share. */
  total?: number
  /** The threshold the count reached (spike, negative_burst). */
  threshold?: number
  /** The usual level per hour the threshold was derived from (spike, negative_burst). */
  baseline?: number
  /** The mentions to quote; a renderer shows the first few and counts the rest. */
  mentions: AlertMention[]
  /** Per-query figures (digest). */
  perQuery?: AlertQueryCount[]
  /** The period a digest covers, epoch milliseconds, [start, end). */
  periodStart?: number
  periodEnd?: number
  /** The page of the app to open (absolute URL). */
  link: string
  /** When the alert was raised, epoch milliseconds. */
  at: number
  /** The workspace's IANA time zone: every date and time shown is in it. */
  timeZone: string
}
