/**
 * Measure dashboard benchmark (`npm run bench:dashboard`): the dashboard of a workspace with a
 * year of activity (P posts, default 1,000,000, one published target and tracked link each, and
 * C clicks, default 10,000,000, with ~1% conversions) on a SQLite file, the embedded default.
 * The data is written straight into the app's schema by a seeded generator (see
 * support/dashboard-data.ts), with the clock fixed, so runs are comparable.
 *
 * Baseline, measured in the same run: the last 30 days before any rollup, every post, click and
 * conversion read as it is (3 calls, their median). Then everything that can be rolled up is
 * (`rollWorkspace`, as the rollup job does: every closed day, and today up to the grace period)
 * and R dashboard calls (default 30, after 3 to warm up) cycle through what a person asks for:
 * the last 7, 30 and 90 days, a 30-day period a quarter ago, and the last 30 days of one network.
 * Prints the load and rollup times, p50/p95/max per kind of query and overall, the ratio to the
 * baseline, whether the last 30 days read raw and rolled up are the same in every figure, the
 * target (p95 ≤ 150 ms), the time of one CSV export of 30 days (every post of the period; not in
 * the percentiles), and one JSON line last. Not a test; on a shared machine the figures are noisy.
 *
 * Flags: --clicks C --posts P --runs R
 *        --keep FILE (write the data to FILE and keep it; a later run with the same FILE and
 *        counts reuses it, its rollups dropped first)
 *        --explain (after the runs, each kind once more with every query timed, and the plans
 *        of the slowest)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { translator } from '../src/i18n/index.js'
import { addDays, createMeasureContext, dashboardCsv, dayOf, measureDashboard, rollWorkspace, type DashboardQuery, type MeasureContext, type MeasureDashboard } from '../src/measure/index.js'
import { createRegistry } from '../src/networks/index.js'
import { migrateToLatest, openStore, resetRollups, type Database } from '../src/store/index.js'
import { loadDashboardData } from './support/dashboard-data.js'

const { values } = parseArgs({
  options: {
    clicks: { type: 'string', default: '10000000' },
    posts: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '30' },
    keep: { type: 'string' },
    explain: { type: 'boolean', default: false },
  },
})
const clickCount = positive(values.clicks, '--clicks')
const postCount = positive(values.posts, '--posts')
const runs = positive(values.runs, '--runs')

function positive(value: string | undefined, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects a whole number above 0`)
  return n
}

/** The benchmark's "now": a Thursday at 12:30 in Paris, so today has half a day of clicks not rolled yet. */
const now = Date.UTC(2025, 5, 12, 10, 30)
const timeZone = 'Europe/Paris'
const seed = 20250612
const targetP95Ms = 150
const baselineRuns = 3
const warmupRuns = 3

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => `${n < 100 ? n.toFixed(1) : fmt(n)} ms`
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`
const round1 = (n: number) => Math.round(n * 10) / 10

/** The nearest-rank percentile of a list of durations. */
function percentile(durations: number[], p: number): number {
  const sorted = [...durations].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!
}

const dir = values.keep ? path.dirname(path.resolve(values.keep)) : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dashboard-'))
const file = values.keep ? path.resolve(values.keep) : path.join(dir, 'bench.db')
const reuse = values.keep !== undefined && fs.existsSync(file)
console.log(
  `bench dashboard: ${fmt(postCount)} posts, ${fmt(clickCount)} clicks, ${runs} runs; SQLite ${file}${reuse ? ' (reused)' : ''}, ` +
    `node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}`,
)

const store = await openStore({ dialect: 'sqlite', file })
await migrateToLatest(store)
let workspaceId: string
if (reuse) {
  const found = await store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()
  const count = async (table: 'posts' | 'clicks') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const [posts, clicks] = [await count('posts'), await count('clicks')]
  if (posts !== postCount || clicks !== clickCount) {
    console.error(`${file} holds ${fmt(posts)} posts and ${fmt(clicks)} clicks: run with --posts ${posts} --clicks ${clicks}, or another --keep file`)
    await store.close()
    process.exit(1)
  }
  workspaceId = found.id
  await resetRollups(store.db, workspaceId)
  console.log(`data: reused; its rollups dropped`)
} else {
  const started = performance.now()
  const data = loadDashboardData({ file, posts: postCount, clicks: clickCount, now, timeZone, seed, progress: (line) => console.log(`  ${line}`) })
  workspaceId = data.workspaceId
  const size = fs.statSync(file).size / 1024 ** 3
  console.log(
    `data: loaded in ${seconds(started)} (${fmt(data.counts.posts)} posts, ${fmt(data.counts.clicks)} clicks, ${fmt(data.counts.conversions)} conversions, ` +
      `${fmt(data.counts.formAnswers)} form answers, ${fmt(data.counts.accountDays)} account days; ${size.toFixed(2)} GiB)`,
  )
}

const logger = { info() {}, warn: (d: object, m?: string) => console.warn(m, d), error: (d: object, m?: string) => console.error(m, d) }
const ctx = createMeasureContext({ db: store.db, dialect: 'sqlite', logger, publicUrl: new URL('http://localhost:3000'), networks: createRegistry([]), now: () => now })
const today = dayOf(now, timeZone)
const lastDays = (days: number, network?: string): DashboardQuery => ({ from: addDays(today, 1 - days), to: today, ...(network ? { network } : {}) })
const kinds: Array<{ name: string; query: DashboardQuery }> = [
  { name: 'last 7 days', query: lastDays(7) },
  { name: 'last 30 days', query: lastDays(30) },
  { name: 'last 90 days', query: lastDays(90) },
  { name: '30 days, a quarter ago', query: { from: addDays(today, -119), to: addDays(today, -90) } },
  { name: 'last 30 days, Bluesky', query: lastDays(30, 'bluesky') },
]

async function timed(context: MeasureContext, query: DashboardQuery, options: { allPosts?: boolean } = {}) {
  const started = performance.now()
  const dashboard = await measureDashboard(context, workspaceId, query, options)
  return { ms: performance.now() - started, dashboard }
}

// Baseline: nothing rolled, so every click of both periods (and of every post) is read as it is.
const baseline: number[] = []
let raw30: MeasureDashboard | undefined
for (let i = 0; i < baselineRuns; i++) {
  const run = await timed(ctx, kinds[1]!.query)
  baseline.push(run.ms)
  raw30 = run.dashboard
}
const baselineP50 = percentile(baseline, 0.5)
console.log(`baseline (last 30 days, nothing rolled up): p50 ${ms(baselineP50)} over ${baselineRuns} calls (${baseline.map(ms).join(', ')})`)

const rollStarted = performance.now()
const rolledDays = await rollWorkspace(ctx, { id: workspaceId, timeZone })
console.log(`rollup: ${rolledDays} days rolled in ${seconds(rollStarted)}`)

for (let i = 0; i < warmupRuns; i++) await timed(ctx, kinds[i % kinds.length]!.query)
const perKind = new Map<string, number[]>(kinds.map((k) => [k.name, []]))
const all: number[] = []
let rolled30: MeasureDashboard | undefined
for (let i = 0; i < runs; i++) {
  const kind = kinds[i % kinds.length]!
  const run = await timed(ctx, kind.query)
  perKind.get(kind.name)!.push(run.ms)
  all.push(run.ms)
  if (kind === kinds[1]) rolled30 = run.dashboard
}

const csvStarted = performance.now()
const exported = await measureDashboard(ctx, workspaceId, kinds[1]!.query, { allPosts: true })
const csvDashboardMs = performance.now() - csvStarted
const csv = dashboardCsv(exported, 'posts', { t: translator('fr'), networkName: (id) => id })
const csvMs = performance.now() - csvStarted

const describe = (durations: number[]) => `p50 ${ms(percentile(durations, 0.5))}, p95 ${ms(percentile(durations, 0.95))}, max ${ms(Math.max(...durations))} (${durations.length} calls)`
console.log(`dashboard after the rollup:`)
for (const [name, durations] of perKind) if (durations.length > 0) console.log(`  ${name.padEnd(24)} ${describe(durations)}`)
console.log(`  ${'all'.padEnd(24)} ${describe(all)}`)
const p50 = percentile(all, 0.5)
const p95 = percentile(all, 0.95)
const rolled30P50 = percentile(perKind.get(kinds[1]!.name)!, 0.5)
console.log(`ratio: the last 30 days take ${ms(rolled30P50)} rolled up against ${ms(baselineP50)} read raw (${(baselineP50 / rolled30P50).toFixed(1)}× faster); all kinds' p50 is ${Math.round((p50 / baselineP50) * 1000) / 10}% of the baseline`)
if (raw30 && rolled30) {
  // Every figure of the dashboard, not only the totals: only the freshness line may differ.
  const parts = (d: MeasureDashboard) => Object.entries({ ...d, freshness: null }).map(([key, value]) => [key, JSON.stringify(value)] as const)
  const rolledParts = new Map(parts(rolled30))
  const different = parts(raw30).filter(([key, value]) => rolledParts.get(key) !== value).map(([key]) => key)
  const t = rolled30.totals
  const shown = { clicks: t.clicks, visitors: t.visitors, conversions: t.conversions, revenue: t.revenue, posts: t.posts }
  console.log(
    `figures of the last 30 days, raw and rolled: ${different.length === 0 ? 'the same' : `DIFFERENT in ${different.join(', ')}`} ` +
      `(every part of the dashboard compared; ${Object.entries(shown).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')})`,
  )
}
console.log(`CSV export of the last 30 days: ${ms(csvMs)} (dashboard with every post ${ms(csvDashboardMs)}; ${fmt(exported.topPosts.length)} posts, ${fmt(csv.length / 1024)} KiB)`)
console.log(`target: p95 ≤ ${targetP95Ms} ms ${p95 <= targetP95Ms ? 'met' : 'NOT MET'}`)

