/** Runs the migration set forward to the latest version; there is no way back by design. */
import { Migrator, type Kysely, type MigrationResult } from 'kysely'
import { migrations } from './migrations/index.js'
import type { Database } from './schema.js'

/**
 * Applies every pending migration in order. Safe to call at every start, and from several
 * processes at once (the migrator takes a lock).
 */
export async function migrateToLatest(store: { db: Kysely<Database>; schema?: string }): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db: store.db,
    // Named explicitly: otherwise the migrator may find another schema's tables and skip its own.
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error })
  }
  return results ?? []
}
