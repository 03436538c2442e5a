/**
 * One connection to `com.atproto.sync.subscribeRepos`, decoded by @atproto/sync's `Firehose`.
 * Its `runner` hook is where our ordered pipeline plugs in: the Firehose calls `trackEvent` for
 * every event (posts or not) with its `seq`, so the cursor advances over likes and follows too,
 * and `getCursor` on each (re)connection. Two things about @atproto/sync 0.1.40 shape this file:
 * - its `getCursor` option is broken (it passes the function itself as the cursor), so the
 *   cursor goes through `runner.getCursor`, which it calls correctly;
 * - it reports a failing `handleEvent` to `onError` and moves on, so failures are recorded on
 *   the pipeline entry instead, which halts there and re-reads from the last commit.
 * The socket options reach `ws` through the Firehose's options: `createConnection` guards them.
 */
import { Firehose, FirehoseHandlerError, FirehoseParseError, FirehoseSubscriptionError, type Event, type FirehoseOptions } from '@atproto/sync'
import { deletionItem, postCollection, postToItem } from './bluesky-post.js'
import type { BlueskyConnectionContext } from './bluesky-subscribe.js'
import { findUrlRejection, fromUrlRejection } from './errors.js'
import type { Deliver, OrderedPipeline } from './ordered-pipeline.js'
import { guardedSocket } from './source-url.js'
import type { EndReason, StreamConnection } from './stream-session.js'

/** How often an undecodable event is re-read before it is skipped (a bad signature stays bad). */
const maxParseAttempts = 3

/** Events that failed to decode, by seq, across reconnections of one subscription. */
const parseAttempts = new WeakMap<BlueskyConnectionContext, Map<number, number>>()

function seqOf(error: FirehoseParseError): number | undefined {
  const seq = (error.event as { seq?: unknown }).seq
  return typeof seq === 'number' ? seq : undefined
}

/** The XRPC error name a subscription error carries (e.g. FutureCursor), if any. */
function xrpcErrorName(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const name = (current as { error?: unknown }).error
    if (typeof name === 'string') return name
  }
  return undefined
}

/** Opens one firehose connection feeding `pipeline`. */
export function openFirehose(context: BlueskyConnectionContext, pipeline: OrderedPipeline, end: (reason: EndReason) => void): StreamConnection {
  const attempts = parseAttempts.get(context) ?? new Map<number, number>()
  parseAttempts.set(context, attempts)
  const deliverers = new Map<number, Deliver>()

  async function handleEvent(event: Event): Promise<void> {
    if ((event.event !== 'create' && event.event !== 'delete') || event.collection !== postCollection) return
    const deliver = deliverers.get(event.seq)
    if (!deliver) return
    const seenAt = Date.parse(event.time) || Date.now()
    if (event.event === 'delete') {
      if (context.includeDeletes) await deliver([deletionItem(event.did, event.rkey, seenAt)])
      return
    }
    const handle = await context.handles.get(event.did)
    const item = postToItem(event.record, { did: event.did, rkey: event.rkey, seenAt, ...(handle ? { handle } : {}) })
    if (item) await deliver([item])
  }

  function onError(error: Error): void {
    // Already recorded on the pipeline entry, which halts and reports it.
    if (error instanceof FirehoseHandlerError) return
    if (error instanceof FirehoseParseError) {
      const seq = seqOf(error)
      const count = seq === undefined ? maxParseAttempts : (attempts.get(seq) ?? 0) + 1
      // Failures that later decoded are never deleted; keep the map from growing for ever.
      if (attempts.size > 1_000) attempts.clear()
      if (seq !== undefined) attempts.set(seq, count)
      if (seq !== undefined && count < maxParseAttempts) return pipeline.fail(seq, error)
      if (seq !== undefined) attempts.delete(seq)
      return context.report(new Error(`firehose event ${seq ?? '?'} skipped after ${count} failed decodings`, { cause: error }))
    }
    if (error instanceof FirehoseSubscriptionError) {
      const rejection = findUrlRejection(error)
      if (rejection) return end({ kind: 'fatal', error: fromUrlRejection(rejection, 'stream') })
      if (xrpcErrorName(error) === 'FutureCursor') return end({ kind: 'reset', error })
    }
    context.report(error)
  }

  const firehose = new Firehose({
    service: context.base,
    idResolver: context.idResolver,
    filterCollections: [postCollection],
    // Handles are read from the DID document (handles.ts), never checked through DNS here.
    unauthenticatedHandles: true,
    unauthenticatedCommits: !context.verifySignatures,
    // Identity events would cost a DID lookup each (the library resolves every one, network-wide);
    // a changed handle shows up instead when its cache entry expires (handles.ts, one hour).
    excludeIdentity: true,
    excludeAccount: true,
    excludeSync: true,
    subscriptionReconnectDelay: context.reconnectMinMs,
    handshakeTimeout: 15_000,
    createConnection: guardedSocket(context.allowPrivate, context.secure),
    runner: {
      getCursor: () => pipeline.tracked,
      trackEvent: async (_did, seq, handler) => {
        pipeline.push(seq, async (deliver) => {
          deliverers.set(seq, deliver)
          try {
            await handler()
          } finally {
            deliverers.delete(seq)
          }
        })
        if (pipeline.pending > context.maxQueue) end({ kind: 'overload' })
      },
    },
    handleEvent,
    onError,
    // The library retries refused and reset connections by itself; say so rather than stay silent.
    onReconnectError: (error: unknown) => context.report(new Error('firehose connection failed; retrying', { cause: error })),
  } as FirehoseOptions & { onReconnectError: (error: unknown) => void })
  void firehose.start().then(
    () => end({ kind: 'dropped' }),
    (error: unknown) => end({ kind: 'dropped', error: error instanceof Error ? error : new Error(String(error)) }),
  )
  return { close: () => firehose.destroy() }
}
