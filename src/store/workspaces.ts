/** Queries on workspaces. */
import type { Kysely, Updateable } from 'kysely'
import type { Database, NewWorkspace, Workspace, WorkspacesTable } from './schema.js'

type Db = Kysely<Database>

export async function insertWorkspace(db: Db, workspace: NewWorkspace): Promise<void> {
  await db.insertInto('workspaces').values(workspace).execute()
}

export async function findWorkspace(db: Db, id: string): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function countWorkspaces(db: Db): Promise<number> {
  const row = await db.selectFrom('workspaces').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listWorkspaces(db: Db): Promise<Workspace[]> {
  return db.selectFrom('workspaces').selectAll().orderBy('createdAt').execute()
}

export async function updateWorkspace(
  db: Db,
  id: string,
  patch: Omit<Updateable<WorkspacesTable>, 'id' | 'createdAt'>,
): Promise<void> {
  await db.updateTable('workspaces').set(patch).where('id', '=', id).execute()
}
