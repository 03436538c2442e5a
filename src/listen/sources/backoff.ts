/**
 * Waiting between reconnections: exponential backoff with jitter, and a sleep that ends early
 * when the subscription is stopped, so stopping never waits out a backoff.
 */

/** How long to wait before reconnection attempt `attempt` (0 first): min·2^attempt, ±25 %, capped. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30))
  return Math.round(Math.min(maxMs, base * (0.75 + random() * 0.5)))
}

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
