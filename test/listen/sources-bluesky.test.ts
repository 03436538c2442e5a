/**
 * Bluesky listening sources against a real PDS on loopback (test/peers/bluesky.ts): the firehose
 * decoded by @atproto/sync, and Jetstream through the shim over the same PDS
 * (test/peers/jetstream.ts). Posts are made by peer accounts with AtpAgent; the assertions are on
 * the items that arrive, and on resuming from the saved cursor: the new posts, none twice, none
 * lost. One PDS serves the whole file.
 */
import { AtpAgent, RichText } from '@atproto/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ListenSourceError, subscribeBluesky, type BlueskySubscribeOptions, type ListenItem } from '../../src/listen/sources/index.js'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../peers/bluesky.js'
import { startJetstreamShim, type JetstreamShim } from '../peers/jetstream.js'

let peer: BlueskyPeer
let shim: JetstreamShim

beforeAll(async () => {
  peer = await startBlueskyPeer()
  shim = await startJetstreamShim(peer)
})
afterAll(async () => {
  await shim?.close()
  await peer?.stop()
})

async function eventually<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** A signed-in agent for a fresh peer account. */
async function author(name: string): Promise<{ account: PeerAccount; agent: AtpAgent }> {
  const account = await peer.createAccount(name)
  const agent = new AtpAgent({ service: peer.url })
  await agent.login({ identifier: account.handle, password: account.password })
  return { account, agent }
}

async function post(agent: AtpAgent, text: string, extra: Record<string, unknown> = {}): Promise<{ uri: string; cid: string }> {
  const rich = new RichText({ text })
  await rich.detectFacets(agent)
  return agent.post({ text: rich.text, facets: rich.facets, ...extra })
}

/** A running subscription and what it handed over. */
interface Listening {
  items: ListenItem[]
  positions: number[]
  cursors: number[]
  errors: Error[]
  stop(): Promise<void>
  done: Promise<void>
}

function listen(options: Partial<BlueskySubscribeOptions> & Pick<BlueskySubscribeOptions, 'service' | 'kind'>): Listening {
  const controller = new AbortController()
  const items: ListenItem[] = []
  const positions: number[] = []
  const cursors: number[] = []
  const errors: Error[] = []
  const done = subscribeBluesky({
    allowPrivate: true,
    plcUrl: peer.plcUrl,
    handleWaitMs: 5_000,
    reconnectMinMs: 50,
    reconnectMaxMs: 200,
    onItem: (item, position) => {
      items.push(item)
      positions.push(position.cursor)
    },
    onCursor: (cursor) => void cursors.push(cursor),
    onError: (error) => void errors.push(error),
    signal: controller.signal,
    ...options,
  })
  return {
    items,
    positions,
    cursors,
    errors,
    done,
    async stop() {
      controller.abort()
      await done
    },
  }
}

const keysOf = (items: ListenItem[], did: string) => items.filter((i) => i.authorDid === did).map((i) => i.key)

