/**
 * The Mastodon connector's inbox reading (`fetchNotifications`) against the loopback contract
 * server written from Mastodon's API reference (test/peers/mastodon), through the real masto
 * client: other accounts on the server mention, reply and quote, and the connector reads it back.
 */
import { randomUUID } from 'node:crypto'
import { createOAuthAPIClient, createRestAPIClient, type mastodon } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMastodonPeer, type LocalAccount, type MastodonPeer } from '../../../test/peers/mastodon/index.js'
import type { ConnectedAccount, PostRequest } from '../connector.js'
import { AuthExpired, RateLimited } from '../errors.js'
import { createMastodonConnector, type MastodonDeps } from './index.js'
import { handleOf, statusText } from './notifications.js'

const deps: MastodonDeps = { createRestAPIClient, createOAuthAPIClient }
const connector = createMastodonConnector(deps)
const fetchNotifications = (account: ConnectedAccount, cursor?: string) => connector.fetchNotifications!(account, cursor)

function request(text: string, extra: Partial<PostRequest> = {}): PostRequest {
  return { text, media: [], idempotencyKey: randomUUID(), createdAt: Date.now(), ...extra }
}

/** Our account on `peer`, connected through the connector, and its local row on the server. */
async function ours(peer: MastodonPeer, name = 'bakery'): Promise<{ account: ConnectedAccount; local: LocalAccount }> {
  const { account: local, accessToken } = peer.createAccountWithToken(name)
  return { account: await connector.connect({ server: peer.url, accessToken }), local }
}

/** Someone else on `peer`, posting with their own masto client. */
function someone(peer: MastodonPeer, name: string): { local: LocalAccount; client: mastodon.rest.Client } {
  const { account: local, accessToken } = peer.createAccountWithToken(name)
  return { local, client: createRestAPIClient({ url: peer.url, accessToken }) }
}

/** The notification requests the server received, as sent. */
const notificationRequests = (peer: MastodonPeer) => peer.requests().filter((r) => r.url.pathname === '/api/v1/notifications')

