/**
 * Coalescing of small database writes: many concurrent runs each ask for one item, and the items
 * asked for in the same turn of the event loop are handed to one `flush` together. A process
 * running dozens of jobs at once then pays one statement (and, on SQLite, one commit) per turn
 * instead of one per job. Each caller still gets its own result, or the flush's error.
 */

export interface Batcher<I, O> {
  /** Queues `item` for the next flush; resolves to its result. */
  add(item: I): Promise<O>
}

/**
 * A batcher over `flush`, which receives the items queued since the last flush (at most
 * `maxBatch`, default 500, so statements stay under SQLite's parameter limit) and returns one
 * result per item, in order.
 */
export function createBatcher<I, O>(flush: (items: I[]) => Promise<O[]>, options: { maxBatch?: number; gatherMs?: number } = {}): Batcher<I, O> {
  const maxBatch = Math.max(1, options.maxBatch ?? 500)
  const gatherMs = Math.max(0, options.gatherMs ?? 0)
  let pending: Array<{ item: I; resolve(value: O): void; reject(error: unknown): void }> = []
  let scheduled = false

  async function run(batch: typeof pending): Promise<void> {
    try {
      const results = await flush(batch.map((p) => p.item))
      if (results.length !== batch.length) throw new Error(`batch flush returned ${results.length} results for ${batch.length} items`)
      batch.forEach((p, i) => p.resolve(results[i]!))
    } catch (error) {
      for (const p of batch) p.reject(error)
    }
  }

  function drain(): void {
    scheduled = false
    const queued = pending
    pending = []
    for (let i = 0; i < queued.length; i += maxBatch) void run(queued.slice(i, i + maxBatch))
  }

  return {
    add(item) {
      return new Promise<O>((resolve, reject) => {
        pending.push({ item, resolve, reject })
        if (!scheduled) {
          scheduled = true
          // After the current turn's callbacks (e.g. every job a claim just launched) have queued
          // theirs, or after `gatherMs` for items that arrive one by one (network answers).
          if (gatherMs > 0) setTimeout(drain, gatherMs)
          else setImmediate(drain)
        }
      })
    },
  }
}
