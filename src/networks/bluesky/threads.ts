/**
 * A post's thread, from the account's AppView through its PDS (as notifications.ts reads):
 * `app.bsky.feed.getPostThread` with `parentHeight` (the posts above, nearest first through
 * `parent`) and `depth` (the replies below; 0 when they are not wanted). A post the AppView does
 * not have answers 400 NotFound ("Post not found: …"), which here means deleted; a deleted post
 * above shows as `#notFoundPost`, where the chain is cut. A post hidden by a block
 * (`#blockedPost`) is neither: the chain stops there without a cut.
 * Failures become the shared errors (xrpc-errors.ts).
 */
import { AppBskyFeedDefs } from '@atproto/api'
import type { ConnectedAccount, RemoteMessage, RemotePostRef, RemoteThread } from '../connector.js'
import { type BlueskyDeps, withSession } from './client.js'
import { authorOf, didOf, postRecord, postRef } from './notifications.js'
import { xrpcErrorName } from './xrpc-errors.js'

/** How far up a thread is read: more than a person reads above a reply. */
const parentHeight = 20
/** How deep replies are read when asked for. */
const replyDepth = 10

function messageOf(view: AppBskyFeedDefs.PostView): RemoteMessage | undefined {
  const record = postRecord.safeParse(view.record)
  const post = postRef(view.uri, view.cid)
  if (!record.success || !post) return undefined
  const parent = record.data.reply?.parent
  const createdAt = Date.parse(record.data.createdAt)
  const inReplyTo = parent ? postRef(parent.uri, parent.cid) : undefined
  const inReplyToAuthorId = parent ? didOf(parent.uri) : undefined
  return {
    post: { ...post, ...(record.data.reply ? { root: { remoteId: record.data.reply.root.uri, cid: record.data.reply.root.cid } } : {}) },
    text: record.data.text,
    ...(record.data.langs?.[0] ? { language: record.data.langs[0] } : {}),
    author: authorOf(view.author),
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(inReplyToAuthorId ? { inReplyToAuthorId } : {}),
    createdAt: Number.isNaN(createdAt) ? Date.parse(view.indexedAt) : createdAt,
  }
}

/** Replies below `node`, depth first. */
function repliesOf(node: AppBskyFeedDefs.ThreadViewPost, into: RemoteMessage[] = []): RemoteMessage[] {
  for (const reply of node.replies ?? []) {
    if (!AppBskyFeedDefs.isThreadViewPost(reply)) continue
    const message = messageOf(reply.post)
    if (message) into.push(message)
    repliesOf(reply, into)
  }
  return into
}

/** The posts above `post` and, with `replies`, below it; or `deleted` when the AppView no longer has it. */
export function fetchThread(deps: BlueskyDeps, account: ConnectedAccount, post: RemotePostRef, options: { replies?: boolean } = {}): Promise<RemoteThread> {
  return withSession(deps, account, async ({ agent }) => {
    let thread: AppBskyFeedDefs.ThreadViewPost | { $type?: string }
    try {
      thread = (await agent.app.bsky.feed.getPostThread({ uri: post.remoteId, parentHeight, depth: options.replies ? replyDepth : 0 })).data.thread
    } catch (error) {
      if (xrpcErrorName(error) === 'NotFound') return { deleted: true, ancestors: [], cut: false, replies: [] }
      throw error
    }
    if (AppBskyFeedDefs.isNotFoundPost(thread)) return { deleted: true, ancestors: [], cut: false, replies: [] }
    if (!AppBskyFeedDefs.isThreadViewPost(thread)) return { deleted: false, ancestors: [], cut: false, replies: [] }
    const ancestors: RemoteMessage[] = []
    let cut = false
    for (let parent = thread.parent; parent; ) {
      if (!AppBskyFeedDefs.isThreadViewPost(parent)) {
        cut = AppBskyFeedDefs.isNotFoundPost(parent)
        break
      }
      const message = messageOf(parent.post)
      if (message) ancestors.unshift(message)
      parent = parent.parent
    }
    return { deleted: false, ancestors, cut, replies: options.replies ? repliesOf(thread) : [] }
  })
}
