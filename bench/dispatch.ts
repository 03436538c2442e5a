/**
 * Dispatch benchmark (`npm run bench:dispatch`): N posts (default 100,000) across A accounts
 * (5,000), due evenly over a window (60 s), published by the real job queue and dispatcher in
 * worker processes to a loopback network answering in 20–50 ms that does not deduplicate.
 * Runs: SQLite with one worker process; PostgreSQL with two; and a fault run of each, where one
 * worker is killed (SIGKILL) halfway and started again. For each run it prints how late posts
 * reached the network behind their due time (p50, p99, max), posts per second, duplicates and
 * posts lost, then one JSON line; the last line summarizes every run. Not a test.
 *
 * Flags: --posts N --accounts A --window-ms W --concurrency C (per worker, default 128)
 *        --runs sqlite,postgres,sqlite-fault,postgres-fault
 *
 * Concurrency is the worker's WORKER_CONCURRENCY. A publish run spends most of its time waiting
 * for the network (35 ms on average here), so one worker with 64 runs in flight cannot reach
 * 1,667 posts/s whatever its speed (64 / 35 ms ≈ 1,830/s before any database work); 128 can.
 * With `--posts 30000 --window-ms 1000` every post is due at once and posts/s is the capacity.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { loadConfig } from '../src/config.js'
import { createJobQueue } from '../src/jobs/index.js'
import { createRegistry } from '../src/networks/index.js'
import { createPublishContext } from '../src/publish/index.js'
import { enqueueTargets } from '../src/publish/enqueue.js'
import { createSecretBox } from '../src/security/index.js'
import { migrateToLatest, newId, openStore, type Store } from '../src/store/index.js'
import { startLoopbackNetwork, type LoopbackNetwork } from './support/loopback-network.js'

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '100000' },
    accounts: { type: 'string', default: '5000' },
    'window-ms': { type: 'string', default: '60000' },
    concurrency: { type: 'string', default: '128' },
    runs: { type: 'string', default: 'sqlite,postgres,sqlite-fault,postgres-fault' },
  },
})
const postCount = Number(values.posts)
const accountCount = Number(values.accounts)
const windowMs = Number(values['window-ms'])
const concurrency = values.concurrency
const postgresBase = process.env.BENCH_POSTGRES_URL ?? `postgres://${os.userInfo().username}@127.0.0.1:5432/test`
const root = path.resolve(import.meta.dirname, '..')
const secretKey = crypto.randomBytes(32).toString('hex')

interface RunResult {
  bench: 'dispatch'
  store: 'sqlite' | 'postgres'
  posts: number
  p50LagMs: number
  p99LagMs: number
  maxLagMs: number
  postsPerSec: number
  duplicates: number
  lost: number
  killed?: true
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function scratchDatabase(store: 'sqlite' | 'postgres'): Promise<{ url: string; drop(): Promise<void> }> {
  if (store === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dispatch-'))
    return { url: `sqlite:${path.join(dir, 'bench.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`
  return {
    url: `${postgresBase}?schema=${schema}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresBase })
      await client.connect()
      for (const s of [schema, `${schema}_jobs`]) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`)
      await client.end()
    },
  }
}

/** A workspace, its accounts, and the posts with one target each, due at `t0 + offset`. */
async function seed(store: Store, t0: number): Promise<Array<{ targetId: string; due: number }>> {
  const db = store.db
  const now = Date.now()
  const userId = newId(now)
  const workspaceId = newId(now)
  const box = createSecretBox(secretKey)
  await db.insertInto('workspaces').values({ id: workspaceId, name: 'Bench', timeZone: 'UTC', locale: 'en', createdAt: now }).execute()
  await db.insertInto('users').values({ id: userId, email: 'bench@example.com', name: 'Bench', passwordHash: 'x', locale: null, createdAt: now, updatedAt: now }).execute()
  const accounts = Array.from({ length: accountCount }, (_, i) => ({
    id: newId(now),
    workspaceId,
    network: 'loopback',
    remoteId: `acct-${i}`,
    handle: `acct-${i}`,
    displayName: `Account ${i}`,
    avatarUrl: null,
    profileUrl: 'http://127.0.0.1/',
    credentials: box.seal('{}'),
    settings: '{}',
    status: 'active' as const,
    statusReason: null,
    expiresAt: null,
    checkedAt: now,
    connectedBy: userId,
    createdAt: now,
    updatedAt: now,
  }))
  for (let i = 0; i < accounts.length; i += 500) await db.insertInto('accounts').values(accounts.slice(i, i + 500)).execute()
  const due: Array<{ targetId: string; due: number }> = []
  for (let start = 0; start < postCount; start += 500) {
    const posts = []
    const targets = []
    for (let i = start; i < Math.min(postCount, start + 500); i++) {
      const postId = newId(now)
      const targetId = newId(now)
      const at = t0 + Math.floor((i * windowMs) / postCount)
      posts.push({ id: postId, workspaceId, authorId: userId, text: `Post ${i} 🥖`, status: 'scheduled' as const, scheduleMode: 'at' as const, scheduledAt: at, scheduleVersion: 1, contentType: null, source: 'composer' as const, sourceRef: null, approvedBy: null, approvedAt: null, createdAt: now, updatedAt: now })
      targets.push({ id: targetId, postId, accountId: accounts[i % accounts.length]!.id, text: null, status: 'pending' as const, attempts: 0, firstAttemptAt: null, nextAttemptAt: null, remoteId: null, remoteCid: null, remoteUrl: null, publishedAt: null, errorKind: null, errorReason: null, createdAt: now, updatedAt: now })
      due.push({ targetId, due: at })
    }
    await db.insertInto('posts').values(posts).execute()
    await db.insertInto('postTargets').values(targets).execute()
  }
  return due
}

