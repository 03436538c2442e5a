import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMastodonPeer, type MastodonPeer } from '../../../test/peers/mastodon/index.js'
import type { ConnectedAccount, PostRequest } from '../connector.js'
import { runConnectorContract } from '../connector.contract.js'
import { AuthExpired, RateLimited, Rejected } from '../errors.js'
import { createMastodonConnector, type MastodonConnectInput, type MastodonDeps } from './index.js'
import { normalizeServer } from './stored.js'

/** The real masto client, polling media every 5 ms instead of every second. */
const deps: MastodonDeps = { createRestAPIClient, createOAuthAPIClient, mediaPollIntervalMs: 5 }

const png1x1 = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'))

let counter = 0
function request(text: string, extra: Partial<PostRequest> = {}): PostRequest {
  counter += 1
  return { text, media: [], idempotencyKey: `mastodon-test-${counter}-${Date.now()}`, createdAt: Date.now(), ...extra }
}

runConnectorContract<MastodonConnectInput>('Mastodon (loopback contract server from the Mastodon API reference)', async () => {
  const peer = await startMastodonPeer()
  return {
    connector: createMastodonConnector(deps),
    newAccountInput: async () => ({ server: peer.url, accessToken: peer.createAccountWithToken('contract').accessToken }),
    badInput: (input) => ({ server: input.server, accessToken: 'not-a-token' }),
    async readBack(_account, post) {
      const status = peer.status(post.remoteId)
      if (!status) return undefined
      const altTexts = status.mediaIds.map((id) => peer.media(id)?.description ?? '')
      return { text: status.text, replyTo: status.inReplyToId ?? undefined, altTexts, language: status.language ?? undefined }
    },
    countPosts: async (account) => peer.statuses(account.account.remoteId).length,
    revokeCredentials: async (account) => peer.revokeToken(String(account.credentials.accessToken)),
    close: () => peer.close(),
  }
})

