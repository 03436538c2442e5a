/**
 * Publish jobs: one per (target, schedule version, attempt, due time). The key makes enqueuing
 * idempotent, so the scheduler, the sweeper and a reconnect may all ask for the same run and get
 * one; a deferral (rate limit, retry) is a new due time, so a new job.
 */
import type { JobRequest } from '../jobs/index.js'
import type { PublishContext } from './context.js'

export const publishJobName = 'publish'

export interface PublishJob extends Record<string, unknown> {
  targetId: string
  /** The post's schedule version when this job was made; a newer version makes it a no-op. */
  version: number
  attempt: number
}

export interface TargetRun {
  targetId: string
  version: number
  attempt: number
  runAt: number
}

function request(run: TargetRun): JobRequest<PublishJob> {
  return {
    name: publishJobName,
    payload: { targetId: run.targetId, version: run.version, attempt: run.attempt },
    options: {
      runAt: run.runAt,
      key: `${run.targetId}:v${run.version}:a${run.attempt}:t${run.runAt}`,
      // The dispatcher keeps its own retry policy on the target; job retries only cover crashes.
      retries: 5,
      retryDelayMs: 10_000,
      // A publish that has not ended in two minutes is taken for dead and run again (it then asks
      // the network whether the post is there before trying).
      timeoutMs: 120_000,
    },
  }
}

export async function enqueueTarget(ctx: PublishContext, run: TargetRun): Promise<void> {
  const job = request(run)
  await ctx.jobs.enqueue(job.name, job.payload, job.options)
}

/** Many targets at once (a post to several accounts, a bulk schedule). */
export async function enqueueTargets(ctx: PublishContext, runs: TargetRun[]): Promise<void> {
  if (runs.length > 0) await ctx.jobs.enqueueMany(runs.map(request))
}
