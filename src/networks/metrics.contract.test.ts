/**
 * The reading side of metrics (`fetchPostMetrics`, `fetchAccountMetrics`), over real HTTP on
 * loopback: one suite for every network, then what is each network's own.
 * - Bluesky: the connector asks a real PDS (@atproto/pds), which proxies `app.bsky.*` with a
 *   service-auth JWT to an AppView contract server (test/peers/bluesky-appview.ts) that reads
 *   the records from the PDS and takes counts from the test.
 * - Mastodon: the loopback contract server written from Mastodon's API reference
 *   (test/peers/mastodon), playing 4.2, 4.3 or 4.5.
 * Counts are set on the peer, never read back from the connector's own view of things.
 */
import { randomUUID } from 'node:crypto'
import { AtpAgent } from '@atproto/api'
import { Secp256k1Keypair } from '@atproto/crypto'
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../../test/peers/bluesky.js'
import type { BlueskyAppView } from '../../test/peers/bluesky-appview.js'
import { startMastodonPeer, type MastodonPeer } from '../../test/peers/mastodon/index.js'
import { createBlueskyConnector } from './bluesky/index.js'
import type { Capabilities, ConnectedAccount, Connector, PostMetrics, PostRequest, PublishedPost } from './connector.js'
import { AuthExpired, RateLimited } from './errors.js'
import { createMastodonConnector, type MastodonDeps } from './mastodon/index.js'

type Counts = Required<Pick<PostMetrics, 'likes' | 'reposts' | 'replies' | 'quotes'>>

interface MetricsHarness {
  connector: Connector
  /** A fresh account on the peer, connected. */
  connect(): Promise<ConnectedAccount>
  /** Sets a post's counts on the peer, as other people's interactions would. */
  setPostCounts(post: PublishedPost, counts: Counts): void
  setAccountCounts(account: ConnectedAccount, counts: { followers: number; following: number }): void
  /** Makes the account's credentials stop working on the peer. */
  revokeCredentials(account: ConnectedAccount): Promise<void>
  /** Makes the network refuse the account's reads with 429; returns how long it asks to wait (ms). */
  exhaustRateLimit(account: ConnectedAccount): Promise<number>
  close(): Promise<void>
}

const countNames = ['likes', 'reposts', 'replies', 'quotes', 'views'] as const

function request(text: string): PostRequest {
  return { text, media: [], idempotencyKey: randomUUID(), createdAt: Date.now() }
}

/** The counts a post should come back with: exactly those the capabilities promise (views are never set). */
function expected(caps: Capabilities, remoteId: string, counts: Counts): PostMetrics {
  const metrics: PostMetrics = { remoteId }
  for (const name of ['likes', 'reposts', 'replies', 'quotes'] as const) if (caps.metrics[name]) metrics[name] = counts[name]
  return metrics
}

