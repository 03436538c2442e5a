/**
 * Blog to social, with a person in the loop: each new article of the business's blog feed
 * becomes a draft in the "ideas" list, to edit and schedule. Only when the owner turns
 * auto-publish on for a feed does an article go out without review (into the next queue slot,
 * or at once when there is no queue). Feed addresses go through the URL guard; polls are
 * conditional (ETag / Last-Modified).
 */
import { errors } from '../domain/index.js'
import { FeedError, fetchFeed, type FeedItem } from '../feeds/index.js'
import {
  deleteFeed,
  findFeed,
  findFeedByUrl,
  findWorkspace,
  insertFeed,
  insertFeedItemOnce,
  linkFeedItemToPost,
  listFeedsDue,
  listQueueSlots,
  newId,
  updateFeed,
  type Feed,
} from '../store/index.js'
import type { PublishActor, PublishContext } from './context.js'
import { createPost } from './posts.js'
import { schedulePost } from './schedule.js'

/** Articles taken as ideas when a feed is first added (so the list is not empty). */
const firstImport = 3
export const feedPollEveryMs = 30 * 60_000

function draftText(item: FeedItem): string {
  return [item.title, item.link].filter(Boolean).join('\n\n')
}

function accountIdsOf(feed: Feed): string[] {
  return JSON.parse(feed.accountIds) as string[]
}

/** Turns new items into drafts (and, with auto-publish, schedules them). Returns how many were new. */
async function takeItems(ctx: PublishContext, feed: Feed, items: FeedItem[], autoPublish: boolean): Promise<number> {
  let fresh = 0
  const actor: PublishActor = { userId: feed.createdBy ?? '', workspaceId: feed.workspaceId, role: 'admin' }
  // Oldest first, so ideas and queue slots follow the blog's order.
  for (const item of [...items].reverse()) {
    const now = ctx.now()
    const itemId = newId(now)
    const added = await insertFeedItemOnce(ctx.db, {
      id: itemId,
      feedId: feed.id,
      itemKey: item.id,
      title: item.title,
      link: item.link ?? null,
      summary: item.summary ?? null,
      publishedAt: item.publishedAt ?? null,
      postId: null,
      createdAt: now,
    })
    if (!added) continue
    fresh++
    const view = await createPost(ctx, actor, {
      text: draftText(item),
      targets: accountIdsOf(feed).map((accountId) => ({ accountId })),
      mediaIds: [],
      contentType: 'educate',
      source: 'feed',
      sourceRef: itemId,
      automated: autoPublish,
    }).catch((error: unknown) => {
      ctx.logger.warn({ feed: feed.id, item: item.id, error: String(error) }, 'feeds: could not draft an article')
      return undefined
    })
    if (!view) continue
    await linkFeedItemToPost(ctx.db, itemId, view.post.id)
    if (autoPublish) {
      const queued = (await listQueueSlots(ctx.db, feed.workspaceId)).length > 0
      await schedulePost(ctx, actor, view.post.id, queued ? { mode: 'queue' } : { mode: 'now' }).catch((error: unknown) => {
        ctx.logger.warn({ feed: feed.id, post: view.post.id, error: String(error) }, 'feeds: auto-publish left the article as a draft')
      })
    }
  }
  return fresh
}

/** Adds a feed after reading it once; its latest articles become ideas right away. */
export async function addFeed(ctx: PublishContext, actor: PublishActor, props: { url: string; autoPublish: boolean; accountIds: string[] }): Promise<Feed> {
  const url = props.url.trim()
  if (await findFeedByUrl(ctx.db, actor.workspaceId, url)) throw errors.conflict('feed_exists')
  const result = await fetchFeed(url, { allowPrivate: ctx.allowPrivateUrls })
  if (result.status !== 'ok') throw errors.badRequest('feed_not_a_feed')
  const now = ctx.now()
  const feed: Feed = {
    id: newId(now),
    workspaceId: actor.workspaceId,
    url,
    title: result.feed.title || url,
    siteUrl: result.feed.link ?? null,
    etag: result.etag ?? null,
    lastModified: result.lastModified ?? null,
    status: 'active',
    errorReason: null,
    autoPublish: props.autoPublish ? 1 : 0,
    accountIds: JSON.stringify(props.accountIds),
    lastPolledAt: now,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  }
  await insertFeed(ctx.db, feed)
  await takeItems(ctx, feed, result.feed.items.slice(0, firstImport), false)
  // Older articles are remembered as seen, so they never come back as ideas.
  for (const item of result.feed.items.slice(firstImport)) {
    await insertFeedItemOnce(ctx.db, { id: newId(now), feedId: feed.id, itemKey: item.id, title: item.title, link: item.link ?? null, summary: item.summary ?? null, publishedAt: item.publishedAt ?? null, postId: null, createdAt: now })
  }
  return feed
}

export async function changeFeed(ctx: PublishContext, actor: PublishActor, feedId: string, patch: { autoPublish?: boolean; accountIds?: string[] }): Promise<Feed> {
  const feed = await findFeed(ctx.db, actor.workspaceId, feedId)
  if (!feed) throw errors.notFound('feed')
  await updateFeed(ctx.db, feedId, {
    ...(patch.autoPublish !== undefined ? { autoPublish: patch.autoPublish ? 1 : 0 } : {}),
    ...(patch.accountIds !== undefined ? { accountIds: JSON.stringify(patch.accountIds) } : {}),
    updatedAt: ctx.now(),
  })
  return (await findFeed(ctx.db, actor.workspaceId, feedId))!
}

export async function removeFeed(ctx: PublishContext, actor: PublishActor, feedId: string): Promise<void> {
  if (!(await deleteFeed(ctx.db, actor.workspaceId, feedId))) throw errors.notFound('feed')
}

/** Polls one feed; returns how many new articles it brought. Failures are recorded on the feed. */
export async function pollFeed(ctx: PublishContext, feed: Feed): Promise<number> {
  const now = ctx.now()
  try {
    const result = await fetchFeed(feed.url, {
      allowPrivate: ctx.allowPrivateUrls,
      ...(feed.etag ? { etag: feed.etag } : {}),
      ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
    })
    if (result.status === 'not_modified') {
      await updateFeed(ctx.db, feed.id, { lastPolledAt: now, status: 'active', errorReason: null, updatedAt: now })
      return 0
    }
    await updateFeed(ctx.db, feed.id, {
      lastPolledAt: now,
      etag: result.etag ?? null,
      lastModified: result.lastModified ?? null,
      title: result.feed.title || feed.title,
      status: 'active',
      errorReason: null,
      updatedAt: now,
    })
    return takeItems(ctx, feed, result.feed.items, feed.autoPublish === 1)
  } catch (error) {
    if (!(error instanceof FeedError)) throw error
    // Stored as "<message key>" or "<message key>:<HTTP status>", for the feed list to explain.
    const reason = error.httpStatus === undefined ? error.messageKey : `${error.messageKey}:${error.httpStatus}`
    await updateFeed(ctx.db, feed.id, { lastPolledAt: now, status: 'error', errorReason: reason, updatedAt: now })
    return 0
  }
}

/** Polls every feed not polled for `feedPollEveryMs`. */
export async function pollDueFeeds(ctx: PublishContext): Promise<void> {
  for (const feed of await listFeedsDue(ctx.db, ctx.now() - feedPollEveryMs + 60_000, 200)) {
    const workspace = await findWorkspace(ctx.db, feed.workspaceId)
    if (workspace) await pollFeed(ctx, feed)
  }
}
