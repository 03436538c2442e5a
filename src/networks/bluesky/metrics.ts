/**
 * Counts for posts and for the account, from the AppView. A PDS stores records, not who liked
 * them: likes, reposts, replies, quotes and followers are counted by the AppView, which indexes
 * the whole network. The connector asks the account's PDS, which forwards `app.bsky.*` reads to
 * its AppView with a service-auth token (bsky.social's PDSes forward to api.bsky.app), so no
 * second address or credential is needed.
 *
 * - Posts: `app.bsky.feed.getPosts` takes at most 25 URIs (the lexicon's `uris.maxLength`), so
 *   longer lists are asked in chunks. The AppView leaves out posts it does not have (deleted, or
 *   never indexed); so does the result. Bluesky counts no views.
 * - Account: `app.bsky.actor.getProfile` for the account's own DID: followersCount, followsCount,
 *   postsCount.
 */
import type { AppBskyFeedDefs } from '@atproto/api'
import type { AccountMetrics, ConnectedAccount, PostMetrics, RemotePostRef } from '../connector.js'
import { type BlueskyDeps, withSession } from './client.js'
import { parseAtUri, postCollection } from './links.js'

/** app.bsky.feed.getPosts `uris.maxLength`. */
const postsPerRequest = 25

/** Whether `uri` names a post record; anything else cannot be counted and is left out. */
function isPostUri(uri: string): boolean {
  try {
    return parseAtUri(uri).collection === postCollection
  } catch {
    return false
  }
}

function metricsOf(view: AppBskyFeedDefs.PostView): PostMetrics {
  return { remoteId: view.uri, likes: view.likeCount ?? 0, reposts: view.repostCount ?? 0, replies: view.replyCount ?? 0, quotes: view.quoteCount ?? 0 }
}

/**
 * Counts for each post the AppView still has, in the order asked, each post once. A reference
 * that is not a post's at:// URI is left out rather than failing the others: the AppView would
 * refuse the whole request for it.
 */
export function fetchPostMetrics(deps: BlueskyDeps, account: ConnectedAccount, posts: RemotePostRef[]): Promise<PostMetrics[]> {
  const uris = [...new Set(posts.map((p) => p.remoteId))].filter(isPostUri)
  return withSession(deps, account, async ({ agent }) => {
    const found = new Map<string, PostMetrics>()
    for (let start = 0; start < uris.length; start += postsPerRequest) {
      const { data } = await agent.app.bsky.feed.getPosts({ uris: uris.slice(start, start + postsPerRequest) })
      for (const view of data.posts) found.set(view.uri, metricsOf(view))
    }
    return uris.flatMap((uri) => found.get(uri) ?? [])
  })
}

/** Followers, follows and posts of the account, as its AppView counts them. */
export function fetchAccountMetrics(deps: BlueskyDeps, account: ConnectedAccount): Promise<AccountMetrics> {
  return withSession(deps, account, async ({ agent, did }) => {
    const { data } = await agent.app.bsky.actor.getProfile({ actor: did })
    return { followers: data.followersCount ?? 0, following: data.followsCount ?? 0, posts: data.postsCount ?? 0 }
  })
}
