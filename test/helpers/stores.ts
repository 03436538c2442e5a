/**
 * Real databases for tests: a fresh SQLite file in a temporary folder, or a fresh schema in the
 * local PostgreSQL server (TEST_POSTGRES_URL, default postgres://<you>@127.0.0.1:5432/test).
 *
 * Suites that must hold on both dialects run on both. PostgreSQL is required: set
 * STAGECRAFT_TEST_POSTGRES=off to leave it out on a machine without it (the run says so).
 * STAGECRAFT_TEST_STORE=postgres runs the app-level tests on PostgreSQL instead of SQLite.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import pg from 'pg'
import type { DatabaseTarget } from '../../src/config.js'
import { openStore, type Dialect, type Store } from '../../src/store/database.js'
import { migrateToLatest } from '../../src/store/migrate.js'

/** The local server with trust auth; the user is the one running the tests (not every runner sets $USER). */
export const postgresUrl = process.env.TEST_POSTGRES_URL ?? `postgres://${os.userInfo().username}@127.0.0.1:5432/test`

/** The dialects a "both stores" suite runs on. */
export function dialectsUnderTest(): Dialect[] {
  if (process.env.STAGECRAFT_TEST_POSTGRES === 'off') {
    console.warn('STAGECRAFT_TEST_POSTGRES=off: PostgreSQL suites are left out of this run.')
    return ['sqlite']
  }
  return ['sqlite', 'postgres']
}

/** The dialect app-level tests (server, browser) run on. */
export function appDialect(): Dialect {
  return process.env.STAGECRAFT_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite'
}

export interface TestDatabase {
  dialect: Dialect
  /** A target the app's `openStore` accepts, pointing at this fresh database. */
  target: DatabaseTarget
  /** PostgreSQL: the schema created for this database (also a safe prefix for pg-boss's). */
  schema?: string
  /** The DATABASE_URL a child process would use for the same database. */
  url: string
  drop(): Promise<void>
}

/** A new empty database of the given dialect; `drop()` removes it. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-test-'))
    const file = path.join(dir, 'test.db')
    return {
      dialect,
      target: { dialect: 'sqlite', file },
      url: `sqlite:${file}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  }
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`
  const url = `${postgresUrl}${postgresUrl.includes('?') ? '&' : '?'}schema=${schema}`
  return {
    dialect,
    schema,
    target: { dialect: 'postgres', connectionString: url },
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl })
      await client.connect()
      try {
        // pg-boss schemas of this database are named after it (see jobs).
        const { rows } = await client.query<{ nspname: string }>(
          `SELECT nspname FROM pg_namespace WHERE nspname = $1 OR nspname LIKE $2`,
          [schema, `${schema}\\_%`],
        )
        for (const row of rows) await client.query(`DROP SCHEMA IF EXISTS "${row.nspname}" CASCADE`)
      } finally {
        await client.end()
      }
    },
  }
}

/** A migrated store on a fresh database; `cleanup()` closes and drops it. */
export async function createTestStore(dialect: Dialect): Promise<Store & { database: TestDatabase; cleanup(): Promise<void> }> {
  const database = await createTestDatabase(dialect)
  const store = await openStore(database.target)
  await migrateToLatest(store)
  return Object.assign(store, {
    database,
    cleanup: async () => {
      await store.close()
      await database.drop()
    },
  })
}
