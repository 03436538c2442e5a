/** Invitations to join a workspace. Only a hash of the link's token is stored. */
import type { Kysely } from 'kysely'
import type { Database, Invite } from './schema.js'

type Db = Kysely<Database>

export async function insertInvite(db: Db, invite: Invite): Promise<void> {
  await db.insertInto('invites').values(invite).execute()
}

export async function findInviteByTokenHash(db: Db, tokenHash: string): Promise<Invite | undefined> {
  return db.selectFrom('invites').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst()
}

export async function findInvite(db: Db, workspaceId: string, id: string): Promise<Invite | undefined> {
  return db
    .selectFrom('invites')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Invites still open at `now`: neither accepted, revoked nor expired. Newest first. */
export async function listOpenInvites(db: Db, workspaceId: string, now: number): Promise<Invite[]> {
  return db
    .selectFrom('invites')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .orderBy('createdAt', 'desc')
    .execute()
}

/**
 * Marks an open invite accepted. Returns false when someone else used or revoked it first,
 * so one link admits one person even when two accept at once.
 */
export async function markInviteAccepted(db: Db, id: string, userId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ acceptedAt: now, acceptedBy: userId })
    .where('id', '=', id)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function revokeInvite(db: Db, workspaceId: string, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ revokedAt: now })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
