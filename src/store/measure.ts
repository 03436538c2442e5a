/**
 * Measuring's rows: tracked links (with their click and conversion counts), clicks written in
 * batches, the daily visitor salts, and each workspace's tracking switch and site key.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely'
import type { Dialect } from './database.js'
import type { ClicksTable, Database, TrackedLinksTable } from './schema.js'

type Db = Kysely<Database>

export type TrackedLinkRow = Database['trackedLinks']
export type NewClick = Insertable<ClicksTable>

/** What the redirect needs of a link. */
export type RedirectLinkRow = Pick<TrackedLinksTable, 'id' | 'workspaceId' | 'postId' | 'network' | 'destination'>

/** A link with its counts: human clicks, bot clicks (apart) and conversions. */
export interface TrackedLinkWithCounts extends TrackedLinkRow {
  clicks: number
  botClicks: number
  conversions: number
}

export async function insertTrackedLink(db: Db, row: TrackedLinkRow): Promise<void> {
  await db.insertInto('trackedLinks').values(row).execute()
}

export async function findLinkForRedirect(db: Db, code: string): Promise<RedirectLinkRow | undefined> {
  return db.selectFrom('trackedLinks').select(['id', 'workspaceId', 'postId', 'network', 'destination']).where('code', '=', code).executeTakeFirst()
}

/** The links already made for one post target (the same url keeps its link on a retry). */
export async function findTargetLinks(db: Db, targetId: string): Promise<TrackedLinkRow[]> {
  return db.selectFrom('trackedLinks').selectAll().where('targetId', '=', targetId).execute()
}

export async function findTrackedLink(db: Db, workspaceId: string, id: string): Promise<TrackedLinkRow | undefined> {
  return db.selectFrom('trackedLinks').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst()
}

/** Newest first (ids are time-ordered); `before` is the id the previous page ended on. */
export async function listTrackedLinks(db: Db, workspaceId: string, page: { limit: number; before?: string }): Promise<TrackedLinkWithCounts[]> {
  let query = db
    .selectFrom('trackedLinks as l')
    .selectAll('l')
    .select((eb) => [
      eb.selectFrom('clicks').select((c) => c.fn.countAll<number>().as('n')).whereRef('clicks.linkId', '=', 'l.id').where('clicks.bot', '=', 0).as('clicks'),
      eb.selectFrom('clicks').select((c) => c.fn.countAll<number>().as('n')).whereRef('clicks.linkId', '=', 'l.id').where('clicks.bot', '=', 1).as('botClicks'),
      eb.selectFrom('conversions').select((c) => c.fn.countAll<number>().as('n')).whereRef('conversions.linkId', '=', 'l.id').as('conversions'),
    ])
    .where('l.workspaceId', '=', workspaceId)
  if (page.before) query = query.where('l.id', '<', page.before)
  const rows = await query.orderBy('l.id', 'desc').limit(page.limit).execute()
  return rows.map((row) => ({ ...row, clicks: Number(row.clicks ?? 0), botClicks: Number(row.botClicks ?? 0), conversions: Number(row.conversions ?? 0) }))
}

/** Deletes a link (its clicks go with it); returns its code, or undefined when there was none. */
export async function deleteTrackedLink(db: Db, workspaceId: string, id: string): Promise<string | undefined> {
  const row = await db.deleteFrom('trackedLinks').where('workspaceId', '=', workspaceId).where('id', '=', id).returning('code').executeTakeFirst()
  return row?.code
}

/**
 * Statement sizes a batch is cut into. A few fixed shapes let prepared statements be reused
 * (every row count would be new SQL); the largest (500 rows × 12 columns = 6,000 bound
 * variables) stays far below SQLite's limit of 32,766 (3.32+) and PostgreSQL's 65,535.
 */
const chunkSizes = [500, 100, 20, 5, 1]
const clickColumns = ['id', 'linkId', 'workspaceId', 'postId', 'network', 'at', 'referrerHost', 'device', 'lang', 'country', 'visitor', 'bot'] as const