describe('Mastodon notifications from the loopback contract server (4.3)', () => {
  let peer: MastodonPeer
  beforeAll(async () => {
    peer = await startMastodonPeer()
  })
  afterAll(() => peer?.close())

  it('reads a mention and a reply to our status from another account, with the author and whether they follow us', async () => {
    const { account, local } = await ours(peer)
    const customer = someone(peer, 'customer')
    const stranger = someone(peer, 'stranger')
    peer.follow(customer.local, local)
    peer.setAccountCounts(customer.local.id, { followers: 12 })
    const ourPost = await connector.publish(account, request('Rye bread is back this week'))
    const mention = await customer.client.v1.statuses.create({ status: `@${local.username} are you open on Sunday?`, language: 'en' })
    const reply = await customer.client.v1.statuses.create({ status: `@${local.username} I'll take two loaves!`, inReplyToId: ourPost.remoteId, language: 'en' })
    // Mastodon notifies mentions, not replies: a reply that leaves out @bakery reaches nobody.
    await stranger.client.v1.statuses.create({ status: 'Quietly agreeing', inReplyToId: ourPost.remoteId })
    await stranger.client.v1.statuses.create({ status: `Have you tried @${local.username}?` })
    const before = peer.requests().length

    const page = await fetchNotifications(account)

    expect(page.items.map((i) => [i.kind, i.text])).toEqual([
      ['mention', `@${local.username} are you open on Sunday?`],
      ['reply', `@${local.username} I'll take two loaves!`],
      ['mention', `Have you tried @${local.username}?`],
    ])
    const [first, second, third] = page.items
    expect(first).toEqual({
      remoteId: mention.id,
      kind: 'mention',
      post: { remoteId: mention.id, url: `${peer.url}/@${customer.local.username}/${mention.id}` },
      text: `@${local.username} are you open on Sunday?`,
      language: 'en',
      author: {
        remoteId: customer.local.id,
        handle: `@${customer.local.username}@${peer.domain}`,
        displayName: customer.local.displayName,
        avatarUrl: `${peer.url}/avatars/original/missing.png`,
        profileUrl: `${peer.url}/@${customer.local.username}`,
        followers: 12,
        followsUs: true,
      },
      createdAt: Date.parse(mention.createdAt),
    })
    expect(second).toMatchObject({ post: { remoteId: reply.id }, inReplyTo: { remoteId: ourPost.remoteId }, author: { remoteId: customer.local.id, followsUs: true } })
    expect(third?.author).toMatchObject({ remoteId: stranger.local.id, followsUs: false, followers: 0 })
    expect(page).toMatchObject({ cursor: peer.notifications(local.id).at(-1)!.id, more: false })
    // One notifications request and one relationships request for all the page's authors.
    const made = peer.requests().slice(before)
    expect(made.map((r) => r.url.pathname)).toEqual(['/api/v1/notifications', '/api/v1/accounts/relationships'])
    expect(made[0]!.url.searchParams.getAll('types[]')).toEqual(['mention'])
    expect(made[1]!.url.searchParams.getAll('id[]').sort()).toEqual([customer.local.id, stranger.local.id].sort())
  })

  it('threads our answer to a reply under it on the loopback contract server (in_reply_to_id)', async () => {
    const { account, local } = await ours(peer)
    const customer = someone(peer, 'customer')
    const ourPost = await connector.publish(account, request('Croissants until noon'))
    await customer.client.v1.statuses.create({ status: `@${local.username} any left at 11?`, inReplyToId: ourPost.remoteId })
    const [reply] = (await fetchNotifications(account)).items
    expect(reply?.kind).toBe('reply')

    const answer = await connector.reply(account, { ...request(`@${customer.local.username} yes, a whole tray`), replyTo: reply!.post })

    expect(peer.status(answer.remoteId)).toMatchObject({ inReplyToId: reply!.post.remoteId, accountId: local.id })
    expect(peer.notifications(customer.local.id).map((n) => n.statusId)).toEqual([answer.remoteId])
  })

  it('keeps a cursor on the loopback contract server: nothing new gives the same cursor; 45 new arrive in pages, oldest first', async () => {
    const { account, local } = await ours(peer)
    const customer = someone(peer, 'regular')
    const empty = await fetchNotifications(account)
    expect(empty).toEqual({ items: [], cursor: '0', more: false })

    const texts = Array.from({ length: 45 }, (_, i) => `@${local.username} order number ${i + 1}`)
    for (const status of texts) await customer.client.v1.statuses.create({ status })
    const first = await fetchNotifications(account, empty.cursor)
    expect(first.items.map((i) => i.text)).toEqual(texts.slice(0, 40))
    expect(first.more).toBe(true)
    const second = await fetchNotifications(account, first.cursor)
    expect(second.items.map((i) => i.text)).toEqual(texts.slice(40))
    expect(second.more).toBe(false)
    expect(second.cursor).toBe(peer.notifications(local.id).at(-1)!.id)

    const nothing = await fetchNotifications(account, second.cursor)
    expect(nothing).toEqual({ items: [], cursor: second.cursor, more: false })
    expect(notificationRequests(peer).slice(-3).map((r) => r.url.searchParams.get('min_id'))).toEqual(['0', first.cursor, second.cursor])
    expect(notificationRequests(peer).at(-1)!.url.searchParams.get('limit')).toBe('40')
  })

  it('starts from the newest page without a cursor, oldest first', async () => {
    const { account, local } = await ours(peer)
    const customer = someone(peer, 'chatty')
    for (let i = 1; i <= 42; i += 1) await customer.client.v1.statuses.create({ status: `@${local.username} note ${i}` })
    const page = await fetchNotifications(account)
    expect(page.items.map((i) => i.text)).toEqual(Array.from({ length: 40 }, (_, i) => `@${local.username} note ${i + 3}`))
    expect(page).toMatchObject({ cursor: peer.notifications(local.id).at(-1)!.id, more: false })
  })

  it('skips the notification of a status deleted on the loopback contract server, and moves the cursor past it', async () => {
    const { account, local } = await ours(peer)
    const customer = someone(peer, 'fickle')
    const start = (await fetchNotifications(account)).cursor
    const gone = await customer.client.v1.statuses.create({ status: `@${local.username} never mind` })
    const kept = await customer.client.v1.statuses.create({ status: `@${local.username} actually, one baguette` })
    await customer.client.v1.statuses.$select(gone.id).remove()
    const page = await fetchNotifications(account, start)
    expect(page.items.map((i) => i.post.remoteId)).toEqual([kept.id])

    const last = await customer.client.v1.statuses.create({ status: `@${local.username} oops` })
    await customer.client.v1.statuses.$select(last.id).remove()
    const after = await fetchNotifications(account, page.cursor)
    expect(after.items).toEqual([])
    expect(after.cursor).toBe(peer.notifications(local.id).at(-1)!.id)
    expect(after.cursor).not.toBe(page.cursor)
  })

  it('brings Arabic, Hebrew and Bengali through intact, and HTML (paragraphs, line breaks, entities) back to the text written', async () => {
    const { account, local } = await ours(peer)
    const customer = someone(peer, 'polyglot')
    const texts = [
      `@${local.username} هل الخبز طازج اليوم؟ 🥖`,
      `@${local.username} האם יש לחם טרי היום?`,
      `@${local.username} আজ কি তাজা রুটি আছে? অনেক ধন্যবাদ!`,
      `@${local.username} Fish & chips <tonight>\nOpen "late" — isn't it?\n\nSee you at https://example.com/menu?a=1&b=2 #Friday`,
    ]
    const langs = ['ar', 'he', 'bn', 'en']
    for (const [i, status] of texts.entries()) await customer.client.v1.statuses.create({ status, language: langs[i] })
    const page = await fetchNotifications(account)
    expect(page.items.map((i) => [i.text, i.language])).toEqual(texts.map((t, i) => [t, langs[i]]))
  })

  it('leaves followsUs unknown when the loopback contract server refuses relationships to a token without read:follows', async () => {
    const local = peer.createAccount('narrow')
    const accessToken = peer.createToken(local, 'read:accounts read:notifications write:statuses')
    const account = await connector.connect({ server: peer.url, accessToken })
    const customer = someone(peer, 'customer')
    peer.follow(customer.local, local)
    await customer.client.v1.statuses.create({ status: `@${local.username} hello` })
    const [item] = (await fetchNotifications(account)).items
    expect(item?.author.remoteId).toBe(customer.local.id)
    expect(item?.author).not.toHaveProperty('followsUs')
    expect(peer.requests().at(-1)!.url.pathname).toBe('/api/v1/accounts/relationships')
  })

  it('says AuthExpired once the loopback contract server has revoked the token', async () => {
    const { account } = await ours(peer)
    peer.revokeToken(String(account.credentials.accessToken))
    await expect(fetchNotifications(account)).rejects.toBeInstanceOf(AuthExpired)
  })

  it('says RateLimited with the wait from the loopback contract server\'s X-RateLimit-Reset', async () => {
    const { account } = await ours(peer)
    peer.setLimits({ api: { limit: 0, periodMs: 300_000 } }, account.account.remoteId)
    const error = await fetchNotifications(account).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimited)
    const expected = peer.rateLimitResetAt(account.account.remoteId, 'api') - Date.now()
    expect(Math.abs((error as RateLimited).retryAfterMs - expected)).toBeLessThan(2_000)
  })
})

