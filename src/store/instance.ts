/** Instance-wide facts (one row per key). */
import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database>

export const instanceKeys = { setupCompletedAt: 'setup_completed_at' } as const

export async function getInstanceValue(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('instance').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value
}

/** Inserts a fact once; false when it was already there (someone else got there first). */
export async function insertInstanceValueOnce(db: Db, key: string, value: string, now: number): Promise<boolean> {
  const result = await db
    .insertInto('instance')
    .values({ key, value, updatedAt: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}
