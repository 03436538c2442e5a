/** Alerts shown in the app and where a workspace wants them sent. */
import type { Kysely } from 'kysely'
import type { AlertChannel, AlertRow, Database } from './schema.js'

type Db = Kysely<Database>

/** Records an alert once per dedupe key; false when it was already raised. */
export async function insertAlertOnce(db: Db, alert: AlertRow): Promise<boolean> {
  const result = await db.insertInto('alerts').values(alert).onConflict((oc) => oc.columns(['workspaceId', 'dedupeKey']).doNothing()).executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function listAlerts(db: Db, workspaceId: string, limit: number): Promise<AlertRow[]> {
  return db.selectFrom('alerts').selectAll().where('workspaceId', '=', workspaceId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export async function countUnreadAlerts(db: Db, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).where('readAt', 'is', null).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function markAlertsRead(db: Db, workspaceId: string, now: number): Promise<void> {
  await db.updateTable('alerts').set({ readAt: now }).where('workspaceId', '=', workspaceId).where('readAt', 'is', null).execute()
}

export async function insertAlertChannel(db: Db, channel: AlertChannel): Promise<void> {
  await db.insertInto('alertChannels').values(channel).execute()
}

export async function listAlertChannels(db: Db, workspaceId: string): Promise<AlertChannel[]> {
  return db.selectFrom('alertChannels').selectAll().where('workspaceId', '=', workspaceId).orderBy('createdAt').execute()
}

export async function updateAlertChannelError(db: Db, id: string, lastError: string | null): Promise<void> {
  await db.updateTable('alertChannels').set({ lastError }).where('id', '=', id).execute()
}

export async function deleteAlertChannel(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('alertChannels').where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function findAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst()
}
