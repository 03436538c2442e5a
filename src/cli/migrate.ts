/** `stagecraft migrate`: apply pending migrations and say which. */
import type { Config } from '../config.js'
import { migrateToLatest, openStore } from '../store/index.js'

export async function runMigrate(config: Config): Promise<void> {
  const store = await openStore(config.database)
  try {
    const results = await migrateToLatest(store)
    if (results.length === 0) console.log('The database is up to date.')
    for (const r of results) console.log(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`)
  } finally {
    await store.close()
  }
}
