/**
 * Table types of the database, as Kysely sees them (camelCase; columns are snake_case).
 * Times are milliseconds since the epoch (bigint in PostgreSQL, integer in SQLite) so that both
 * dialects compare and sort them the same way.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface InstanceTable {
  key: string
  value: string
  updatedAt: number
}

export interface WorkspacesTable {
  id: string
  name: string
  timeZone: string
  locale: string
  createdAt: number
  /** 1 when an editor's post waits for an admin's approval before it can be scheduled. */
  approvalRequired: ColumnType<number, number | undefined, number>
  /** 1 when a burst of negative mentions should pause the workspace's scheduled posts. */
  crisisPause: ColumnType<number, number | undefined, number>
  /** Set while publishing is paused (by a crisis or a person); due posts wait until resumed. */
  publishingPausedAt: ColumnType<number | null, number | null | undefined, number | null>
  /** Why: `crisis` or `manual`. */
  publishingPausedReason: ColumnType<string | null, string | null | undefined, string | null>
  /** 1 when links in published posts become tracked short links (the workspace default). */
  trackLinks: ColumnType<number, number | undefined, number>
  /** The public key the website's conversion script, pixel and form name the workspace with. */
  siteKey: ColumnType<string | null, string | null | undefined, string | null>
  /** 1 when the daily listening digest is sent to the alert channels. */
  listenDigest: ColumnType<number, number | undefined, number>
  /** The inbox's response-time target: answered within this many minutes counts as on time. */
  responseTargetMinutes: ColumnType<number, number | undefined, number>
}

export interface UsersTable {
  id: string
  email: string
  name: string
  passwordHash: string
  locale: string | null
  createdAt: number
  updatedAt: number
}

export interface MembershipsTable {
  workspaceId: string
  userId: string
  role: string
  createdAt: number
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string
  userId: string
  workspaceId: string
  csrfToken: string
  createdAt: number
  expiresAt: number
  lastSeenAt: number
}

export interface InvitesTable {
  id: string
  workspaceId: string
  tokenHash: string
  role: string
  email: string | null
  createdBy: string
  createdAt: number
  expiresAt: number
  acceptedAt: number | null
  acceptedBy: string | null
  revokedAt: number | null
}

export interface ApiKeysTable {
  id: string
  workspaceId: string
  name: string
  /** The first characters of the key, shown so people can tell keys apart. */
  prefix: string
  keyHash: string
  role: string
  createdBy: string
  createdAt: number
  lastUsedAt: number | null
  revokedAt: number | null
}

export type JobState = 'queued' | 'active' | 'done' | 'failed'

export interface JobsTable {
  id: string
  name: string
  payload: string
  key: string | null
  state: JobState
  runAt: number
  attempts: ColumnType<number, number | undefined, number>
  maxAttempts: number
  retryDelayMs: number
  leaseUntil: number | null
  lastError: string | null
  createdAt: number
  updatedAt: number
}

/** A network account connected to a workspace. `credentials` is sealed (encrypted). */
export interface AccountsTable {
  id: string
  workspaceId: string
  network: string
  remoteId: string
  handle: string
  displayName: string
  avatarUrl: string | null
  profileUrl: string
  credentials: string
  /** JSON: non-secret facts about the account's server (limits, URLs). */
  settings: string
  /** active; paused (credentials stopped working: reconnect); restricted (the network limited it); disconnected. */
  status: 'active' | 'paused' | 'restricted' | 'disconnected'
  statusReason: string | null
  expiresAt: number | null
  checkedAt: number | null
  connectedBy: string | null
  createdAt: number
  updatedAt: number
}

export type PostStatus = 'draft' | 'awaiting_approval' | 'scheduled' | 'publishing' | 'published' | 'partly_published' | 'failed'
export type TargetStatus = 'pending' | 'publishing' | 'published' | 'failed' | 'waiting' | 'cancelled'

/** A post composed once; its targets carry the per-account variant and delivery. */
export interface PostsTable {
  id: string
  workspaceId: string
  authorId: string | null
  text: string
  status: PostStatus
  scheduleMode: 'now' | 'at' | 'queue' | null
  scheduledAt: number | null
  /** Bumped on every (re)schedule: publish jobs of an older version do nothing. */
  scheduleVersion: ColumnType<number, number | undefined, number>
  /** The 4E content type: educate, entertain, engage or empower. */
  contentType: string | null
  source: 'composer' | 'feed' | 'listen' | 'inbox'
  /** For posts from a feed: the feed item id; for replies to a mention: the mention id. */
  sourceRef: string | null
  /** JSON of the network's reference to the post this one answers (RemotePostRef), for replies. */
  replyTo: ColumnType<string | null, string | null | undefined, string | null>
  /** 0 when this post's links stay as written (tracking off for the post). */
  trackLinks: ColumnType<number, number | undefined, number>
  /** The campaign it serves (a plan goal, a promotion): its tracked links' utm_campaign. */
  campaign: ColumnType<string | null, string | null | undefined, string | null>
  approvedBy: string | null
  approvedAt: number | null
  createdAt: number
  updatedAt: number
}

