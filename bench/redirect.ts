/**
 * Redirect benchmark (`npm run bench:redirect`): the short links' redirect `GET /l/:code` of the
 * real app (its global hooks included) with click logging on a SQLite file, under autocannon on
 * loopback, beside a bare route measured in the same run (registered only here: the same cache
 * lookup and 302, no click). L links (default 1,000) are made through the feature and the cache is
 * warmed; autocannon (C connections, default 50, pipelining 1) cycles through their codes with a
 * phone's headers (the costlier path: a person gets a click id), D seconds per route (default 10)
 * in R alternating rounds (default 2: logged, bare, logged, bare), so that a change in the
 * machine's other load falls on both alike; latencies are the worst round's. The load generator
 * runs in a process of its own, so the server's CPU time per request can be read as well.
 * Then the clicks still in memory are written and counted: `clicksSent` counts the clicks the
 * redirect handed to the writer during the timed rounds (every 302 it answered; the load
 * generator may stop before reading the last few), `clicksStored` the rows written for them. The
 * app is then closed and the rows counted again. Prints requests/s, p50/p99 latency, the ratio to
 * the bare route, the targets, and one JSON line last. Not a test; on a shared machine the
 * figures are noisy.
 *
 * Flags: --links L --connections C --duration D --rounds R --warmup S (seconds per route, default 2)
 *        --only logged|bare (profiling one route; the other's figures are then zero)
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.js'
import { createJobQueue } from '../src/jobs/index.js'
import { createMeasureContext, createStandaloneLink, isLinkCode } from '../src/measure/index.js'
import { createRegistry } from '../src/networks/index.js'
import { buildApp } from '../src/server/index.js'
import { migrateToLatest, newId, openStore } from '../src/store/index.js'

const { values } = parseArgs({
  options: {
    links: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' },
    // For profiling one route alone: --only logged | bare.
    only: { type: 'string' },
  },
})
const linkCount = positive(values.links, '--links')
const connections = positive(values.connections, '--connections')
const duration = positive(values.duration, '--duration')
const warmup = positive(values.warmup, '--warmup')
const rounds = positive(values.rounds, '--rounds')

function positive(value: string | undefined, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects a whole number above 0`)
  return n
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const phone = {
  'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  referer: 'https://bsky.app/profile/cafe-lune.example/post/3kabc',
  'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8',
  'cf-ipcountry': 'FR',
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-redirect-'))
const file = path.join(dir, 'bench.db')
const config = loadConfig({ DATABASE_URL: `sqlite:${file}`, DATA_DIR: dir, SECRET_KEY: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' })
const store = await openStore(config.database)
await migrateToLatest(store)
const jobs = createJobQueue({ store, config })
const logger = { info() {}, warn: (d: object, m?: string) => console.warn(m, d), error: (d: object, m?: string) => console.error(m, d) }
const measure = createMeasureContext({ db: store.db, dialect: store.dialect, logger, publicUrl: config.publicUrl, networks: createRegistry([]), countryHeader: config.countryHeader })

const app = await buildApp({
  config,
  store,
  jobs,
  secretKey: config.secretKey!,
  webDir: false,
  logger: false,
  measure,
  extraRoutes: (app) => {
    // The floor: the same lookup and answer, nothing recorded.
    app.get<{ Params: { code: string } }>('/bare/:code', { config: { access: 'public', anonymous: true }, helmet: false, schema: { hide: true } }, (request, reply) => {
      const answer = (link: { destination: string } | null) =>
        link ? reply.code(302).header('location', link.destination).header('cache-control', 'no-store').send() : reply.code(404).send()
      const code = request.params.code
      const link = isLinkCode(code) ? measure.links.lookup(code) : null
      return link instanceof Promise ? link.then(answer) : answer(link)
    })
  },
})

const now = Date.now()
const workspaceId = newId(now)
const userId = newId(now)
await store.db.insertInto('workspaces').values({ id: workspaceId, name: 'Bench', timeZone: 'UTC', locale: 'en', createdAt: now }).execute()
await store.db.insertInto('users').values({ id: userId, email: 'bench@example.com', name: 'Bench', passwordHash: 'x', locale: null, createdAt: now, updatedAt: now }).execute()
const codes: string[] = []
for (let i = 0; i < linkCount; i++) {
  const link = await createStandaloneLink(measure, { userId, workspaceId }, { url: `https://cafe-lune.example/menu/${i}?lang=fr`, label: `Flyer ${i % 10}` })
  codes.push(link.code)
}

await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
console.log(`bench redirect: ${fmt(linkCount)} links, ${connections} connections, ${duration} s per route in ${rounds} alternating rounds, SQLite ${file}, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}`)

// Every code once through each route: the cache holds them all before anything is timed.
for (const code of codes) {
  await fetch(`${base}/l/${code}`, { redirect: 'manual', headers: phone })
  await fetch(`${base}/bare/${code}`, { redirect: 'manual', headers: phone })
}

interface LoadResult {
  reqPerSec: number
  total: number
  p50: number
  p99: number
  max: number
  redirects: number
  otherNon2xx: number
  errors: number
  /** CPU time of this process (the server) per request answered, in microseconds. */
  cpuUsPerRequest: number
}