function startWorker(databaseUrl: string, network: LoopbackNetwork): Promise<ChildProcess> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(root, 'bench/support/dispatch-worker.ts')], {
    cwd: root,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_NETWORK_URL: network.url, BENCH_SECRET_KEY: secretKey, BENCH_CONCURRENCY: concurrency },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)))
  })
}

async function run(store: 'sqlite' | 'postgres', fault: boolean): Promise<RunResult> {
  const database = await scratchDatabase(store)
  const network = await startLoopbackNetwork()
  const workers: ChildProcess[] = []
  const opened = await openStore(loadConfig({ DATABASE_URL: database.url, DATA_DIR: '/tmp' }).database)
  try {
    await migrateToLatest(opened)
    // Seeding and enqueuing take a while; posts fall due from t0, after both are done.
    const setupStarted = Date.now()
    const t0 = setupStarted + 45_000
    const due = await seed(opened, t0)
    const config = loadConfig({ DATABASE_URL: database.url, DATA_DIR: '/tmp' })
    const jobs = createJobQueue({ store: opened, config, ...(store === 'postgres' ? { connectionString: database.url } : {}) })
    const ctx = createPublishContext({ db: opened.db, jobs, networks: createRegistry([]), secretKey, logger: { info() {}, warn() {}, error() {} }, allowPrivateUrls: true })
    for (let i = 0; i < due.length; i += 5000) {
      await enqueueTargets(ctx, due.slice(i, i + 5000).map((d) => ({ targetId: d.targetId, version: 1, attempt: 0, runAt: d.due })))
    }
    await jobs.stop()
    const processes = store === 'sqlite' ? 1 : 2
    for (let i = 0; i < processes; i++) workers.push(await startWorker(database.url, network))
    const setupMs = Date.now() - setupStarted
    if (Date.now() > t0) console.warn(`setup took ${setupMs} ms, past the first due time: lag figures include it`)
    console.log(`${store}${fault ? ' (fault)' : ''}: ${postCount} posts, ${accountCount} accounts, set up in ${(setupMs / 1000).toFixed(1)} s; posts fall due over ${windowMs / 1000} s`)

    if (fault) {
      setTimeout(() => {
        workers[0]!.kill('SIGKILL')
        const killedAt = Date.now()
        console.log('  killed worker 0 (SIGKILL) halfway; starting it again')
        void startWorker(database.url, network).then((w) => {
          workers.push(w)
          console.log(`  the new worker was ready ${Date.now() - killedAt} ms after the kill`)
        })
      }, t0 + windowMs / 2 - Date.now())
    }
    // Until every post reached the network, or none arrived for a while (killed runs wait for
    // leases to expire: 60 s in-process, 2 min plus maintenance on pg-boss), or 20 minutes.
    const stallMs = fault ? 240_000 : 60_000
    const deadline = t0 + windowMs + 20 * 60_000
    let seen = 0
    let progressAt = Date.now()
    while (network.posts.size < postCount && Date.now() < deadline && Date.now() - Math.max(progressAt, t0) < stallMs) {
      await new Promise((r) => setTimeout(r, 500))
      if (network.posts.size !== seen) {
        seen = network.posts.size
        progressAt = Date.now()
      }
    }
    await new Promise((r) => setTimeout(r, 2000)) // late duplicates, if any, would arrive now

    const lags: number[] = []
    let last = 0
    for (const { targetId, due: at } of due) {
      const record = network.posts.get(targetId)
      if (!record) continue
      lags.push(Math.max(0, record.firstAt - at))
      last = Math.max(last, record.firstAt)
    }
    lags.sort((a, b) => a - b)
    const duplicates = [...network.posts.values()].reduce((sum, r) => sum + r.created - 1, 0)
    const published = Number(
      (await opened.db.selectFrom('postTargets').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()).n,
    )
    const result: RunResult = {
      bench: 'dispatch',
      store,
      posts: postCount,
      p50LagMs: percentile(lags, 50),
      p99LagMs: percentile(lags, 99),
      maxLagMs: lags.at(-1) ?? 0,
      postsPerSec: Math.round(network.posts.size / (Math.max(last, t0 + 1) - t0) * 1000),
      duplicates,
      lost: postCount - network.posts.size,
      ...(fault ? { killed: true as const } : {}),
    }
    console.log(`  lag behind due time: p50 ${result.p50LagMs} ms, p99 ${result.p99LagMs} ms, max ${result.maxLagMs} ms`)
    console.log(`  ${result.postsPerSec} posts/s reached the network; ${duplicates} duplicates; ${result.lost} lost; ${published} recorded published`)
    console.log(JSON.stringify(result))
    return result
  } finally {
    for (const w of workers) {
      if (w.exitCode !== null) continue
      w.kill('SIGTERM')
      await new Promise((r) => {
        const timer = setTimeout(() => { w.kill('SIGKILL'); r(undefined) }, 10_000)
        w.on('exit', () => { clearTimeout(timer); r(undefined) })
      })
    }
    await opened.close()
    await network.close()
    await database.drop()
  }
}

const results: RunResult[] = []
for (const name of values.runs.split(',')) {
  const [store, fault] = name.split('-') as ['sqlite' | 'postgres', string | undefined]
  results.push(await run(store, fault === 'fault'))
}
console.log(
  JSON.stringify({
    bench: 'dispatch',
    runs: results.length,
    posts: results.reduce((s, r) => s + r.posts, 0),
    worstP99LagMs: Math.max(...results.map((r) => r.p99LagMs)),
    duplicates: results.reduce((s, r) => s + r.duplicates, 0),
    lost: results.reduce((s, r) => s + r.lost, 0),
  }),
)
process.exit(0)
