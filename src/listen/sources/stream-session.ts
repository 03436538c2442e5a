/**
 * The reconnecting loop shared by the Bluesky firehose and Jetstream: one ordered pipeline per
 * connection, and between connections a decision made from why the last one ended.
 * - dropped (network, server closed, bad handshake): reconnect after backoff from the cursor;
 * - halted (an item or the cursor could not be handled): the same, re-reading from the last commit;
 * - overload (the queue filled up): close, finish the queue, reconnect at once;
 * - reset (the server no longer knows the cursor, e.g. a relay's sequence restarted): live tail;
 * - fatal (the URL guard refused the address): stop and reject;
 * - abort (the caller's signal): finish the item in flight, commit, and resolve.
 */
import { backoffDelay, sleep } from './backoff.js'
import { OrderedPipeline, type PipelineOptions } from './ordered-pipeline.js'

/** Why a connection ended. */
export type EndReason =
  | { kind: 'dropped'; error?: Error }
  | { kind: 'halted' }
  | { kind: 'overload' }
  | { kind: 'reset'; error: Error }
  | { kind: 'fatal'; error: Error }
  | { kind: 'abort' }

/** One open connection, as the loop sees it. */
export interface StreamConnection {
  /** Closes the socket and resolves once it is closed. */
  close(): Promise<void>
  /** Called after each event settles (a paused socket may resume). */
  onSettled?(): void
}

/** What the loop needs: the caller's options, resolved. */
export interface StreamLoopOptions extends Pick<PipelineOptions, 'onItem' | 'onCursor' | 'concurrency' | 'cursorIntervalMs'> {
  cursor: number | undefined
  signal: AbortSignal
  reconnectMinMs: number
  reconnectMaxMs: number
  report(error: Error): void
}

/** Opens one connection feeding `pipeline`; `end` tells the loop the connection is over. */
export type OpenConnection = (pipeline: OrderedPipeline, end: (reason: EndReason) => void) => StreamConnection

/**
 * Runs connections until the signal aborts.
 * @throws the error of a fatal end (the URL guard refusing the address at connection time).
 */
export async function runStreamLoop(options: StreamLoopOptions, open: OpenConnection): Promise<void> {
  let cursor = options.cursor
  let attempt = 0
  while (!options.signal.aborted) {
    let end!: (reason: EndReason) => void
    const ended = new Promise<EndReason>((resolve) => {
      end = resolve
    })
    // The pipeline is made before the connection it reports to.
    const opened: { connection?: StreamConnection } = {}
    const pipeline = new OrderedPipeline({
      startCursor: cursor,
      concurrency: options.concurrency,
      cursorIntervalMs: options.cursorIntervalMs,
      onItem: options.onItem,
      onCursor: options.onCursor,
      onHalt: (error) => {
        options.report(error)
        end({ kind: 'halted' })
      },
      onSettled: () => opened.connection?.onSettled?.(),
    })
    const onAbort = () => end({ kind: 'abort' })
    options.signal.addEventListener('abort', onAbort, { once: true })
    const connection = open(pipeline, end)
    opened.connection = connection
    const reason = await ended
    options.signal.removeEventListener('abort', onAbort)

    if (reason.kind === 'abort') pipeline.stop()
    await connection.close()
    await pipeline.drained()
    await pipeline.flush().catch((error: unknown) => options.report(error instanceof Error ? error : new Error(String(error))))
    const progressed = pipeline.committed !== cursor
    cursor = pipeline.committed

    if (reason.kind === 'abort') return
    if (reason.kind === 'fatal') throw reason.error
    if (reason.kind === 'overload') continue
    if (reason.kind === 'reset') {
      options.report(reason.error)
      cursor = undefined
    }
    if (reason.kind === 'dropped' && reason.error) options.report(reason.error)
    if (progressed) attempt = 0
    await sleep(backoffDelay(attempt, options.reconnectMinMs, options.reconnectMaxMs), options.signal)
    attempt += 1
  }
}
