/**
 * What the AppView contract server (./bluesky-appview.ts) knows of the network, learnt the way a
 * real AppView learns it: from the PDS's firehose (`com.atproto.sync.subscribeRepos`), read with
 * @atproto/sync's `Firehose` from the PDS's first event, commits checked against each account's
 * signing key from the PLC directory. It keeps:
 * - posts, and the notifications they cause, as bluesky-social/atproto packages/bsky indexes them
 *   (data-plane indexing/plugins/post.ts `notifsForInsert`): mentions (facets with
 *   `app.bsky.richtext.facet#mention`), quotes (`app.bsky.embed.record`, or the record of
 *   `recordWithMedia`, of a post) and replies to each of the five nearest ancestors' authors; each
 *   account is notified once per post (mention before quote before reply) and never of its own;
 * - follows (`app.bsky.graph.follow`), with a `follow` notification each, for viewer state and counts;
 * - profiles (`app.bsky.actor.profile/self`): display name and avatar.
 * A notification's time (`sortAt`) is the earlier of when it was indexed and the record's
 * `createdAt`, as there. Deleting a record removes it and its notifications. Left out: likes and
 * reposts, thread and post gates, blocks and mutes, labels, records that fail their lexicon.
 */
import { IdResolver, MemoryCache } from '@atproto/identity'
import { lexToJson, type LexValue } from '@atproto/lexicon'
import { Firehose, type Event } from '@atproto/sync'

export type NotificationReason = 'reply' | 'mention' | 'quote' | 'follow'

/** A post as indexed: its record in JSON form (blobs as `{$type: 'blob', ref: {$link}}`). */
export interface IndexedPost {
  uri: string
  cid: string
  author: string
  record: Record<string, unknown>
  indexedAt: string
}

export interface IndexedNotification {
  /** The account notified. */
  recipient: string
  reason: NotificationReason
  reasonSubject?: string
  /** The record that caused it (a post, or a follow). */
  uri: string
  cid: string
  author: string
  record: Record<string, unknown>
  sortAt: string
}

/** A place in an account's notifications (packages/bsky `TimeCidKeyset`): sortAt in ms, then CID. */
export interface NotificationPosition {
  time: number
  cid: string
}

export interface IndexedProfile {
  displayName?: string
  /** The avatar blob's CID. */
  avatar?: string
}

export interface AppViewIndex {
  post(uri: string): IndexedPost | undefined
  /** The posts answering `uri` (their `reply.parent`), oldest indexed first. */
  replies(uri: string): IndexedPost[]
  profile(did: string): IndexedProfile | undefined
  /** The URI of `follower`'s follow record of `subject`, if there is one. */
  followUri(follower: string, subject: string): string | undefined
  followersCount(did: string): number
  followsCount(did: string): number
  /**
   * Up to `limit` of the account's notifications after `from`, newest first (sortAt, then CID,
   * both descending), and the position of the last one when there is any.
   */
  notificationsPage(did: string, from: NotificationPosition | undefined, limit: number): { rows: IndexedNotification[]; next?: NotificationPosition }
  /** Starts reading the firehose of the PDS at `pdsUrl` (http or ws) from its first event. */
  follow(pdsUrl: string): void
  /** Resolves once every event up to `seq` (the PDS's sequence number) is indexed. */
  indexedThrough(seq: number): Promise<void>
  close(): Promise<void>
}

interface StrongRef {
  uri: string
  cid: string
}

/** packages/bsky data-plane indexing/plugins/post.ts `REPLY_NOTIF_DEPTH`. */
const replyNotificationDepth = 5

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function isStrongRef(value: unknown): value is StrongRef {
  return isObject(value) && typeof value.uri === 'string' && typeof value.cid === 'string'
}

