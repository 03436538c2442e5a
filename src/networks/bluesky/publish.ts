/**
 * Posting, replying and deleting, each post at most once per idempotency key.
 *
 * Exactly once: the post is written with `com.atproto.repo.createRecord` under a record key
 * derived from the request (./record-key.ts). Before writing, the key is read back: an earlier
 * attempt that got that far is returned as it is. When the write fails in a way that leaves its
 * fate unknown (a lost response, a 5xx; a PDS answers a taken key with a 500), the key is read
 * back again and the post found there is returned. No attempt can make a second post, because
 * a repository holds one record per key.
 */
import type { AppBskyFeedPost, ComAtprotoRepoStrongRef } from '@atproto/api'
import type { ConnectedAccount, PostRequest, PublishedPost, RemotePostRef } from '../connector.js'
import { Rejected } from '../errors.js'
import { type BlueskyDeps, type Session, withSession } from './client.js'
import { facetsFor } from './facets.js'
import { imagesEmbed } from './images.js'
import { parseAtUri, postCollection, postUrl } from './links.js'
import { recordKeyFor } from './record-key.js'
import { network, toConnectorError, xrpcErrorName } from './xrpc-errors.js'

type PostRecord = AppBskyFeedPost.Record
type ReplyRef = AppBskyFeedPost.ReplyRef

function publishedPost(uri: string, cid: string, record: PostRecord, publishedAt: number): PublishedPost {
  const { did, rkey } = parseAtUri(uri)
  const root = record.reply?.root ?? { uri, cid }
  return { remoteId: uri, cid, root: { remoteId: root.uri, cid: root.cid }, url: postUrl(did, rkey), publishedAt }
}

/**
 * The PDS says RecordNotFound for a missing record of an account it hosts, and a bare
 * InvalidRequest "Could not locate record" when it cannot read the account at all (taken down)
 * and has no AppView to ask; either way there is no post to return.
 */
function isNotFound(error: unknown): boolean {
  const name = xrpcErrorName(error)
  return name === 'RecordNotFound' || (name === 'InvalidRequest' && /Could not locate record/.test((error as Error).message))
}

/**
 * The post under `rkey` in the account's repository, or undefined. A post found this way was
 * made by an earlier attempt; its `createdAt` (the first attempt's time) stands for when.
 */
async function readOwnPost({ agent, did }: Session, rkey: string): Promise<PublishedPost | undefined> {
  try {
    const { data } = await agent.com.atproto.repo.getRecord({ repo: did, collection: postCollection, rkey })
    const record = data.value as PostRecord
    return publishedPost(data.uri, data.cid!, record, Date.parse(record.createdAt))
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

function strongRef(ref: ComAtprotoRepoStrongRef.Main): ComAtprotoRepoStrongRef.Main {
  return { uri: ref.uri, cid: ref.cid }
}

/**
 * Reply references: `parent` is the post answered, `root` the first post of its thread. When the
 * parent is itself a reply its root is the thread's root, so unless the caller already knows both
 * content ids the parent record is read (from its own repository, or through the PDS's AppView).
 */
async function replyRefs({ agent }: Session, replyTo: RemotePostRef): Promise<ReplyRef> {
  if (replyTo.cid && replyTo.root?.cid) {
    return { root: { uri: replyTo.root.remoteId, cid: replyTo.root.cid }, parent: { uri: replyTo.remoteId, cid: replyTo.cid } }
  }
  const { did, collection, rkey } = parseAtUri(replyTo.remoteId)
  if (collection !== postCollection) throw new Rejected(network, `Not a post: ${replyTo.remoteId}`, 'InvalidUri')
  const { data } = await agent.com.atproto.repo.getRecord({ repo: did, collection, rkey })
  const parent = { uri: data.uri, cid: replyTo.cid ?? data.cid! }
  const root = (data.value as PostRecord).reply?.root ?? parent
  return { root: strongRef(root), parent }
}

/** BCP 47 language tag in canonical form, or nothing: a bad tag would make the PDS refuse the post. */
function languages(language: string | undefined): string[] | undefined {
  if (!language) return undefined
  try {
    return Intl.getCanonicalLocales(language).slice(0, 1)
  } catch {
    return undefined
  }
}

async function buildRecord(session: Session, request: PostRequest): Promise<PostRecord> {
  const record: PostRecord = { $type: 'app.bsky.feed.post', text: request.text, createdAt: new Date(request.createdAt).toISOString() }
  const facets = await facetsFor(session.agent, request.text)
  if (facets) record.facets = facets
  const langs = languages(request.language)
  if (langs) record.langs = langs
  const embed = await imagesEmbed(session.agent, request.media)
  if (embed) record.embed = embed
  if (request.replyTo) record.reply = await replyRefs(session, request.replyTo)
  return record
}

/** Failures after which the write may still have happened: network failures and 5xx. */
function fateUnknown(error: unknown): boolean {
  const mapped = toConnectorError(error)
  return mapped.kind === 'transient'
}

/** Publishes (or, with `replyTo`, replies) exactly once per idempotency key. */
export async function publishPost(deps: BlueskyDeps, account: ConnectedAccount, request: PostRequest): Promise<PublishedPost> {
  if (!Number.isSafeInteger(request.createdAt) || request.createdAt < 0) {
    throw new Rejected(network, `createdAt must be epoch milliseconds, got ${request.createdAt}`, 'InvalidRequest')
  }
  const rkey = recordKeyFor(request.createdAt, request.idempotencyKey)
  return withSession(deps, account, async (session) => {
    const earlier = await readOwnPost(session, rkey)
    if (earlier) return earlier
    const record = await buildRecord(session, request)
    try {
      const { data } = await session.agent.com.atproto.repo.createRecord({ repo: session.did, collection: postCollection, rkey, record })
      return publishedPost(data.uri, data.cid, record, Date.now())
    } catch (error) {
      if (!fateUnknown(error)) throw error
      const landed = await readOwnPost(session, rkey).catch(() => undefined)
      if (landed) return landed
      throw error
    }
  })
}

/** The post an earlier attempt with this request's key made, if it is there. */
export async function findPublished(deps: BlueskyDeps, account: ConnectedAccount, request: PostRequest): Promise<PublishedPost | undefined> {
  const rkey = recordKeyFor(request.createdAt, request.idempotencyKey)
  return withSession(deps, account, (session) => readOwnPost(session, rkey))
}

/** Deletes one of the account's own posts; deleting one already gone succeeds. */
export function deletePost(deps: BlueskyDeps, account: ConnectedAccount, post: RemotePostRef): Promise<void> {
  return withSession(deps, account, async ({ agent, did }) => {
    const address = parseAtUri(post.remoteId)
    if (address.did !== did || address.collection !== postCollection) {
      throw new Rejected(network, `Not a post of this account: ${post.remoteId}`, 'NotOwnPost')
    }
    await agent.com.atproto.repo.deleteRecord({ repo: did, collection: postCollection, rkey: address.rkey })
  })
}
