/** What the inbox checks again on the network: recent items still there, and marking those gone. */
import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database>

/** The account's items written since `since` and not known to be deleted, newest first. */
export async function itemsToRecheck(db: Db, accountId: string, since: number, limit: number): Promise<Array<{ id: string; postRef: string }>> {
  return db
    .selectFrom('inboxItems')
    .select(['id', 'postRef'])
    .where('accountId', '=', accountId)
    .where('createdAt', '>=', since)
    .where('deletedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute()
}

/** Marks items whose post the network no longer has; they stay, with their notes and answers. Returns how many changed. */
export async function markInboxItemsDeleted(db: Db, ids: string[], now: number): Promise<number> {
  if (ids.length === 0) return 0
  const result = await db.updateTable('inboxItems').set({ deletedAt: now, updatedAt: now }).where('id', 'in', ids).where('deletedAt', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}
