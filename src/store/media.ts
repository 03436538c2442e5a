/** Uploaded media. Bytes are only read when a post is published or the file is shown. */
import type { Kysely } from 'kysely'
import type { Database, Media } from './schema.js'

type Db = Kysely<Database>

export type MediaInfo = Omit<Media, 'data'>

const infoColumns = ['id', 'workspaceId', 'postId', 'position', 'kind', 'mimeType', 'size', 'width', 'height', 'altText', 'uploadedBy', 'createdAt'] as const

export async function insertMedia(db: Db, media: Media): Promise<void> {
  await db.insertInto('media').values(media).execute()
}

export async function findMediaInfo(db: Db, workspaceId: string, ids: string[]): Promise<MediaInfo[]> {
  if (ids.length === 0) return []
  return db.selectFrom('media').select(infoColumns).where('workspaceId', '=', workspaceId).where('id', 'in', ids).execute()
}

export async function listMediaOfPosts(db: Db, postIds: string[]): Promise<MediaInfo[]> {
  if (postIds.length === 0) return []
  return db.selectFrom('media').select(infoColumns).where('postId', 'in', postIds).orderBy('position').execute()
}

/** A post's media with their bytes, in order, for publishing. */
export async function loadMediaOfPost(db: Db, postId: string): Promise<Media[]> {
  return db.selectFrom('media').selectAll().where('postId', '=', postId).orderBy('position').execute()
}

export async function findMediaFile(db: Db, workspaceId: string, id: string): Promise<Media | undefined> {
  return db.selectFrom('media').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
}

/** Attaches media to a post in the given order; media of the post not listed are detached. */
export async function attachMedia(db: Db, postId: string, ids: string[]): Promise<void> {
  await db.updateTable('media').set({ postId: null }).where('postId', '=', postId).execute()
  for (const [position, id] of ids.entries()) {
    await db.updateTable('media').set({ postId, position }).where('id', '=', id).execute()
  }
}

export async function updateMediaAltText(db: Db, workspaceId: string, id: string, altText: string): Promise<boolean> {
  const result = await db.updateTable('media').set({ altText }).where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
