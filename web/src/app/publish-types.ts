/**
 * The shapes of the publishing API (networks, accounts, posts, media, queue settings, feeds), as
 * `/api/openapi.json` describes them. The UI learns what each network can do from `Capabilities`.
 */
import type { Timestamp } from './api-types'

/** How a network counts a post's length (see the compose feature's `count-text.ts`). */
export interface TextRules {
  maxLength: number
  counting: 'graphemes' | 'codepoints'
  /** A cap on the UTF-8 size as well, when the network has one. */
  maxBytes?: number
  /** Every link counts as this many characters, whatever its length. */
  linkLength?: number
  /** A remote mention `@name@server` counts as `@name`. */
  mentionsWithoutDomain?: boolean
}

export interface MediaRules {
  kinds: string[]
  maxCount: number
  /** Largest file per kind ("image", "gif", "video"), in bytes. */
  maxBytes: Record<string, number>
  mimeTypes: string[]
  altTextMaxLength?: number
}

export interface Capabilities {
  text: TextRules
  media: MediaRules
  threads: boolean
  linkCards: boolean
}

export interface Network {
  id: string
  name: string
  /** Whether the network connects through its own sign-in page. */
  oauth: boolean
  capabilities: Capabilities
}

export type AccountStatus = 'active' | 'paused' | 'restricted' | 'disconnected'

export interface Account {
  id: string
  network: string
  networkName: string
  handle: string
  displayName: string
  avatarUrl: string | null
  profileUrl: string
  status: AccountStatus
  /** The network's own words when the account is paused or restricted. */
  statusReason: string | null
  expiresAt: Timestamp | null
  checkedAt: Timestamp | null
  capabilities: Capabilities
}

export type AccountRef = Pick<Account, 'id' | 'network' | 'networkName' | 'handle' | 'displayName' | 'avatarUrl' | 'status'>

export interface Problem {
  key: string
  severity: 'error' | 'warning'
  /** Already in the reader's language. */
  message: string
  /** Which image (0-based), for media problems. */
  media?: number
}

export interface Media {
  id: string
  kind: string
  mimeType: string
  size: number
  width: number | null
  height: number | null
  altText: string
  url: string
}

export const contentTypes = ['educate', 'entertain', 'engage', 'empower'] as const
export type ContentType = (typeof contentTypes)[number]

export type PostStatus = 'draft' | 'awaiting_approval' | 'scheduled' | 'publishing' | 'published' | 'partly_published' | 'failed'
export type TargetStatus = 'pending' | 'publishing' | 'published' | 'failed' | 'waiting' | 'cancelled'
export type ScheduleMode = 'now' | 'at' | 'queue'

export interface Target {
  id: string
  account: AccountRef
  text: string
  customText: boolean
  status: TargetStatus
  remoteUrl: string | null
  publishedAt: Timestamp | null
  attempts: number
  nextAttemptAt: Timestamp | null
  /** Why it failed or waits; `message` is plain words in the reader's language. */
  error: { kind: string; reason: string | null; message: string } | null
  length: number
  maxLength: number
  problems: Problem[]
}

export interface Post {
  id: string
  text: string
  status: PostStatus
  scheduleMode: ScheduleMode | null
  scheduledAt: Timestamp | null
  contentType: ContentType | null
  trackLinks: boolean
  /** The campaign the post serves: its tracked links' utm_campaign. */
  campaign: string | null
  source: 'composer' | 'feed' | 'listen' | 'inbox'
  authorId: string | null
  approvedBy: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
  media: Media[]
  targets: Target[]
}

/** A wall-clock time in the workspace's time zone. */
export interface WallTime {
  /** YYYY-MM-DD */
  date: string
  /** HH:mm, 24-hour */
  time: string
}

export type ScheduleRequest = { mode: 'now' } | { mode: 'at'; at: WallTime } | { mode: 'queue' }

/** What the composer sends: one text, the accounts (each may carry its own version), images, the 4E. */
export interface Draft {
  text: string
  targets: Array<{ accountId: string; text?: string | null }>
  mediaIds: string[]
  contentType: ContentType | null
  trackLinks: boolean
  campaign: string | null
}

export interface TargetPreview {
  accountId: string
  text: string
  length: number
  maxLength: number
  problems: Problem[]
}

export interface QueueSlot {
  /** 1 = Monday … 7 = Sunday */
  weekday: number
  /** HH:mm in the workspace time zone */
  time: string
}

export interface PublishingSettings {
  approvalRequired: boolean
  queueSlots: QueueSlot[]
}

export interface Feed {
  id: string
  url: string
  title: string
  siteUrl: string | null
  status: 'active' | 'error'
  /** Why the last poll failed, in the reader's language. */
  error: string | null
  autoPublish: boolean
  accountIds: string[]
  lastPolledAt: Timestamp | null
}
