/** Signed-in sessions. The id is a hash of the cookie token, never the token itself. */
import type { Kysely } from 'kysely'
import type { Database, Session } from './schema.js'

type Db = Kysely<Database>

export async function insertSession(db: Db, session: Session): Promise<void> {
  await db.insertInto('sessions').values(session).execute()
}

/** A session that has not expired at `now`. */
export async function findLiveSession(db: Db, id: string, now: number): Promise<Session | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).where('expiresAt', '>', now).executeTakeFirst()
}

export async function touchSession(db: Db, id: string, lastSeenAt: number, expiresAt: number): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt, expiresAt }).where('id', '=', id).execute()
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

/** Ends a person's sessions in a workspace (removed from it) or everywhere, optionally keeping one. */
export async function deleteSessionsOfUser(
  db: Db,
  userId: string,
  options: { workspaceId?: string; except?: string } = {},
): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId)
  if (options.workspaceId) query = query.where('workspaceId', '=', options.workspaceId)
  if (options.except) query = query.where('id', '!=', options.except)
  await query.execute()
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expiresAt', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}
