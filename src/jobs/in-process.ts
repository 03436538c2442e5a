/**
 * The in-process job runner: jobs live in the app's own database (the `jobs` table, plain Kysely,
 * so SQLite or PostgreSQL) and every process that registered a handler claims and runs them.
 *
 * - Claims are atomic (one UPDATE … WHERE id IN (SELECT … LIMIT n) … RETURNING) and only for
 *   names this process has a handler for.
 * - A claim is a lease (`lease_until`), renewed by a heartbeat every third of `leaseMs` while
 *   the handler runs. A run whose lease ran out (its process was killed) is queued again and
 *   counts as an attempt; on its last attempt it fails instead.
 * - The loop wakes at once when this process enqueues or a run ends, else sleeps until the next
 *   due job or `pollIntervalMs` (which also covers other processes' enqueues and lost leases).
 * - Successful runs ending in the same turn of the event loop are marked done in one statement.
 * - Failures retry after `backoffDelayMs(retryDelayMs, retry)` until `retries` are used up, then
 *   the job is `failed` with `last_error`.
 * - Done and failed jobs are deleted 14 days after they ended, so a key is refused for 14 days
 *   after its job finished (and for as long as it is queued or running).
 */
import type { Kysely } from 'kysely'
import type { Database, Job, NewJob } from '../store/schema.js'
import { newId } from '../store/ids.js'
import * as jobs from '../store/jobs.js'
import { LazyAbort } from './abort.js'
import { createBatcher } from './batch.js'
import {
  backoffDelayMs,
  defaultRetries,
  defaultRetryDelayMs,
  jobNamePattern,
  silentLogger,
  type EnqueueOptions,
  type HandlerOptions,
  type JobHandler,
  type JobLogger,
  type JobPayload,
  type JobQueue,
} from './queue.js'

/** How long done and failed jobs (and so their keys) are kept. */
export const jobRetentionMs = 14 * 24 * 60 * 60 * 1000

const maintenanceIntervalMs = 60 * 60 * 1000
const abortGraceMs = 2_000
/** How long a wake-up waits for more wake-ups before the runner looks for work. */
const coalesceMs = 2

export interface InProcessQueueOptions {
  db: Kysely<Database>
  /** Jobs this process runs at once, all names together. Default 4. */
  concurrency?: number
  /** Longest sleep between looks for due jobs. Default 1000 ms. */
  pollIntervalMs?: number
  /** How long a claim holds without a heartbeat; a killed run is retried after it. Default 60 s. */
  leaseMs?: number
  logger?: JobLogger
  /** The clock for stored times (tests). Default `Date.now`. */
  now?: () => number
}

interface Registration {
  handler: JobHandler
  limit: number
  running: number
}

/** A new job row from an enqueue request, checked. */
function toRowWith(now: () => number) {
  return (name: string, payload: JobPayload, enqueueOptions: EnqueueOptions): NewJob => {
    assertName(name)
    const t = now()
    const runAt = enqueueOptions.runAt === undefined ? t : Number(enqueueOptions.runAt)
    const retries = enqueueOptions.retries ?? defaultRetries
    const retryDelayMs = enqueueOptions.retryDelayMs ?? defaultRetryDelayMs
    assertEnqueueOptions(runAt, retries, retryDelayMs)
    return {
      id: newId(t),
      name,
      payload: JSON.stringify(payload),
      key: enqueueOptions.key ?? null,
      state: 'queued',
      runAt,
      maxAttempts: retries + 1,
      retryDelayMs: Math.ceil(retryDelayMs),
      leaseUntil: null,
      lastError: null,
      createdAt: t,
      updatedAt: t,
    }
  }
}

interface Run {
  lease: jobs.JobLease
  name: string
  controller: LazyAbort
  /** Set once the handler returned: the run's outcome is being written, its lease no longer matters. */
  settling: boolean
  done: Promise<void>
}