function didOf(uri: string): string {
  return uri.replace(/^at:\/\//, '').split('/')[0]!
}

function collectionOf(uri: string): string | undefined {
  return uri.replace(/^at:\/\//, '').split('/')[1]
}

/** The earlier of the two times, as the AppView sorts records: a future `createdAt` gains nothing. */
function sortAtOf(indexedAt: string, createdAt: unknown): string {
  const created = typeof createdAt === 'string' ? Date.parse(createdAt) : Number.NaN
  if (Number.isNaN(created)) return indexedAt
  const normalized = new Date(created).toISOString()
  return normalized < indexedAt ? normalized : indexedAt
}

/** The post a record embeds (a quote): `app.bsky.embed.record`, or the record of `recordWithMedia`. */
function quotedUri(record: Record<string, unknown>): string | undefined {
  const embed = record.embed
  if (!isObject(embed)) return undefined
  const ref = embed.$type === 'app.bsky.embed.record' ? embed.record : embed.$type === 'app.bsky.embed.recordWithMedia' && isObject(embed.record) ? embed.record.record : undefined
  return isStrongRef(ref) && collectionOf(ref.uri) === 'app.bsky.feed.post' ? ref.uri : undefined
}

function mentionedDids(record: Record<string, unknown>): string[] {
  const facets = Array.isArray(record.facets) ? record.facets : []
  return facets.flatMap((facet: unknown) => {
    const features = isObject(facet) && Array.isArray(facet.features) ? facet.features : []
    return features.flatMap((f: unknown) => (isObject(f) && f.$type === 'app.bsky.richtext.facet#mention' && typeof f.did === 'string' ? [f.did] : []))
  })
}

/** A fresh index; `plcUrl` is where the accounts' DID documents (and signing keys) live. */
export function createAppViewIndex(options: { plcUrl: string; onError(error: Error): void }): AppViewIndex {
  const posts = new Map<string, IndexedPost>()
  const follows = new Map<string, { author: string; subject: string }>()
  const profiles = new Map<string, IndexedProfile>()
  const notifications: IndexedNotification[] = []
  const waiting: Array<{ seq: number; resolve(): void }> = []
  let indexedSeq = 0
  let firehose: Firehose | undefined
  let chain = Promise.resolve()

  /** packages/bsky `notifsForInsert`: each account once per post, mentions first, never the author. */
  function notifyForPost(post: IndexedPost, sortAt: string): void {
    const notified = new Set([post.author])
    const notify = (recipient: string, reason: NotificationReason, reasonSubject?: string) => {
      if (notified.has(recipient)) return
      notified.add(recipient)
      notifications.push({ recipient, reason, ...(reasonSubject ? { reasonSubject } : {}), uri: post.uri, cid: post.cid, author: post.author, record: post.record, sortAt })
    }
    for (const did of mentionedDids(post.record)) notify(did, 'mention')
    const quoted = quotedUri(post.record)
    if (quoted) notify(didOf(quoted), 'quote', quoted)
    let ancestor = isObject(post.record.reply) && isStrongRef(post.record.reply.parent) ? posts.get(post.record.reply.parent.uri) : undefined
    for (let height = 1; ancestor && height < replyNotificationDepth; height += 1) {
      notify(ancestor.author, 'reply', ancestor.uri)
      const reply = ancestor.record.reply
      ancestor = isObject(reply) && isStrongRef(reply.parent) ? posts.get(reply.parent.uri) : undefined
    }
  }

  function removeNotificationsOf(uri: string): void {
    for (let i = notifications.length - 1; i >= 0; i -= 1) if (notifications[i]!.uri === uri) notifications.splice(i, 1)
  }

  function handleEvent(event: Event): void {
    if (event.event !== 'create' && event.event !== 'update' && event.event !== 'delete') return
    const uri = `at://${event.did}/${event.collection}/${event.rkey}`
    if (event.event === 'delete') {
      posts.delete(uri)
      follows.delete(uri)
      if (event.collection === 'app.bsky.actor.profile') profiles.delete(event.did)
      removeNotificationsOf(uri)
      return
    }
    const record = lexToJson(event.record as LexValue) as Record<string, unknown>
    const indexedAt = new Date().toISOString()
    if (event.collection === 'app.bsky.feed.post' && typeof record.text === 'string') {
      const post: IndexedPost = { uri, cid: event.cid.toString(), author: event.did, record, indexedAt }
      const known = posts.has(uri)
      posts.set(uri, post)
      if (!known) notifyForPost(post, sortAtOf(indexedAt, record.createdAt))
    } else if (event.collection === 'app.bsky.graph.follow' && typeof record.subject === 'string' && event.event === 'create') {
      follows.set(uri, { author: event.did, subject: record.subject })
      if (record.subject !== event.did) {
        notifications.push({ recipient: record.subject, reason: 'follow', uri, cid: event.cid.toString(), author: event.did, record, sortAt: sortAtOf(indexedAt, record.createdAt) })
      }
    } else if (event.collection === 'app.bsky.actor.profile' && event.rkey === 'self') {
      const avatar = isObject(record.avatar) && isObject(record.avatar.ref) ? record.avatar.ref.$link : undefined
      profiles.set(event.did, {
        ...(typeof record.displayName === 'string' ? { displayName: record.displayName } : {}),
        ...(typeof avatar === 'string' ? { avatar } : {}),
      })
    }
  }

  function markIndexed(seq: number): void {
    indexedSeq = Math.max(indexedSeq, seq)
    for (let i = waiting.length - 1; i >= 0; i -= 1) {
      if (waiting[i]!.seq <= indexedSeq) waiting.splice(i, 1)[0]!.resolve()
    }
  }

  return {
    post: (uri) => posts.get(uri),
    replies: (uri) =>
      [...posts.values()]
        .filter((p) => isObject(p.record.reply) && isStrongRef(p.record.reply.parent) && p.record.reply.parent.uri === uri)
        .sort((a, b) => (a.indexedAt < b.indexedAt ? -1 : a.indexedAt > b.indexedAt ? 1 : 0)),
    profile: (did) => profiles.get(did),
    followUri(follower, subject) {
      for (const [uri, f] of follows) if (f.author === follower && f.subject === subject) return uri
      return undefined
    },
    followersCount: (did) => [...follows.values()].filter((f) => f.subject === did).length,
    followsCount: (did) => [...follows.values()].filter((f) => f.author === did).length,
    notificationsPage(did, from, limit) {
      const isAfter = (n: IndexedNotification) => !from || Date.parse(n.sortAt) < from.time || (Date.parse(n.sortAt) === from.time && n.cid < from.cid)
      const rows = notifications
        .filter((n) => n.recipient === did && isAfter(n))
        .sort((a, b) => (a.sortAt === b.sortAt ? (a.cid < b.cid ? 1 : -1) : a.sortAt < b.sortAt ? 1 : -1))
        .slice(0, limit)
      const last = rows.at(-1)
      return last ? { rows, next: { time: Date.parse(last.sortAt), cid: last.cid } } : { rows }
    },
    follow(pdsUrl) {
      firehose = new Firehose({
        service: pdsUrl.replace(/^http/, 'ws'),
        idResolver: new IdResolver({ plcUrl: options.plcUrl, didCache: new MemoryCache() }),
        filterCollections: ['app.bsky.feed.post', 'app.bsky.graph.follow', 'app.bsky.actor.profile'],
        // Handles come from the PLC directory when views are made; checking them here would ask DNS.
        unauthenticatedHandles: true,
        excludeIdentity: true,
        excludeAccount: true,
        excludeSync: true,
        subscriptionReconnectDelay: 100,
        // Every event, indexed or not, in order: its seq marks how far the index has read.
        runner: {
          getCursor: () => indexedSeq,
          trackEvent: async (_did, seq, handler) => {
            chain = chain
              .then(handler)
              .catch((error: unknown) => options.onError(error instanceof Error ? error : new Error(String(error))))
              .then(() => markIndexed(seq))
          },
        },
        handleEvent,
        onError: options.onError,
      })
      void firehose.start()
    },
    indexedThrough(seq) {
      if (seq <= indexedSeq) return Promise.resolve()
      return new Promise((resolve) => waiting.push({ seq, resolve }))
    },
    async close() {
      await firehose?.destroy()
      for (const w of waiting.splice(0)) w.resolve()
    },
  }
}
