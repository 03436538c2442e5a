/**
 * A Jetstream v1 shim on loopback, over the real PDS of `bluesky.ts`. Jetstream itself is a Go
 * program that cannot be installed here (shared/notes/peers.md §3), so this reads the PDS's
 * firehose with @atproto/sync from its first event, logs every event in Jetstream's JSON
 * (bluesky-social/jetstream pkg/models: `{did, time_us, kind, commit | identity | account}`,
 * records through `lexToJson`, no `record`/`cid` on deletes) and serves the log on
 * `ws://127.0.0.1:<port>/subscribe` with Jetstream's query parameters:
 * - `wantedCollections` (repeatable; `app.bsky.*` prefixes too): commits outside them are not sent;
 *   identity and account events go to everyone, as Jetstream does;
 * - `wantedDids` (repeatable);
 * - `cursor` (time_us): replay from that event inclusive, then live; absent: live only.
 * `time_us` is the time the shim logged the event, made strictly increasing. Left out: zstd
 * compression, `maxMessageSizeBytes`, `requireHello` and options updates over the socket.
 */
import type { AddressInfo } from 'node:net'
import { IdResolver } from '@atproto/identity'
import { lexToJson, type LexValue } from '@atproto/lexicon'
import { Firehose, type Event } from '@atproto/sync'
import { WebSocketServer, type WebSocket } from 'ws'

/** One logged event, as Jetstream sends it. */
export interface JetstreamEventJson {
  did: string
  time_us: number
  kind: 'commit' | 'identity' | 'account'
  commit?: { rev: string; operation: 'create' | 'update' | 'delete'; collection: string; rkey: string; record?: unknown; cid?: string }
  identity?: { did: string; handle?: string; seq: number; time: string }
  account?: { active: boolean; did: string; seq: number; time: string; status?: string }
}

/** A subscriber's request, as parsed from its URL. */
export interface JetstreamSubscription {
  wantedCollections: string[]
  wantedDids: string[]
  cursor?: number
}

export interface JetstreamShim {
  /** ws://127.0.0.1:<port> (clients add /subscribe). */
  url: string
  /** Every event logged so far, oldest first. */
  events(): JetstreamEventJson[]
  /** Every subscription received, in order. */
  subscriptions(): JetstreamSubscription[]
  /** Cuts every client off without a closing handshake, as a network failure would. */
  dropConnections(): void
  close(): Promise<void>
}

interface Client {
  socket: WebSocket
  wants: (event: JetstreamEventJson) => boolean
}

function toJetstream(event: Event, timeUs: number): JetstreamEventJson | undefined {
  if (event.event === 'create' || event.event === 'update') {
    return {
      did: event.did,
      time_us: timeUs,
      kind: 'commit',
      commit: { rev: event.rev, operation: event.event, collection: event.collection, rkey: event.rkey, record: lexToJson(event.record as LexValue), cid: event.cid.toString() },
    }
  }
  if (event.event === 'delete') {
    return { did: event.did, time_us: timeUs, kind: 'commit', commit: { rev: event.rev, operation: 'delete', collection: event.collection, rkey: event.rkey } }
  }
  if (event.event === 'identity') {
    return { did: event.did, time_us: timeUs, kind: 'identity', identity: { did: event.did, ...(event.handle ? { handle: event.handle } : {}), seq: event.seq, time: event.time } }
  }
  if (event.event === 'account') {
    return {
      did: event.did,
      time_us: timeUs,
      kind: 'account',
      account: { active: event.active, did: event.did, seq: event.seq, time: event.time, ...(event.status ? { status: event.status } : {}) },
    }
  }
  return undefined
}

function filterFor(subscription: JetstreamSubscription): (event: JetstreamEventJson) => boolean {
  const collections = subscription.wantedCollections
  const dids = new Set(subscription.wantedDids)
  return (event) => {
    if (dids.size > 0 && !dids.has(event.did)) return false
    if (event.kind !== 'commit' || collections.length === 0) return true
    const collection = event.commit!.collection
    return collections.some((c) => (c.endsWith('.*') ? collection.startsWith(c.slice(0, -1)) : collection === c))
  }
}

/** Starts the shim on a random port of 127.0.0.1, reading `peer`'s firehose from its start. */
export async function startJetstreamShim(peer: { url: string; plcUrl: string }): Promise<JetstreamShim> {
  const log: JetstreamEventJson[] = []
  const subscriptions: JetstreamSubscription[] = []
  const clients = new Set<Client>()
  let lastTimeUs = 0
  let seq = 0
  let chain = Promise.resolve()

  const firehose = new Firehose({
    service: peer.url.replace(/^http/, 'ws'),
    idResolver: new IdResolver({ plcUrl: peer.plcUrl }),
    unauthenticatedHandles: true,
    unauthenticatedCommits: true,
    // From the PDS's first event, in order: events are logged one at a time.
    runner: {
      getCursor: () => seq,
      trackEvent: async (_did, eventSeq, handler) => {
        chain = chain.then(handler).then(() => {
          seq = eventSeq
        })
      },
    },
    handleEvent: (event) => {
      lastTimeUs = Math.max(Date.now() * 1000, lastTimeUs + 1)
      const json = toJetstream(event, lastTimeUs)
      if (!json) return
      log.push(json)
      const text = JSON.stringify(json)
      for (const client of clients) if (client.wants(json)) client.socket.send(text)
    },
    onError: (error) => console.error('jetstream shim:', error),
  })
  void firehose.start()

  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/subscribe' })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  server.on('connection', (socket, request) => {
    const params = new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams
    const cursor = params.get('cursor')
    const subscription: JetstreamSubscription = {
      wantedCollections: params.getAll('wantedCollections'),
      wantedDids: params.getAll('wantedDids'),
      ...(cursor ? { cursor: Number(cursor) } : {}),
    }
    subscriptions.push(subscription)
    const client: Client = { socket, wants: filterFor(subscription) }
    // Replay and going live happen in one turn of the event loop: nothing falls between them.
    if (subscription.cursor !== undefined) {
      for (const event of log) if (event.time_us >= subscription.cursor && client.wants(event)) socket.send(JSON.stringify(event))
    }
    clients.add(client)
    socket.on('close', () => clients.delete(client))
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `ws://127.0.0.1:${port}`,
    events: () => [...log],
    subscriptions: () => [...subscriptions],
    dropConnections() {
      for (const client of clients) client.socket.terminate()
    },
    async close() {
      for (const client of clients) client.socket.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await firehose.destroy()
    },
  }
}
