/**
 * The inbox's reading side: replies, mentions and quotes of the account, from its AppView, asked
 * through its PDS (which forwards `app.bsky.*` with a service-auth token, as metrics.ts does).
 *
 * - `app.bsky.notification.listNotifications` with `reasons` reply, mention and quote, `limit` 50
 *   (the lexicon's default), newest first; its `cursor` pages back in time. A page may hold fewer
 *   items than asked while more are waiting (the AppView filters reasons after paging), so only
 *   a missing `cursor` means the end. Nothing is marked seen (`updateSeen`): the person's own
 *   unread badge in Bluesky is theirs.
 * - Our cursor is the position of the newest notification read: its `indexedAt` (the AppView's
 *   sort time) and URI. The next call reads from the top down to that position and returns only
 *   what lies above it, oldest first. A call reads one page; when the position is not reached on
 *   it, the cursor also keeps the gap still to read (the AppView's cursor there, and the old
 *   position as its floor) and says `more`: the following calls read the gap down to its floor
 *   before the top is read again, so a backlog arrives page by page and nothing is skipped.
 *   What the AppView lists only after newer notifications were read, sorted below them (a post
 *   indexed late whose `createdAt` is older), lies under the cursor and is not read; the AppView
 *   holds notifications back a moment before listing them (its `notificationsDelayMs`) for this.
 * - One notification per post and account (the AppView notifies an account once per post:
 *   mention before quote before reply), so the post's URI is the item's id. A mention in a reply
 *   to one of the account's posts is a reply, as on Mastodon.
 * - Authors: `viewer.followedBy` says whether they follow the account; their follower counts come
 *   from one `app.bsky.actor.getProfiles` per 25 authors (a notification's profileView has none).
 * Failures become the shared errors (xrpc-errors.ts).
 */
import type { AppBskyActorDefs, AppBskyNotificationListNotifications, AtpAgent } from '@atproto/api'
import { z } from 'zod'
import type { ConnectedAccount, NotificationKind, NotificationPage, RemoteAuthor, RemoteNotification, RemotePostRef } from '../connector.js'
import { type BlueskyDeps, withSession } from './client.js'
import { parseAtUri, postCollection, postUrl, profileUrl } from './links.js'

type Notification = AppBskyNotificationListNotifications.Notification

/** The reasons the inbox takes; every other reason (likes, follows…) is not asked for. */
const reasons: NotificationKind[] = ['reply', 'mention', 'quote']
/** listNotifications `limit` default. */
const pageSize = 50
/** app.bsky.actor.getProfiles `actors.maxLength`. */
const profilesPerRequest = 25
/** Before every notification: a first read that found none starts here. */
const beforeEverything = new Date(0).toISOString()

const position = z.object({ at: z.string(), uri: z.string().optional() })

/** Our cursor: the newest notification read and, while a backlog is read, the gap still to read. */
const cursorSchema = position.extend({ gap: position.extend({ page: z.string() }).optional() })

type Position = z.infer<typeof position>
type Cursor = z.infer<typeof cursorSchema>

const strongRef = z.object({ uri: z.string(), cid: z.string() })

/** What the inbox reads of an `app.bsky.feed.post` record; anything else is not a post. */
export const postRecord = z.object({
  $type: z.literal(postCollection),
  text: z.string(),
  createdAt: z.string(),
  langs: z.array(z.string()).optional(),
  reply: z.object({ root: strongRef, parent: strongRef }).optional(),
  embed: z.object({ $type: z.string(), record: z.unknown() }).optional(),
})

type PostRecord = z.infer<typeof postRecord>

/** An unreadable cursor (from another version, or damaged) starts over rather than failing every read. */
function parseCursor(cursor: string | undefined): Cursor | undefined {
  if (cursor === undefined) return undefined
  try {
    return cursorSchema.parse(JSON.parse(cursor))
  } catch {
    return undefined
  }
}

function formatCursor({ at, uri, gap }: Cursor): string {
  return JSON.stringify({ at, ...(uri ? { uri } : {}), ...(gap ? { gap } : {}) })
}

/**
 * The notifications above `floor`, newest first, and whether the page reached it: at its own URI,
 * or at the first one sorted before its time (when it is gone, deleted since).
 */
function above(notifications: Notification[], floor: Position): { fresh: Notification[]; reached: boolean } {
  const floorAt = Date.parse(floor.at)
  const end = notifications.findIndex((n) => n.uri === floor.uri || Date.parse(n.indexedAt) < floorAt)
  return end === -1 ? { fresh: notifications, reached: false } : { fresh: notifications.slice(0, end), reached: true }
}

/** The account a record's URI belongs to; undefined for anything that is not an at:// record URI. */
export function didOf(uri: string): string | undefined {
  try {
    return parseAtUri(uri).did
  } catch {
    return undefined
  }
}

/** A post's reference, with its web address; undefined for a URI that names no post. */
export function postRef(uri: string, cid: string | undefined): RemotePostRef | undefined {
  try {
    const { did, collection, rkey } = parseAtUri(uri)
    if (collection !== postCollection) return undefined
    return { remoteId: uri, ...(cid ? { cid } : {}), url: postUrl(did, rkey) }
  } catch {
    return undefined
  }
}