/** Registers the metrics tests for one connector. */
function runMetricsContract(label: string, start: () => Promise<MetricsHarness>): void {
  describe(`metrics contract: ${label}`, () => {
    let h: MetricsHarness
    let account: ConnectedAccount
    const publish = (text: string, on = account) => h.connector.publish(on, request(text))

    beforeAll(async () => {
      h = await start()
      account = await h.connect()
    })
    afterAll(() => h?.close())

    it('returns exactly the counts its capabilities promise, and no views', async () => {
      const caps = h.connector.capabilities(account)
      expect(caps.metrics.likes && caps.metrics.reposts && caps.metrics.replies).toBe(true)
      expect(caps.metrics.views).toBe(false)
      const post = await publish('Counting what counts')
      h.setPostCounts(post, { likes: 1, reposts: 2, replies: 3, quotes: 4 })
      const [metrics] = await h.connector.fetchPostMetrics!(account, [post])
      for (const name of countNames) expect(name in metrics!, name).toBe(caps.metrics[name])
    })

    it('returns each post\'s counts by remote id, in the order asked, each once', async () => {
      const caps = h.connector.capabilities(account)
      const croissant = await publish('Croissants are back on Saturday 🥐')
      const rye = await publish('خبز الجاودار طازج اليوم')
      h.setPostCounts(croissant, { likes: 12, reposts: 3, replies: 5, quotes: 1 })
      h.setPostCounts(rye, { likes: 7, reposts: 0, replies: 2, quotes: 0 })
      expect(await h.connector.fetchPostMetrics!(account, [rye, croissant, rye])).toEqual([
        expected(caps, rye.remoteId, { likes: 7, reposts: 0, replies: 2, quotes: 0 }),
        expected(caps, croissant.remoteId, { likes: 12, reposts: 3, replies: 5, quotes: 1 }),
      ])
      expect(await h.connector.fetchPostMetrics!(account, [])).toEqual([])
    })

    it('leaves out a post deleted since', async () => {
      const kept = await publish('Still here')
      const gone = await publish('Deleted later')
      await h.connector.delete(account, gone)
      const metrics = await h.connector.fetchPostMetrics!(account, [gone, kept])
      expect(metrics.map((m) => m.remoteId)).toEqual([kept.remoteId])
    })

    it('reads the account\'s followers, following and posts', async () => {
      const fresh = await h.connect()
      await publish('First post', fresh)
      await publish('Second post', fresh)
      h.setAccountCounts(fresh, { followers: 120, following: 45 })
      expect(await h.connector.fetchAccountMetrics!(fresh)).toEqual({ followers: 120, following: 45, posts: 2 })
    })

    it('says AuthExpired once the credentials stop working', async () => {
      const other = await h.connect()
      const post = await publish('Before revocation', other)
      await h.revokeCredentials(other)
      await expect(h.connector.fetchPostMetrics!(other, [post])).rejects.toBeInstanceOf(AuthExpired)
      await expect(h.connector.fetchAccountMetrics!(other)).rejects.toBeInstanceOf(AuthExpired)
    })

    // Last: on Bluesky the exhausted budget stays spent for five minutes.
    it('says RateLimited with the wait the network asked for', async () => {
      const busy = await h.connect()
      const post = await publish('Popular', busy)
      const waitMs = await h.exhaustRateLimit(busy)
      for (const read of [() => h.connector.fetchPostMetrics!(busy, [post]), () => h.connector.fetchAccountMetrics!(busy)]) {
        const error = await read().catch((e: unknown) => e)
        expect(error).toBeInstanceOf(RateLimited)
        expect(Math.abs((error as RateLimited).retryAfterMs - waitMs)).toBeLessThan(2_000)
      }
    })
  })
}

// ——— Bluesky ———

let blueskyStarted: Promise<BlueskyPeer> | undefined
const startBluesky = () => (blueskyStarted ??= startBlueskyPeer({ appView: true, rateLimits: true }))
afterAll(async () => (await blueskyStarted)?.stop())

function blueskyInput(peer: BlueskyPeer, owner: PeerAccount) {
  return { identifier: owner.handle, appPassword: owner.appPassword.password, service: peer.url }
}

/** A stored access token after its two hours: the PDS's own JWT, expired. */
async function expireAccess(peer: BlueskyPeer, account: ConnectedAccount): Promise<void> {
  account.credentials = { ...account.credentials, accessJwt: await peer.expiredAccessToken(account.account.remoteId) }
}

runMetricsContract('Bluesky (real PDS, AppView contract server)', async () => {
  const peer = await startBluesky()
  const appView = peer.appView!
  const owners = new Map<string, PeerAccount>()
  // This suite's connector speaks for a client address of its own, so spending that address's
  // budget on the PDS leaves the other tests' (127.0.0.1) alone.
  const clientAddress = '198.51.100.7'
  const connector = createBlueskyConnector({
    fetch: (input, init) => {
      const headers = new Headers(input instanceof Request ? input.headers : init?.headers)
      headers.set('x-forwarded-for', clientAddress)
      return fetch(input, { ...init, headers })
    },
  })
  return {
    connector,
    async connect() {
      const owner = await peer.createAccount('metrics')
      owners.set(owner.did, owner)
      return connector.connect(blueskyInput(peer, owner))
    },
    setPostCounts: (post, counts) => appView.setPostCounts(post.remoteId, counts),
    setAccountCounts: (account, { followers, following }) => appView.setProfileCounts(account.account.remoteId, { followers, follows: following }),
    async revokeCredentials(account) {
      // Revoking the app password revokes its refresh tokens; the access token in hand is a
      // stateless JWT that lasts its two hours, so it is let expire.
      await peer.revokeAppPassword(owners.get(account.account.remoteId)!)
      await expireAccess(peer, account)
    },
    exhaustRateLimit: async () => (await peer.exhaustRequestBudget(clientAddress)) - Date.now(),
    close: async () => undefined,
  }
})

