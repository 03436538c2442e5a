/**
 * Reading streams. Polled streams (feeds, hashtag timelines) are read by the `listen-poll` job:
 * each due stream is claimed with a conditional update (so of several workers one reads it),
 * read from its cursor, its items ingested, and only then its cursor saved — a crash in between
 * reads the same items again, and ingesting is idempotent. Firehoses are long-lived connections:
 * the worker process that holds a stream's lease reads it and renews the lease; when that process
 * dies the lease lapses and another takes over from the saved cursor.
 */
import {
  claimListenStreamPoll,
  listDueListenStreams,
  listLiveListenStreams,
  newId,
  recordListenStreamRead,
  releaseListenStreamLease,
  takeListenStreamLease,
  updateListenStream,
  workspacesOfStream,
  type ListenStream,
} from '../store/index.js'
import type { ListenContext } from './context.js'
import { ingest } from './ingest.js'
import type { StreamConfig } from './source-admin.js'
import { pollFeedSource, pollMastodonHashtag, subscribeBluesky, type ListenItem } from './sources/index.js'

const pollEveryMs: Record<'feed' | 'mastodon', number> = { feed: 15 * 60_000, mastodon: 2 * 60_000 }
/** A polled stream claimed by a worker that died is polled again after this. */
const pollLeaseMs = 5 * 60_000
const liveLeaseMs = 60_000
const liveTickMs = 15_000
const cursorSaveEveryMs = 1_000

function errorReason(error: unknown): string {
  if (error && typeof error === 'object' && 'messageKey' in error && typeof error.messageKey === 'string') return error.messageKey
  return error instanceof Error ? error.message : String(error)
}

/** Reads a polled stream once from its cursor and ingests what it brought. */
export async function pollStream(ctx: ListenContext, stream: ListenStream): Promise<void> {
  const config = JSON.parse(stream.config) as StreamConfig
  const cursor: unknown = stream.cursor ? JSON.parse(stream.cursor) : undefined
  const now = ctx.now()
  let every = pollEveryMs[stream.kind === 'mastodon' ? 'mastodon' : 'feed']
  try {
    let items: ListenItem[]
    let next: unknown
    let retryAfterMs: number | undefined
    if (config.kind === 'feed') {
      const result = await pollFeedSource({ url: config.url, cursor: cursor as never }, { allowPrivate: ctx.allowPrivateUrls })
      items = result.items
      next = result.cursor
    } else if (config.kind === 'mastodon') {
      const result = await pollMastodonHashtag({ instanceUrl: config.instanceUrl, hashtag: config.hashtag, cursor: cursor as never }, { allowPrivate: ctx.allowPrivateUrls })
      items = result.items
      next = result.cursor
      retryAfterMs = result.retryAfterMs
      // More pages wait: come back soon rather than in two minutes.
      if (!result.caughtUp && retryAfterMs === undefined) every = 10_000
    } else {
      return
    }
    await ingest(ctx, { key: stream.key, kind: config.kind }, items)
    await recordListenStreamRead(ctx.db, stream.key, {
      cursor: JSON.stringify(next ?? null),
      items: items.length,
      ...(items.length > 0 ? { lastItemAt: Math.max(...items.map((i) => i.publishedAt)) } : {}),
      nextPollAt: now + Math.max(every, retryAfterMs ?? 0),
      now: ctx.now(),
    })
  } catch (error) {
    ctx.logger.warn({ stream: stream.key, error: errorReason(error) }, 'listen: reading a stream failed')
    await updateListenStream(ctx.db, stream.key, { status: 'error', errorReason: errorReason(error), nextPollAt: now + every, updatedAt: ctx.now() })
  }
}

/** The `listen-poll` job: reads every polled stream that is due. */
export async function pollDueStreams(ctx: ListenContext): Promise<number> {
  const now = ctx.now()
  let polled = 0
  for (const stream of await listDueListenStreams(ctx.db, now, 100)) {
    if (!(await claimListenStreamPoll(ctx.db, stream.key, stream.nextPollAt, now + pollLeaseMs))) continue
    await pollStream(ctx, stream)
    polled++
  }
  return polled
}

interface Running {
  controller: AbortController
  done: Promise<void>
  /** Workspaces listening to the stream, refreshed every tick (not read again for every post). */
  workspaces: Set<string>
}