export interface PostTargetsTable {
  id: string
  postId: string
  accountId: string
  /** The text adapted for this account; null uses the post's text. */
  text: string | null
  status: TargetStatus
  attempts: ColumnType<number, number | undefined, number>
  /** The creation time given to the network on every attempt (stable idempotency). */
  firstAttemptAt: number | null
  nextAttemptAt: number | null
  remoteId: string | null
  remoteCid: string | null
  remoteUrl: string | null
  publishedAt: number | null
  errorKind: string | null
  errorReason: string | null
  createdAt: number
  updatedAt: number
}

export interface MediaTable {
  id: string
  workspaceId: string
  postId: string | null
  position: ColumnType<number, number | undefined, number>
  kind: 'image' | 'video' | 'gif'
  mimeType: string
  size: number
  width: number | null
  height: number | null
  altText: string
  data: Buffer
  uploadedBy: string | null
  createdAt: number
}

export interface QueueSlotsTable {
  workspaceId: string
  weekday: number
  time: string
}

export interface FeedsTable {
  id: string
  workspaceId: string
  url: string
  title: string
  siteUrl: string | null
  etag: string | null
  lastModified: string | null
  status: 'active' | 'error'
  errorReason: string | null
  autoPublish: ColumnType<number, number | undefined, number>
  /** JSON array of account ids that items are drafted (or auto-published) for. */
  accountIds: string
  lastPolledAt: number | null
  createdBy: string | null
  createdAt: number
  updatedAt: number
}

export interface FeedItemsTable {
  id: string
  feedId: string
  itemKey: string
  title: string
  link: string | null
  summary: string | null
  publishedAt: number | null
  postId: string | null
  createdAt: number
}

/** Fixed-window counters shared by every worker: how much of a rate limit is used. */
export interface RateWindowsTable {
  key: string
  windowStart: number
  used: number
}

export interface ListenQueriesTable {
  id: string
  workspaceId: string
  name: string
  /** The query in the listening query language (docs/listen-query.md). */
  query: string
  /** Share of voice compares `brand` queries with `competitor` ones. */
  kind: 'brand' | 'competitor' | 'topic'
  /** `high`: every match is an alert. */
  priority: 'normal' | 'high'
  active: number
  lastAlertAt: number | null
  createdBy: string | null
  createdAt: number
  updatedAt: number
}

/** One feed, firehose or hashtag timeline, read once for every workspace listening to it. */
export interface ListenStreamsTable {
  /** `feed:<url>`, `bluesky:<firehose|jetstream>:<service>`, `mastodon:<instance>:<tag>`. */
  key: string
  kind: 'feed' | 'bluesky' | 'mastodon'
  /** JSON: what the source reader needs (url; service and mode; instance and hashtag). */
  config: string
  /** JSON: where reading resumes (the reader's own cursor). */
  cursor: string | null
  status: 'active' | 'error'
  errorReason: string | null
  /** The process reading a long-lived stream (a firehose) and until when its lease holds. */
  leaseOwner: string | null
  leaseUntil: number | null
  nextPollAt: number
  lastItemAt: number | null
  itemsSeen: ColumnType<number, number | undefined, number>
  updatedAt: number
}

export interface ListenSourcesTable {
  id: string
  workspaceId: string
  streamKey: string
  label: string
  createdBy: string | null
  createdAt: number
}

/** A rolling sample of what streams brought, to test a query before it is saved. */
export interface ListenRecentItemsTable {
  id: string
  streamKey: string
  itemKey: string
  /** JSON of the item (text, author, url, lang, hashtags, links, time). */
  item: string
  /** How many items this one stands for (1 unless the stream is sampled). */
  weight: number
  receivedAt: number
}

export interface MentionsTable {
  id: string
  workspaceId: string
  streamKey: string
  itemKey: string
  sourceKind: 'feed' | 'bluesky' | 'mastodon'
  text: string
  title: string | null
  url: string | null
  authorHandle: string | null
  authorName: string | null
  authorUrl: string | null
  lang: string | null
  /** JSON `{ remoteId, server? }`: what a reply from a connected account needs (Bluesky, Mastodon). */
  replyRef: string | null
  sentiment: 'positive' | 'neutral' | 'negative'
  sentimentScore: number
  publishedAt: number
  receivedAt: number
}

