/**
 * Opens the database named by the configuration: an embedded SQLite file (the default) or a
 * PostgreSQL server. Both are reached through one typed Kysely instance.
 */
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect } from 'kysely'
import type { DatabaseTarget } from '../config.js'
import type { Database } from './schema.js'

export type Dialect = DatabaseTarget['dialect']

export interface Store {
  db: Kysely<Database>
  dialect: Dialect
  /** PostgreSQL only: the schema this store lives in (tests isolate themselves this way). */
  schema?: string
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL: use this schema (created when missing) instead of the connection's default. */
  schema?: string
  /** PostgreSQL: pool size. */
  poolSize?: number
}

const INT8_OID = 20
const NUMERIC_OID = 1700

/** Which database `db` talks to. */
export function dialectOf(db: Kysely<Database>): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres'
}

/** Opens (and for SQLite, creates) the database. Call `migrateToLatest` before use. */
export async function openStore(target: DatabaseTarget, options: OpenOptions = {}): Promise<Store> {
  if (target.dialect === 'sqlite') return openSqlite(target.file)
  return openPostgres(target.connectionString, options)
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  cachePreparedStatements(sqlite)
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running most of
 * ours. Statements are reusable (each run binds its own parameters, and rows are never streamed
 * here), so the most recently used ones are kept by their SQL text.
 */
function cachePreparedStatements(sqlite: BetterSqlite3.Database, size = 256): void {
  const prepare = sqlite.prepare.bind(sqlite)
  const cache = new Map<string, BetterSqlite3.Statement>()
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source)
    if (cached) {
      cache.delete(source)
      cache.set(source, cached)
      return cached
    }
    const statement = prepare(source)
    cache.set(source, statement)
    if (cache.size > size) cache.delete(cache.keys().next().value!)
    return statement
  }) as typeof sqlite.prepare
}

async function openPostgres(connectionString: string, options: OpenOptions): Promise<Store> {
  const { url, schema: schemaFromUrl } = splitSchema(connectionString)
  const schema = options.schema ?? schemaFromUrl
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`PostgreSQL schema name "${schema}" must be lower-case letters, digits and underscores`)
  }
  if (schema) {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
    } finally {
      await client.end()
    }
  }
  // Counts and ids come back as JavaScript numbers (they fit: epoch milliseconds and counters).
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID || oid === NUMERIC_OID
        ? (value: string) => (value === null ? null : Number(value))
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  })
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  })
  return { db, dialect: 'postgres', ...(schema ? { schema } : {}), close: () => db.destroy() }
}

/** `postgres://…/db?schema=name` selects a schema; the parameter is ours, not libpq's. */
export function splitSchema(connectionString: string): { url: string; schema?: string } {
  const parsed = new URL(connectionString)
  const schema = parsed.searchParams.get('schema') ?? undefined
  parsed.searchParams.delete('schema')
  return { url: parsed.toString(), ...(schema ? { schema } : {}) }
}
