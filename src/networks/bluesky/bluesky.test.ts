/**
 * The Bluesky connector against a real PDS on loopback (test/peers/bluesky.ts): the shared
 * connector contract, then what is Bluesky's own. Every assertion reads what the PDS stored,
 * not what the connector says it did. One PDS serves the whole file.
 */
import { randomUUID } from 'node:crypto'
import { AtpAgent, type AppBskyEmbedImages, type AppBskyFeedPost } from '@atproto/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pngImage, startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../../../test/peers/bluesky.js'
import type { ConnectedAccount, PostRequest } from '../connector.js'
import { runConnectorContract } from '../connector.contract.js'
import { AuthExpired, RateLimited, Rejected } from '../errors.js'
import { createBlueskyConnector, type BlueskyConnectInput } from './index.js'
import { microsecondsOf, recordKeyFor } from './record-key.js'

let started: Promise<BlueskyPeer> | undefined
const startPeer = () => (started ??= startBlueskyPeer({ rateLimits: true }))
afterAll(async () => (await started)?.stop())

const renewals: Array<{ previous: ConnectedAccount; renewed: ConnectedAccount }> = []
const connector = createBlueskyConnector({ onCredentialsRenewed: (previous, renewed) => void renewals.push({ previous, renewed }) })
const peerAccounts = new Map<string, PeerAccount>()

function inputFor(peer: BlueskyPeer, account: PeerAccount): BlueskyConnectInput {
  return { identifier: account.handle, appPassword: account.appPassword.password, service: peer.url }
}

function imagesOf(record: AppBskyFeedPost.Record): AppBskyEmbedImages.Image[] {
  return record.embed?.$type === 'app.bsky.embed.images' ? (record.embed as AppBskyEmbedImages.Main).images : []
}

/** What publishing after an access token's two hours looks like: a PDS-signed token, expired. */
async function withExpiredAccess(peer: BlueskyPeer, account: ConnectedAccount): Promise<ConnectedAccount> {
  return { ...account, credentials: { ...account.credentials, accessJwt: await peer.expiredAccessToken(account.account.remoteId) } }
}

runConnectorContract<BlueskyConnectInput>('Bluesky (real PDS on loopback)', async () => {
  const peer = await startPeer()
  return {
    connector,
    async newAccountInput() {
      const account = await peer.createAccount('contract')
      peerAccounts.set(account.did, account)
      return inputFor(peer, account)
    },
    badInput: (input) => ({ ...input, appPassword: 'aaaa-bbbb-cccc-dddd' }),
    async readBack(_account, post) {
      const record = (await peer.getPost(post.remoteId))?.value
      if (!record) return undefined
      return { text: record.text, replyTo: record.reply?.parent.uri, altTexts: imagesOf(record).map((i) => i.alt), language: record.langs?.[0] }
    },
    countPosts: (account) => peer.countPosts(account.account.remoteId),
    async revokeCredentials(account) {
      // The person revokes the app password (which revokes its refresh tokens); the access token
      // in hand is a stateless JWT that works until its two hours are up, so they are let pass.
      await peer.revokeAppPassword(peerAccounts.get(account.account.remoteId)!)
      account.credentials = (await withExpiredAccess(peer, account)).credentials
    },
    close: async () => undefined,
  }
})

