/**
 * The Bluesky firehose as a listening source, through the whole app, against a real PDS on
 * loopback (@atproto/pds with an in-memory PLC): a workspace adds the PDS as a firehose source,
 * a post on the PDS that matches its query becomes a mention; the reader stops, more is posted,
 * a new reader resumes from the saved cursor and catches exactly what it missed, nothing twice.
 */
import { AtpAgent, RichText } from '@atproto/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LiveStreams } from '../../src/listen/index.js'
import { createBlueskyConnector } from '../../src/networks/bluesky/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../peers/bluesky.js'

interface Mention {
  text: string
  authorHandle: string | null
  url: string | null
  lang: string | null
  sourceKind: string
}

let peer: BlueskyPeer
let t: TestApp
let owner: TestClient
let fan: PeerAccount
let agent: AtpAgent
/** Every reader a test starts, stopped before the app closes even when a test fails. */
const readers: LiveStreams[] = []

function reader(): LiveStreams {
  const r = new LiveStreams(t.listen)
  readers.push(r)
  return r
}

async function say(text: string, langs?: string[]): Promise<void> {
  const rt = new RichText({ text })
  await rt.detectFacets(agent)
  await agent.post({ text: rt.text, facets: rt.facets, ...(langs ? { langs } : {}), createdAt: new Date().toISOString() })
}

async function mentions(): Promise<Mention[]> {
  return (await owner.get<{ mentions: Mention[] }>('/api/listen/mentions?limit=100')).body.mentions
}

beforeAll(async () => {
  peer = await startBlueskyPeer()
  t = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'true', PLC_URL: peer.plcUrl }, networks: createRegistry([createBlueskyConnector({})]) })
  owner = await setUpOwner(t)
  fan = await peer.createAccount('fan')
  agent = new AtpAgent({ service: peer.url })
  await agent.login({ identifier: fan.handle, password: fan.password })
})

afterAll(async () => {
  for (const r of readers) await r.stop()
  await t?.close()
  await peer?.stop()
})

describe('the Bluesky firehose as a source (real PDS on loopback)', () => {
  it('turns matching posts into mentions, and resumes from its cursor without losing or repeating any', async () => {
    expect((await owner.post('/api/listen/queries', { name: 'Café Lune', query: '"café lune" OR #cafelune' })).status).toBe(201)
    const added = await owner.post<{ source: { id: string } }>('/api/listen/sources', { kind: 'bluesky', mode: 'firehose', service: peer.url })
    expect(added.status).toBe(201)

    const first = reader()
    await first.tick()
    expect(first.keys).toHaveLength(1)
    // A new stream starts at the live tail: wait until the reader is connected (it has seen a post).
    await eventually('the reader to connect', async () => {
      await say('warming up')
      const seen = await t.store.db.selectFrom('listenRecentItems').select('id').executeTakeFirst()
      return seen ?? (await new Promise((r) => setTimeout(r, 400)), undefined)
    })
    await say('Best croissant in town at Café Lune this morning ☕', ['en'])
    await say('Nothing to do with us: the weather is lovely')
    await say('قهوة رائعة في #CafeLune اليوم', ['ar'])
    await eventually('two mentions', async () => ((await mentions()).length === 2 ? true : undefined))
    await first.stop()
    const stream = (await t.store.db.selectFrom('listenStreams').selectAll().executeTakeFirstOrThrow())
    expect(Number(JSON.parse(stream.cursor!))).toBeGreaterThan(0)

    // While nobody reads, the network goes on.
    await say('Café Lune is closed on Monday, what a pity', ['en'])
    await say('Le café lune ouvre dimanche !', ['fr'])

    const second = reader()
    await second.tick()
    await eventually('the missed posts', async () => ((await mentions()).length === 4 ? true : undefined))
    await say('One more for Café Lune')
    await eventually('the live post', async () => ((await mentions()).length === 5 ? true : undefined))
    await second.stop()

    const all = await mentions()
    expect(all).toHaveLength(5)
    expect(new Set(all.map((m) => m.text)).size).toBe(5)
    expect(all.every((m) => m.sourceKind === 'bluesky' && m.authorHandle === fan.handle && m.url?.startsWith('https://bsky.app/profile/'))).toBe(true)
    expect(all.find((m) => m.text.startsWith('قهوة'))?.lang).toBe('ar')
    expect(all.find((m) => m.text.startsWith('Le café'))?.lang).toBe('fr')
  })

  it('answers a mention from the business account, as a reply in the thread on the PDS', async () => {
    const cafe = await peer.createAccount('cafe')
    const connected = await owner.post<{ account: { id: string } }>('/api/accounts', {
      network: 'bluesky',
      input: { identifier: cafe.handle, appPassword: cafe.appPassword.password, service: peer.url },
    })
    expect(connected.status).toBe(201)
    const mention = (await owner.get<{ mentions: Array<Mention & { id: string; reply: { network: string } | null }> }>('/api/listen/mentions?limit=100')).body.mentions.find((m) => m.text.startsWith('Best croissant'))!
    expect(mention.reply).toEqual({ network: 'bluesky' })
    const sent = await owner.post<{ postId: string }>(`/api/listen/mentions/${mention.id}/reply`, { accountId: connected.body.account.id, text: 'Merci ! À demain ☕' })
    expect(sent.status).toBe(201)
    await eventually('the reply on the PDS', async () => ((await peer.countPosts(cafe.did)) === 1 ? true : undefined))
    const [answer] = await peer.listPosts(cafe.did)
    expect(answer!.value.text).toBe('Merci ! À demain ☕')
    const parent = await peer.getPost(answer!.value.reply!.parent.uri)
    expect(parent?.value.text).toBe(mention.text)
    expect(answer!.value.reply!.root.uri).toBe(answer!.value.reply!.parent.uri)
  })
})
