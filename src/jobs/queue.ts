/**
 * The durable background-job contract. Features register handlers by name and enqueue work;
 * two implementations keep it: an in-process runner persisting jobs in the app's database
 * (the embedded SQLite default) and pg-boss on PostgreSQL. Both pass the same contract suite.
 */

/** JSON-serializable payload. */
export type JobPayload = Record<string, unknown>

export interface EnqueueOptions {
  /** Run no earlier than this time (Date or epoch milliseconds). Default: now. */
  runAt?: Date | number
  /**
   * Deduplication key: a job with the same name and key enqueued again is not added (enqueue
   * returns null), so it runs once. Keys are kept as long as the job's history is kept.
   */
  key?: string
  /** How many times to retry after a failure (so at most retries + 1 runs). Default 3. */
  retries?: number
  /**
   * Base delay before the first retry; each later retry waits about twice as long (exponential
   * backoff with jitter, never less than the base × 2^(retry-1)). Default 5 s. PostgreSQL
   * rounds it up to whole seconds.
   */
  retryDelayMs?: number
  /**
   * How long one run may take before it is taken for dead and run again. pg-boss expires runs
   * after this (default 15 min); the in-process runner renews its lease while a run is alive, so
   * there it only bounds nothing and is ignored.
   */
  timeoutMs?: number
}

/** One job of a bulk enqueue. */
export interface JobRequest<P extends JobPayload = JobPayload> {
  name: string
  payload: P
  options?: EnqueueOptions
}

export interface JobContext {
  id: string
  name: string
  /** 1 for the first run, 2 for the first retry, and so on. */
  attempt: number
  /** Aborted when the runner stops; long handlers should stop early and let the job retry. */
  signal: AbortSignal
}

export type JobHandler<P extends JobPayload = JobPayload> = (payload: P, context: JobContext) => Promise<void>

export interface HandlerOptions {
  /** How many jobs of this name one process runs at once. Default: the queue's concurrency. */
  concurrency?: number
}

export interface JobQueue {
  /** Which implementation this is, for logs and health output. */
  readonly kind: 'in-process' | 'pg-boss'
  /** Registers the handler for `name`. Call before `start()`; one handler per name. */
  register<P extends JobPayload>(name: string, handler: JobHandler<P>, options?: HandlerOptions): void
  /**
   * Adds a job. Resolves to its id, or null when a job with the same name and key exists.
   * May be called on a queue that is not started (e.g. from a server-only process).
   */
  enqueue<P extends JobPayload>(name: string, payload: P, options?: EnqueueOptions): Promise<string | null>
  /** Adds many jobs in a few statements; keys dedupe as with `enqueue`. */
  enqueueMany(jobs: JobRequest[]): Promise<void>
  /** Starts running registered handlers. */
  start(): Promise<void>
  /** Stops taking jobs, waits for running ones (up to `timeoutMs`), then releases resources. */
  stop(options?: { timeoutMs?: number }): Promise<void>
}

/** Job names: letters, digits, '-' and '_', at most 50 characters (pg-boss's rule, kept for both). */
export const jobNamePattern = /^[a-zA-Z][a-zA-Z0-9_-]{0,49}$/

export const defaultRetries = 3
export const defaultRetryDelayMs = 5_000

/**
 * The delay before retry number `retry` (1-based) after a failure: base × 2^(retry-1), plus up
 * to the same again as jitter, so concurrent failures do not retry in lockstep.
 */
export function backoffDelayMs(baseMs: number, retry: number, random: () => number = Math.random): number {
  const floor = baseMs * 2 ** Math.min(16, Math.max(0, retry - 1))
  return Math.round(floor + floor * random())
}

/** What the runners log through (Fastify's pino logger fits). */
export interface JobLogger {
  info(details: object, message?: string): void
  warn(details: object, message?: string): void
  error(details: object, message?: string): void
}

export const silentLogger: JobLogger = { info: () => {}, warn: () => {}, error: () => {} }
