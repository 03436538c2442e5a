/**
 * The shapes the listening API answers with (`/api/listen/...`), as its contract describes them.
 * Texts of mentions, authors and query names come from people and the internet: they are shown
 * as text (never as HTML) and with their own direction.
 */
import type { Timestamp } from '../../app/api-types'

export const queryKinds = ['brand', 'competitor', 'topic'] as const
export type QueryKind = (typeof queryKinds)[number]
export type QueryPriority = 'normal' | 'high'

export const sentiments = ['positive', 'neutral', 'negative'] as const
export type Sentiment = (typeof sentiments)[number]

export const sourceKinds = ['feed', 'bluesky', 'mastodon'] as const
export type SourceKind = (typeof sourceKinds)[number]

/** The permissions of listening (the server checks them again on every call). */
export type ListenPermission = 'listen.read' | 'listen.write' | 'listen.configure'

export interface ListenQuery {
  id: string
  name: string
  query: string
  kind: QueryKind
  priority: QueryPriority
  active: boolean
  createdAt: Timestamp
}

/** What the create/edit form sends. */
export interface QueryInput {
  name: string
  query: string
  kind: QueryKind
  priority: QueryPriority
  active?: boolean
}

/** One item a source brought, as the query tester shows it. */
export interface SampleItem {
  key: string
  sourceKind: SourceKind
  text: string
  title?: string
  url?: string
  authorHandle?: string
  authorName?: string
  lang?: string
  publishedAt: Timestamp
}

export interface QueryTestResult {
  /** Items of the workspace's sources the query was run over, and the time they span. */
  sampled: number
  spanMs: number
  matched: number
  /** Expected mentions per day at the rate seen in the sample. */
  perDay: number
  examples: SampleItem[]
}

export interface ListenSource {
  id: string
  kind: SourceKind
  label: string
  config: Record<string, unknown>
  status: 'active' | 'error'
  /** Why the last read failed, already in the person's language. */
  error: string | null
  itemsSeen: number
  lastItemAt: Timestamp | null
  createdAt: Timestamp
}

export type SourceInput =
  | { kind: 'feed'; url: string }
  | { kind: 'bluesky'; mode: 'firehose' | 'jetstream'; service: string }
  | { kind: 'mastodon'; instanceUrl: string; hashtag: string }

export interface Mention {
  id: string
  sourceKind: SourceKind
  text: string
  title: string | null
  url: string | null
  authorHandle: string | null
  authorName: string | null
  authorUrl: string | null
  lang: string | null
  /** Set when a connected account on this network can answer it from the app. */
  reply: { network: 'bluesky' | 'mastodon'; server?: string } | null
  sentiment: Sentiment
  sentimentScore: number
  publishedAt: Timestamp
  queryIds: string[]
}

export interface MentionPage {
  mentions: Mention[]
  /** Pass back as `before` for the next page; absent at the end. */
  next?: string
}

/** The stream's filters; the period is a number of days back from now. */
export interface MentionFilters {
  queryId?: string
  source?: SourceKind
  lang?: string
  sentiment?: Sentiment
  days: number
}

export interface ListenReport {
  /** ISO dates in the workspace's time zone, oldest first. */
  days: string[]
  volume: Array<{ queryId: string; name: string; kind: QueryKind; perDay: number[]; total: number }>
  shareOfVoice: Array<{ queryId: string; name: string; kind: QueryKind; count: number; share: number }>
  sentiment: Record<Sentiment, number>
  topAuthors: Array<{ authorHandle: string | null; authorName: string | null; authorUrl: string | null; n: number; negative: number }>
}

export interface PublishingPause {
  at: Timestamp
  /** `crisis` (a burst of negative mentions) or `manual`. */
  reason: string
}

export interface ListenSettings {
  crisisPause: boolean
  digest: boolean
  publishingPaused: PublishingPause | null
  /** Whether the server can send e-mail (SMTP configured). */
  emailAvailable: boolean
}

export interface AlertChannel {
  id: string
  kind: 'email' | 'webhook'
  /** `email`, `slack`, `discord` or `generic`. */
  format: string
  label: string
  lastError: string | null
  createdAt: Timestamp
}

export type ChannelInput = { kind: 'email'; addresses: string[] } | { kind: 'webhook'; format: WebhookFormat; url: string }
export const webhookFormats = ['slack', 'discord', 'generic'] as const
export type WebhookFormat = (typeof webhookFormats)[number]

export type AlertKind = 'spike' | 'negative_burst' | 'priority_match' | 'digest'

/** A mention quoted in an alert. */
export interface AlertMention {
  text: string
  url?: string
  authorHandle?: string
  sentiment?: Sentiment
  publishedAt: Timestamp
}

/** What an alert says, as the server stored it (every field optional: read defensively). */
export interface AlertBody {
  queryName?: string
  count?: number
  total?: number
  threshold?: number
  baseline?: number
  mentions?: AlertMention[]
  perQuery?: Array<{ queryName: string; count: number; negative: number }>
  periodStart?: Timestamp
  periodEnd?: Timestamp
}

export interface ListenAlert {
  id: string
  kind: AlertKind | string
  queryId: string | null
  createdAt: Timestamp
  read: boolean
  alert: AlertBody
}