/** The post a quote embeds: `app.bsky.embed.record`, or the record part of `recordWithMedia`. */
function quotedPost(record: PostRecord): RemotePostRef | undefined {
  const embed = record.embed
  const inner =
    embed?.$type === 'app.bsky.embed.record' ? embed.record : embed?.$type === 'app.bsky.embed.recordWithMedia' ? (embed.record as { record?: unknown } | undefined)?.record : undefined
  const ref = strongRef.safeParse(inner)
  return ref.success ? postRef(ref.data.uri, ref.data.cid) : undefined
}

export function authorOf(view: AppBskyActorDefs.ProfileView | AppBskyActorDefs.ProfileViewBasic): RemoteAuthor {
  return {
    remoteId: view.did,
    handle: view.handle,
    displayName: view.displayName?.trim() || view.handle,
    ...(view.avatar ? { avatarUrl: view.avatar } : {}),
    profileUrl: profileUrl(view.handle),
    // Without viewer state the AppView did not say; with it, no follow record means no.
    ...(view.viewer ? { followsUs: view.viewer.followedBy !== undefined } : {}),
  }
}

function kindOf(notification: Notification, record: PostRecord, ownDid: string): NotificationKind | undefined {
  const { reason } = notification
  if (reason === 'mention' && record.reply && didOf(record.reply.parent.uri) === ownDid) return 'reply'
  return reasons.find((kind) => kind === reason)
}

/** One notification as the contract's, or undefined for one that is not a readable post. */
function toRemote(notification: Notification, ownDid: string): RemoteNotification | undefined {
  const parsed = postRecord.safeParse(notification.record)
  if (!parsed.success) return undefined
  const record = parsed.data
  const kind = kindOf(notification, record, ownDid)
  const post = postRef(notification.uri, notification.cid)
  if (!kind || !post) return undefined
  const root = record.reply?.root ?? { uri: notification.uri, cid: notification.cid }
  const inReplyTo = kind === 'quote' ? quotedPost(record) : record.reply && postRef(record.reply.parent.uri, record.reply.parent.cid)
  const createdAt = Date.parse(record.createdAt)
  return {
    remoteId: notification.uri,
    kind,
    post: { ...post, root: { remoteId: root.uri, cid: root.cid } },
    text: record.text,
    ...(record.langs?.[0] ? { language: record.langs[0] } : {}),
    author: authorOf(notification.author),
    ...(inReplyTo ? { inReplyTo } : {}),
    createdAt: Number.isNaN(createdAt) ? Date.parse(notification.indexedAt) : createdAt,
  }
}

/** Sets each author's follower count from their detailed profile, 25 authors per request. */
async function addFollowerCounts(agent: AtpAgent, items: RemoteNotification[]): Promise<void> {
  const dids = [...new Set(items.map((item) => item.author.remoteId))]
  const followers = new Map<string, number>()
  for (let start = 0; start < dids.length; start += profilesPerRequest) {
    const { data } = await agent.app.bsky.actor.getProfiles({ actors: dids.slice(start, start + profilesPerRequest) })
    for (const profile of data.profiles) if (profile.followersCount !== undefined) followers.set(profile.did, profile.followersCount)
  }
  for (const item of items) {
    const count = followers.get(item.author.remoteId)
    if (count !== undefined) item.author.followers = count
  }
}

/**
 * Where the read goes next. The newest position moves only on a read from the top; the gap stays
 * (with the AppView's cursor for its next page) until its floor or the end is reached.
 */
function nextCursor(given: Cursor | undefined, newest: Notification | undefined, reached: boolean, page: string | undefined): Cursor {
  if (!given) return newest ? { at: newest.indexedAt, uri: newest.uri } : { at: beforeEverything }
  const top = newest && !given.gap ? { at: newest.indexedAt, uri: newest.uri } : { at: given.at, ...(given.uri ? { uri: given.uri } : {}) }
  if (reached || !page) return top
  const floor = given.gap ?? given
  return { ...top, gap: { at: floor.at, ...(floor.uri ? { uri: floor.uri } : {}), page } }
}

/** Replies, mentions and quotes newer than `cursor`, oldest first (see the file comment for paging). */
export function fetchNotifications(deps: BlueskyDeps, account: ConnectedAccount, cursor?: string): Promise<NotificationPage> {
  const given = parseCursor(cursor)
  return withSession(deps, account, async ({ agent, did }) => {
    const { data } = await agent.app.bsky.notification.listNotifications({ reasons, limit: pageSize, ...(given?.gap ? { cursor: given.gap.page } : {}) })
    const floor = given?.gap ?? given
    const { fresh, reached } = floor ? above(data.notifications, floor) : { fresh: data.notifications, reached: true }
    const items = fresh.flatMap((n) => toRemote(n, did) ?? []).reverse()
    if (items.length > 0) await addFollowerCounts(agent, items)
    const next = nextCursor(given, fresh[0], reached, data.cursor)
    // Cursors are written in one key order, so a position unchanged gives back the same string.
    return { items, cursor: formatCursor(next), more: next.gap !== undefined }
  })
}
