/**
 * One connection to a Jetstream v1 endpoint: `GET /subscribe?wantedCollections=app.bsky.feed.post
 * &cursor=<time_us>` upgraded to a WebSocket of JSON events (bluesky-social/jetstream
 * pkg/models): `{did, time_us, kind: 'commit'|'identity'|'account', commit?: {operation,
 * collection, rkey, record?, cid?}}`. The cursor is inclusive (the event at `time_us` is sent
 * again), so positions at or below the last one received are dropped as duplicates; exact resume
 * assumes `time_us` increases along the stream, as one Jetstream instance serves it. Jetstream
 * does not sign anything: the operator is trusted. When more than `maxQueue` events wait, the
 * socket is paused (TCP pushes back) until half of them are handled.
 */
import WebSocket from 'ws'
import { deletionItem, postCollection, postToItem } from './bluesky-post.js'
import type { BlueskyConnectionContext } from './bluesky-subscribe.js'
import { findUrlRejection, fromUrlRejection } from './errors.js'
import type { OrderedPipeline } from './ordered-pipeline.js'
import { guardedSocket } from './source-url.js'
import type { EndReason, StreamConnection } from './stream-session.js'

/** A ping every this often; no pong by the next one means the connection is dead. */
const heartbeatMs = 30_000
/** The largest event accepted (a post record is at most a few kB; Jetstream caps far below this). */
const maxPayload = 4 * 1024 * 1024

/** The fields of a Jetstream event listening uses. */
interface JetstreamEvent {
  did: string
  timeUs: number
  kind: string
  operation?: string
  collection?: string
  rkey?: string
  record?: unknown
}

const isFields = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads one message; undefined when it is not a Jetstream event. */
export function parseJetstreamEvent(text: string): JetstreamEvent | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isFields(value) || typeof value.did !== 'string' || typeof value.time_us !== 'number' || typeof value.kind !== 'string') return undefined
  const commit = isFields(value.commit) ? value.commit : {}
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  return {
    did: value.did,
    timeUs: value.time_us,
    kind: value.kind,
    operation: str(commit.operation),
    collection: str(commit.collection),
    rkey: str(commit.rkey),
    record: commit.record,
  }
}

/** Opens one Jetstream connection feeding `pipeline`. */
export function openJetstream(context: BlueskyConnectionContext, pipeline: OrderedPipeline, end: (reason: EndReason) => void): StreamConnection {
  const query = new URLSearchParams({ wantedCollections: postCollection })
  if (pipeline.tracked !== undefined) query.set('cursor', String(pipeline.tracked))
  const socket = new WebSocket(`${context.base}/subscribe?${query}`, {
    createConnection: guardedSocket(context.allowPrivate, context.secure),
    handshakeTimeout: 15_000,
    followRedirects: false,
    maxPayload,
  })
  let lastError: Error | undefined
  let paused = false
  let alive = true

  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate()
    alive = false
    if (socket.readyState === WebSocket.OPEN) socket.ping()
  }, heartbeatMs)
  socket.on('pong', () => {
    alive = true
  })

  function accept(event: JetstreamEvent): void {
    // A handle change: forget the old one before the author's next post is read.
    if (event.kind === 'identity') context.handles.forget(event.did)
    const isPost = event.kind === 'commit' && event.collection === postCollection && event.rkey !== undefined
    // Start the author's lookup now, so it is usually done when the item's turn comes.
    if (isPost && event.operation === 'create') context.handles.prefetch(event.did)
    pipeline.push(event.timeUs, async (deliver) => {
      if (!isPost) return
      const seenAt = Math.floor(event.timeUs / 1000)
      if (event.operation === 'delete') {
        if (context.includeDeletes) await deliver([deletionItem(event.did, event.rkey!, seenAt)])
        return
      }
      if (event.operation !== 'create') return
      const handle = await context.handles.get(event.did)
      const item = postToItem(event.record, { did: event.did, rkey: event.rkey!, seenAt, ...(handle ? { handle } : {}) })
      if (item) await deliver([item])
    })
    if (!paused && pipeline.pending >= context.maxQueue) {
      paused = true
      socket.pause()
    }
  }

  socket.on('message', (data: WebSocket.RawData) => {
    alive = true
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8')
    const event = parseJetstreamEvent(text)
    if (!event) return context.report(new Error(`jetstream: not an event: ${text.slice(0, 200)}`))
    accept(event)
  })
  socket.on('error', (error) => {
    lastError = error
    const rejection = findUrlRejection(error)
    if (rejection) end({ kind: 'fatal', error: fromUrlRejection(rejection, 'stream') })
  })
  socket.on('close', () => {
    clearInterval(heartbeat)
    end({ kind: 'dropped', ...(lastError ? { error: lastError } : {}) })
  })

  return {
    onSettled() {
      if (paused && pipeline.pending <= context.maxQueue / 2) {
        paused = false
        socket.resume()
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat)
        if (socket.readyState === WebSocket.CLOSED) return resolve()
        socket.once('close', () => resolve())
        // A paused socket would never read the peer's closing frame.
        if (paused) socket.resume()
        if (socket.readyState === WebSocket.CONNECTING) socket.terminate()
        else socket.close(1000)
        // A peer that never answers the closing handshake is cut off.
        setTimeout(() => socket.terminate(), 5_000).unref()
      }),
  }
}
