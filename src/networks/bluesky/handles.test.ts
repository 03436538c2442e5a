/**
 * The Bluesky handle check against a real PDS on loopback (test/peers/bluesky.ts), whose user
 * domain is `.test`: taken and free names as the PDS answers them, the atproto and PDS syntax
 * rules, and what the connector says when the PDS limits it or cannot be reached. The entryway's
 * reserved-name answer (bsky.social only) is played through the injected fetch.
 */
import net from 'node:net'
import { AtpAgent } from '@atproto/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../../../test/peers/bluesky.js'
import { RateLimited } from '../errors.js'
import { createBlueskyConnector } from './index.js'

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** A fetch that answers `method` itself and passes everything else to the PDS. */
function answering(method: string, respond: (url: URL) => Response): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    return url.pathname === `/xrpc/${method}` ? respond(url) : fetch(input, init)
  }
}

describe('Bluesky handle check on a real PDS', () => {
  let peer: BlueskyPeer
  let owner: PeerAccount
  const connector = createBlueskyConnector()
  const check = (name: string) => connector.checkHandle!(name, { server: peer.url })

  beforeAll(async () => {
    peer = await startBlueskyPeer()
    owner = await peer.createAccount('bakery')
  })
  afterAll(() => peer?.stop())

  it('says taken for an account\'s name, typed bare, with @ or in full', async () => {
    const name = owner.handle.replace(/\.test$/, '')
    expect(await check(name)).toEqual({ status: 'taken', handle: owner.handle, server: peer.url })
    expect(await check(`@${owner.handle}`)).toEqual({ status: 'taken', handle: owner.handle, server: peer.url })
  })

  it('says available for a name no account has, under the PDS\'s user domain', async () => {
    expect(await check('cafe-lune')).toEqual({ status: 'available', handle: 'cafe-lune.test', server: peer.url })
    // Signing up with it then works, and the same name reads taken.
    const agent = new AtpAgent({ service: peer.url })
    await agent.createAccount({ handle: 'cafe-lune.test', email: 'lune@example.test', password: 'correct horse battery' })
    expect((await check('cafe-lune')).status).toBe('taken')
  })

  it('lowercases what the person typed', async () => {
    const upper = owner.handle.replace(/\.test$/, '').toUpperCase()
    expect(await check(`  @${upper}`)).toEqual({ status: 'taken', handle: owner.handle, server: peer.url })
    expect(await check('Cafe-Soleil')).toEqual({ status: 'available', handle: 'cafe-soleil.test', server: peer.url })
  })

  it('refuses names the PDS would refuse, saying why', async () => {
    expect(await check('a_b')).toEqual({ status: 'invalid', handle: 'a_b.test', server: peer.url, reason: 'syntax' })
    expect(await check('-x')).toEqual({ status: 'invalid', handle: '-x.test', server: peer.url, reason: 'syntax' })
    expect(await check('bakery-')).toMatchObject({ status: 'invalid', reason: 'syntax' })
    expect(await check('café')).toMatchObject({ status: 'invalid', reason: 'syntax' })
    expect(await check('ab')).toEqual({ status: 'invalid', handle: 'ab.test', server: peer.url, reason: 'too_short' })
    expect(await check('')).toMatchObject({ status: 'invalid', reason: 'too_short' })
    const forty = 'a'.repeat(40)
    expect(await check(forty)).toEqual({ status: 'invalid', handle: `${forty}.test`, server: peer.url, reason: 'too_long' })
    expect(await check('a'.repeat(19))).toMatchObject({ status: 'invalid', reason: 'too_long' })
    expect(await check('a'.repeat(18))).toMatchObject({ status: 'available' })
    // In full, under the user domain, the same limits apply; a dotted name in front is not allowed.
    expect(await check(`${forty}.test`)).toMatchObject({ status: 'invalid', reason: 'too_long' })
    expect(await check('shop.cafe-lune.test')).toMatchObject({ status: 'invalid', reason: 'syntax' })
  })

  it('checks a full domain handle as it is, by the atproto rules', async () => {
    expect(await check(`${'a'.repeat(64)}.example.com`)).toMatchObject({ status: 'invalid', reason: 'too_long' })
    expect(await check('shop.123')).toMatchObject({ status: 'invalid', handle: 'shop.123', reason: 'syntax' })
    expect(await check('shop..example.com')).toMatchObject({ status: 'invalid', reason: 'syntax' })
    expect(await check('shop.example')).toEqual({ status: 'invalid', handle: 'shop.example', server: peer.url, reason: 'reserved' })
    expect(await check('bakery.local')).toMatchObject({ status: 'invalid', reason: 'reserved' })
  })

  it('reports a name the entryway reserves as reserved, and one it offers as available', async () => {
    const entryway = createBlueskyConnector({
      fetch: answering('com.atproto.temp.checkHandleAvailability', (url) => {
        const handle = url.searchParams.get('handle')
        const result = handle === 'shop.test'
          ? { $type: 'com.atproto.temp.checkHandleAvailability#resultUnavailable', suggestions: [{ handle: 'shop-1.test', method: 'append' }] }
          : { $type: 'com.atproto.temp.checkHandleAvailability#resultAvailable' }
        return Response.json({ handle, result })
      }),
    })
    expect(await entryway.checkHandle!('shop', { server: peer.url })).toEqual({ status: 'invalid', handle: 'shop.test', server: peer.url, reason: 'reserved' })
    expect(await entryway.checkHandle!('boulangerie', { server: peer.url })).toEqual({ status: 'available', handle: 'boulangerie.test', server: peer.url })
    // A taken name is taken, whatever the availability check would add.
    expect((await entryway.checkHandle!(owner.handle, { server: peer.url })).status).toBe('taken')
  })

  it('throws RateLimited with the PDS\'s reset time when it answers 429', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120
    const limited = createBlueskyConnector({
      fetch: answering('com.atproto.identity.resolveHandle', () =>
        Response.json({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, {
          status: 429,
          headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) },
        })),
    })
    const error = await limited.checkHandle!('cafe-nuit', { server: peer.url }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimited)
    expect((error as RateLimited).retryAfterMs).toBeGreaterThan(100_000)
    expect((error as RateLimited).retryAfterMs).toBeLessThanOrEqual(120_000)
  })

  it('says unknown/unreachable when the server cannot be asked, and still refuses a bad name', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`
    expect(await connector.checkHandle!('cafe-lune', { server: down })).toEqual({ status: 'unknown', handle: 'cafe-lune', server: down, reason: 'unreachable' })
    expect(await connector.checkHandle!('a_b', { server: down })).toEqual({ status: 'invalid', handle: 'a_b', server: down, reason: 'syntax' })
    expect(await connector.checkHandle!('cafe-lune', { server: 'not a server' })).toMatchObject({ status: 'unknown', reason: 'unreachable' })
    // A server that is not a PDS answers, but not as one.
    const notPds = createBlueskyConnector({ fetch: async () => new Response('<h1>Not found</h1>', { status: 404, headers: { 'content-type': 'text/html' } }) })
    expect(await notPds.checkHandle!('cafe-lune', { server: peer.url })).toMatchObject({ status: 'unknown', reason: 'unreachable' })
  })

  it('asks https://bsky.social when no server is named', async () => {
    const asked: string[] = []
    const offline = createBlueskyConnector({
      fetch: async (input) => {
        asked.push(new URL(input instanceof Request ? input.url : String(input)).origin)
        throw new TypeError('fetch failed')
      },
    })
    expect(await offline.checkHandle!('cafe-lune')).toEqual({ status: 'unknown', handle: 'cafe-lune', server: 'https://bsky.social', reason: 'unreachable' })
    expect(asked).toEqual(['https://bsky.social'])
  })

  it('reached nothing beyond loopback', () => {
    expect(peer.outboundAttempts()).toEqual([])
  })
})