describe('Bluesky connector on a real PDS', () => {
  let peer: BlueskyPeer
  let alice: PeerAccount
  let bob: PeerAccount
  let account: ConnectedAccount
  const request = (text: string, extra: Partial<PostRequest> = {}): PostRequest => ({
    text,
    media: [],
    idempotencyKey: randomUUID(),
    createdAt: Date.now(),
    ...extra,
  })
  const stored = async (uri: string) => (await peer.getPost(uri))!

  beforeAll(async () => {
    peer = await startPeer()
    alice = await peer.createAccount('alice')
    bob = await peer.createAccount('bob')
    account = await connector.connect(inputFor(peer, alice))
  })

  it('connects by handle or e-mail, keeps no password, and refuses the account password', async () => {
    const owner = new AtpAgent({ service: peer.url })
    await owner.login({ identifier: alice.handle, password: alice.password })
    await owner.com.atproto.repo.putRecord({
      repo: alice.did,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
      record: { $type: 'app.bsky.actor.profile', displayName: 'مخبز أليس' },
    })
    const byEmail = await connector.connect({ ...inputFor(peer, alice), identifier: alice.email })
    expect(byEmail.account).toMatchObject({ remoteId: alice.did, handle: alice.handle, displayName: 'مخبز أليس' })
    expect(byEmail.settings).toEqual({ service: peer.url })
    expect(JSON.stringify(byEmail.credentials)).not.toContain(alice.appPassword.password)
    expect(byEmail.expiresAt! - Date.now()).toBeGreaterThan(89 * 24 * 3600_000)
    expect((await connector.connect({ ...inputFor(peer, alice), identifier: `@${alice.handle}` })).account.remoteId).toBe(alice.did)
    const error = await connector.connect({ ...inputFor(peer, alice), appPassword: alice.password }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Rejected)
    expect((error as Rejected).code).toBe('NotAnAppPassword')
  })

  it('marks mentions, links and hashtags over the exact UTF-8 bytes of mixed-script text with emoji', async () => {
    const text = `👩🏽‍🍳 مرحبا @${bob.handle} — שלום #מאפייה · আজকের রুটি #bakery 🥐 https://example.com/menu · @nobody-here.test`
    const post = await connector.publish(account, request(text, { language: 'bn' }))
    const record = (await stored(post.remoteId)).value
    expect(record.text).toBe(text)
    expect(record.langs).toEqual(['bn'])
    const bytes = Buffer.from(record.text, 'utf8')
    const found = (record.facets ?? []).map((f) => [bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8'), f.features[0]])
    expect(found).toEqual([
      [`@${bob.handle}`, { $type: 'app.bsky.richtext.facet#mention', did: bob.did }],
      ['#מאפייה', { $type: 'app.bsky.richtext.facet#tag', tag: 'מאפייה' }],
      ['#bakery', { $type: 'app.bsky.richtext.facet#tag', tag: 'bakery' }],
      ['https://example.com/menu', { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/menu' }],
    ])
  })

  it('writes a post under the record key its request derives, once, and finds it again', async () => {
    const createdAt = Date.UTC(2026, 0, 2, 3, 4, 5, 678)
    const req = request('Once, under a key of its own', { createdAt, idempotencyKey: 'post-42/bluesky' })
    expect(await connector.findPublished(account, req)).toBeUndefined()
    const before = await peer.countPosts(alice.did)
    const first = await connector.publish(account, req)
    const again = await connector.publish(account, req)
    const rkey = first.remoteId.split('/').pop()!
    expect(rkey).toBe(recordKeyFor(createdAt, req.idempotencyKey))
    expect(rkey).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/)
    expect(Math.floor(microsecondsOf(rkey) / 1000)).toBe(createdAt)
    const record = await stored(first.remoteId)
    expect([again.remoteId, again.cid]).toEqual([record.uri, record.cid])
    expect(record.value.createdAt).toBe('2026-01-02T03:04:05.678Z')
    const other = await connector.publish(account, { ...req, idempotencyKey: 'post-43/bluesky' })
    expect(other.remoteId).not.toBe(first.remoteId)
    expect(await peer.countPosts(alice.did)).toBe(before + 2)
    expect((await connector.findPublished(account, req))?.remoteId).toBe(first.remoteId)
  })

  it('returns the post when the answer to its write was lost, and a retry makes no second one', async () => {
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      if (!(input instanceof Request ? input.url : String(input)).includes('com.atproto.repo.createRecord')) return response
      await response.body?.cancel()
      throw new TypeError('fetch failed: the connection dropped before the answer')
    }
    const req = request('Written, though nobody heard back')
    const before = await peer.countPosts(alice.did)
    const post = await createBlueskyConnector({ fetch: lossy }).publish(account, req)
    expect((await stored(post.remoteId)).value.text).toBe(req.text)
    expect((await connector.publish(account, req)).remoteId).toBe(post.remoteId)
    expect(await peer.countPosts(alice.did)).toBe(before + 1)
  })

  it('threads replies under their root, a reply to a reply included, each reply once', async () => {
    const top = await connector.publish(account, request('Croissant or pain au chocolat?'))
    const bobAccount = await connector.connect(inputFor(peer, bob))
    const first = await connector.reply(bobAccount, { ...request('Pain au chocolat.'), replyTo: top })
    const secondReq = { ...request('Both, obviously.'), replyTo: first }
    const second = await connector.reply(account, secondReq)
    // From an inbox that knows only the post's address: the connector reads the rest.
    const third = await connector.reply(account, { ...request('Agreed.'), replyTo: { remoteId: first.remoteId } })
    const [topRec, firstRec] = [await stored(top.remoteId), await stored(first.remoteId)]
    const ref = (r: { uri: string; cid: string }) => ({ uri: r.uri, cid: r.cid })
    expect(firstRec.value.reply).toEqual({ root: ref(topRec), parent: ref(topRec) })
    expect((await stored(second.remoteId)).value.reply).toEqual({ root: ref(topRec), parent: ref(firstRec) })
    expect((await stored(third.remoteId)).value.reply).toEqual({ root: ref(topRec), parent: ref(firstRec) })
    const before = await peer.countPosts(alice.did)
    expect((await connector.reply(account, secondReq)).remoteId).toBe(second.remoteId)
    expect(await peer.countPosts(alice.did)).toBe(before)
    const gone = `at://${bob.did}/app.bsky.feed.post/${recordKeyFor(Date.now(), 'never-posted')}`
    await expect(connector.reply(account, { ...request('Hello?'), replyTo: { remoteId: gone } })).rejects.toBeInstanceOf(Rejected)
  })

  it('uploads images as blobs and embeds them with alt text and aspect ratio', async () => {
    const wide = pngImage(3, 2)
    const dot = pngImage(1, 1)
    const post = await connector.publish(
      account,
      request('Two pictures', {
        media: [
          { kind: 'image', mimeType: 'image/png', bytes: wide, altText: 'رغيف خبز على الطاولة', width: 3, height: 2 },
          { kind: 'image', mimeType: 'image/png', bytes: dot, altText: 'A single pixel' },
        ],
      }),
    )
    const [first, second] = imagesOf((await stored(post.remoteId)).value)
    expect(first).toMatchObject({ alt: 'رغيف خبز على الطاولة', aspectRatio: { width: 3, height: 2 } })
    expect(second?.alt).toBe('A single pixel')
    expect(second?.aspectRatio).toBeUndefined()
    expect([first?.image.mimeType, first?.image.size]).toEqual(['image/png', wide.length])
    expect(Buffer.from(await peer.getBlob(alice.did, first!.image.ref.toString())).equals(Buffer.from(wide))).toBe(true)
  })

  it('refuses an image over 1,000,000 bytes with the PDS\'s reason and posts nothing', async () => {
    const big = pngImage(600, 600, true)
    expect(big.length).toBeGreaterThan(1_000_000)
    const before = await peer.countPosts(alice.did)
    const error = await connector
      .publish(account, request('Too big', { media: [{ kind: 'image', mimeType: 'image/png', bytes: big, altText: 'noise' }] }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Rejected)
    expect((error as Rejected).reason).toMatch(/blob too big \(maximum 1000000/)
    expect(await peer.countPosts(alice.did)).toBe(before)
  })

  it('takes 300 graphemes of Bengali and Arabic with emoji, refuses 301, and refuses 3,000 bytes', async () => {
    const graphemes = [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment('আজকের তাজা রুটি ক্ষমা 🥖 خبز طازج اليوم 👍🏽 '.repeat(40))]
    const text = (n: number) => graphemes.slice(0, n).map((g) => g.segment).join('')
    const ok = await connector.publish(account, request(text(300)))
    expect((await stored(ok.remoteId)).value.text).toBe(text(300))
    const over = await connector.publish(account, request(text(301))).catch((e: unknown) => e)
    expect((over as Rejected).reason).toMatch(/grapheme too big \(maximum 300, got 301\)/)
    // 300 graphemes can still be too long: the text is also capped at 3,000 UTF-8 bytes.
    const chefs = '👩🏽‍🍳'.repeat(300)
    const bytes = await connector.publish(account, request(chefs)).catch((e: unknown) => e)
    expect((bytes as Rejected).reason).toMatch(/string too big \(maximum 3000, got 4500\)/)
  })

  it('renews an expired access token once, posts, and hands back the renewed credentials', async () => {
    const fresh = await connector.connect(inputFor(peer, await peer.createAccount('renew')))
    const stale = await withExpiredAccess(peer, fresh)
    renewals.length = 0
    const post = await connector.publish(stale, request('After two hours'))
    expect((await stored(post.remoteId)).value.text).toBe('After two hours')
    expect(renewals).toHaveLength(1)
    const { previous, renewed } = renewals[0]!
    expect(previous).toBe(stale)
    expect(renewed.credentials.refreshJwt).not.toBe(fresh.credentials.refreshJwt)
    expect(await connector.check(renewed)).toEqual({ status: 'ok' })
    const refreshed = await connector.refresh(renewed)
    expect(refreshed.credentials.refreshJwt).not.toBe(renewed.credentials.refreshJwt)
    expect(await connector.check(refreshed)).toEqual({ status: 'ok' })
  })

  it('refuses to refresh once the app password is revoked', async () => {
    const owner = await peer.createAccount('revoked')
    const connected = await connector.connect(inputFor(peer, owner))
    await peer.revokeAppPassword(owner)
    await expect(connector.refresh(connected)).rejects.toBeInstanceOf(AuthExpired)
  })

  it('reports taken-down and deactivated accounts as restricted', async () => {
    const carol = await peer.createAccount('carol')
    const carolAccount = await connector.connect(inputFor(peer, carol))
    await peer.takedown(carol.did)
    expect(await connector.check(carolAccount)).toEqual({ status: 'restricted', reason: 'takendown' })
    expect(await connector.check(await withExpiredAccess(peer, carolAccount))).toEqual({ status: 'restricted', reason: 'takendown' })
    await expect(connector.publish(carolAccount, request('Still here?'))).rejects.toBeInstanceOf(AuthExpired)
    const dave = await peer.createAccount('dave')
    const daveAccount = await connector.connect(inputFor(peer, dave))
    await peer.deactivate(dave.did)
    expect(await connector.check(daveAccount)).toEqual({ status: 'restricted', reason: 'deactivated' })
  })

  it('deletes only the account\'s own posts, and a deleted post stays deleted', async () => {
    const post = await connector.publish(account, request('Short-lived'))
    await connector.delete(account, post)
    await connector.delete(account, post)
    expect(await peer.getPost(post.remoteId)).toBeUndefined()
    const bobs = await connector.publish(await connector.connect(inputFor(peer, bob)), request('Mine'))
    await expect(connector.delete(account, bobs)).rejects.toBeInstanceOf(Rejected)
    expect(await peer.getPost(bobs.remoteId)).toBeDefined()
  })

  it('says RateLimited, with the PDS\'s reset time, when sign-ins run out', async () => {
    // The PDS allows 30 sign-ins per 5 minutes per identifier; each takes 350 ms by design, so ask at once.
    const busy = await peer.createAccount('busy')
    const outcomes = await Promise.all(Array.from({ length: 32 }, () => connector.connect(inputFor(peer, busy)).catch((e: unknown) => e)))
    const limited = outcomes.filter((o): o is RateLimited => o instanceof RateLimited)
    expect(limited.length).toBeGreaterThan(0)
    expect(outcomes.filter((o) => o instanceof Error)).toEqual(limited)
    for (const error of limited) expect(error.retryAfterMs).toBeGreaterThan(0)
    for (const error of limited) expect(error.retryAfterMs).toBeLessThanOrEqual(5 * 60_000)
  })

  it('reached nothing beyond loopback', () => {
    expect(peer.outboundAttempts()).toEqual([])
  })
})
