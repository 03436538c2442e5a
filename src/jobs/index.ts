/**
 * Durable background jobs: the one way features run work later or retry it. The store's dialect
 * picks the runner: the in-process runner on the embedded SQLite database, pg-boss on
 * PostgreSQL. Both keep the contract in `queue.ts` and pass the same suite (`jobs.contract.ts`).
 */
import type { Store } from '../store/database.js'
import { createInProcessQueue } from './in-process.js'
import { createPgBossQueue, pgBossSchema } from './pg-boss.js'
import type { JobLogger, JobQueue } from './queue.js'

export * from './queue.js'
export { createInProcessQueue, jobRetentionMs, type InProcessQueueOptions } from './in-process.js'
export { createPgBossQueue, keyedJobId, pgBossSchema, type PgBossQueueOptions } from './pg-boss.js'

export interface JobQueueDeps {
  /** The app's open store; its dialect picks the runner. */
  store: Store
  /** `workerConcurrency`: jobs one process runs at once (per job name on pg-boss). */
  config: { workerConcurrency: number }
  logger?: JobLogger
  /** PostgreSQL only, required there: the DATABASE_URL; pg-boss opens its own connections. */
  connectionString?: string
}

/** The job queue for this store: in-process on SQLite, pg-boss on PostgreSQL. */
export function createJobQueue(deps: JobQueueDeps): JobQueue {
  const { store, config, logger } = deps
  if (store.dialect === 'sqlite') {
    return createInProcessQueue({ db: store.db, concurrency: config.workerConcurrency, ...(logger ? { logger } : {}) })
  }
  if (!deps.connectionString) throw new Error('createJobQueue: PostgreSQL needs the connection string for pg-boss')
  return createPgBossQueue({
    connectionString: deps.connectionString,
    // A store opened on a schema that its URL does not name still gets its jobs beside it.
    schema: pgBossSchema(deps.connectionString, store.schema ? `${store.schema}_jobs` : undefined),
    concurrency: config.workerConcurrency,
    ...(logger ? { logger } : {}),
  })
}
export { scheduleRecurring } from './recurring.js'
export { createBatcher, type Batcher } from './batch.js'