/** A batch's rows as one flat list of values, in `clickColumns` order. */
function flatten(rows: NewClick[]): unknown[] {
  const values: unknown[] = []
  for (const row of rows) for (const column of clickColumns) values.push(row[column] ?? null)
  return values
}

/** Cuts `count` rows into the fixed statement sizes, largest first. */
function chunksOf(count: number): number[] {
  const chunks: number[] = []
  let left = count
  for (const size of chunkSizes) {
    while (left >= size) {
      chunks.push(size)
      left -= size
    }
  }
  return chunks
}

/**
 * Inserts clicks in a few multi-row statements inside one transaction: all of them or none. The
 * SQL of each statement size is built once (Kysely's builder costs more than the insert).
 */
export async function insertClicks(db: Db, rows: NewClick[]): Promise<void> {
  if (rows.length === 0) return
  const values = flatten(rows)
  await db.transaction().execute(async (trx) => {
    let at = 0
    for (const size of chunksOf(rows.length)) {
      const statement = compiledInsert(db, size)
      await trx.executeQuery(CompiledQuery.raw(statement.sql, statement.order.map((i) => values[at * clickColumns.length + i])))
      at += size
    }
  })
}

const compiled = new WeakMap<Db, Map<number, { sql: string; order: number[] }>>()

/** The insert of `size` rows as SQL, and which value of the flat list each parameter takes. */
function compiledInsert(db: Db, size: number): { sql: string; order: number[] } {
  let bySize = compiled.get(db)
  if (!bySize) compiled.set(db, (bySize = new Map()))
  let statement = bySize.get(size)
  if (!statement) {
    // Each value is a marker naming its place, so the parameters' order is read, not assumed.
    const rows = Array.from({ length: size }, (_, r) => Object.fromEntries(clickColumns.map((column, c) => [column, `\u0000${r * clickColumns.length + c}`])) as unknown as NewClick)
    const query = db.insertInto('clicks').values(rows).compile()
    statement = { sql: query.sql, order: query.parameters.map((p) => Number(String(p).slice(1))) }
    bySize.set(size, statement)
  }
  return statement
}

/** Where batches of clicks go; each call is one transaction. */
export interface ClickInserter {
  insert(rows: NewClick[]): Promise<void>
  /** Waits for writes in flight, then lets go of what it holds. */
  close(): Promise<void>
}

/**
 * The thread that writes clicks to a SQLite file with a connection of its own. better-sqlite3 is
 * synchronous: on the server's thread every batch would stop every request for as long as the
 * write takes (10–25 µs a row measured here: the (link_id, at) index takes inserts all over, and
 * checkpoints run in the committing connection). SQLite lets one connection write at a time: an
 * API write on the server's connection waits (busy_timeout) for the few milliseconds a batch
 * holds the lock. Plain CommonJS evaluated as the worker's code, so that it runs the same from
 * source, under the test runner and from dist.
 */