describe('Mastodon connector against the loopback contract server', () => {
  let peer: MastodonPeer
  const connector = createMastodonConnector(deps)

  async function connectNew(on: MastodonPeer = peer): Promise<ConnectedAccount> {
    return connector.connect({ server: on.url, accessToken: on.createAccountWithToken('bakery').accessToken })
  }

  beforeAll(async () => {
    peer = await startMastodonPeer()
  })
  afterAll(() => peer?.close())

  it('works through the real masto client against the loopback contract server', async () => {
    let clients = 0
    const counting = createMastodonConnector({
      ...deps,
      createRestAPIClient: (props) => {
        clients += 1
        return createRestAPIClient(props)
      },
    })
    const { account: person, accessToken } = peer.createAccountWithToken('masto')
    const account = await counting.connect({ server: `${peer.url}/some/page/`, accessToken })
    expect(account.account).toMatchObject({ remoteId: person.id, handle: `@${person.username}@${peer.domain}`, profileUrl: `${peer.url}/@${person.username}` })
    expect(account.settings).toMatchObject({ server: peer.url, domain: peer.domain, maxCharacters: 500, charactersReservedPerUrl: 23, maxMediaAttachments: 4 })
    const post = await counting.publish(account, request('Sourdough is back ✨', { language: 'pt-BR' }))
    expect(clients).toBeGreaterThanOrEqual(2)
    expect(post.url).toBe(`${peer.url}/@${person.username}/${post.remoteId}`)
    expect(peer.status(post.remoteId)).toMatchObject({ text: 'Sourdough is back ✨', language: 'pt' })
  })

  it('signs in with OAuth on the loopback contract server: begin → authorize → connect', async () => {
    const person = peer.createAccount('oauth')
    const redirectUri = 'http://127.0.0.1:9/oauth/callback'
    const { authorizeUrl, pending } = await connector.beginOAuth!({ server: peer.url, redirectUri, state: 'state-42' })
    expect(peer.apps().at(-1)).toMatchObject({ name: 'Stagecraft', scopes: ['read', 'write'], redirectUris: [redirectUri] })
    peer.signIn(person)
    const answer = await fetch(authorizeUrl, { redirect: 'manual' })
    expect(answer.status).toBe(302)
    const back = new URL(answer.headers.get('location')!)
    expect(back.searchParams.get('state')).toBe('state-42')
    const code = back.searchParams.get('code')!
    const account = await connector.connect({ server: peer.url, code, redirectUri, pending })
    expect(account.account.remoteId).toBe(person.id)
    expect(account.credentials).toMatchObject({ clientId: expect.any(String), clientSecret: expect.any(String) })
    expect((await connector.check(account)).status).toBe('ok')
    await expect(connector.connect({ server: peer.url, code, redirectUri, pending })).rejects.toBeInstanceOf(AuthExpired)
  })

  it('follows each loopback contract server\'s own limit: 900 characters pass at 1000 and fail at 500', async () => {
    const roomy = await startMastodonPeer({ maxCharacters: 1000 })
    try {
      const onRoomy = await connectNew(roomy)
      const onDefault = await connectNew()
      expect(connector.capabilities(onRoomy).text.maxLength).toBe(1000)
      expect(connector.capabilities(onDefault).text.maxLength).toBe(500)
      const text = 'ab'.repeat(450)
      const post = await connector.publish(onRoomy, request(text))
      expect(roomy.status(post.remoteId)?.text).toBe(text)
      const error = await connector.publish(onDefault, request(text)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Rejected)
      expect(error).toMatchObject({ reason: 'Validation failed: Text character limit of 500 exceeded', code: '422' })
    } finally {
      await roomy.close()
    }
  })

  it('counts a URL as 23 characters like the loopback contract server: 600 characters, mostly one link, pass a limit of 500', async () => {
    const account = await connectNew()
    const caps = connector.capabilities(account)
    expect(caps.text).toEqual({ maxLength: 500, counting: 'graphemes', linkLength: 23, mentionsWithoutDomain: true })
    const text = `Our whole spring menu, with prices: https://example.com/menu/${'spring-'.repeat(78)}end #bakery`
    expect(text.length).toBeGreaterThan(600)
    const post = await connector.publish(account, request(text))
    expect(peer.status(post.remoteId)?.text).toBe(text)
  })

  it('waits while the loopback contract server processes media (202 → 206 → 200) and sends the alt text', async () => {
    const slow = await startMastodonPeer({ mediaProcessingPolls: 2 })
    try {
      const account = await connectNew(slow)
      const post = await connector.publish(account, request('Fresh from the oven', { media: [{ kind: 'image', mimeType: 'image/png', bytes: png1x1, altText: 'A loaf on a board' }] }))
      const [mediaId] = slow.status(post.remoteId)!.mediaIds
      expect(slow.media(mediaId!)).toMatchObject({ description: 'A loaf on a board', responses: [202, 206, 206, 200] })
    } finally {
      await slow.close()
    }
  })

  it('gets the same status back for a reused Idempotency-Key from the loopback contract server', async () => {
    const account = await connectNew()
    const req = request('One croissant, however many clicks')
    const [a, b] = await Promise.all([connector.publish(account, req), connector.publish(account, req)])
    const c = await connector.publish(account, { ...req, text: 'A retry that changed its text still gets the first post' })
    expect(new Set([a.remoteId, b.remoteId, c.remoteId]).size).toBe(1)
    expect(peer.statuses(account.account.remoteId)).toHaveLength(1)
    await connector.publish(account, request(req.text))
    expect(peer.statuses(account.account.remoteId)).toHaveLength(2)
  })

  it('finds the earlier post once the loopback contract server has forgotten the key (after an hour)', async () => {
    let clock = Date.parse('2026-03-01T09:00:00Z')
    const timed = await startMastodonPeer({ now: () => clock })
    try {
      const timedConnector = createMastodonConnector({ ...deps, now: () => clock })
      const { account: person, accessToken } = timed.createAccountWithToken('timed')
      const account = await timedConnector.connect({ server: timed.url, accessToken })
      const req = { ...request('Closed on Monday for the holiday'), createdAt: clock }
      const first = await timedConnector.publish(account, req)
      clock += 61 * 60_000
      // The server no longer knows the key: a bare repeat makes a second status…
      const raw = createRestAPIClient({ url: timed.url, accessToken: timed.createToken(timed.createAccount('other')) })
      const k = { requestInit: { headers: { 'Idempotency-Key': 'k' } } }
      const once = await raw.v1.statuses.create({ status: 'x' }, k)
      clock += 61 * 60_000
      expect((await raw.v1.statuses.create({ status: 'x' }, k)).id).not.toBe(once.id)
      // …but the connector looks for the earlier post first.
      const again = await timedConnector.publish(account, req)
      expect(again.remoteId).toBe(first.remoteId)
      expect(timed.statuses(person.id)).toHaveLength(1)
    } finally {
      await timed.close()
    }
  })

  it('finds a published post through the loopback contract server\'s HTML rendering', async () => {
    peer.knowRemoteAccount('miller@flour.example')
    const account = await connectNew()
    const text = 'Thanks @miller@flour.example for the rye!\nOrder: https://example.com/orders/spring-2026/rye-and-spelt?ref=home\n\n#bakery <b>&amp; "more"</b>'
    const req = request(text)
    const parent = await connector.publish(account, req)
    const found = await connector.findPublished(account, { ...req, idempotencyKey: 'another-attempt' })
    expect(found?.remoteId).toBe(parent.remoteId)
    expect(await connector.findPublished(account, request(`${text} (edited)`))).toBeUndefined()
    expect(await connector.findPublished(account, request(text, { replyTo: parent }))).toBeUndefined()
    expect(await connector.findPublished(account, { ...req, createdAt: Date.now() + 10 * 60_000 })).toBeUndefined()
  })

  it('finds an earlier post on a later page of the loopback contract server\'s account statuses', async () => {
    const { account: person, accessToken } = peer.createAccountWithToken('busy')
    const account = await connector.connect({ server: peer.url, accessToken })
    const req = request('The one we are looking for')
    const target = await connector.publish(account, req)
    const raw = createRestAPIClient({ url: peer.url, accessToken })
    for (let i = 0; i < 45; i += 1) await raw.v1.statuses.create({ status: `Filler ${i}` })
    expect(peer.statuses(person.id)).toHaveLength(46)
    expect((await connector.findPublished(account, req))?.remoteId).toBe(target.remoteId)
  })

  it('says RateLimited with retryAfterMs from the loopback contract server\'s X-RateLimit-Reset', async () => {
    const account = await connectNew()
    peer.setLimits({ statuses: { limit: 1, periodMs: 3_600_000 } }, account.account.remoteId)
    await connector.publish(account, request('The first of the day'))
    const error = await connector.publish(account, request('One too many')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimited)
    const expected = peer.rateLimitResetAt(account.account.remoteId, 'statuses') - Date.now()
    expect(Math.abs((error as RateLimited).retryAfterMs - expected)).toBeLessThan(2_000)
    peer.setLimits({ api: { limit: 0, periodMs: 300_000 } }, account.account.remoteId)
    await expect(connector.check(account)).rejects.toBeInstanceOf(RateLimited)
  })

  it('says AuthExpired once the loopback contract server has revoked the token', async () => {
    const account = await connectNew()
    peer.revokeToken(String(account.credentials.accessToken))
    const error = await connector.publish(account, request('After revocation')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthExpired)
    expect((error as AuthExpired).message).toBe('The access token was revoked')
    await expect(connector.check(account)).rejects.toBeInstanceOf(AuthExpired)
    await expect(connector.refresh(account)).rejects.toBeInstanceOf(AuthExpired)
  })

  it('reports a suspended account restricted in the loopback contract server\'s words', async () => {
    const { account: person, accessToken } = peer.createAccountWithToken('suspended')
    const account = await connector.connect({ server: peer.url, accessToken })
    peer.suspend(person)
    expect(await connector.check(account)).toEqual({ status: 'restricted', reason: 'Your login is currently disabled' })
    expect(await connector.refresh(account)).toBe(account)
    await expect(connector.publish(account, request('Still here?'))).rejects.toMatchObject({ kind: 'rejected', reason: 'Your login is currently disabled' })
  })

  it('deletes on the loopback contract server, and a second delete is not an error', async () => {
    const account = await connectNew()
    const post = await connector.publish(account, request('Gone twice'))
    await connector.delete(account, post)
    await connector.delete(account, post)
    expect(peer.status(post.remoteId)).toBeUndefined()
  })
})

describe('Mastodon server addresses', () => {
  it('accepts what people type', () => {
    expect(normalizeServer('mastodon.social')).toBe('https://mastodon.social')
    expect(normalizeServer(' https://Mastodon.Social/@someone ')).toBe('https://mastodon.social')
    expect(normalizeServer('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000')
    expect(() => normalizeServer('ftp://example.com')).toThrow()
  })
})
