/**
 * The jobs contract against both runners: the in-process runner on every dialect under test
 * (SQLite, and PostgreSQL since it is plain Kysely) and pg-boss on PostgreSQL. Each test gets a
 * fresh database; timings are shortened through the factory options, never the defaults.
 */
import { sql } from 'kysely'
import { dialectsUnderTest, createTestStore } from '../../test/helpers/stores.js'
import { findJob } from '../store/jobs.js'
import { createInProcessQueue } from './in-process.js'
import { createPgBossQueue, pgBossSchema } from './pg-boss.js'
import { runJobQueueContract, type JobQueueHarness, type StoredJob } from './jobs.contract.js'
import type { Dialect } from '../store/database.js'

const inProcessTimings = { pollIntervalMs: 100, leaseMs: 1_000 }
const pgBossTimings = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, expireInSeconds: 2 }

async function inProcessHarness(dialect: Dialect): Promise<JobQueueHarness> {
  const store = await createTestStore(dialect)
  return {
    createQueue: (options) => createInProcessQueue({ db: store.db, ...inProcessTimings, ...options }),
    inspect: async (_name, id) => {
      const job = await findJob(store.db, id)
      return job && { state: job.state, lastError: job.lastError }
    },
    effectiveRetryDelayMs: (ms) => ms,
    pollMs: inProcessTimings.pollIntervalMs,
    childArgs: [
      '--kind', 'in-process',
      '--url', store.database.url,
      '--lease-ms', String(inProcessTimings.leaseMs),
      '--poll-ms', String(inProcessTimings.pollIntervalMs),
    ],
    cleanup: () => store.cleanup(),
  }
}

const pgBossStates: Record<string, StoredJob['state']> = {
  created: 'queued',
  retry: 'queued',
  active: 'active',
  completed: 'done',
  failed: 'failed',
  cancelled: 'failed',
}

async function pgBossHarness(): Promise<JobQueueHarness> {
  // The app store gives the fresh schema S; pg-boss lives beside it in S_jobs.
  const store = await createTestStore('postgres')
  const url = store.database.url
  const schema = pgBossSchema(url)
  return {
    createQueue: (options) => createPgBossQueue({ connectionString: url, poolSize: 4, ...pgBossTimings, ...options }),
    inspect: async (name, id) => {
      const { rows } = await sql<{ state: string; message: string | null }>`
        SELECT state::text AS state, output->>'message' AS message
        FROM ${sql.table(`${schema}.job`)} WHERE name = ${name} AND id = ${id}::uuid`.execute(store.db)
      const row = rows[0]
      return row && { state: pgBossStates[row.state]!, lastError: row.message }
    },
    effectiveRetryDelayMs: (ms) => Math.max(1, Math.ceil(ms / 1000)) * 1000,
    pollMs: pgBossTimings.pollingIntervalSeconds * 1000,
    childArgs: [
      '--kind', 'pg-boss',
      '--url', url,
      '--expire-seconds', String(pgBossTimings.expireInSeconds),
      '--maintenance-seconds', String(pgBossTimings.maintenanceIntervalSeconds),
      '--polling-seconds', String(pgBossTimings.pollingIntervalSeconds),
    ],
    cleanup: () => store.cleanup(),
  }
}

for (const dialect of dialectsUnderTest()) {
  runJobQueueContract(`in-process on ${dialect}`, () => inProcessHarness(dialect))
}
if (dialectsUnderTest().includes('postgres')) {
  runJobQueueContract('pg-boss on postgres', pgBossHarness)
}
