/**
 * Clicks go to the database in batches, never one insert per redirect: the redirect hands a click
 * to `record` (a push into memory) and answers at once; the buffer is written every 250 ms or as
 * soon as 500 clicks wait, in a few multi-row inserts inside one transaction.
 *
 * What can be lost: nothing on a clean shutdown (`close` writes what waits; the server hooks it
 * into Fastify's onClose, after the last request is answered). A crash (kill -9, power) loses the
 * clicks of the last batch window: at most 250 ms of clicks, or the batch being written. A failed
 * write (database busy or gone) keeps its clicks in memory and tries again, up to `maxPending`
 * clicks; beyond that the oldest are dropped and counted. A click on a link deleted before its
 * batch was written has nowhere to go and is dropped (counted).
 *
 * The visitor hash is made here, at write time, from the day's salt: the redirect never waits
 * for the salt, and the address and user agent live only in this buffer, never in a row.
 *
 * On a SQLite file the inserts run on a thread of their own (the store's `openClickInserter`):
 * better-sqlite3 is synchronous, and a batch written on the server's thread would hold up every
 * request meanwhile. PostgreSQL is written through the shared pool.
 */
import type { Kysely } from 'kysely'
import type { JobLogger } from '../jobs/index.js'
import { existingLinkIds, openClickInserter, type ClickInserter, type Database, type Dialect, type NewClick } from '../store/index.js'
import type { DeviceClass } from './devices.js'
import { utcDay, visitorHash, type VisitorSalts } from './visitors.js'

const dayMs = 24 * 3600_000

/** A click as the redirect saw it; `address` and `userAgent` serve the visitor hash only. */
export interface PendingClick {
  id: string
  linkId: string
  workspaceId: string
  postId: string | null
  network: string | null
  at: number
  referrerHost: string | null
  device: DeviceClass
  lang: string | null
  country: string | null
  bot: boolean
  address: string
  userAgent: string
}

export interface ClickCounters {
  /** Clicks handed to the writer. */
  accepted: number
  /** Clicks in the database. */
  stored: number
  /** Clicks given up on (their link was deleted, or the buffer overflowed while the database was down). */
  dropped: number
  /** Writes that failed and were tried again. */
  failedWrites: number
}

export interface ClickWriter {
  /** Takes a click; never waits and never throws. */
  record(click: PendingClick): void
  /** Writes what waits now; resolves once it is written (or kept for a retry after a failure). */
  flush(): Promise<void>
  /** Writes everything that waits, trying a failed write again a few times; later clicks are written at once. */
  close(): Promise<void>
  readonly counters: Readonly<ClickCounters>
  /** Clicks not yet in the database. */
  readonly pending: number
  /** A click still on its way to the database, for a conversion that arrives very fast. */
  findPending(clickId: string): PendingClick | undefined
}

export interface ClickWriterOptions {
  db: Kysely<Database>
  /** On a SQLite file, batches are written by a thread of their own (see `openClickInserter`). */
  dialect?: Dialect
  salts: VisitorSalts
  logger: JobLogger
  /** Longest a click waits in memory (default 250 ms). */
  intervalMs?: number
  /** Clicks that trigger a write at once (default 500). */
  batchSize?: number
  /** Most clicks kept while the database refuses writes (default 100,000). */
  maxPending?: number
}

export function createClickWriter(options: ClickWriterOptions): ClickWriter {
  const intervalMs = options.intervalMs ?? 250
  const batchSize = options.batchSize ?? 500
  const maxPending = options.maxPending ?? 100_000
  const counters: ClickCounters = { accepted: 0, stored: 0, dropped: 0, failedWrites: 0 }
  let buffer: PendingClick[] = []
  let writing: PendingClick[] = []
  let timer: NodeJS.Timeout | undefined
  let queued = false
  let closed = false
  let tail: Promise<void> = Promise.resolve()
  let inserter: Promise<ClickInserter> | undefined
  const insert = async (rows: NewClick[]) => {
    // Without a dialect, the shared connection writes (what PostgreSQL does anyway).
    inserter ??= openClickInserter(options.db, options.dialect ?? 'postgres').catch((error: unknown) => {
      inserter = undefined
      throw error
    })
    await (await inserter).insert(rows)
  }

  const schedule = (delay: number) => {
    if (timer) return
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, delay)
    // The server's socket keeps the process alive; pending clicks alone must not.
    timer.unref()
  }

  async function toRows(batch: PendingClick[]): Promise<NewClick[]> {
    // By day number: formatting a date for every click costs more than the rest of the row.
    const salts = new Map<number, string>()
    for (const click of batch) {
      const day = Math.floor(click.at / dayMs)
      if (!salts.has(day)) salts.set(day, await options.salts.saltFor(utcDay(click.at)))
    }
    return batch.map((c) => ({
      id: c.id,
      linkId: c.linkId,
      workspaceId: c.workspaceId,
      postId: c.postId,
      network: c.network,
      at: c.at,
      referrerHost: c.referrerHost,
      device: c.device,
      lang: c.lang,
      country: c.country,
      visitor: visitorHash(salts.get(Math.floor(c.at / dayMs))!, c.address, c.userAgent),
      bot: c.bot ? 1 : 0,
    }))
  }

  /** Writes a batch; on failure, drops clicks of deleted links and tries once more. */
  async function write(batch: PendingClick[]): Promise<void> {
    try {
      await insert(await toRows(batch))
      counters.stored += batch.length
      return
    } catch (error) {
      const live = await existingLinkIds(options.db, [...new Set(batch.map((c) => c.linkId))]).catch(() => undefined)
      const kept = live ? batch.filter((c) => live.has(c.linkId)) : batch
      if (kept.length === batch.length) throw error
      counters.dropped += batch.length - kept.length
      await insert(await toRows(kept))
      counters.stored += kept.length
    }
  }

  async function writeOut(): Promise<void> {
    queued = false
    if (buffer.length === 0) return
    writing = buffer
    buffer = []
    try {
      await write(writing)
    } catch (error) {
      counters.failedWrites++
      options.logger.error({ err: error, clicks: writing.length }, 'measure: writing clicks failed; keeping them to try again')
      buffer = writing.concat(buffer)
      if (buffer.length > maxPending) {
        counters.dropped += buffer.length - maxPending
        buffer = buffer.slice(buffer.length - maxPending)
      }
      schedule(Math.max(intervalMs, 1000))
    } finally {
      writing = []
    }
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = undefined
    }
    if (!queued) {
      queued = true
      tail = tail.then(writeOut)
    }
    return tail
  }

  return {
    record(click) {
      buffer.push(click)
      counters.accepted++
      if (closed || buffer.length >= batchSize) void flush()
      else schedule(intervalMs)
    },
    flush,
    async close() {
      closed = true
      for (let attempt = 0; attempt < 5 && (attempt === 0 || buffer.length > 0); attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200 * attempt))
        await flush()
      }
      if (timer) clearTimeout(timer)
      if (buffer.length > 0) options.logger.error({ clicks: buffer.length }, 'measure: clicks could not be written before closing')
      const opened = await inserter?.catch(() => undefined)
      inserter = undefined
      await opened?.close()
    },
    counters,
    get pending() {
      return buffer.length + writing.length
    },
    findPending(clickId) {
      return buffer.find((c) => c.id === clickId) ?? writing.find((c) => c.id === clickId)
    },
  }
}
