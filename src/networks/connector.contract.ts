/**
 * The connector contract suite: the same tests for every network, run against a real peer (a
 * real Bluesky PDS) or a loopback contract server written from the network's API reference.
 * A network's test file calls `runConnectorContract` with a harness that starts its peer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectedAccount, Connector, PostRequest, PublishedPost } from './connector.js'
import { AuthExpired, Rejected } from './errors.js'

/** What a post looks like when read back from the peer itself (not through the connector). */
export interface PeerPost {
  text: string
  /** The post it replies to, as the peer records it. */
  replyTo?: string
  /** Alt texts of its images, in order. */
  altTexts: string[]
  language?: string
}

export interface ConnectorHarness<Input> {
  connector: Connector<Input>
  /** Sign-in input for a fresh account on the peer. */
  newAccountInput(): Promise<Input>
  /** The same, with wrong credentials. */
  badInput(input: Input): Input
  /** Reads a post straight from the peer; undefined when it does not exist. */
  readBack(account: ConnectedAccount, post: PublishedPost): Promise<PeerPost | undefined>
  /** How many posts the account has on the peer. */
  countPosts(account: ConnectedAccount): Promise<number>
  /** Makes the account's credentials stop working on the peer (revoked token, changed password). */
  revokeCredentials(account: ConnectedAccount): Promise<void>
  close(): Promise<void>
}

const png1x1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
)

let counter = 0
function request(text: string, extra: Partial<PostRequest> = {}): PostRequest {
  counter += 1
  return { text, media: [], idempotencyKey: `contract-${Date.now()}-${counter}`, createdAt: Date.now(), ...extra }
}

/** Registers the contract tests for one connector. */
export function runConnectorContract<Input>(label: string, start: () => Promise<ConnectorHarness<Input>>): void {
  describe(`connector contract: ${label}`, () => {
    let h: ConnectorHarness<Input>
    let account: ConnectedAccount

    beforeAll(async () => {
      h = await start()
      account = await h.connector.connect(await h.newAccountInput())
    })
    afterAll(() => h?.close())

    it('connects and describes the account', () => {
      expect(account.account.remoteId).toBeTruthy()
      expect(account.account.handle).toBeTruthy()
      expect(account.account.profileUrl).toMatch(/^https?:\/\//)
      expect(account.credentials).toBeTypeOf('object')
    })

    it('refuses wrong credentials as AuthExpired', async () => {
      await expect(h.connector.connect(h.badInput(await h.newAccountInput()))).rejects.toBeInstanceOf(AuthExpired)
    })

    it('states its capabilities, including rate limits', () => {
      const caps = h.connector.capabilities(account)
      expect(caps.text.maxLength).toBeGreaterThan(0)
      expect(caps.media.maxCount).toBeGreaterThan(0)
      expect(caps.rateLimits.publishPerAccount.max).toBeGreaterThan(0)
    })

    it('publishes mixed-script text with emoji exactly as written', async () => {
      const text = 'Fresh bread 🥖 خبز طازج اليوم · לחם טרי · আজকের তাজা রুটি 👩🏽‍🍳 #bakery https://example.com/menu'
      const post = await h.connector.publish(account, request(text, { language: 'en' }))
      expect(post.url).toMatch(/^https?:\/\//)
      const peer = await h.readBack(account, post)
      expect(peer?.text).toBe(text)
    })

    it('publishes once per idempotency key, and finds the post an earlier attempt made', async () => {
      const req = request('Only once, however many times we try')
      expect(await h.connector.findPublished(account, req)).toBeUndefined()
      const before = await h.countPosts(account)
      const first = await h.connector.publish(account, req)
      const again = await h.connector.publish(account, req)
      expect(again.remoteId).toBe(first.remoteId)
      expect(await h.countPosts(account)).toBe(before + 1)
      const found = await h.connector.findPublished(account, req)
      expect(found?.remoteId).toBe(first.remoteId)
    })

    it('attaches images with their alt text', async () => {
      const post = await h.connector.publish(
        account,
        request('Our new oven', { media: [{ kind: 'image', mimeType: 'image/png', bytes: png1x1, altText: 'A single pixel, standing in for an oven' }] }),
      )
      expect((await h.readBack(account, post))?.altTexts).toEqual(['A single pixel, standing in for an oven'])
    })

    it('replies in the network\'s own threading', async () => {
      const parent = await h.connector.publish(account, request('Question of the day: croissant or pain au chocolat?'))
      const reply = await h.connector.reply(account, { ...request('Pain au chocolat, obviously.'), replyTo: parent })
      expect((await h.readBack(account, reply))?.replyTo).toBe(parent.remoteId)
    })

    it('rejects text over the limit with the network\'s reason', async () => {
      const caps = h.connector.capabilities(account)
      const error = await h.connector.publish(account, request('x'.repeat(caps.text.maxLength + 1))).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Rejected)
      expect((error as Rejected).reason.length).toBeGreaterThan(0)
    })

    it('deletes a post', async () => {
      const post = await h.connector.publish(account, request('Gone soon'))
      await h.connector.delete(account, post)
      expect(await h.readBack(account, post)).toBeUndefined()
    })

    it('reports a working account healthy', async () => {
      const health = await h.connector.check(account)
      expect(health.status).toBe('ok')
    })

    it('says AuthExpired once the credentials stop working', async () => {
      const other = await h.connector.connect(await h.newAccountInput())
      await h.revokeCredentials(other)
      await expect(h.connector.publish(other, request('after revocation'))).rejects.toBeInstanceOf(AuthExpired)
    })
  })
}
