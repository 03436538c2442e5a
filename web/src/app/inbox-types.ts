/**
 * The shapes of the inbox API (`/api/inbox/...`), as its contract describes them (the server's
 * `inbox-presenters.ts`). Texts, names and handles come from people on the networks: they are
 * shown as text (never as HTML) and in their own direction.
 */
import type { Timestamp } from './api-types'
import type { PostStatus, TargetStatus } from './publish-types'

export const inboxKinds = ['reply', 'mention', 'quote'] as const
export type InboxKind = (typeof inboxKinds)[number]

export const inboxSentiments = ['positive', 'neutral', 'negative'] as const
export type InboxSentiment = (typeof inboxSentiments)[number]

/** Which items a page lists: open (not snoozed), snoozed, done, or all of them. */
export const inboxStatuses = ['open', 'snoozed', 'done', 'all'] as const
export type InboxStatusFilter = (typeof inboxStatuses)[number]

export interface InboxAuthor {
  remoteId: string
  handle: string
  name: string
  avatarUrl: string | null
  url: string | null
  followers: number | null
  followsUs: boolean | null
  /** Items they have sent the workspace, this one included. */
  items: number
}

/** The post of ours an item answers or quotes. */
export interface OurPost {
  postId: string
  text: string
  url: string | null
}

export interface InboxItem {
  id: string
  kind: InboxKind
  network: string
  accountId: string
  accountHandle: string
  text: string
  lang: string | null
  url: string | null
  /** Items of one thread share it. */
  conversationKey: string
  author: InboxAuthor
  inReplyTo: { remoteId: string; url: string | null; ours: OurPost | null } | null
  question: boolean
  sentiment: InboxSentiment
  status: 'open' | 'done'
  assigneeId: string | null
  snoozedUntil: Timestamp | null
  deleted: boolean
  createdAt: Timestamp
  receivedAt: Timestamp
  firstResponseAt: Timestamp | null
  /** From when it was written (or the account connected) to the first answer from the app. */
  responseMs: number | null
  respondedBy: string | null
  /** An answer kept as a draft, waiting, being sent or failed. */
  pendingReplyId: string | null
}

export interface InboxCounts {
  open: number
  unanswered: number
  questions: number
}

export interface InboxPage {
  items: InboxItem[]
  nextCursor: string | null
  counts: InboxCounts
}

/** An internal note (never sent). */
export interface InboxNote {
  id: string
  authorId: string | null
  text: string
  createdAt: Timestamp
}

/** An answer sent (or being sent, or kept as a draft) from the app. */
export interface InboxAnswer {
  postId: string
  text: string
  authorId: string | null
  status: PostStatus
  targetStatus: TargetStatus
  publishedAt: Timestamp | null
  url: string | null
  /** The network's reason, when sending failed. */
  error: string | null
  createdAt: Timestamp
}

export interface InboxDetail {
  item: InboxItem
  /** The other items of the thread, oldest first. */
  conversation: InboxItem[]
  notes: InboxNote[]
  replies: InboxAnswer[]
}

/** What `PATCH /api/inbox/:id` takes: null unassigns, or wakes a snoozed item. */
export interface InboxChange {
  assigneeId?: string | null
  status?: 'open' | 'done'
  snoozedUntil?: Timestamp | null
}

export interface ResponseStats {
  items: number
  answered: number
  medianMs: number | null
  withinTarget: number
  /** 0–1, null when nothing was answered. */
  shareWithinTarget: number | null
}

export interface ResponseTimes {
  targetMinutes: number
  overall: ResponseStats
  byWeek: Array<{ key: string; stats: ResponseStats }>
  byNetwork: Array<{ key: string; stats: ResponseStats }>
  byResponder: Array<{ key: string; stats: ResponseStats }>
}

export interface SavedReply {
  id: string
  /** One of the app's languages (`en`, `fr`, `ar`, `he`, `bn`). */
  language: string
  title: string
  text: string
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface SavedReplyInput {
  language: string
  title: string
  text: string
}