/** One autocannon run in its own process; the server's CPU time is read around it. */
async function run(prefix: string, seconds: number): Promise<LoadResult> {
  const options = { url: base, connections, duration: seconds, headers: phone, paths: codes.map((code) => `${prefix}${code}`) }
  const cpu = process.cpuUsage()
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/redirect-load.ts'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  const used = process.cpuUsage(cpu)
  if (code !== 0) throw new Error(`the load generator exited with ${code}`)
  const result = JSON.parse(output.trim().split('\n').at(-1)!) as Omit<LoadResult, 'cpuUsPerRequest'>
  return { ...result, cpuUsPerRequest: Math.round(((used.user + used.system) / Math.max(1, result.total)) * 10) / 10 }
}

/** Rounds as one run: requests per second over all of them, the worst round's latencies. */
function combine(results: LoadResult[]): LoadResult {
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0)
  const worst = (pick: (r: LoadResult) => number) => Math.max(...results.map(pick))
  const total = sum((r) => r.total)
  return {
    reqPerSec: total / (duration || 1),
    total,
    p50: worst((r) => r.p50),
    p99: worst((r) => r.p99),
    max: worst((r) => r.max),
    redirects: sum((r) => r.redirects),
    otherNon2xx: sum((r) => r.otherNon2xx),
    errors: sum((r) => r.errors),
    cpuUsPerRequest: total === 0 ? 0 : Math.round((sum((r) => r.cpuUsPerRequest * r.total) / total) * 10) / 10,
  }
}

const rowsStored = async () => Number((await store.db.selectFrom('clicks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

const skipped: LoadResult = { reqPerSec: 0, total: 0, p50: 0, p99: 0, max: 0, redirects: 0, otherNon2xx: 0, errors: 0, cpuUsPerRequest: 0 }
const runLogged = (seconds: number) => (values.only === 'bare' ? Promise.resolve(skipped) : run('/l/', seconds))
const runBare = (seconds: number) => (values.only === 'logged' ? Promise.resolve(skipped) : run('/bare/', seconds))
await runLogged(warmup)
await runBare(warmup)
await measure.clicks.flush()
const acceptedBefore = measure.clicks.counters.accepted
const rowsBefore = await rowsStored()

// Alternating rounds: a change in the machine's other load falls on both routes alike.
const loggedRounds: LoadResult[] = []
const bareRounds: LoadResult[] = []
for (let round = 0; round < rounds; round++) {
  loggedRounds.push(await runLogged(duration / rounds))
  bareRounds.push(await runBare(duration / rounds))
}
const logged = combine(loggedRounds)
const bare = combine(bareRounds)
await measure.clicks.flush()
const clicksSent = measure.clicks.counters.accepted - acceptedBefore
const clicksStored = (await rowsStored()) - rowsBefore

await app.close()
const storedAfterClose = (await rowsStored()) - rowsBefore
await jobs.stop()
await store.close()
fs.rmSync(dir, { recursive: true, force: true })

const reqPerSec = Math.round(logged.reqPerSec)
const bareReqPerSec = Math.round(bare.reqPerSec)
const ratio = Math.round((reqPerSec / bareReqPerSec) * 100) / 100
const describe = (r: LoadResult) =>
  `${fmt(r.reqPerSec)} req/s, latency p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms; server CPU ${r.cpuUsPerRequest} µs per request; ` +
  `${fmt(r.redirects)} redirects read by the load generator, ${r.otherNon2xx} other answers, ${r.errors} errors`
console.log(`redirect with click logging: ${describe(logged)}`)
console.log(`bare redirect (no logging):  ${describe(bare)}`)
console.log(`ratio: ${Math.round(ratio * 100)}% of the bare route's requests/s (${Math.round((bare.cpuUsPerRequest / logged.cpuUsPerRequest) * 100)}% by server CPU per request)`)
console.log(
  `clicks: ${fmt(clicksSent)} handed to the writer, ${fmt(clicksStored)} stored after the last batch (${fmt(storedAfterClose)} after closing); ` +
    `${fmt(clicksSent - clicksStored)} lost; dropped ${measure.clicks.counters.dropped}, failed writes ${measure.clicks.counters.failedWrites}; cache ${fmt(measure.links.stats.hits)} hits, ${fmt(measure.links.stats.misses)} misses`,
)
const targets = [
  ['≥ 10,000 redirects/s', reqPerSec >= 10_000],
  ['p99 ≤ 10 ms', logged.p99 <= 10],
  ['≥ 60% of the bare route', ratio >= 0.6],
  ['zero clicks lost', clicksSent === clicksStored && storedAfterClose === clicksStored],
] as const
console.log(`targets: ${targets.map(([name, met]) => `${name} ${met ? 'met' : 'NOT MET'}`).join('; ')}`)
console.log(JSON.stringify({ bench: 'redirect', reqPerSec, p50Ms: logged.p50, p99Ms: logged.p99, bareReqPerSec, clicksSent, clicksStored }))
process.exit(0)
