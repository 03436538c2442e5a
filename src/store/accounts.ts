/** Connected network accounts. Credentials are stored sealed; callers seal and open them. */
import type { Kysely, Updateable } from 'kysely'
import type { Account, AccountsTable, Database } from './schema.js'

type Db = Kysely<Database>

export async function insertAccount(db: Db, account: Account): Promise<void> {
  await db.insertInto('accounts').values(account).execute()
}

export async function findAccount(db: Db, workspaceId: string, id: string): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
}

export async function findAccountById(db: Db, id: string): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findAccountsByIds(db: Db, ids: string[]): Promise<Account[]> {
  if (ids.length === 0) return []
  return db.selectFrom('accounts').selectAll().where('id', 'in', ids).execute()
}

export async function findAccountByRemote(db: Db, workspaceId: string, network: string, remoteId: string): Promise<Account | undefined> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('network', '=', network)
    .where('remoteId', '=', remoteId)
    .executeTakeFirst()
}

/** Accounts of a workspace that are not disconnected, oldest first. */
export async function listAccounts(db: Db, workspaceId: string): Promise<Account[]> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('status', '!=', 'disconnected')
    .orderBy('createdAt')
    .execute()
}

/** Every connected account of every workspace (the daily connection check). */
export async function listConnectedAccounts(db: Db): Promise<Account[]> {
  return db.selectFrom('accounts').selectAll().where('status', '!=', 'disconnected').orderBy('createdAt').execute()
}

export async function updateAccount(db: Db, id: string, patch: Omit<Updateable<AccountsTable>, 'id' | 'workspaceId'>): Promise<void> {
  await db.updateTable('accounts').set(patch).where('id', '=', id).execute()
}