describe('bluesky metrics (real PDS, AppView contract server)', () => {
  let peer: BlueskyPeer
  let appView: BlueskyAppView
  let owner: PeerAccount
  let account: ConnectedAccount
  const connector = createBlueskyConnector()

  beforeAll(async () => {
    peer = await startBluesky()
    appView = peer.appView!
    owner = await peer.createAccount('chunks')
    account = await connector.connect(blueskyInput(peer, owner))
  })

  it('asks the AppView 25 posts at a time, through the PDS, signed for the account', async () => {
    const posts: PublishedPost[] = []
    for (let i = 0; i < 30; i += 1) posts.push(await connector.publish(account, request(`Loaf number ${i}`)))
    posts.forEach((post, i) => appView.setPostCounts(post.remoteId, { likes: i, reposts: 0, replies: 0, quotes: 0 }))
    const before = appView.calls('app.bsky.feed.getPosts').length
    const metrics = await connector.fetchPostMetrics!(account, posts)
    expect(metrics.map((m) => [m.remoteId, m.likes])).toEqual(posts.map((p, i) => [p.remoteId, i]))
    const calls = appView.calls('app.bsky.feed.getPosts').slice(before)
    expect(calls.map((c) => c.params.getAll('uris').length)).toEqual([25, 5])
    // The PDS, not the connector, reached the AppView: with a service JWT it signed for the account.
    expect(calls.map((c) => c.issuer)).toEqual([owner.did, owner.did])
  })

  it('says RateLimited when the AppView refuses, and waits the shared minute: the PDS passes on none of the AppView\'s headers', async () => {
    const post = await connector.publish(account, request('Busy AppView'))
    appView.refuseNextCall(42)
    const error = await connector.fetchPostMetrics!(account, [post]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimited)
    expect((error as RateLimited).retryAfterMs).toBe(60_000)
  })

  it('(contract server) refuses 26 URIs as the lexicon\'s maxLength says, and leaves out posts it cannot find', async () => {
    const agent = new AtpAgent({ service: peer.url })
    await agent.login({ identifier: owner.handle, password: owner.appPassword.password })
    const post = await connector.publish(account, request('Only one'))
    const error = await agent.app.bsky.feed.getPosts({ uris: Array.from({ length: 26 }, () => post.remoteId) }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 400, error: 'InvalidRequest', message: 'Params/uris must not have more than 25 elements' })
    const missing = post.remoteId.replace(/[^/]+$/, '3zzzzzzzzzzzz')
    const { data } = await agent.app.bsky.feed.getPosts({ uris: [missing, post.remoteId] })
    expect(data.posts.map((p) => [p.uri, p.author.did, (p.record as { text?: string }).text])).toEqual([[post.remoteId, owner.did, 'Only one']])
  })

  it('(contract server) refuses a service JWT the account\'s key did not sign', async () => {
    const stranger = await Secp256k1Keypair.create()
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const unsigned = `${encode({ typ: 'JWT', alg: stranger.jwtAlg })}.${encode({ iss: owner.did, aud: appView.did, lxm: 'app.bsky.feed.getPosts', exp: Math.floor(Date.now() / 1000) + 60 })}`
    const signature = Buffer.from(await stranger.sign(Buffer.from(unsigned))).toString('base64url')
    const response = await fetch(`${appView.url}/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(`at://${owner.did}/app.bsky.feed.post/3zzzzzzzzzzzz`)}`, {
      headers: { authorization: `Bearer ${unsigned}.${signature}` },
    })
    expect([response.status, await response.json()]).toEqual([401, { error: 'BadJwtSignature', message: 'jwt signature does not match jwt issuer' }])
  })

  it('serves the AppView\'s did:web document, naming its URL as the #bsky_appview service', async () => {
    const port = new URL(appView.url).port
    const doc = (await (await fetch(`http://localhost:${port}/.well-known/did.json`)).json()) as { id: string; service: Array<{ id: string; serviceEndpoint: string }> }
    expect(doc.id).toBe(appView.did)
    expect(doc.service).toEqual([{ id: '#bsky_appview', type: 'BskyAppView', serviceEndpoint: appView.url }])
  })

  it('reached nothing beyond loopback', () => {
    expect(peer.outboundAttempts()).toEqual([])
  })
})

// ——— Mastodon ———

const mastodonDeps: MastodonDeps = { createRestAPIClient, createOAuthAPIClient }

