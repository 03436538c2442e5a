/**
 * The heart of a resumable stream: events are decoded concurrently (signature checks and handle
 * lookups wait on the network) but their items reach `onItem` one at a time, in stream order, and
 * the cursor moves past an event only once it and every event before it are fully handled.
 *
 * - `push(position, work)`: `work` runs when one of `concurrency` slots is free (first in, first
 *   started) and hands its items to `deliver`, which waits for the previous event to settle.
 * - The cursor is committed (`onCursor`) right after an event that yielded items, and at most
 *   every `cursorIntervalMs` for the many events that yield none (likes, follows, identity…).
 *   `onItem` also receives the position, so a store can save item and cursor in one transaction.
 * - A failure (`onItem` or `onCursor` threw, or `fail(position)`) halts the pipeline: nothing
 *   after it is delivered or committed, and the subscription re-reads from the last commit.
 * - `stop()`: items not yet delivered are skipped (they come again after a restart), the one in
 *   flight finishes and is committed.
 */
import type { ListenItem } from './types.js'

/** Hands an event's items to `onItem`, in stream order. */
export type Deliver = (items: ListenItem[]) => Promise<void>

/** What the pipeline calls; `onItem` and `onCursor` may be async. */
export interface PipelineOptions {
  /** The cursor to resume from: positions at or below it are duplicates. */
  startCursor: number | undefined
  concurrency: number
  cursorIntervalMs: number
  onItem(item: ListenItem, position: { cursor: number }): Promise<void> | void
  onCursor(cursor: number): Promise<void> | void
  /** Called once, when the pipeline halts on a failure. */
  onHalt?(error: Error): void
  /** Called after each event settles (to resume a paused socket). */
  onSettled?(): void
  now?: () => number
}

interface Entry {
  position: number
  delivered: boolean
  skipped: boolean
  failed: Error | undefined
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)))

/** An ordered, resumable pipeline for one connection's events. */
export class OrderedPipeline {
  /** The highest position pushed (received), or the start cursor. */
  tracked: number | undefined
  /** The highest position such that it and everything before it are handled. */
  committed: number | undefined
  /** Set once a failure halted the pipeline. */
  halted: Error | undefined
  /** Events pushed and not yet settled. */
  pending = 0

  private readonly options: PipelineOptions
  private readonly now: () => number
  private tail: Promise<void> = Promise.resolve()
  private running = 0
  private readonly waiting: Array<() => void> = []
  private readonly entries = new Map<number, Entry>()
  private lastCommitted: number | undefined
  private lastCommitAt = 0
  private stopping = false

  constructor(options: PipelineOptions) {
    this.options = options
    this.now = options.now ?? Date.now
    this.tracked = options.startCursor
    this.committed = options.startCursor
    this.lastCommitted = options.startCursor
    this.lastCommitAt = this.now()
  }

  /** Adds an event; false (and nothing done) when `position` was already seen. */
  push(position: number, work: (deliver: Deliver) => Promise<void>): boolean {
    if (this.tracked !== undefined && position <= this.tracked) return false
    this.tracked = position
    const entry: Entry = { position, delivered: false, skipped: false, failed: undefined }
    this.entries.set(position, entry)
    this.pending += 1
    const previous = this.tail
    const deliver: Deliver = async (items) => {
      await previous
      if (this.halted || this.stopping || entry.failed) {
        entry.skipped = true
        return
      }
      for (const item of items) {
        try {
          await this.options.onItem(item, { cursor: position })
        } catch (error) {
          entry.failed ??= asError(error)
          throw error
        }
        entry.delivered = true
      }
    }
    const ran = this.slot()
      .then(() => work(deliver))
      .catch((error: unknown) => {
        entry.failed ??= asError(error)
      })
      .finally(() => this.release())
    this.tail = Promise.all([previous, ran]).then(() => this.settle(entry))
    return true
  }

  /** Marks an event as failed (e.g. it could not be decoded): the pipeline halts there. */
  fail(position: number, error: Error): void {
    const entry = this.entries.get(position)
    if (entry) entry.failed ??= error
  }

  /** Skips every item not yet delivered; what was delivered is still committed. */
  stop(): void {
    this.stopping = true
  }

  /** Resolves once every event pushed so far has settled. */
  drained(): Promise<void> {
    return this.tail
  }

  /**
   * Commits the cursor if it moved since the last commit: the interval's tail on stop, or the
   * last event handled before a halt.
   */
  async flush(): Promise<void> {
    await this.tail
    if (this.committed === undefined || this.committed === this.lastCommitted) return
    await this.commit()
  }

  private slot(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running += 1
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.running -= 1
  }

  private async settle(entry: Entry): Promise<void> {
    this.entries.delete(entry.position)
    this.pending -= 1
    try {
      if (this.halted) return
      if (entry.failed) return this.halt(entry.failed)
      // A skipped item will come again after a restart; nothing after it may be committed.
      if (entry.skipped) return this.halt(new Error('stopped'), false)
      this.committed = entry.position
      if (entry.delivered || this.now() - this.lastCommitAt >= this.options.cursorIntervalMs) await this.commit()
    } catch (error) {
      this.halt(asError(error))
    } finally {
      this.options.onSettled?.()
    }
  }

  private async commit(): Promise<void> {
    const cursor = this.committed!
    this.lastCommitAt = this.now()
    await this.options.onCursor(cursor)
    this.lastCommitted = cursor
  }

  private halt(error: Error, report = true): void {
    if (this.halted) return
    this.halted = error
    if (report) this.options.onHalt?.(error)
  }
}