describe('the Bluesky firehose (subscribeRepos of a real PDS, decoded by @atproto/sync)', () => {
  it('yields posts with their text, language, hashtags, links, mentions and author, and resumes from the saved cursor', async () => {
    const { account: alice, agent } = await author('alice')
    const { account: bob } = await author('bob')
    // From the PDS's first event: the posts below cannot be made before the stream is connected.
    const first = listen({ service: peer.url, kind: 'firehose', cursor: 0 })
    const text = `قهوة رائعة في #مقهى و #CafeLune مع @${bob.handle} — קפה מצוין — দারুণ কফি https://cafe-lune.com/menu`
    const original = await post(agent, text, { langs: ['ar'] })
    const reply = await post(agent, 'שבוע טוב, বন্ধুরা', {
      reply: { root: original, parent: original },
      embed: { $type: 'app.bsky.embed.record', record: original },
    })
    const arrived = await eventually('both posts', () => (keysOf(first.items, alice.did).length >= 2 ? first.items.filter((i) => i.authorDid === alice.did) : undefined))
    expect(arrived.map((i) => i.key)).toEqual([original.uri, reply.uri])
    const [item, answer] = arrived
    const rkey = original.uri.split('/').pop()
    expect(item).toMatchObject({
      key: original.uri,
      sourceKind: 'bluesky',
      text,
      url: `https://bsky.app/profile/${alice.did}/post/${rkey}`,
      authorDid: alice.did,
      authorHandle: alice.handle,
      authorUrl: `https://bsky.app/profile/${alice.handle}`,
      lang: 'ar',
      links: ['https://cafe-lune.com/menu'],
      mentions: [bob.handle],
    })
    expect(item!.hashtags.sort()).toEqual(['cafelune', 'مقهى'].sort())
    expect(Math.abs(item!.publishedAt - Date.now())).toBeLessThan(60_000)
    expect(answer).toMatchObject({ replyTo: original.uri, quoteOf: original.uri, text: 'שבוע טוב, বন্ধুরা' })
    await first.stop()
    const saved = first.cursors.at(-1)!
    expect(saved).toBeGreaterThanOrEqual(first.positions.at(-1)!)
    expect(first.cursors).toEqual([...first.cursors].sort((a, b) => a - b))

    // Stopped: more posts (and a like, which is not an item), then a restart from the saved cursor.
    const later = [await post(agent, 'after the restart, one'), await post(agent, 'after the restart, two')]
    await agent.like(original.uri, original.cid)
    const second = listen({ service: peer.url, kind: 'firehose', cursor: saved })
    const sentinel = await post(agent, 'the last one')
    await eventually('the sentinel post', () => second.items.some((i) => i.key === sentinel.uri))
    expect(keysOf(second.items, alice.did)).toEqual([...later.map((p) => p.uri), sentinel.uri])
    await second.stop()
    expect(peer.outboundAttempts()).toEqual([])
  })

  it('re-reads from the cursor when handling an item fails: the item comes again, nothing after it is lost or doubled', async () => {
    const { account, agent } = await author('carol')
    const posts = [await post(agent, 'one'), await post(agent, 'two'), await post(agent, 'three')]
    const handled: string[] = []
    let failures = 0
    const failing = listen({
      service: peer.url,
      kind: 'firehose',
      cursor: 0,
      onItem: (item) => {
        if (item.key === posts[1]!.uri && failures === 0) {
          failures += 1
          throw new Error('the store is busy')
        }
        if (item.authorDid === account.did) handled.push(item.key)
      },
    })
    await eventually('all three posts', () => handled.length >= 3)
    await failing.stop()
    expect(handled).toEqual(posts.map((p) => p.uri))
    expect(failing.errors.map((e) => e.message)).toContain('the store is busy')
  })

  it('refuses a relay on a private address unless private URLs are allowed, before and while connecting', async () => {
    const port = new URL(peer.url).port
    const common = { kind: 'firehose' as const, allowPrivate: false, onItem: () => undefined, onCursor: () => undefined, signal: AbortSignal.timeout(10_000) }
    // A literal loopback address is refused before any connection.
    await expect(subscribeBluesky({ ...common, service: `ws://127.0.0.1:${port}` })).rejects.toMatchObject({ reason: 'private_address' })
    // A name is checked when the socket resolves it: localhost is loopback.
    const refused = await subscribeBluesky({ ...common, service: `ws://localhost:${port}` }).then(() => undefined, (e: unknown) => e)
    expect(refused).toBeInstanceOf(ListenSourceError)
    expect(refused).toMatchObject({ reason: 'private_address', messageKey: 'url_private_address' })
  })
})

describe('Jetstream (v1 JSON through the shim over the same PDS)', () => {
  it('yields posts in order, reconnects after a drop without losing or doubling, and resumes from the saved time_us', async () => {
    const { account: dana, agent } = await author('dana')
    const { account: eli } = await author('eli')
    const start = await eventually('the shim to log the new accounts', () => shim.events().at(-1)?.time_us)
    const first = listen({ service: shim.url, kind: 'jetstream', cursor: start })
    const text = `ضجة حول #CafeLune، @${eli.handle} — בית קפה — কফি https://cafe-lune.com`
    const one = await post(agent, text, { langs: ['he'] })
    await eventually('the first post', () => first.items.some((i) => i.key === one.uri))
    expect(first.items.find((i) => i.key === one.uri)).toMatchObject({
      text,
      lang: 'he',
      authorHandle: dana.handle,
      hashtags: ['cafelune'],
      links: ['https://cafe-lune.com/'],
      mentions: [eli.handle],
    })

    // A network failure: the client reconnects from where it was, and misses nothing.
    shim.dropConnections()
    const two = await post(agent, 'während der Unterbrechung')
    await eventually('the post made during the drop', () => first.items.some((i) => i.key === two.uri))
    expect(keysOf(first.items, dana.did)).toEqual([one.uri, two.uri])
    expect(shim.subscriptions().at(-1)?.cursor).toBeGreaterThan(start)
    await first.stop()

    const saved = first.cursors.at(-1)!
    const later = [await post(agent, 'while stopped, one'), await post(agent, 'while stopped, two')]
    const second = listen({ service: shim.url, kind: 'jetstream', cursor: saved })
    const sentinel = await post(agent, 'the last one')
    await eventually('the sentinel post', () => second.items.some((i) => i.key === sentinel.uri))
    expect(keysOf(second.items, dana.did)).toEqual([...later.map((p) => p.uri), sentinel.uri])
    // The shim replays from the cursor inclusive; the client drops the event it already handled.
    expect(shim.subscriptions().at(-1)?.cursor).toBe(saved)
    await second.stop()
  })

  it('refuses a Jetstream host that resolves to loopback when private URLs are not allowed', async () => {
    const port = new URL(shim.url).port
    const refused = await subscribeBluesky({
      service: `ws://localhost:${port}`,
      kind: 'jetstream',
      allowPrivate: false,
      onItem: () => undefined,
      onCursor: () => undefined,
      signal: AbortSignal.timeout(10_000),
    }).then(() => undefined, (e: unknown) => e)
    expect(refused).toMatchObject({ reason: 'private_address' })
  })
})