runMetricsContract('Mastodon (loopback contract server)', async () => {
  const peer = await startMastodonPeer()
  const connector = createMastodonConnector(mastodonDeps)
  return {
    connector,
    connect: () => connector.connect({ server: peer.url, accessToken: peer.createAccountWithToken('metrics').accessToken }),
    setPostCounts: (post, { likes, reposts, replies, quotes }) => peer.setCounts(post.remoteId, { favourites: likes, reblogs: reposts, replies, quotes }),
    setAccountCounts: (account, counts) => peer.setAccountCounts(account.account.remoteId, counts),
    revokeCredentials: async (account) => peer.revokeToken(String(account.credentials.accessToken)),
    async exhaustRateLimit(account) {
      peer.setLimits({ api: { limit: 0, periodMs: 300_000 } }, account.account.remoteId)
      return peer.rateLimitResetAt(account.account.remoteId, 'api') - Date.now()
    },
    close: () => peer.close(),
  }
})

describe('mastodon metrics (loopback contract server)', () => {
  const connector = createMastodonConnector(mastodonDeps)
  const peers: MastodonPeer[] = []
  afterAll(() => Promise.all(peers.map((p) => p.close())))

  async function accountOn(version: '4.2.0' | '4.3.0' | '4.5.0'): Promise<{ peer: MastodonPeer; account: ConnectedAccount }> {
    const peer = await startMastodonPeer({ version })
    peers.push(peer)
    return { peer, account: await connector.connect({ server: peer.url, accessToken: peer.createAccountWithToken('bakery').accessToken }) }
  }

  const statusReads = (peer: MastodonPeer) =>
    peer.requests().filter((r) => r.method === 'GET' && r.url.pathname.startsWith('/api/v1/statuses')).map((r) => decodeURIComponent(r.url.pathname + r.url.search))

  it('asks a 4.3 server 20 statuses per request with GET /api/v1/statuses?id[]=', async () => {
    const { peer, account } = await accountOn('4.3.0')
    const posts: PublishedPost[] = []
    for (let i = 0; i < 25; i += 1) posts.push(await connector.publish(account, request(`Tart number ${i}`)))
    posts.forEach((post, i) => peer.setCounts(post.remoteId, { favourites: i }))
    const metrics = await connector.fetchPostMetrics!(account, posts)
    expect(metrics.map((m) => [m.remoteId, m.likes])).toEqual(posts.map((p, i) => [p.remoteId, i]))
    const reads = statusReads(peer)
    expect(reads).toHaveLength(2)
    expect(reads.map((r) => r.split('id[]=').length - 1)).toEqual([20, 5])
  })

  it('asks a server before 4.3 one status at a time once the batch path answers 404, leaving out deleted ones', async () => {
    const { peer, account } = await accountOn('4.2.0')
    const a = await connector.publish(account, request('One'))
    const b = await connector.publish(account, request('Two'))
    const c = await connector.publish(account, request('Three'))
    peer.setCounts(c.remoteId, { favourites: 4, reblogs: 2, replies: 1 })
    await connector.delete(account, b)
    expect(await connector.fetchPostMetrics!(account, [a, b, c])).toEqual([
      { remoteId: a.remoteId, likes: 0, reposts: 0, replies: 0 },
      { remoteId: c.remoteId, likes: 4, reposts: 2, replies: 1 },
    ])
    expect(statusReads(peer)).toEqual([
      `/api/v1/statuses?id[]=${a.remoteId}&id[]=${b.remoteId}&id[]=${c.remoteId}`,
      `/api/v1/statuses/${a.remoteId}`,
      `/api/v1/statuses/${b.remoteId}`,
      `/api/v1/statuses/${c.remoteId}`,
    ])
  })

  it('counts quotes on a server with quote posts (4.5), and promises them only there', async () => {
    const { peer, account } = await accountOn('4.5.0')
    expect(connector.capabilities(account).metrics.quotes).toBe(true)
    expect(connector.capabilities((await accountOn('4.3.0')).account).metrics.quotes).toBe(false)
    const post = await connector.publish(account, request('Quote me on this'))
    peer.setCounts(post.remoteId, { favourites: 9, reblogs: 4, quotes: 3 })
    expect(await connector.fetchPostMetrics!(account, [post])).toEqual([{ remoteId: post.remoteId, likes: 9, reposts: 4, replies: 0, quotes: 3 }])
  })
})
