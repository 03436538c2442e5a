/**
 * Recurring work as durable jobs: each run enqueues the next under a time-bucket key, so however
 * many workers run, each bucket's run happens once.
 */
import type { JobQueue } from './queue.js'

/** Enqueues the run of `name` for the bucket after the one `after` falls in. */
export async function scheduleRecurring(queue: JobQueue, name: string, every: number, after: number): Promise<void> {
  const runAt = Math.floor(after / every) * every + every
  await queue.enqueue(name, {}, { key: String(runAt), runAt, retries: 3 })
}