export interface MentionMatchesTable {
  mentionId: string
  queryId: string
  workspaceId: string
  sentiment: 'positive' | 'neutral' | 'negative'
  publishedAt: number
}

export interface AlertChannelsTable {
  id: string
  workspaceId: string
  kind: 'email' | 'webhook'
  format: 'email' | 'slack' | 'discord' | 'generic'
  /** Sealed (secret box): webhook URLs carry their own secret; e-mail addresses are personal. */
  target: string
  /** What the list shows: the addresses, or the webhook's host. */
  label: string
  lastError: string | null
  createdBy: string | null
  createdAt: number
}

export interface AlertsTable {
  id: string
  workspaceId: string
  kind: 'spike' | 'negative_burst' | 'priority_match' | 'digest'
  queryId: string | null
  /** One alert per key: a query's spike per hour, a digest per day, a match per mention. */
  dedupeKey: string
  /** JSON of the alert model. */
  payload: string
  createdAt: number
  readAt: number | null
}

export interface Database {
  instance: InstanceTable
  workspaces: WorkspacesTable
  users: UsersTable
  memberships: MembershipsTable
  sessions: SessionsTable
  invites: InvitesTable
  apiKeys: ApiKeysTable
  jobs: JobsTable
  accounts: AccountsTable
  posts: PostsTable
  postTargets: PostTargetsTable
  media: MediaTable
  queueSlots: QueueSlotsTable
  feeds: FeedsTable
  feedItems: FeedItemsTable
  rateWindows: RateWindowsTable
  listenQueries: ListenQueriesTable
  listenStreams: ListenStreamsTable
  listenSources: ListenSourcesTable
  listenRecentItems: ListenRecentItemsTable
  mentions: MentionsTable
  mentionMatches: MentionMatchesTable
  alertChannels: AlertChannelsTable
  alerts: AlertsTable
  coachAnswers: CoachAnswersTable
  coachAssessments: CoachAssessmentsTable
  coachPlans: CoachPlansTable
  coachHandles: CoachHandlesTable
  coachResults: CoachResultsTable
  activityMarks: ActivityMarksTable
  trackedLinks: TrackedLinksTable
  clicks: ClicksTable
  visitorSalts: VisitorSaltsTable
  conversions: ConversionsTable
  postMetrics: PostMetricsTable
  postMetricSnapshots: PostMetricSnapshotsTable
  accountMetrics: AccountMetricsTable
  clickDays: ClickDaysTable
  openClickDays: ClickDaysTable
  targetClicks: TargetClicksTable
  conversionDays: ConversionDaysTable
  postDays: PostDaysTable
  postHours: PostHoursTable
  rolledTargets: RolledTargetsTable
  measureRollups: MeasureRollupsTable
  inboxItems: InboxItemsTable
  inboxNotes: InboxNotesTable
  inboxCursors: InboxCursorsTable
  savedReplies: SavedRepliesTable
  checkInBlocks: CheckInBlocksTable
  checkIns: CheckInsTable
}

/** The questionnaire's answers (JSON: question id → option id), one set per workspace. */
export interface CoachAnswersTable {
  workspaceId: string
  answers: string
  answeredBy: string | null
  answeredAt: number
}

/** One assessment: the stage, which side decided, and (JSON) the evidence and the signals read. */
export interface CoachAssessmentsTable {
  id: string
  workspaceId: string
  stage: number
  answersStage: number | null
  activityStage: number
  decidedBy: 'both' | 'answers' | 'activity'
  detail: string
  signals: string
  assessedAt: number
}

/** The strategic plan (JSON) and its share link. */
export interface CoachPlansTable {
  workspaceId: string
  plan: string
  shareTokenHash: string | null
  shareTokenSealed: string | null
  updatedBy: string | null
  createdAt: number
  updatedAt: number
}

/** The handle reservation checklist: one row per network. */
export interface CoachHandlesTable {
  workspaceId: string
  network: string
  handle: string
  reserved: number
  updatedAt: number
}

/** The stage-6 public results page: which figures, the owner's story, its link. */
export interface CoachResultsTable {
  workspaceId: string
  /** JSON array of figure ids. */
  figures: string
  story: string
  published: number
  shareTokenHash: string | null
  shareTokenSealed: string | null
  updatedAt: number
}

