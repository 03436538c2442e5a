/**
 * Daily account housekeeping as a durable job: expired sessions are deleted. The job is keyed by
 * date, so however many workers start, each day's cleanup runs once; each run schedules the next.
 */
import type { JobQueue } from '../jobs/queue.js'
import { deleteExpiredSessions } from '../store/index.js'
import type { AccountsContext } from './context.js'

export const cleanupJobName = 'accounts-cleanup'

function dayKey(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}

/** Enqueues the cleanup for the day of `time` (UTC), at the first minute after midnight. */
async function scheduleCleanup(queue: JobQueue, time: number): Promise<void> {
  const runAt = Date.parse(`${dayKey(time)}T00:01:00Z`)
  await queue.enqueue(cleanupJobName, {}, { key: dayKey(time), runAt, retries: 5 })
}

/** Registers the housekeeping handler and makes sure today's and tomorrow's runs are queued. */
export async function registerAccountJobs(queue: JobQueue, ctx: AccountsContext): Promise<void> {
  queue.register(cleanupJobName, async () => {
    await deleteExpiredSessions(ctx.db, ctx.now())
    await scheduleCleanup(queue, ctx.now() + 24 * 3600_000)
  })
  await scheduleCleanup(queue, ctx.now())
  await scheduleCleanup(queue, ctx.now() + 24 * 3600_000)
}
