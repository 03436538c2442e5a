/**
 * Bluesky as a listening source: every new post on the network, live, resumable.
 * - `firehose`: `com.atproto.sync.subscribeRepos` of a relay or PDS, decoded and (by default)
 *   signature-checked by @atproto/sync's `Firehose`; the cursor is the relay's `seq`.
 * - `jetstream`: Jetstream v1's JSON (`/subscribe?wantedCollections=app.bsky.feed.post`), far
 *   lighter to read but trusting the Jetstream operator; the cursor is the event's `time_us`.
 * Only post creations become items (deletions too with `includeDeletes`). Both reconnect with
 * backoff, stop on `signal`, and commit the cursor only after `onItem` resolved for everything
 * before it, so a crash re-reads rather than loses. Both connect through the URL guard.
 */
import { IdResolver } from '@atproto/identity'
import { openFirehose } from './bluesky-firehose.js'
import { openJetstream } from './bluesky-jetstream.js'
import { BoundedDidCache, createHandleResolver, type HandleResolver } from './handles.js'
import { checkStreamTarget, toStreamUrl } from './source-url.js'
import { runStreamLoop } from './stream-session.js'
import type { ListenItem } from './types.js'

/** How to listen to Bluesky, and where to send what arrives. */
export interface BlueskySubscribeOptions {
  /**
   * The relay or PDS (`wss://bsky.network`) for `firehose`, the Jetstream host
   * (`wss://jetstream2.us-east.bsky.network`) for `jetstream`; https:// works too.
   */
  service: string
  kind: 'firehose' | 'jetstream'
  /** The last cursor `onCursor` received; absent to start at the live tail. */
  cursor?: number
  /**
   * Called for each item, one at a time, in stream order. `position.cursor` is the cursor that
   * will be committed once this item's event is done: saving both together makes a restart exact.
   * A throw halts the stream; it reconnects after backoff and the item comes again.
   */
  onItem(item: ListenItem, position: { cursor: number }): Promise<void> | void
  /** Called with the new cursor once everything up to it is handled; store it. */
  onCursor(cursor: number): Promise<void> | void
  /** Told about trouble the stream recovers from by itself (drops, undecodable events). */
  onError?(error: Error): void
  /** Aborting stops the stream: the item in flight finishes, the cursor is committed. */
  signal: AbortSignal
  /** The ALLOW_PRIVATE_URLS setting. */
  allowPrivate: boolean
  /** The PLC directory for did:plc documents (signing keys, handles); default https://plc.directory. */
  plcUrl?: string
  /** Instead of one made from `plcUrl` (tests, or sharing one cache between streams). */
  idResolver?: IdResolver
  /** Firehose: check each commit's signature against the author's key (default true). */
  verifySignatures?: boolean
  /** Yield deletions as items with `deleted: true` (default false). */
  includeDeletes?: boolean
  /** Events decoded at the same time (default 8); items still reach `onItem` in order. */
  concurrency?: number
  /** Events received and not yet handled before the stream slows its source (default 1,000). */
  maxQueue?: number
  /** Longest gap between cursor commits while no item arrives (default 1,000 ms). */
  cursorIntervalMs?: number
  /** How long an item waits for its author's handle (default 300 ms); see handles.ts. */
  handleWaitMs?: number
  /** Backoff between reconnections (default 1 s doubling to 60 s). */
  reconnectMinMs?: number
  reconnectMaxMs?: number
}

/** Everything a connection needs, resolved once per subscription. */
export interface BlueskyConnectionContext {
  /** The service as a ws(s) base URL without a trailing slash. */
  base: string
  secure: boolean
  allowPrivate: boolean
  idResolver: IdResolver
  handles: HandleResolver
  verifySignatures: boolean
  includeDeletes: boolean
  maxQueue: number
  /** The first reconnection delay; also the firehose library's own retry delay. */
  reconnectMinMs: number
  report(error: Error): void
}

/**
 * Listens until `signal` aborts; resolves then. Transient trouble is retried (and told to
 * `onError`); the promise rejects only when the address is refused.
 * @throws ListenSourceError at once for an address the URL guard refuses (scheme, credentials,
 *   literal private address), or later if a name resolves to a private address when connecting.
 */
export async function subscribeBluesky(options: BlueskySubscribeOptions): Promise<void> {
  const url = toStreamUrl(options.service)
  checkStreamTarget(url, options.allowPrivate)
  const report = (error: Error) => options.onError?.(error)
  const idResolver = options.idResolver ?? new IdResolver({ plcUrl: options.plcUrl ?? 'https://plc.directory', didCache: new BoundedDidCache(), timeout: 5_000 })
  const context: BlueskyConnectionContext = {
    // URL keeps a root path as `/`; the services append `/xrpc/…` or `/subscribe` themselves.
    base: url.href.replace(/\/+$/, ''),
    secure: url.protocol === 'wss:',
    allowPrivate: options.allowPrivate,
    idResolver,
    handles: createHandleResolver(idResolver, { waitMs: options.handleWaitMs ?? 300 }),
    verifySignatures: options.verifySignatures ?? true,
    includeDeletes: options.includeDeletes ?? false,
    maxQueue: options.maxQueue ?? 1_000,
    reconnectMinMs: options.reconnectMinMs ?? 1_000,
    report,
  }
  const open = options.kind === 'firehose' ? openFirehose : openJetstream
  await runStreamLoop(
    {
      cursor: options.cursor,
      signal: options.signal,
      onItem: options.onItem,
      onCursor: options.onCursor,
      concurrency: Math.max(1, options.concurrency ?? 8),
      cursorIntervalMs: options.cursorIntervalMs ?? 1_000,
      reconnectMinMs: context.reconnectMinMs,
      reconnectMaxMs: options.reconnectMaxMs ?? 60_000,
      report,
    },
    (pipeline, end) => open(context, pipeline, end),
  )
}