const sqliteWriterSource = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.pragma('foreign_keys = ON')
db.pragma('busy_timeout = 5000')
const columns = workerData.columns
const row = '(' + columns.map(() => '?').join(', ') + ')'
const statements = new Map()
function statement(size) {
  let s = statements.get(size)
  if (!s) {
    s = db.prepare('insert into clicks (' + columns.join(', ') + ') values ' + Array(size).fill(row).join(', '))
    statements.set(size, s)
  }
  return s
}
const insert = db.transaction((values, chunks) => {
  let at = 0
  for (const size of chunks) {
    statement(size).run(values.slice(at * columns.length, (at + size) * columns.length))
    at += size
  }
})
parentPort.on('message', (message) => {
  if (message.close) {
    db.close()
    parentPort.close()
    return
  }
  try {
    insert(message.values, message.chunks)
    parentPort.postMessage({ id: message.id })
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code } })
  }
})
`

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** Writes on a thread of its own; falls back to the shared connection if the thread dies. */
function sqliteWriterThread(db: Db, file: string): ClickInserter {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(sqliteWriterSource, { eval: true, workerData: { driver, file, columns: clickColumns.map(snakeCase) } })
  // An idle writer must not keep the process alive; one with writes in flight must.
  worker.unref()
  const waiting = new Map<number, { resolve(): void; reject(error: Error): void }>()
  let next = 0
  let broken: Error | undefined
  const failAll = (error: Error) => {
    broken = error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  worker.on('message', (message: { id: number; error?: { message: string; code?: string } }) => {
    const entry = waiting.get(message.id)
    waiting.delete(message.id)
    if (waiting.size === 0) worker.unref()
    if (!message.error) entry?.resolve()
    else entry?.reject(Object.assign(new Error(message.error.message), { code: message.error.code }))
  })
  worker.on('error', (error) => failAll(error))
  worker.on('exit', () => failAll(new Error('the click writer thread stopped')))
  return {
    insert(rows) {
      if (rows.length === 0) return Promise.resolve()
      // Once the thread is gone, the shared connection writes: slower, but nothing is lost.
      if (broken) return insertClicks(db, rows)
      const id = next++
      return new Promise<void>((resolve, reject) => {
        if (waiting.size === 0) worker.ref()
        waiting.set(id, { resolve, reject })
        worker.postMessage({ id, values: flatten(rows), chunks: chunksOf(rows.length) })
      })
    },
    async close() {
      if (broken) return
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      worker.ref()
      worker.postMessage({ close: true })
      await exited
    },
  }
}

/**
 * Opens where clicks are written: a thread of its own for a SQLite file, the shared connection
 * otherwise (PostgreSQL does its work in its own process; an in-memory SQLite has no file).
 */
export async function openClickInserter(db: Db, dialect: Dialect): Promise<ClickInserter> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db)
    const file = rows.find((row) => row.name === 'main')?.file
    if (file) return sqliteWriterThread(db, file)
  }
  return { insert: (rows) => insertClicks(db, rows), close: async () => {} }
}

/** Links among `ids` that still exist (a click on a link deleted meanwhile has nowhere to go). */
export async function existingLinkIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('trackedLinks').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

/** Stores `salt` for `day` unless a process did first; either way returns the day's one salt. */
export async function claimVisitorSalt(db: Db, day: string, salt: string): Promise<string> {
  await db.insertInto('visitorSalts').values({ day, salt }).onConflict((oc) => oc.column('day').doNothing()).execute()
  const row = await db.selectFrom('visitorSalts').select('salt').where('day', '=', day).executeTakeFirstOrThrow()
  return row.salt
}

/** Deletes the salts of days before `day` (yyyy-mm-dd): their hashes can no longer be recomputed. */
export async function deleteVisitorSaltsBefore(db: Db, day: string): Promise<number> {
  const result = await db.deleteFrom('visitorSalts').where('day', '<', day).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export interface MeasureSettingsRow {
  trackLinks: number
  siteKey: string | null
}

export async function getMeasureSettingsRow(db: Db, workspaceId: string): Promise<MeasureSettingsRow | undefined> {
  return db.selectFrom('workspaces').select(['trackLinks', 'siteKey']).where('id', '=', workspaceId).executeTakeFirst()
}

/** Sets the site key only where there is none yet, so two first requests agree on one. */
export async function setSiteKeyIfMissing(db: Db, workspaceId: string, siteKey: string): Promise<void> {
  await db.updateTable('workspaces').set({ siteKey }).where('id', '=', workspaceId).where('siteKey', 'is', null).execute()
}

export async function setWorkspaceTrackLinks(db: Db, workspaceId: string, trackLinks: boolean): Promise<void> {
  await db.updateTable('workspaces').set({ trackLinks: trackLinks ? 1 : 0 }).where('id', '=', workspaceId).execute()
}

/** Whether a post's links become tracked links: the workspace's switch and the post's. */
export async function postTracksLinks(db: Db, postId: string): Promise<boolean> {
  const row = await db
    .selectFrom('posts')
    .innerJoin('workspaces', 'workspaces.id', 'posts.workspaceId')
    .select(['posts.trackLinks as post', 'workspaces.trackLinks as workspace'])
    .where('posts.id', '=', postId)
    .executeTakeFirst()
  return row !== undefined && row.post === 1 && row.workspace === 1
}
