/** Listening queries of a workspace, and the active queries of all workspaces for the matcher. */
import type { Kysely, Updateable } from 'kysely'
import type { Database, ListenQueriesTable, ListenQuery } from './schema.js'

type Db = Kysely<Database>

export async function insertListenQuery(db: Db, query: ListenQuery): Promise<void> {
  await db.insertInto('listenQueries').values(query).execute()
}

export async function findListenQuery(db: Db, workspaceId: string, id: string): Promise<ListenQuery | undefined> {
  return db.selectFrom('listenQueries').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
}

export async function findListenQueryByName(db: Db, workspaceId: string, name: string): Promise<ListenQuery | undefined> {
  return db.selectFrom('listenQueries').selectAll().where('workspaceId', '=', workspaceId).where('name', '=', name).executeTakeFirst()
}

export async function listListenQueries(db: Db, workspaceId: string): Promise<ListenQuery[]> {
  return db.selectFrom('listenQueries').selectAll().where('workspaceId', '=', workspaceId).orderBy('createdAt').execute()
}

export async function countListenQueries(db: Db, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('listenQueries').select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', workspaceId).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function updateListenQuery(db: Db, id: string, patch: Omit<Updateable<ListenQueriesTable>, 'id' | 'workspaceId'>): Promise<void> {
  await db.updateTable('listenQueries').set(patch).where('id', '=', id).execute()
}

export async function deleteListenQuery(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('listenQueries').where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** What changes when any query is added, edited, switched or removed: the matcher reloads on it. */
export async function listenQueriesSignature(db: Db): Promise<string> {
  const row = await db
    .selectFrom('listenQueries')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updatedAt').as('latest')])
    .where('active', '=', 1)
    .executeTakeFirstOrThrow()
  return `${Number(row.n)}:${Number(row.latest ?? 0)}`
}

/** Every active query of every workspace (the matcher's input). */
export async function listActiveListenQueries(db: Db): Promise<Array<Pick<ListenQuery, 'id' | 'workspaceId' | 'query' | 'updatedAt' | 'priority'>>> {
  return db.selectFrom('listenQueries').select(['id', 'workspaceId', 'query', 'updatedAt', 'priority']).where('active', '=', 1).execute()
}