/** What was looked at, per day (reports opened), for the coach's signals. */
export interface ActivityMarksTable {
  workspaceId: string
  kind: string
  /** yyyy-mm-dd (UTC). */
  day: string
  count: ColumnType<number, number | undefined, number>
  lastAt: number
}

/** A short link on the app's address: for one post's target (one network) or standalone (a bio, a flyer). */
export interface TrackedLinksTable {
  id: string
  workspaceId: string
  code: string
  /** The address as written. */
  url: string
  /** Where the redirect sends: `url` with the UTM tags. */
  destination: string
  postId: string | null
  targetId: string | null
  network: string | null
  campaign: string | null
  label: string | null
  createdBy: string | null
  createdAt: number
}

/** One click on a tracked link; no raw address is kept. */
export interface ClicksTable {
  id: string
  linkId: string
  workspaceId: string
  postId: string | null
  network: string | null
  at: number
  referrerHost: string | null
  device: 'mobile' | 'tablet' | 'desktop' | 'bot' | 'other'
  lang: string | null
  country: string | null
  /** SHA-256 of the day's salt, the address and the user agent: unique visitors per day, unlinkable across days. */
  visitor: string
  bot: number
}

/** The salt of one day (UTC) for visitor hashes; deleted once the day is over. */
export interface VisitorSaltsTable {
  day: string
  salt: string
}

/** A conversion on the business's website (or an answer to "how did you hear about us?"). */
export interface ConversionsTable {
  id: string
  workspaceId: string
  clickId: string | null
  linkId: string | null
  postId: string | null
  network: string | null
  type: string
  value: number | null
  currency: string | null
  source: 'script' | 'pixel' | 'server' | 'form'
  answer: string | null
  dedupeKey: string | null
  at: number
}

export type Workspace = Selectable<WorkspacesTable>
export type User = Selectable<UsersTable>
export type Membership = Selectable<MembershipsTable>
export type Session = Selectable<SessionsTable>
export type Invite = Selectable<InvitesTable>
export type ApiKey = Selectable<ApiKeysTable>
export type Job = Selectable<JobsTable>
export type Account = Selectable<AccountsTable>
export type Post = Selectable<PostsTable>
export type PostTarget = Selectable<PostTargetsTable>
export type Media = Selectable<MediaTable>
export type Feed = Selectable<FeedsTable>
export type FeedItem = Selectable<FeedItemsTable>
export type ListenQuery = Selectable<ListenQueriesTable>
export type ListenStream = Selectable<ListenStreamsTable>
export type ListenSource = Selectable<ListenSourcesTable>
export type Mention = Selectable<MentionsTable>
export type AlertChannel = Selectable<AlertChannelsTable>
export type AlertRow = Selectable<AlertsTable>
export type NewWorkspace = Insertable<WorkspacesTable>
export type NewJob = Insertable<JobsTable>
export type UserUpdate = Updateable<UsersTable>
export type { Generated }

/** The latest counts a network gave for a published post. */
export interface PostMetricsTable {
  targetId: string
  workspaceId: string
  likes: number
  reposts: number
  replies: number
  quotes: number
  /** Only from networks that count views. */
  views: number | null
  fetchedAt: number
}

/** The counts of a published post each time they changed. */
export interface PostMetricSnapshotsTable {
  targetId: string
  at: number
  likes: number
  reposts: number
  replies: number
  quotes: number
  views: number | null
}

/** An account's counts, the last read of each workspace day. */
export interface AccountMetricsTable {
  accountId: string
  workspaceId: string
  day: string
  followers: number
  following: number
  posts: number
  at: number
}

/**
 * Clicks of one workspace day per network and 4E content type ('' when none). `open_click_days`
 * has the same shape for the days not rolled yet, from their start up to the clicks mark.
 */
export interface ClickDaysTable {
  workspaceId: string
  day: string
  network: string
  contentType: string
  clicks: number
  botClicks: number
  /** Distinct visitors per link that day, summed over links. */
  visitors: number
  /** Clicks with no referrer (typed, scanned, from apps). */
  directClicks: number
}

/** A published post's clicks and conversions (form answers apart) up to the clicks mark. */
export interface TargetClicksTable {
  targetId: string
  workspaceId: string
  clicks: number
  botClicks: number
  conversions: number
}

/** Conversions and form answers of one workspace day, grouped by what the dashboard splits them by. */
export interface ConversionDaysTable {
  workspaceId: string
  day: string
  /** 1 for answers to the "how did you hear about us?" form. */
  form: number
  answer: string | null
  network: string | null
  currency: string | null
  /** The content type of the post they came through: null through no post, '' a post without its E. */
  postType: string | null
  conversions: number
  /** The sum of their values (0 when none has one). */
  value: number
  /** The sum of their values each rounded to the cent, in cents. */
  cents: number
}

