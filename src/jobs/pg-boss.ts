/**
 * The job queue on pg-boss 10 (PostgreSQL). pg-boss keeps the jobs in its own schema and does
 * the claiming (SKIP LOCKED), retries with backoff and supervision; this module maps our
 * contract onto it:
 *
 * - Keys: a job with a key gets a deterministic id, a UUIDv5 of (name, key), and pg-boss inserts
 *   with ON CONFLICT DO NOTHING, so a second enqueue returns null. That holds while the first job
 *   is in the `job` table: pg-boss's archive moves rows out (and the archive does not block ids),
 *   so completed and failed jobs are archived only 14 days after they end (queued jobs 14 days
 *   after their start time, pg-boss's `keep_until`), like the in-process runner's retention.
 *   The archive itself is emptied 7 days later.
 * - Leases: pg-boss has no heartbeat. A run may last `expireInSeconds` (default 15 min); then
 *   pg-boss fails it (a retry while retries are left) and our JobContext signal is aborted. A
 *   killed process's run is failed the same way by supervision and runs again as the next attempt.
 * - Concurrency: each name gets one fetch loop (our own, not pg-boss's `work()`): it claims up
 *   to its free slots in one query and runs each job on its own, so one slow job never holds
 *   back the others. Runs that succeed in the same turn of the event loop
 *   are completed in one `complete(name, ids)`; failures are recorded one by one. A freed slot
 *   wakes the loop, so a backlog drains without waiting a polling interval; once the loop has
 *   caught up it fetches at most every 20 ms, and sleeps until the next job of its name falls
 *   due (or `pollingIntervalSeconds`, whichever is sooner).
 *   `concurrency` is the default per name; the process-wide total is at most the sum over names.
 * - Wake-up: enqueueing a due job here wakes this name's fetch loop; delayed jobs and other
 *   processes' jobs are found within `pollingIntervalSeconds`.
 * - Retry delays are whole seconds in pg-boss: `retryDelayMs` is rounded up.
 * - Fetch order: pg-boss 10's own `fetch` orders by creation time, which no index serves, so it
 *   sorts every due job of the queue on each call (about 15 ms of database CPU at 10,000 due
 *   jobs: a backlog made every fetch slower and the backlog longer). Our fetch is the same
 *   claiming statement (SKIP LOCKED, then active with started_on and the retry count) ordered
 *   by due time instead, which pg-boss's own partial index (name, start_after) serves. It
 *   relies on pg-boss's table layout, so pg-boss stays pinned to an exact version.
 */
import crypto from 'node:crypto'
import PgBoss from 'pg-boss'
import { splitSchema } from '../store/database.js'
import { LazyAbort } from './abort.js'
import { createBatcher, type Batcher } from './batch.js'
import {
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

const retentionSeconds = 14 * 24 * 60 * 60
const abortGraceMs = 2_000
/**
 * When a fetch found fewer due jobs than free slots, the next one waits at least this long, so
 * a steady stream of due jobs is claimed a few dozen at a time rather than one fetch per freed slot.
 */
const fetchGatherMs = 20

export interface PgBossQueueOptions {
  /** postgres://… ; our `?schema=` parameter names the app's schema (see `pgBossSchema`). */
  connectionString: string
  /** pg-boss's schema. Default: see `pgBossSchema`. */
  schema?: string
  /** Jobs of one name this process runs at once (per name on pg-boss). Default 4. */
  concurrency?: number
  logger?: JobLogger
  /** How long a run may take before pg-boss fails it and retries. Default 900 (15 minutes). */
  expireInSeconds?: number
  /** How often expired runs are failed and old jobs archived (min 1). Default 60. */
  maintenanceIntervalSeconds?: number
  /** How often idle workers look for due jobs (min 0.5). Default 2. */
  pollingIntervalSeconds?: number
  /** Connections in pg-boss's pool. Default 10. */
  poolSize?: number
}

/**
 * pg-boss's schema: the given one, else `${S}_jobs` when the connection string names the app's
 * schema S (`?schema=S`), else `pgboss`.
 */
export function pgBossSchema(connectionString: string, schema?: string): string {
  if (schema) return schema
  const fromUrl = splitSchema(connectionString).schema
  return fromUrl ? `${fromUrl}_jobs` : 'pgboss'
}

/** The id of the job with this name and key: a UUIDv5 (SHA-1, RFC 9562 layout). */
export function keyedJobId(name: string, key: string): string {
  const namespace = Buffer.from('6f1c2a4e8b3d4f7a9c0e5d2b7a1f3c8e', 'hex')
  const hash = crypto.createHash('sha1').update(namespace).update(`${name}\u0000${key}`).digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A claimed job, as our fetch returns it. */
interface FetchedJob {
  id: string
  name: string
  data: JobPayload
  expireInSeconds: number
  retryCount: number
  retryLimit: number
}

interface Registration {
  handler: JobHandler
  /** Runs of this name at once in this process. */
  workers: number
  active: number
  loop?: Promise<void>
  /** Successful runs of this name, marked completed together. */
  completions?: Batcher<string, undefined>
  /** Waits until `wake()` or `ms` pass; returns at once if woken since the last wait. */
  idle(ms: number): Promise<void>
  wake(): void
}

function createRegistration(handler: JobHandler, workers: number): Registration {
  let waiting: (() => void) | undefined
  // A wake while the loop is fetching is kept, so the loop fetches again instead of sleeping.
  let woken = false
  return {
    handler,
    workers,
    active: 0,
    idle(ms) {
      if (woken) {
        woken = false
        return Promise.resolve()
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms)
        function done() {
          clearTimeout(timer)
          waiting = undefined
          resolve()
        }
        waiting = done
      })
    },
    wake() {
      if (waiting) waiting()
      else woken = true
    },
  }
}

