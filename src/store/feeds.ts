/** Blog feeds a workspace turns into post ideas, and the items already seen. */
import type { Kysely, Updateable } from 'kysely'
import type { Database, Feed, FeedItem, FeedsTable } from './schema.js'

type Db = Kysely<Database>

export async function insertFeed(db: Db, feed: Feed): Promise<void> {
  await db.insertInto('feeds').values(feed).execute()
}

export async function findFeed(db: Db, workspaceId: string, id: string): Promise<Feed | undefined> {
  return db.selectFrom('feeds').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
}

export async function findFeedByUrl(db: Db, workspaceId: string, url: string): Promise<Feed | undefined> {
  return db.selectFrom('feeds').selectAll().where('workspaceId', '=', workspaceId).where('url', '=', url).executeTakeFirst()
}

export async function listFeeds(db: Db, workspaceId: string): Promise<Feed[]> {
  return db.selectFrom('feeds').selectAll().where('workspaceId', '=', workspaceId).orderBy('createdAt').execute()
}

/** Feeds not polled since `before` (or never), oldest poll first. */
export async function listFeedsDue(db: Db, before: number, limit: number): Promise<Feed[]> {
  return db
    .selectFrom('feeds')
    .selectAll()
    .where((eb) => eb.or([eb('lastPolledAt', 'is', null), eb('lastPolledAt', '<=', before)]))
    .orderBy('lastPolledAt')
    .limit(limit)
    .execute()
}

export async function updateFeed(db: Db, id: string, patch: Omit<Updateable<FeedsTable>, 'id' | 'workspaceId'>): Promise<void> {
  await db.updateTable('feeds').set(patch).where('id', '=', id).execute()
}

export async function deleteFeed(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('feeds').where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** Records an item once; false when the feed had it already. */
export async function insertFeedItemOnce(db: Db, item: FeedItem): Promise<boolean> {
  const result = await db.insertInto('feedItems').values(item).onConflict((oc) => oc.columns(['feedId', 'itemKey']).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function linkFeedItemToPost(db: Db, itemId: string, postId: string): Promise<void> {
  await db.updateTable('feedItems').set({ postId }).where('id', '=', itemId).execute()
}
