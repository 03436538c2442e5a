/**
 * The Mastodon handle check through the real masto client against the loopback contract server
 * written from Mastodon's API reference (test/peers/mastodon): GET /api/v1/accounts/lookup for
 * taken and free usernames, Mastodon's username rules, its 429 with X-RateLimit-Reset, and
 * servers that cannot be asked.
 */
import { createServer } from 'node:http'
import net from 'node:net'
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anonymousClient, startMastodonPeer, type LocalAccount, type MastodonPeer } from '../../../test/peers/mastodon/index.js'
import { RateLimited } from '../errors.js'
import { createMastodonConnector, type MastodonDeps } from './index.js'

const deps: MastodonDeps = { createRestAPIClient, createOAuthAPIClient }

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('Mastodon handle check against the loopback contract server written from Mastodon\'s API reference', () => {
  let peer: MastodonPeer
  let owner: LocalAccount
  const connector = createMastodonConnector(deps)
  const check = (name: string) => connector.checkHandle!(name, { server: peer.url })

  beforeAll(async () => {
    peer = await startMastodonPeer()
    owner = peer.createAccount('bakery')
  })
  afterAll(() => peer?.close())

  it('says taken for an existing username, whatever its case or an @ in front', async () => {
    expect(await check(owner.username)).toEqual({ status: 'taken', handle: `@${owner.username}@${peer.domain}`, server: peer.url })
    expect(await check(`@${owner.username.toUpperCase()}`)).toEqual({
      status: 'taken',
      handle: `@${owner.username.toUpperCase()}@${peer.domain}`,
      server: peer.url,
    })
    // A full handle with an explicit server: the server given is the one asked.
    expect(await check(`@${owner.username}@${peer.domain}`)).toMatchObject({ status: 'taken', server: peer.url })
  })

  it('keeps a suspended account\'s username taken', async () => {
    const gone = peer.createAccount('closed')
    peer.suspend(gone)
    expect((await check(gone.username)).status).toBe('taken')
  })

  it('says available for a username no account has, and the server answers 404 "Record not found"', async () => {
    expect(await check('cafe_lune')).toEqual({ status: 'available', handle: `@cafe_lune@${peer.domain}`, server: peer.url })
    const raw = await fetch(`${peer.url}/api/v1/accounts/lookup?acct=cafe_lune`)
    expect([raw.status, await raw.json()]).toEqual([404, { error: 'Record not found' }])
    const found = await fetch(`${peer.url}/api/v1/accounts/lookup?acct=${owner.username}`)
    expect(await found.json()).toMatchObject({ id: owner.id, username: owner.username, acct: owner.username })
  })

  it('refuses usernames Mastodon would refuse, saying why, without asking the server', async () => {
    const asked: string[] = []
    const counting = createMastodonConnector({
      ...deps,
      createRestAPIClient: (props) => {
        asked.push(props.url)
        return createRestAPIClient(props)
      },
    })
    const invalid = (name: string) => counting.checkHandle!(name, { server: peer.url })
    expect(await invalid('cafe-lune')).toEqual({ status: 'invalid', handle: `@cafe-lune@${peer.domain}`, server: peer.url, reason: 'syntax' })
    expect(await invalid('café')).toMatchObject({ status: 'invalid', reason: 'syntax' })
    expect(await invalid('cafe.lune')).toMatchObject({ status: 'invalid', reason: 'syntax' })
    expect(await invalid('a@b@c')).toMatchObject({ status: 'invalid', reason: 'syntax' })
    expect(await invalid('')).toMatchObject({ status: 'invalid', reason: 'too_short' })
    expect(await invalid('a'.repeat(31))).toMatchObject({ status: 'invalid', reason: 'too_long' })
    expect(asked).toEqual([])
    expect(await invalid('a'.repeat(30))).toMatchObject({ status: 'available' })
    expect(asked).toEqual([peer.url])
  })

  it('throws RateLimited with the instance\'s reset time once anonymous lookups run out', async () => {
    const limited = await startMastodonPeer()
    try {
      limited.setLimits({ api: { limit: 2, periodMs: 60_000 } }, anonymousClient)
      const ask = () => connector.checkHandle!('cafe_lune', { server: limited.url })
      expect((await ask()).status).toBe('available')
      expect((await ask()).status).toBe('available')
      const error = await ask().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RateLimited)
      const expected = limited.rateLimitResetAt(anonymousClient, 'api') - Date.now()
      expect((error as RateLimited).retryAfterMs).toBeGreaterThan(0)
      expect(Math.abs((error as RateLimited).retryAfterMs - expected)).toBeLessThan(2_000)
    } finally {
      await limited.close()
    }
  })

  it('says unknown/unreachable when the server is down or is not a Mastodon server', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`
    expect(await connector.checkHandle!('cafe_lune', { server: down })).toEqual({
      status: 'unknown',
      handle: `@cafe_lune@${new URL(down).host}`,
      server: down,
      reason: 'unreachable',
    })
    const web = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>'))
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(web.address() as net.AddressInfo).port}`
      expect(await connector.checkHandle!('cafe_lune', { server: url })).toMatchObject({ status: 'unknown', reason: 'unreachable' })
    } finally {
      await new Promise((resolve) => web.close(resolve))
    }
    expect(await connector.checkHandle!('cafe_lune', { server: 'ftp://files.example' })).toMatchObject({ status: 'unknown', reason: 'unreachable' })
  })

  it('asks https://mastodon.social when no server is named, or the instance a full handle names', async () => {
    const asked: string[] = []
    const down = `http://127.0.0.1:${await closedPort()}`
    const recording = createMastodonConnector({
      ...deps,
      createRestAPIClient: (props) => {
        asked.push(props.url)
        return createRestAPIClient({ ...props, url: down })
      },
    })
    expect(await recording.checkHandle!('cafe_lune')).toEqual({ status: 'unknown', handle: '@cafe_lune@mastodon.social', server: 'https://mastodon.social', reason: 'unreachable' })
    expect(await recording.checkHandle!('@cafe_lune@eldritch.cafe')).toMatchObject({ handle: '@cafe_lune@eldritch.cafe', server: 'https://eldritch.cafe' })
    expect(asked).toEqual(['https://mastodon.social', 'https://eldritch.cafe'])
  })
})
