/** A workspace's posting slots (weekday + local time). */
import type { Kysely } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database>

export async function listQueueSlots(db: Db, workspaceId: string): Promise<Array<{ weekday: number; time: string }>> {
  return db.selectFrom('queueSlots').select(['weekday', 'time']).where('workspaceId', '=', workspaceId).orderBy('weekday').orderBy('time').execute()
}

/** Replaces all slots of a workspace. */
export async function replaceQueueSlots(db: Db, workspaceId: string, slots: Array<{ weekday: number; time: string }>): Promise<void> {
  await db.deleteFrom('queueSlots').where('workspaceId', '=', workspaceId).execute()
  if (slots.length > 0) await db.insertInto('queueSlots').values(slots.map((s) => ({ workspaceId, ...s }))).execute()
}
