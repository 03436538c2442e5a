/** Who belongs to which workspace, with which role. */
import type { Kysely } from 'kysely'
import type { Database, Membership } from './schema.js'

type Db = Kysely<Database>

export interface MemberRow {
  userId: string
  name: string
  email: string
  role: string
  createdAt: number
}

export async function insertMembership(db: Db, membership: Membership): Promise<void> {
  await db.insertInto('memberships').values(membership).execute()
}

export async function findMembership(db: Db, workspaceId: string, userId: string): Promise<Membership | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .executeTakeFirst()
}

/** The workspaces a person belongs to, oldest membership first. */
export async function listMembershipsOfUser(db: Db, userId: string): Promise<Membership[]> {
  return db.selectFrom('memberships').selectAll().where('userId', '=', userId).orderBy('createdAt').execute()
}

export async function listMembers(db: Db, workspaceId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['memberships.userId', 'users.name', 'users.email', 'memberships.role', 'memberships.createdAt'])
    .where('memberships.workspaceId', '=', workspaceId)
    .orderBy('memberships.createdAt')
    .execute()
}

export async function countMembersWithRole(db: Db, workspaceId: string, role: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspaceId', '=', workspaceId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function updateMembershipRole(db: Db, workspaceId: string, userId: string, role: string): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .execute()
}

export async function deleteMembership(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('workspaceId', '=', workspaceId).where('userId', '=', userId).execute()
}
