/**
 * Queries on the `jobs` table, the in-process runner's durable queue. One code path for SQLite
 * and PostgreSQL: times are epoch milliseconds passed in by the caller, and every write that
 * ends or extends a run is fenced by the run's attempt number, so a process whose lease was
 * taken over can no longer touch the job.
 */
import type { Kysely } from 'kysely'
import type { Database, Job, NewJob } from './schema.js'

type Db = Kysely<Database>

/** One run of a job: its id and the attempt number its claim gave it (the fencing token). */
export interface JobLease {
  id: string
  attempts: number
}

/** Adds a job unless one with the same name and key exists. Resolves to whether it was added. */
export async function insertJob(db: Db, job: NewJob): Promise<boolean> {
  const row = await db
    .insertInto('jobs')
    .values(job)
    .onConflict((oc) => oc.columns(['name', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** Inserts many jobs, skipping those whose (name, key) exists; in chunks under SQLite's variable limit. */
export async function insertJobs(db: Db, jobs: NewJob[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += 500) {
    await db
      .insertInto('jobs')
      .values(jobs.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['name', 'key']).doNothing())
      .execute()
  }
}

/**
 * Claims up to `limit` due jobs of `name` in one statement: they become `active`, their attempt
 * count goes up and they are leased until `leaseUntil`. The state and due time are checked again
 * on the updated row itself, so two processes racing for a job (PostgreSQL re-reads a row
 * another transaction just updated) never both get it; SQLite runs one writer at a time.
 */
export async function claimDueJobs(
  db: Db,
  options: { name: string; limit: number; now: number; leaseUntil: number },
): Promise<Job[]> {
  const { name, limit, now, leaseUntil } = options
  if (limit <= 0) return []
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where('state', '=', 'queued')
    .where('runAt', '<=', now)
    .where('name', '=', name)
    .orderBy('runAt')
    .orderBy('id')
    .limit(limit)
  return db
    .updateTable('jobs')
    .set((eb) => ({ state: 'active', attempts: eb('attempts', '+', 1), leaseUntil, updatedAt: now }))
    .where('id', 'in', due)
    // The re-check, as an expression: a plain `state = ?` makes SQLite's planner walk the due
    // index over every queued row instead of looking the few claimed ids up by key.
    .where((eb) => eb(eb.fn.coalesce('state', eb.val('')), '=', 'queued'))
    .where('runAt', '<=', now)
    .returningAll()
    .execute()
}

/** Extends the leases still held; resolves to the ids whose lease was extended. */
export async function renewLeases(db: Db, leases: JobLease[], leaseUntil: number, now: number): Promise<string[]> {
  if (leases.length === 0) return []
  const rows = await db
    .updateTable('jobs')
    .set({ leaseUntil, updatedAt: now })
    .where('state', '=', 'active')
    .where((eb) => eb.or(leases.map((l) => eb.and([eb('id', '=', l.id), eb('attempts', '=', l.attempts)]))))
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/**
 * Marks many runs done in one statement (a process's runs that ended in the same moment).
 * Resolves to the ids whose lease was still held; the others were taken over or already ended.
 */
export async function completeJobs(db: Db, leases: JobLease[], now: number): Promise<Set<string>> {
  if (leases.length === 0) return new Set()
  const byAttempt = new Map<number, string[]>()
  for (const lease of leases) byAttempt.set(lease.attempts, [...(byAttempt.get(lease.attempts) ?? []), lease.id])
  const rows = await db
    .updateTable('jobs')
    .set({ state: 'done', leaseUntil: null, updatedAt: now })
    // Grouped by attempt so each group is an `id IN (…)` the planner looks up by key.
    .where((eb) => eb.or([...byAttempt].map(([attempts, ids]) => eb.and([eb('attempts', '=', attempts), eb('id', 'in', ids)]))))
    .where('state', '=', 'active')
    .returning('id')
    .execute()
  return new Set(rows.map((r) => r.id))
}

/** Puts a failed run back in the queue to run again at `runAt`. */
export async function retryJobLater(db: Db, lease: JobLease, runAt: number, error: string, now: number): Promise<boolean> {
  return endRun(db, lease, { state: 'queued', runAt, leaseUntil: null, lastError: error, updatedAt: now })
}

/** Marks a job failed for good (its retries are used up). */
export async function failJob(db: Db, lease: JobLease, error: string, now: number): Promise<boolean> {
  return endRun(db, lease, { state: 'failed', leaseUntil: null, lastError: error, updatedAt: now })
}

async function endRun(db: Db, lease: JobLease, values: Partial<Job>): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set(values)
    .where('id', '=', lease.id)
    .where('attempts', '=', lease.attempts)
    .where('state', '=', 'active')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Runs whose lease ran out (their process died or stalled): those with attempts left go back to
 * the queue, due now (the lost run counts as an attempt); the others fail. Returns how many of each.
 */
export async function recoverExpiredLeases(db: Db, now: number): Promise<{ requeued: number; failed: number }> {
  const expired = () => db.updateTable('jobs').where('state', '=', 'active').where('leaseUntil', '<', now)
  const requeued = await expired()
    .set({ state: 'queued', runAt: now, leaseUntil: null, lastError: 'lease expired: the run was interrupted', updatedAt: now })
    .whereRef('attempts', '<', 'maxAttempts')
    .executeTakeFirst()
  const failed = await expired()
    .set({ state: 'failed', leaseUntil: null, lastError: 'lease expired on the last attempt', updatedAt: now })
    .whereRef('attempts', '>=', 'maxAttempts')
    .executeTakeFirst()
  return { requeued: Number(requeued.numUpdatedRows), failed: Number(failed.numUpdatedRows) }
}

/** The earliest due time of queued jobs per name (names with none queued are absent). */
export async function nextDueByName(db: Db, names: string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map()
  // One indexed look-up per name (the first queued job in due order), not a scan of the queue.
  const row = await db
    .selectNoFrom((eb) =>
      names.map((name, i) =>
        eb
          .selectFrom('jobs')
          .select('runAt')
          .where('state', '=', 'queued')
          .where('name', '=', name)
          .orderBy('runAt')
          .limit(1)
          .as(`n${i}`),
      ),
    )
    .executeTakeFirstOrThrow()
  const due = new Map<string, number>()
  names.forEach((name, i) => {
    const runAt = (row as Record<string, number | null>)[`n${i}`]
    if (runAt !== null && runAt !== undefined) due.set(name, Number(runAt))
  })
  return due
}

/** Deletes done and failed jobs last updated before `before` (which also frees their keys). */
export async function pruneFinishedJobs(db: Db, before: number): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('state', 'in', ['done', 'failed'])
    .where('updatedAt', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** One job by id (inspection and tests). */
export async function findJob(db: Db, id: string): Promise<Job | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
}