if (values.explain) await explain()

await ctx.clicks.close()
await store.close()
if (!values.keep) fs.rmSync(dir, { recursive: true, force: true })
console.log(JSON.stringify({ bench: 'dashboard', clicks: clickCount, posts: postCount, p95Ms: round1(p95), p50Ms: round1(p50), baselineP50Ms: round1(baselineP50) }))
process.exit(0)

/**
 * Each kind once more on a connection that times every statement; prints each kind's slowest
 * statements with their share of the call and SQLite's plan for them.
 */
async function explain(): Promise<void> {
  const sqlite = new BetterSqlite3(file)
  let statements: Array<{ sql: string; parameters: readonly unknown[]; ms: number }> = []
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') statements.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis })
    },
  })
  const traced = createMeasureContext({ db, dialect: 'sqlite', logger, publicUrl: new URL('http://localhost:3000'), networks: createRegistry([]), now: () => now })
  for (const kind of kinds) {
    statements = []
    const run = await timed(traced, kind.query)
    const slowest = [...statements].sort((a, b) => b.ms - a.ms).slice(0, 4)
    console.log(`explain: ${kind.name}: ${ms(run.ms)}, ${statements.length} statements (${ms(statements.reduce((sum, s) => sum + s.ms, 0))} in SQLite)`)
    for (const statement of slowest) {
      const parameters = statement.parameters.length > 8 ? `${statement.parameters.length} parameters` : JSON.stringify(statement.parameters)
      console.log(`  ${ms(statement.ms)}: ${statement.sql.replace(/\s+/g, ' ')}  ${parameters}`)
      const plan = sqlite.prepare(`explain query plan ${statement.sql}`).all(...(statement.parameters as unknown[])) as Array<{ detail: string }>
      for (const step of plan) console.log(`      ${step.detail}`)
    }
  }
  await db.destroy()
}