/**
 * The firehoses this process reads. `start` looks every 15 s for live streams some workspace
 * listens to, takes the lease of each it can, and reads it; `stop` ends every connection and
 * gives the leases back (saving cursors first).
 */
export class LiveStreams {
  private readonly owner = newId(Date.now())
  private readonly running = new Map<string, Running>()
  private timer: NodeJS.Timeout | undefined
  private ticking: Promise<void> | undefined

  constructor(private readonly ctx: ListenContext) {}

  start(): void {
    if (this.timer) return
    const tick = () => {
      this.ticking ??= this.tick()
        .catch((error: unknown) => this.ctx.logger.error({ error: errorReason(error) }, 'listen: live streams check failed'))
        .finally(() => (this.ticking = undefined))
    }
    this.timer = setInterval(tick, liveTickMs)
    this.timer.unref()
    tick()
  }

  /** Streams this process reads now (for tests and logs). */
  get keys(): string[] {
    return [...this.running.keys()]
  }

  async tick(): Promise<void> {
    const now = this.ctx.now()
    const live = await listLiveListenStreams(this.ctx.db)
    const wanted = new Set(live.map((s) => s.key))
    for (const [key, run] of this.running) {
      const keep = wanted.has(key) && (await takeListenStreamLease(this.ctx.db, key, this.owner, now, now + liveLeaseMs))
      if (keep) {
        run.workspaces = new Set(await workspacesOfStream(this.ctx.db, key))
        continue
      }
      run.controller.abort()
      await run.done
    }
    for (const stream of live) {
      if (this.running.has(stream.key)) continue
      if (!(await takeListenStreamLease(this.ctx.db, stream.key, this.owner, now, now + liveLeaseMs))) continue
      this.read(stream, new Set(await workspacesOfStream(this.ctx.db, stream.key)))
    }
  }

  private read(stream: ListenStream, workspaces: Set<string>): void {
    const config = JSON.parse(stream.config) as StreamConfig
    if (config.kind !== 'bluesky') return
    const controller = new AbortController()
    let cursor: unknown = stream.cursor ? JSON.parse(stream.cursor) : undefined
    let savedAt = 0
    let seen = 0
    let lastItemAt: number | undefined
    const save = async (force: boolean) => {
      const now = this.ctx.now()
      if (!force && now - savedAt < cursorSaveEveryMs) return
      savedAt = now
      const items = seen
      seen = 0
      await recordListenStreamRead(this.ctx.db, stream.key, { cursor: JSON.stringify(cursor ?? null), items, ...(lastItemAt !== undefined ? { lastItemAt } : {}), now })
    }
    const done = subscribeBluesky({
      service: config.service,
      kind: config.mode,
      cursor: cursor as never,
      allowPrivate: this.ctx.allowPrivateUrls,
      plcUrl: this.ctx.plcUrl,
      signal: controller.signal,
      onItem: async (item: ListenItem) => {
        seen++
        lastItemAt = Math.max(lastItemAt ?? 0, item.publishedAt)
        await ingest(this.ctx, { key: stream.key, kind: 'bluesky' }, [item], this.running.get(stream.key)?.workspaces ?? workspaces)
      },
      onCursor: async (next: number) => {
        cursor = next
        await save(false)
      },
      onError: (error: Error) => {
        this.ctx.logger.warn({ stream: stream.key, error: errorReason(error) }, 'listen: firehose connection failed; reconnecting')
        updateListenStream(this.ctx.db, stream.key, { status: 'error', errorReason: errorReason(error), updatedAt: this.ctx.now() }).catch(() => {
          // The store is closing; the next reader records it.
        })
      },
    })
      .catch((error: unknown) => this.ctx.logger.error({ stream: stream.key, error: errorReason(error) }, 'listen: firehose stopped'))
      .then(() => save(true))
      .finally(async () => {
        this.running.delete(stream.key)
        await releaseListenStreamLease(this.ctx.db, stream.key, this.owner)
      })
    this.running.set(stream.key, { controller, done, workspaces })
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.ticking
    const runs = [...this.running.values()]
    for (const run of runs) run.controller.abort()
    await Promise.all(runs.map((r) => r.done))
  }
}