describe('Mastodon quote notifications from the loopback contract server', () => {
  it('reads a quote of our status on 4.5 (API version 7) as kind quote, without the fallback "RE:" paragraph', async () => {
    const peer = await startMastodonPeer({ version: '4.5.0' })
    try {
      const { account, local } = await ours(peer)
      expect(account.settings.apiVersion).toBe(7)
      const critic = someone(peer, 'critic')
      const ourPost = await connector.publish(account, request('New: cardamom buns'))
      const quote = await critic.client.v1.statuses.create({ status: 'Best buns in town, go now', quotedStatusId: ourPost.remoteId })
      expect(quote.content).toContain('quote-inline')

      const page = await fetchNotifications(account)

      expect(page.items).toHaveLength(1)
      expect(page.items[0]).toMatchObject({
        kind: 'quote',
        text: 'Best buns in town, go now',
        post: { remoteId: quote.id },
        inReplyTo: { remoteId: ourPost.remoteId, url: ourPost.url },
        author: { remoteId: critic.local.id, followsUs: false },
      })
      expect(peer.notifications(local.id).map((n) => n.type)).toEqual(['quote'])
      expect(notificationRequests(peer).at(-1)!.url.searchParams.getAll('types[]')).toEqual(['mention', 'quote'])
    } finally {
      await peer.close()
    }
  })

  it('does not ask a 4.3 loopback contract server for quotes', async () => {
    const peer = await startMastodonPeer({ version: '4.3.0' })
    try {
      const { account } = await ours(peer)
      expect(account.settings.apiVersion).toBe(2)
      await fetchNotifications(account)
      expect(notificationRequests(peer).map((r) => r.url.searchParams.getAll('types[]'))).toEqual([['mention']])
    } finally {
      await peer.close()
    }
  })
})

describe('Mastodon status HTML as inbox text', () => {
  it('turns Mastodon\'s rendering back into what was written', () => {
    const content =
      '<p><span class="h-card" translate="no"><a href="https://bakery.example/@bakery" class="u-url mention">@<span>bakery</span></a></span> ' +
      'Tom &amp; Jerry&#39;s order:<br />2 × rye &lt;sliced&gt;</p><p>Link: <a href="https://example.com/orders/2026/spring" target="_blank" rel="nofollow noopener noreferrer" translate="no">' +
      '<span class="invisible">https://</span><span class="ellipsis">example.com/orders/2026/sprin</span><span class="invisible">g</span></a> ' +
      '<a href="https://bakery.example/tags/rye" class="mention hashtag" rel="tag">#<span>rye</span></a></p>'
    expect(statusText({ content, spoilerText: '', quote: null })).toBe(
      "@bakery Tom & Jerry's order:\n2 × rye <sliced>\n\nLink: https://example.com/orders/2026/spring #rye",
    )
  })

  it('drops a quote\'s fallback paragraph and keeps the content warning', () => {
    const content = '<p class="quote-inline">RE: <a href="https://bakery.example/@bakery/1"><span class="invisible">https://</span><span>bakery.example/@bakery/1</span></a></p><p>Too sweet for me</p>'
    expect(statusText({ content, spoilerText: 'Honest review', quote: { state: 'accepted', quotedStatusId: '1' } })).toBe('Honest review\n\nToo sweet for me')
    expect(statusText({ content, spoilerText: '', quote: null })).toBe('RE: https://bakery.example/@bakery/1\n\nToo sweet for me')
  })

  it('gives every author a full handle', () => {
    expect(handleOf('miller', 'bakery.example')).toBe('@miller@bakery.example')
    expect(handleOf('miller@flour.example', 'bakery.example')).toBe('@miller@flour.example')
  })
})