/** Creates a queue on pg-boss; nothing connects until the first `enqueue` or `start`. */
export function createPgBossQueue(options: PgBossQueueOptions): JobQueue {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4))
  const logger = options.logger ?? silentLogger
  const expireInSeconds = Math.max(1, Math.round(options.expireInSeconds ?? 900))
  const pollingIntervalSeconds = Math.max(0.5, options.pollingIntervalSeconds ?? 2)
  const schema = pgBossSchema(options.connectionString, options.schema)

  const boss = new PgBoss({
    connectionString: splitSchema(options.connectionString).url,
    schema,
    application_name: 'stagecraft-jobs',
    max: options.poolSize ?? 10,
    schedule: false,
    supervise: true,
    migrate: true,
    expireInSeconds,
    maintenanceIntervalSeconds: Math.max(1, Math.round(options.maintenanceIntervalSeconds ?? 60)),
    archiveCompletedAfterSeconds: retentionSeconds,
    archiveFailedAfterSeconds: retentionSeconds,
    deleteAfterDays: 7,
  })
  boss.on('error', (error) => logger.error({ err: error.message }, 'jobs: pg-boss error'))

  const handlers = new Map<string, Registration>()
  const queues = new Map<string, Promise<void>>()
  const runs = new Map<string, { controller: LazyAbort; done: Promise<void> }>()
  let opened: Promise<void> | undefined
  let phase: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle'

  /** Connects and installs or migrates pg-boss's schema, once. */
  function open(): Promise<void> {
    if (phase === 'stopping' || phase === 'stopped') throw new Error('The job queue is stopped')
    opened ??= boss.start().then(() => undefined)
    return opened
  }

  /** pg-boss 10 needs a queue before send or work; creating one is idempotent. */
  // pg-boss's createQueue takes locks that deadlock when two run at once (PostgreSQL then aborts
  // one): queues are created one at a time here, and again when another process got in the way.
  let creating: Promise<unknown> = Promise.resolve()
  async function createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name, { name, policy: 'standard' })
        return
      } catch (error) {
        if (attempt >= 5 || !/deadlock detected/i.test(errorText(error))) throw error
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt))
      }
    }
  }

  function ensureQueue(name: string): Promise<void> {
    let created = queues.get(name)
    if (!created) {
      created = creating.then(open).then(() => createQueue(name))
      creating = created.catch(() => undefined)
      created.catch(() => queues.delete(name))
      queues.set(name, created)
    }
    return created
  }

  /**
   * One fetch loop per name: it claims as many due jobs as the name has free slots, in one
   * query, and runs each on its own, so a slow job never holds back the others and a backlog
   * costs one fetch per batch rather than one per job. It sleeps `pollingIntervalSeconds` when
   * nothing is due, and wakes at once when a slot frees or a due job is enqueued here.
   */
  function startLoop(name: string, registration: Registration): void {
    if (registration.loop) return
    registration.loop = (async () => {
      await ensureQueue(name)
      while (phase === 'running') {
        const free = registration.workers - registration.active
        if (free <= 0) {
          await registration.idle(pollingIntervalSeconds * 1000)
          continue
        }
        let jobs: FetchedJob[]
        try {
          jobs = await fetchDue(name, free)
        } catch (error) {
          logger.error({ name, err: errorText(error) }, 'jobs: could not fetch jobs')
          jobs = []
        }
        // Jobs claimed while stopping still run: stop() waits for them like any other run.
        for (const job of jobs) {
          registration.active++
          void track(job.id, (controller) => runJob(registration, job, controller)).finally(() => {
            registration.active--
            registration.wake()
          })
        }
        if (jobs.length === free) continue
        if (phase !== 'running') break
        // Caught up: gather what falls due next instead of fetching once per freed slot.
        const caughtUpAt = Date.now()
        const wait = await untilNextDue(name)
        await sleep(Math.max(0, Math.min(fetchGatherMs, wait) - (Date.now() - caughtUpAt)))
        if (wait > fetchGatherMs) await registration.idle(wait - (Date.now() - caughtUpAt))
      }
    })().catch((error: unknown) => logger.error({ name, err: errorText(error) }, 'jobs: fetch loop stopped'))
  }

  /** Claims up to `limit` due jobs of `name`, earliest due first (see "Fetch order" above). */
  async function fetchDue(name: string, limit: number): Promise<FetchedJob[]> {
    const { rows } = await boss.getDb().executeSql(
      `WITH next AS (
         SELECT id FROM ${schema}.job
         WHERE name = $1 AND state < 'active' AND start_after < now()
         ORDER BY start_after
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE ${schema}.job j SET
         state = 'active',
         started_on = now(),
         retry_count = CASE WHEN j.started_on IS NOT NULL THEN j.retry_count + 1 ELSE j.retry_count END
       FROM next
       WHERE j.name = $1 AND j.id = next.id
       RETURNING j.id, j.name, j.data, EXTRACT(epoch FROM j.expire_in)::float8 AS "expireInSeconds",
         j.retry_count AS "retryCount", j.retry_limit AS "retryLimit"`,
      [name, limit],
    )
    return rows as FetchedJob[]
  }

  /** How long until the next queued job of `name` falls due, at most the polling interval. */
  async function untilNextDue(name: string): Promise<number> {
    const pollMs = pollingIntervalSeconds * 1000
    try {
      const { rows } = await boss.getDb().executeSql(
        `SELECT (EXTRACT(EPOCH FROM min(start_after) - now()) * 1000)::float8 AS ms FROM ${schema}.job WHERE name = $1 AND state < 'active'`,
        [name],
      )
      const ms = (rows[0] as { ms: number | null } | undefined)?.ms
      return ms === null || ms === undefined ? pollMs : Math.min(pollMs, Math.max(0, ms))
    } catch (error) {
      logger.error({ name, err: errorText(error) }, 'jobs: could not read the next due time')
      return pollMs
    }
  }

  async function track(id: string, run: (controller: LazyAbort) => Promise<void>): Promise<void> {
    const controller = new LazyAbort()
    const done = run(controller)
    runs.set(id, { controller, done })
    try {
      await done
    } finally {
      runs.delete(id)
    }
  }

  async function runJob(registration: Registration, job: FetchedJob, controller: LazyAbort): Promise<void> {
    const attempt = job.retryCount + 1
    const details = { job: job.id, name: job.name, attempt }
    // pg-boss fails a run that outlives its expiry (and may hand it out again): stop the handler
    // and leave the outcome to pg-boss.
    let expired = false
    const expiry = setTimeout(() => {
      expired = true
      controller.abort(new Error(`job ran longer than ${Number(job.expireInSeconds)} s`))
    }, Number(job.expireInSeconds) * 1000)
    let failure: string | undefined
    try {
      await registration.handler(job.data, {
        id: job.id,
        name: job.name,
        attempt,
        get signal() {
          return controller.signal
        },
      })
    } catch (error) {
      failure = errorText(error)
    } finally {
      clearTimeout(expiry)
    }
    if (expired) {
      logger.warn(details, 'jobs: run outlived its expiry; pg-boss failed it')
      return
    }
    // Recorded here and awaited (pg-boss's own completion after the callback is then a no-op),
    // so `stop()` never closes the pool under an unrecorded outcome.
    try {
      if (failure === undefined) {
        registration.completions ??= createBatcher<string, undefined>(async (ids) => {
          await boss.complete(job.name, ids)
          return ids.map(() => undefined)
        })
        await registration.completions.add(job.id)
      } else {
        await boss.fail(job.name, job.id, { message: failure })
        const final = job.retryCount >= job.retryLimit
        if (final) logger.error({ ...details, err: failure }, 'jobs: run failed; no retries left')
        else logger.warn({ ...details, err: failure }, 'jobs: run failed; will retry')
      }
    } catch (error) {
      logger.error({ ...details, err: errorText(error) }, 'jobs: could not record a run; it will run again')
    }
  }

  async function waitForRuns(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms
    while (runs.size > 0) {
      const left = deadline - Date.now()
      if (left <= 0) return false
      await Promise.race([Promise.all([...runs.values()].map((r) => r.done)), sleep(Math.min(left, 100))])
    }
    return true
  }

  return {
    kind: 'pg-boss',

    register<P extends JobPayload>(name: string, handler: JobHandler<P>, handlerOptions: HandlerOptions = {}) {
      assertName(name)
      if (handlers.has(name)) throw new Error(`A handler for job "${name}" is already registered`)
      const workers = Math.max(1, Math.min(concurrency, Math.floor(handlerOptions.concurrency ?? concurrency)))
      const registration = createRegistration(handler as JobHandler, workers)
      handlers.set(name, registration)
      if (phase === 'running') startLoop(name, registration)
    },

    async enqueue<P extends JobPayload>(name: string, payload: P, enqueueOptions: EnqueueOptions = {}) {
      assertName(name)
      const { runAt, key } = enqueueOptions
      const retries = enqueueOptions.retries ?? defaultRetries
      const retryDelayMs = enqueueOptions.retryDelayMs ?? defaultRetryDelayMs
      const startAfter = runAt === undefined ? undefined : new Date(runAt)
      assertEnqueueOptions(startAfter, retries, retryDelayMs)
      await ensureQueue(name)
      const id = await boss.send(name, payload, {
        ...(key === undefined ? {} : { id: keyedJobId(name, key), singletonKey: key }),
        ...(startAfter ? { startAfter } : {}),
        retryLimit: retries,
        retryDelay: Math.ceil(retryDelayMs / 1000),
        retryBackoff: true,
        expireInSeconds: enqueueOptions.timeoutMs === undefined ? expireInSeconds : Math.max(1, Math.ceil(enqueueOptions.timeoutMs / 1000)),
      })
      const registration = handlers.get(name)
      if (id && phase === 'running' && registration && (!startAfter || startAfter.getTime() <= Date.now())) registration.wake()
      return id
    },

    async enqueueMany(requests) {
      for (const name of new Set(requests.map((r) => r.name))) {
        assertName(name)
        await ensureQueue(name)
      }
      const rows = requests.map(({ name, payload, options = {} }) => {
        const retries = options.retries ?? defaultRetries
        const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs
        const startAfter = options.runAt === undefined ? undefined : new Date(options.runAt)
        assertEnqueueOptions(startAfter, retries, retryDelayMs)
        return {
          name,
          data: payload,
          ...(options.key === undefined ? {} : { id: keyedJobId(name, options.key), singletonKey: options.key }),
          ...(startAfter ? { startAfter } : {}),
          retryLimit: retries,
          retryDelay: Math.ceil(retryDelayMs / 1000),
          retryBackoff: true,
          expireInSeconds: options.timeoutMs === undefined ? expireInSeconds : Math.max(1, Math.ceil(options.timeoutMs / 1000)),
        }
      })
      for (let i = 0; i < rows.length; i += 1000) await boss.insert(rows.slice(i, i + 1000))
      if (phase !== 'running') return
      const now = Date.now()
      const due = new Set(requests.filter((r) => r.options?.runAt === undefined || new Date(r.options.runAt).getTime() <= now).map((r) => r.name))
      for (const name of due) handlers.get(name)?.wake()
    },

    async start() {
      if (phase === 'running') return
      await open()
      phase = 'running'
      for (const [name, registration] of handlers) startLoop(name, registration)
      logger.info({ schema, concurrency, names: [...handlers.keys()] }, 'jobs: pg-boss workers started')
    },

    async stop({ timeoutMs = 30_000 } = {}) {
      if (phase === 'stopping' || phase === 'stopped') return
      const wasOpen = opened !== undefined
      phase = 'stopping'
      if (wasOpen) {
        await opened?.catch(() => undefined)
        // Fetch loops end (jobs a fetch in flight claims still run); running handlers finish.
        for (const registration of handlers.values()) registration.wake()
        await Promise.all([...handlers.values()].map((registration) => registration.loop))
        if (!(await waitForRuns(timeoutMs))) {
          logger.warn({ running: runs.size }, 'jobs: stop timed out; aborting running handlers')
          for (const run of runs.values()) run.controller.abort(new Error('job queue stopping'))
          if (!(await waitForRuns(abortGraceMs))) {
            logger.warn({ running: runs.size }, 'jobs: handlers ignored the abort; pg-boss fails their runs')
          }
        }
        // Runs still going are failed by pg-boss here (so they retry); then the pool closes.
        await boss.stop({ graceful: true, wait: true, timeout: 1_000, close: true })
      }
      phase = 'stopped'
      logger.info({}, 'jobs: pg-boss stopped')
    },
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function assertName(name: string): void {
  if (!jobNamePattern.test(name)) {
    throw new Error(`Job name "${name}" must start with a letter and hold only letters, digits, - and _ (50 at most)`)
  }
}

function assertEnqueueOptions(startAfter: Date | undefined, retries: number, retryDelayMs: number): void {
  if (startAfter && !Number.isFinite(startAfter.getTime())) throw new Error('runAt must be a valid date or epoch milliseconds')
  if (!Number.isInteger(retries) || retries < 0) throw new Error('retries must be a whole number, 0 or more')
  if (!Number.isFinite(retryDelayMs) || retryDelayMs < 0) throw new Error('retryDelayMs must be 0 or more')
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error)
  return text.slice(0, 2_000)
}