/** Posts published in one workspace day per account and content type ('' when none), with their latest counts. */
export interface PostDaysTable {
  workspaceId: string
  day: string
  accountId: string
  contentType: string
  posts: number
  likes: number
  reposts: number
  replies: number
  quotes: number
  /** Sum of views over the posts that have a view count, and how many have one. */
  views: number
  withViews: number
}

/** Posts published in one hour (0–23, the workspace's clock) of a workspace day per account. */
export interface PostHoursTable {
  workspaceId: string
  day: string
  hour: number
  accountId: string
  posts: number
  /** likes + reposts + replies + quotes of those posts (their latest counts). */
  engagement: number
  /** Their clicks up to the clicks mark. */
  clicks: number
}

/** A published post counted in post_days and post_hours, and the rows it is counted in. */
export interface RolledTargetsTable {
  targetId: string
  workspaceId: string
  day: string
  hour: number
  accountId: string
  contentType: string
}

/** How far a workspace's clicks, conversions and posts are rolled up, and in which time zone its days were cut. */
export interface MeasureRollupsTable {
  workspaceId: string
  /** The last day in the day rollups (inclusive). */
  rolledUntil: string
  timeZone: string
  /** Clicks and conversions before this instant are in the per-post rollups and open_click_days. */
  clicksTo: number
  /** Publications recorded since then (less a margin) are checked for a day already rolled. */
  postsSeenAt: number
  updatedAt: number
}

/** A reply, mention or quote of a connected account, once per network item. */
export interface InboxItemsTable {
  id: string
  workspaceId: string
  accountId: string
  network: string
  remoteId: string
  kind: 'reply' | 'mention' | 'quote'
  text: string
  lang: string | null
  /** JSON RemotePostRef of the item's post. */
  postRef: string
  /** JSON RemotePostRef of the post it answers or quotes. */
  inReplyTo: string | null
  conversationKey: string
  authorRemoteId: string
  authorHandle: string
  authorName: string
  authorAvatar: string | null
  authorUrl: string | null
  authorFollowers: number | null
  /** 1 / 0 when the network says whether they follow us; null when it does not. */
  authorFollowsUs: number | null
  question: number
  sentiment: 'positive' | 'neutral' | 'negative'
  /** When it was written on the network, and when it reached the inbox. */
  createdAt: number
  receivedAt: number
  status: ColumnType<'open' | 'done', 'open' | 'done' | undefined, 'open' | 'done'>
  assigneeId: ColumnType<string | null, string | null | undefined, string | null>
  snoozedUntil: ColumnType<number | null, number | null | undefined, number | null>
  doneAt: ColumnType<number | null, number | null | undefined, number | null>
  /** Set when the network no longer has it. */
  deletedAt: ColumnType<number | null, number | null | undefined, number | null>
  updatedAt: number
}

export interface InboxNotesTable {
  id: string
  itemId: string
  authorId: string | null
  text: string
  createdAt: number
}

/** Where each account's notifications were read up to, and its back-off after failures. */
export interface InboxCursorsTable {
  accountId: string
  cursor: string | null
  syncedAt: number | null
  failures: ColumnType<number, number | undefined, number>
  nextSyncAt: ColumnType<number, number | undefined, number>
  lastError: string | null
}

/** A reply template of the workspace, in one language. */
export interface SavedRepliesTable {
  id: string
  workspaceId: string
  language: string
  title: string
  text: string
  createdBy: string | null
  createdAt: number
  updatedAt: number
}

/** A daily check-in block of a workspace: a weekday, a start on the workspace's clock, a length. */
export interface CheckInBlocksTable {
  workspaceId: string
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  /** HH:mm, 24-hour. */
  time: string
  minutes: number
}

/** One block's check-in: the items picked for it, its reminder and its completion. */
export interface CheckInsTable {
  id: string
  workspaceId: string
  startsAt: number
  endsAt: number
  /** JSON array of inbox item ids, in the order to answer them. */
  itemIds: string
  estimatedMinutes: number
  /** Items waiting for an answer that did not fit in the block. */
  itemsLeft: number
  preparedAt: number
  /** When the first reminder e-mail was accepted by the SMTP server. */
  remindedAt: ColumnType<number | null, number | null | undefined, number | null>
  completedAt: ColumnType<number | null, number | null | undefined, number | null>
  completedBy: ColumnType<string | null, string | null | undefined, string | null>
  /** How many of its items had an answer from the app when it was completed. */
  answered: ColumnType<number | null, number | null | undefined, number | null>
}
