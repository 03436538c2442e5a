/**
 * Streams (a feed, a firehose, a hashtag timeline) with their cursors and leases, the sources
 * that tie workspaces to them, and the rolling sample of recent items.
 */
import type { Kysely, Updateable } from 'kysely'
import type { Database, ListenSource, ListenStream, ListenStreamsTable } from './schema.js'

type Db = Kysely<Database>

/** Creates the stream when no workspace listened to it yet; leaves an existing one as it is. */
export async function ensureListenStream(db: Db, stream: ListenStream): Promise<void> {
  await db.insertInto('listenStreams').values(stream).onConflict((oc) => oc.column('key').doNothing()).execute()
}

export async function findListenStream(db: Db, key: string): Promise<ListenStream | undefined> {
  return db.selectFrom('listenStreams').selectAll().where('key', '=', key).executeTakeFirst()
}

export async function updateListenStream(db: Db, key: string, patch: Omit<Updateable<ListenStreamsTable>, 'key'>): Promise<void> {
  await db.updateTable('listenStreams').set(patch).where('key', '=', key).execute()
}

/** Polled streams (feeds, hashtag timelines) due now that some workspace still listens to. */
export async function listDueListenStreams(db: Db, now: number, limit: number): Promise<ListenStream[]> {
  return db
    .selectFrom('listenStreams')
    .selectAll()
    .where('kind', 'in', ['feed', 'mastodon'])
    .where('nextPollAt', '<=', now)
    .where((eb) => eb.exists(eb.selectFrom('listenSources').select('listenSources.id').whereRef('listenSources.streamKey', '=', 'listenStreams.key')))
    .orderBy('nextPollAt')
    .limit(limit)
    .execute()
}

/** Long-lived streams (firehoses) some workspace listens to. */
export async function listLiveListenStreams(db: Db): Promise<ListenStream[]> {
  return db
    .selectFrom('listenStreams')
    .selectAll()
    .where('kind', '=', 'bluesky')
    .where((eb) => eb.exists(eb.selectFrom('listenSources').select('listenSources.id').whereRef('listenSources.streamKey', '=', 'listenStreams.key')))
    .execute()
}

/**
 * Takes (or renews) the stream's lease for `owner` until `until`: true when this process may
 * read it. A lease another process holds and has not let lapse wins.
 */
export async function takeListenStreamLease(db: Db, key: string, owner: string, now: number, until: number): Promise<boolean> {
  const result = await db
    .updateTable('listenStreams')
    .set({ leaseOwner: owner, leaseUntil: until })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('leaseOwner', 'is', null), eb('leaseOwner', '=', owner), eb('leaseUntil', '<', now)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function releaseListenStreamLease(db: Db, key: string, owner: string): Promise<void> {
  await db.updateTable('listenStreams').set({ leaseOwner: null, leaseUntil: null }).where('key', '=', key).where('leaseOwner', '=', owner).execute()
}

export async function insertListenSource(db: Db, source: ListenSource): Promise<void> {
  await db.insertInto('listenSources').values(source).execute()
}

export async function findListenSourceByStream(db: Db, workspaceId: string, streamKey: string): Promise<ListenSource | undefined> {
  return db.selectFrom('listenSources').selectAll().where('workspaceId', '=', workspaceId).where('streamKey', '=', streamKey).executeTakeFirst()
}

export type ListenSourceRow = ListenSource & Pick<ListenStream, 'kind' | 'config' | 'status' | 'errorReason' | 'lastItemAt' | 'itemsSeen'>

export async function listListenSources(db: Db, workspaceId: string): Promise<ListenSourceRow[]> {
  return db
    .selectFrom('listenSources')
    .innerJoin('listenStreams', 'listenStreams.key', 'listenSources.streamKey')
    .selectAll('listenSources')
    .select(['listenStreams.kind', 'listenStreams.config', 'listenStreams.status', 'listenStreams.errorReason', 'listenStreams.lastItemAt', 'listenStreams.itemsSeen'])
    .where('listenSources.workspaceId', '=', workspaceId)
    .orderBy('listenSources.createdAt')
    .execute()
}

export async function deleteListenSource(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('listenSources').where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** Which workspaces listen to a stream. */
export async function workspacesOfStream(db: Db, streamKey: string): Promise<string[]> {
  const rows = await db.selectFrom('listenSources').select('workspaceId').where('streamKey', '=', streamKey).execute()
  return rows.map((r) => r.workspaceId)
}

export async function listStreamKeysOfWorkspace(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('listenSources').select('streamKey').where('workspaceId', '=', workspaceId).execute()
  return rows.map((r) => r.streamKey)
}

export interface RecentItemRow {
  id: string
  streamKey: string
  itemKey: string
  item: string
  weight: number
  receivedAt: number
}

/** Keeps items for the query tester; an item already kept is left alone. */
export async function insertRecentItems(db: Db, rows: RecentItemRow[]): Promise<void> {
  if (rows.length === 0) return
  await db.insertInto('listenRecentItems').values(rows).onConflict((oc) => oc.columns(['streamKey', 'itemKey']).doNothing()).execute()
}

export async function listRecentItems(db: Db, streamKeys: string[], since: number, limit: number): Promise<RecentItemRow[]> {
  if (streamKeys.length === 0) return []
  return db
    .selectFrom('listenRecentItems')
    .selectAll()
    .where('streamKey', 'in', streamKeys)
    .where('receivedAt', '>=', since)
    .orderBy('receivedAt', 'desc')
    .limit(limit)
    .execute()
}

export async function pruneRecentItems(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('listenRecentItems').where('receivedAt', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * Claims a due polled stream for one reader: moves its next poll to `until`, on the condition
 * that nobody moved it since it was read (`seenNextPollAt`). False when another process won.
 */
export async function claimListenStreamPoll(db: Db, key: string, seenNextPollAt: number, until: number): Promise<boolean> {
  const result = await db.updateTable('listenStreams').set({ nextPollAt: until }).where('key', '=', key).where('nextPollAt', '=', seenNextPollAt).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** What a read of a stream brought: its new cursor, how many items, the newest item's time. */
export async function recordListenStreamRead(
  db: Db,
  key: string,
  read: { cursor: string; items: number; lastItemAt?: number; nextPollAt?: number; now: number },
): Promise<void> {
  await db
    .updateTable('listenStreams')
    .set((eb) => ({
      cursor: read.cursor,
      status: 'active' as const,
      errorReason: null,
      itemsSeen: eb('itemsSeen', '+', read.items),
      updatedAt: read.now,
      ...(read.lastItemAt !== undefined ? { lastItemAt: read.lastItemAt } : {}),
      ...(read.nextPollAt !== undefined ? { nextPollAt: read.nextPollAt } : {}),
    }))
    .where('key', '=', key)
    .execute()
}

/** Keeps only the newest `keep` items of a stream's recent sample (a firehose brings millions a day). */
export async function capRecentItems(db: Db, streamKey: string, keep: number): Promise<number> {
  const edge = await db.selectFrom('listenRecentItems').select('receivedAt').where('streamKey', '=', streamKey).orderBy('receivedAt', 'desc').offset(keep).limit(1).executeTakeFirst()
  if (!edge) return 0
  const result = await db.deleteFrom('listenRecentItems').where('streamKey', '=', streamKey).where('receivedAt', '<=', edge.receivedAt).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function listListenStreamKeys(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('listenStreams').select('key').execute()
  return rows.map((r) => r.key)
}
