/**
 * Job-queue benchmark (`npm run bench:jobs -- --jobs 20000`): enqueues N no-op jobs due over a
 * short window and runs them, on the in-process runner over a scratch SQLite file and on pg-boss
 * over a scratch schema of the local PostgreSQL (dropped afterwards). It prints throughput, how
 * late runs started behind their due time (p50/p99/max), duplicates and lost jobs, and the ratio
 * to a baseline measured in the same run: N raw INSERT + UPDATE pairs on the `jobs` table of
 * the same database. The last line is one JSON object `{"bench":"jobs",...}`. Not a test.
 *
 * Flags: --jobs N (20000) --window-ms W (2000) --concurrency C (4) --no-postgres
 * PostgreSQL: BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else postgres://<you>@127.0.0.1:5432/test.
 * The default 20,000 jobs take a few minutes on pg-boss (its fetch slows with the backlog).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import type { Kysely } from 'kysely'
import { openStore, type Store } from '../src/store/database.js'
import { migrateToLatest } from '../src/store/migrate.js'
import { newId } from '../src/store/ids.js'
import type { Database } from '../src/store/schema.js'
import { createInProcessQueue } from '../src/jobs/in-process.js'
import { createPgBossQueue } from '../src/jobs/pg-boss.js'
import type { JobQueue } from '../src/jobs/queue.js'

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '20000' },
    'window-ms': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
    'no-postgres': { type: 'boolean', default: false },
  },
})
const jobCount = positive(values.jobs, '--jobs')
const windowMs = positive(values['window-ms'], '--window-ms')
const concurrency = positive(values.concurrency, '--concurrency')
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? `postgres://${os.userInfo().username}@127.0.0.1:5432/test`

interface Figures {
  enqueuePerSecond: number
  jobsPerSecond: number
  lagMs: { p50: number; p99: number; max: number }
  duplicates: number
  lost: number
  baselinePerSecond: number
  ratioToBaseline: number
}

/** N sequential INSERT + UPDATE pairs on `jobs`: what the simplest durable queue would cost. */
async function measureBaseline(db: Kysely<Database>, n: number): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < n; i++) {
    const t = Date.now()
    const id = newId(t)
    await db
      .insertInto('jobs')
      .values({ id, name: 'bench-baseline', payload: '{}', key: null, state: 'queued', runAt: t, maxAttempts: 1, retryDelayMs: 0, leaseUntil: null, lastError: null, createdAt: t, updatedAt: t })
      .execute()
    await db.updateTable('jobs').set({ state: 'done', updatedAt: t }).where('id', '=', id).execute()
  }
  const seconds = (performance.now() - started) / 1000
  await db.deleteFrom('jobs').where('name', '=', 'bench-baseline').execute()
  return n / seconds
}

/** Enqueues N no-op jobs due over the window, runs them and measures. */
async function measureQueue(queue: JobQueue, n: number): Promise<Omit<Figures, 'baselinePerSecond' | 'ratioToBaseline'>> {
  const runs = new Uint32Array(n)
  const lags: number[] = []
  let distinct = 0
  let lastRunAt = 0
  queue.register<{ i: number; due: number }>('bench-noop', async ({ i, due }) => {
    const now = Date.now()
    const before = runs[i] ?? 0
    runs[i] = before + 1
    if (before === 0) distinct++
    lags.push(Math.max(0, now - due))
    lastRunAt = now
  })
  await queue.start()
  const started = Date.now()
  let next = 0
  const enqueuer = async () => {
    while (next < n) {
      const i = next++
      const runAt = started + Math.floor((windowMs * i) / n)
      await queue.enqueue('bench-noop', { i, due: Math.max(runAt, Date.now()) }, { runAt, retries: 0 })
    }
  }
  await Promise.all(Array.from({ length: 8 }, enqueuer))
  const enqueueSeconds = (Date.now() - started) / 1000
  const deadline = Date.now() + Math.max(120_000, n * 10)
  while (distinct < n && Date.now() < deadline) await sleep(20)
  await sleep(1_000) // a late duplicate would show up here
  await queue.stop({ timeoutMs: 10_000 })
  const total = runs.reduce((sum, count) => sum + count, 0)
  lags.sort((a, b) => a - b)
  return {
    enqueuePerSecond: round(n / enqueueSeconds),
    jobsPerSecond: round(distinct / Math.max(0.001, (lastRunAt - started) / 1000)),
    lagMs: { p50: percentile(lags, 0.5), p99: percentile(lags, 0.99), max: lags.at(-1) ?? 0 },
    duplicates: total - distinct,
    lost: n - distinct,
  }
}

async function benchSqlite(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-bench-'))
  const store = await openStore({ dialect: 'sqlite', file: path.join(dir, 'bench.db') })
  try {
    await migrateToLatest(store)
    const baselinePerSecond = await measureBaseline(store.db, jobCount)
    const figures = await measureQueue(createInProcessQueue({ db: store.db, concurrency }), jobCount)
    return { ...figures, baselinePerSecond: round(baselinePerSecond), ratioToBaseline: ratio(figures.jobsPerSecond, baselinePerSecond) }
  } finally {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function benchPostgres(): Promise<Figures> {
  const schema = `bench_${crypto.randomBytes(5).toString('hex')}`
  const url = new URL(postgresUrl)
  url.searchParams.set('schema', schema)
  let store: Store | undefined
  try {
    store = await openStore({ dialect: 'postgres', connectionString: url.toString() })
    await migrateToLatest(store)
    const baselinePerSecond = await measureBaseline(store.db, jobCount)
    const queue = createPgBossQueue({ connectionString: url.toString(), concurrency, pollingIntervalSeconds: 0.5 })
    const figures = await measureQueue(queue, jobCount)
    return { ...figures, baselinePerSecond: round(baselinePerSecond), ratioToBaseline: ratio(figures.jobsPerSecond, baselinePerSecond) }
  } finally {
    await store?.close()
    await dropSchemas(schema)
  }
}

/** Drops the scratch schema and pg-boss's beside it. */
async function dropSchemas(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect()
  try {
    for (const name of [schema, `${schema}_jobs`]) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`)
  } finally {
    await client.end()
  }
}

function report(label: string, f: Figures): void {
  console.log(
    `${label}: ${f.jobsPerSecond} jobs/s (enqueue ${f.enqueuePerSecond}/s), lag behind runAt p50 ${f.lagMs.p50} ms, ` +
      `p99 ${f.lagMs.p99} ms, max ${f.lagMs.max} ms; duplicates ${f.duplicates}, lost ${f.lost}; ` +
      `baseline ${f.baselinePerSecond} insert+update/s, ratio ${f.ratioToBaseline}`,
  )
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

function positive(value: string | undefined, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects a whole number above 0`)
  return n
}

const round = (n: number) => Math.round(n)
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

console.log(`bench jobs: ${jobCount} no-op jobs due over ${windowMs} ms, concurrency ${concurrency}`)
const sqlite = await benchSqlite()
report('sqlite in-process', sqlite)
let postgres: Figures | null = null
let postgresNote: string | undefined
if (values['no-postgres']) {
  postgresNote = 'skipped (--no-postgres)'
} else {
  try {
    postgres = await benchPostgres()
    report('postgres pg-boss', postgres)
  } catch (error) {
    postgresNote = `skipped: ${error instanceof Error ? error.message : String(error)}`
    console.log(`postgres pg-boss: ${postgresNote}`)
  }
}
console.log(
  JSON.stringify({ bench: 'jobs', jobs: jobCount, windowMs, concurrency, sqlite, postgres, ...(postgresNote ? { postgresNote } : {}) }),
)
