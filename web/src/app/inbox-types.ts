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
  /** The network's reason, when sending failed or waits. */
  error: string | null
  /** Why it failed or waits: rejected, transient, auth_expired, account_<status>, workspace_paused. */
  errorKind: string | null
  createdAt: Timestamp
}

export interface InboxDetail {
  item: InboxItem
  /** The other items of the thread, oldest first. */
  conversation: InboxItem[]
  notes: InboxNote[]
  replies: InboxAnswer[]
}

/** A post above an item in its thread, as the network has it. */
export interface ThreadMessage {
  remoteId: string
  url: string | null
  text: string
  lang: string | null
  author: { remoteId: string; handle: string; name: string; avatarUrl: string | null; url: string | null }
  /** Written by the account the item came to. */
  ours: boolean
  createdAt: Timestamp
}

/** `GET /api/inbox/:id/thread`: the posts above the item, or why the network could not be asked. */
export type InboxThread =
  | { available: true; deleted: boolean; cut: boolean; ancestors: ThreadMessage[] }
  | { available: false; reason: 'unsupported' | 'auth_expired' | 'rate_limited' | 'unreachable' }

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

/** One block of the daily check-in routine, on the workspace's clock. */
export interface CheckInBlock {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  /** HH:mm, 24-hour. */
  time: string
  minutes: number
}

/** `GET`/`PUT /api/check-ins/blocks`. */
export interface CheckInBlocks {
  timeZone: string
  blocks: CheckInBlock[]
}

/** A check-in once prepared (a minute before its block starts). */
export interface CheckIn {
  id: string
  startsAt: Timestamp
  endsAt: Timestamp
  preparedAt: Timestamp
  remindedAt: Timestamp | null
  estimatedMinutes: number
  itemsLeft: number
  done: boolean
  completedAt: Timestamp | null
  completedBy: string | null
  /** How many of its items had an answer from the app when it was completed. */
  answered: number | null
}

/** Someone worth talking to: they wrote to us lately, or asked a question where listening found us. */
export interface PersonToTalkTo {
  source: 'inbox' | 'listening'
  /** The network (inbox) or the listening source kind (`feed`, `bluesky`, `mastodon`). */
  network: string
  handle: string
  name: string
  url: string | null
  avatarUrl: string | null
  followsUs: boolean | null
  /** Messages they sent, or questions they asked, lately. */
  items: number
  lastAt: Timestamp
  question: { mentionId: string; text: string; url: string | null } | null
}

export interface ScheduledToday {
  postId: string
  text: string
  scheduledAt: Timestamp
}

/** `GET /api/check-ins/today`: the block running now or the next one, with what it holds. */
export interface CheckInToday {
  timeZone: string
  /** Null without blocks. */
  block: (CheckInBlock & { startsAt: Timestamp; endsAt: Timestamp; running: boolean }) | null
  checkIn: CheckIn | null
  /** Its items, or before it is prepared, those that would be picked now. */
  items: InboxItem[]
  estimatedMinutes: number
  /** Items waiting that do not fit in the block. */
  itemsLeft: number
  people: PersonToTalkTo[]
  scheduled: ScheduledToday[]
}