/** Creates a runner on `db`; see the module comment for its guarantees. */
export function createInProcessQueue(options: InProcessQueueOptions): JobQueue {
  const { db } = options
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4))
  const pollIntervalMs = Math.max(10, options.pollIntervalMs ?? 1_000)
  const leaseMs = Math.max(30, options.leaseMs ?? 60_000)
  const logger = options.logger ?? silentLogger
  const now = options.now ?? Date.now

  const toRow = toRowWith(now)
  // Runs that succeed in the same moment are marked done in one statement.
  const completions = createBatcher<jobs.JobLease, boolean>(async (leases) => {
    const done = await jobs.completeJobs(db, leases, now())
    return leases.map((lease) => done.has(lease.id))
  })
  const handlers = new Map<string, Registration>()
  const runs = new Map<string, Run>()
  const waker = createWaker()
  let phase: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle'
  let loop: Promise<void> | undefined
  let heartbeat: NodeJS.Timeout | undefined
  let renewing = false
  let lastRecoveryAt = 0
  let lastPruneAt = 0
  let rotation = 0
  /**
   * Per name, the earliest time a job may be due: names with nothing due are not claimed for
   * (one claim query per name would otherwise run on every pass). Refreshed every pass and on
   * this process's own enqueues; absent means "unknown, look".
   */
  const dueHints = new Map<string, number>()
  const hint = (name: string, runAt: number) => dueHints.set(name, Math.min(dueHints.get(name) ?? runAt, runAt))

  async function runLoop(): Promise<void> {
    while (phase === 'running') {
      let wakeAt = Date.now() + pollIntervalMs
      try {
        await maintain()
        await claimAndLaunch()
        const next = await nextDue()
        if (next !== undefined) wakeAt = Math.min(wakeAt, Date.now() + (next - now()))
      } catch (error) {
        logger.error({ err: errorText(error) }, 'jobs: database error in the runner loop')
      }
      if (await waker.sleep(wakeAt - Date.now())) {
        // Woken by a finished run or an enqueue: let a burst of them share the next pass.
        await new Promise((resolve) => setTimeout(resolve, coalesceMs))
      }
    }
  }

  async function maintain(): Promise<void> {
    const t = now()
    if (t - lastRecoveryAt >= pollIntervalMs) {
      lastRecoveryAt = t
      const { requeued, failed } = await jobs.recoverExpiredLeases(db, t)
      if (requeued + failed > 0) logger.warn({ requeued, failed }, 'jobs: runs whose lease expired were taken back')
    }
    if (t - lastPruneAt >= maintenanceIntervalMs) {
      lastPruneAt = t
      const pruned = await jobs.pruneFinishedJobs(db, t - jobRetentionMs)
      if (pruned > 0) logger.info({ pruned }, 'jobs: old finished jobs deleted')
    }
  }

  async function claimAndLaunch(): Promise<void> {
    const names = [...handlers.keys()]
    rotation = (rotation + 1) % Math.max(1, names.length)
    for (const name of [...names.slice(rotation), ...names.slice(0, rotation)]) {
      const registration = handlers.get(name)!
      const free = Math.min(concurrency - runs.size, registration.limit - registration.running)
      if (concurrency - runs.size <= 0) return
      if (free <= 0) continue
      const t = now()
      if ((dueHints.get(name) ?? 0) > t) continue
      const claimed = await jobs.claimDueJobs(db, { name, limit: free, now: t, leaseUntil: t + leaseMs })
      if (claimed.length < free) dueHints.set(name, Number.POSITIVE_INFINITY)
      else dueHints.delete(name)
      for (const job of claimed) launch(job, registration)
    }
  }

  /** The next due time of a queued job this process could take now. */
  async function nextDue(): Promise<number | undefined> {
    if (runs.size >= concurrency) return undefined
    const open = [...handlers].filter(([, r]) => r.running < r.limit).map(([name]) => name)
    const due = await jobs.nextDueByName(db, open)
    for (const name of open) dueHints.set(name, due.get(name) ?? Number.POSITIVE_INFINITY)
    return due.size === 0 ? undefined : Math.min(...due.values())
  }

  function launch(job: Job, registration: Registration): void {
    registration.running++
    const run: Run = {
      lease: { id: job.id, attempts: job.attempts },
      name: job.name,
      controller: new LazyAbort(),
      settling: false,
      done: Promise.resolve(),
    }
    runs.set(job.id, run)
    run.done = execute(job, registration, run).finally(() => {
      runs.delete(job.id)
      registration.running--
      waker.wake()
    })
  }

  async function execute(job: Job, registration: Registration, run: Run): Promise<void> {
    const controller = run.controller
    const context = {
      id: job.id,
      name: job.name,
      attempt: job.attempts,
      get signal() {
        return controller.signal
      },
    }
    let failure: string | undefined
    try {
      await registration.handler(JSON.parse(job.payload) as JobPayload, context)
    } catch (error) {
      failure = errorText(error)
    }
    run.settling = true
    try {
      await record(job, run.lease, failure)
    } catch (error) {
      logger.error({ job: job.id, name: job.name, err: errorText(error) }, 'jobs: could not record a run; it will run again')
    }
  }

  async function record(job: Job, lease: jobs.JobLease, failure: string | undefined): Promise<void> {
    const t = now()
    const details = { job: job.id, name: job.name, attempt: lease.attempts }
    let kept: boolean
    if (failure === undefined) {
      kept = await completions.add(lease)
    } else if (lease.attempts < job.maxAttempts) {
      const delay = backoffDelayMs(job.retryDelayMs, lease.attempts)
      kept = await jobs.retryJobLater(db, lease, t + delay, failure, t)
      logger.warn({ ...details, err: failure, retryInMs: delay }, 'jobs: run failed; will retry')
    } else {
      kept = await jobs.failJob(db, lease, failure, t)
      logger.error({ ...details, err: failure }, 'jobs: run failed; no retries left')
    }
    if (!kept) logger.warn(details, 'jobs: lease lost before the run ended; its outcome was not recorded')
  }

  async function renew(): Promise<void> {
    const held = [...runs.values()].filter((r) => !r.settling)
    if (renewing || held.length === 0) return
    renewing = true
    try {
      const t = now()
      const kept = new Set(await jobs.renewLeases(db, held.map((r) => r.lease), t + leaseMs, t))
      for (const run of held) {
        if (kept.has(run.lease.id) || run.settling) continue
        logger.warn({ job: run.lease.id, name: run.name }, 'jobs: lease lost while running; aborting the handler')
        run.controller.abort(new Error('job lease lost'))
      }
    } catch (error) {
      logger.error({ err: errorText(error) }, 'jobs: could not renew leases')
    } finally {
      renewing = false
    }
  }

  return {
    kind: 'in-process',

    register<P extends JobPayload>(name: string, handler: JobHandler<P>, handlerOptions: HandlerOptions = {}) {
      assertName(name)
      if (handlers.has(name)) throw new Error(`A handler for job "${name}" is already registered`)
      const limit = Math.max(1, Math.min(concurrency, Math.floor(handlerOptions.concurrency ?? concurrency)))
      handlers.set(name, { handler: handler as JobHandler, limit, running: 0 })
      waker.wake()
    },

    async enqueue<P extends JobPayload>(name: string, payload: P, enqueueOptions: EnqueueOptions = {}) {
      const row = toRow(name, payload, enqueueOptions)
      if (!(await jobs.insertJob(db, row))) return null
      hint(name, row.runAt)
      if (handlers.has(name)) waker.wake()
      return row.id
    },

    async enqueueMany(requests) {
      const rows = requests.map((r) => toRow(r.name, r.payload, r.options ?? {}))
      await jobs.insertJobs(db, rows)
      for (const row of rows) hint(row.name, row.runAt)
      if (requests.some((r) => handlers.has(r.name))) waker.wake()
    },

    async start() {
      if (phase === 'running') return
      if (phase !== 'idle') throw new Error('A stopped job queue cannot be started again')
      phase = 'running'
      heartbeat = setInterval(() => void renew(), Math.max(10, Math.floor(leaseMs / 3)))
      loop = runLoop()
      logger.info({ concurrency, names: [...handlers.keys()] }, 'jobs: in-process runner started')
    },

    async stop({ timeoutMs = 30_000 } = {}) {
      if (phase !== 'running') {
        phase = 'stopped'
        return
      }
      phase = 'stopping'
      waker.wake()
      await loop
      const allDone = () => Promise.all([...runs.values()].map((r) => r.done))
      if (!(await within(allDone(), timeoutMs))) {
        logger.warn({ running: runs.size }, 'jobs: stop timed out; aborting running handlers')
        for (const run of runs.values()) run.controller.abort(new Error('job queue stopping'))
        if (!(await within(allDone(), abortGraceMs))) {
          logger.warn({ running: runs.size }, 'jobs: handlers ignored the abort; their leases will expire')
        }
      }
      clearInterval(heartbeat)
      phase = 'stopped'
      logger.info({}, 'jobs: in-process runner stopped')
    },
  }
}

