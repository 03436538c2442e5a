/** Workspace API keys for scripts and website snippets. Only a hash of each key is stored. */
import type { Kysely } from 'kysely'
import type { ApiKey, Database } from './schema.js'

type Db = Kysely<Database>

export async function insertApiKey(db: Db, key: ApiKey): Promise<void> {
  await db.insertInto('apiKeys').values(key).execute()
}

export async function findActiveApiKeyByHash(db: Db, keyHash: string): Promise<ApiKey | undefined> {
  return db
    .selectFrom('apiKeys')
    .selectAll()
    .where('keyHash', '=', keyHash)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
}

export async function listApiKeys(db: Db, workspaceId: string): Promise<ApiKey[]> {
  return db
    .selectFrom('apiKeys')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .execute()
}

export async function revokeApiKey(db: Db, workspaceId: string, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('apiKeys')
    .set({ revokedAt: now })
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function touchApiKey(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('apiKeys').set({ lastUsedAt: now }).where('id', '=', id).execute()
}