/** A sleep that `wake()` cuts short; a wake while awake makes the next sleep return at once. */
/** Sleeps until a time or a wake-up; `sleep` resolves true when it was woken. */
function createWaker(): { wake(): void; sleep(ms: number): Promise<boolean> } {
  let pending = false
  let interrupt: (() => void) | undefined
  return {
    wake() {
      pending = true
      interrupt?.()
    },
    async sleep(ms) {
      if (!pending && ms > 0) {
        let timer: NodeJS.Timeout | undefined
        await new Promise<void>((resolve) => {
          interrupt = resolve
          timer = setTimeout(resolve, ms)
        })
        clearTimeout(timer)
        interrupt = undefined
      }
      const woken = pending
      pending = false
      return woken
    },
  }
}

/** Resolves true when `promise` settles within `ms`, false otherwise. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms))
  })
  try {
    return await Promise.race([promise.then(() => true), timeout])
  } finally {
    clearTimeout(timer)
  }
}

function assertName(name: string): void {
  if (!jobNamePattern.test(name)) {
    throw new Error(`Job name "${name}" must start with a letter and hold only letters, digits, - and _ (50 at most)`)
  }
}

function assertEnqueueOptions(runAt: number, retries: number, retryDelayMs: number): void {
  if (!Number.isFinite(runAt)) throw new Error('runAt must be a valid date or epoch milliseconds')
  if (!Number.isInteger(retries) || retries < 0) throw new Error('retries must be a whole number, 0 or more')
  if (!Number.isFinite(retryDelayMs) || retryDelayMs < 0) throw new Error('retryDelayMs must be 0 or more')
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error)
  return text.slice(0, 2_000)
}
