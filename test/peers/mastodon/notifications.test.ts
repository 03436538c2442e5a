/**
 * The contract server's notifications (notify.ts, routes-notifications.ts) and relationships,
 * driven by the masto client where it paginates (so its Link-header handling checks ours) and by
 * plain fetch where the wire matters (headers, array parameters, limits).
 */
import { createRestAPIClient, type mastodon } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMastodonPeer, type LocalAccount, type MastodonPeer } from './index.js'

/** A fresh account with its token and masto client. */
function person(peer: MastodonPeer, name: string): { local: LocalAccount; token: string; client: mastodon.rest.Client } {
  const { account: local, accessToken: token } = peer.createAccountWithToken(name)
  return { local, token, client: createRestAPIClient({ url: peer.url, accessToken: token }) }
}

async function get(peer: MastodonPeer, token: string, path: string): Promise<{ status: number; link: string | null; body: Array<Record<string, unknown>> }> {
  const response = await fetch(`${peer.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, link: response.headers.get('link'), body: (await response.json()) as Array<Record<string, unknown>> }
}

describe('the Mastodon contract server: GET /api/v1/notifications (4.3)', () => {
  let peer: MastodonPeer
  let baker: ReturnType<typeof person>
  let customer: ReturnType<typeof person>
  /** Notification ids in the order they were made. */
  const ids: string[] = []
  beforeAll(async () => {
    peer = await startMastodonPeer()
    baker = person(peer, 'baker')
    customer = person(peer, 'customer')
    const own = await baker.client.v1.statuses.create({ status: 'Open until six' })
    for (let n = 1; n <= 5; n += 1) await customer.client.v1.statuses.create({ status: `@${baker.local.username} question ${n}` })
    // Neither of these notifies: a reply without a mention, and mentioning oneself.
    await customer.client.v1.statuses.create({ status: 'Nice', inReplyToId: own.id })
    await baker.client.v1.statuses.create({ status: `Note to self @${baker.local.username}` })
    ids.push(...peer.notifications(baker.local.id).map((n) => n.id))
  })
  afterAll(() => peer?.close())

  it('derives mention notifications from posted statuses, as Mastodon does', () => {
    expect(peer.notifications(baker.local.id)).toHaveLength(5)
    expect(peer.notifications(baker.local.id).every((n) => n.type === 'mention' && n.fromAccountId === customer.local.id)).toBe(true)
    expect(peer.notifications(customer.local.id)).toEqual([])
  })

  it('pages newest first through the Link header, keeping limit and types[]', async () => {
    const pages: string[][] = []
    for await (const page of baker.client.v1.notifications.list({ limit: 2, types: ['mention'] })) pages.push(page.map((n) => n.id))
    expect(pages).toEqual([[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]], []])
    const { link, body } = await get(peer, baker.token, '/api/v1/notifications?limit=2&types[]=mention')
    expect(body[0]).toMatchObject({ id: ids[4], type: 'mention', group_key: `ungrouped-${ids[4]}`, account: { id: customer.local.id }, status: { account: { id: customer.local.id }, mentions: [{ id: baker.local.id }] } })
    const next = new URL(/<([^>]+)>; rel="next"/.exec(link ?? '')![1]!)
    expect([next.searchParams.get('limit'), next.searchParams.getAll('types[]'), next.searchParams.get('max_id')]).toEqual(['2', ['mention'], ids[3]])
    expect(link).toContain(`min_id=${ids[4]}>; rel="prev"`)
  })

  it('reads forward with min_id (those immediately newer), back with max_id, and since_id from the top', async () => {
    const page = async (query: string) => (await get(peer, baker.token, `/api/v1/notifications?${query}`)).body.map((n) => n.id)
    expect(await page(`min_id=${ids[0]}&limit=2`)).toEqual([ids[2], ids[1]])
    expect(await page(`min_id=${ids[0]}&max_id=${ids[2]}`)).toEqual([ids[1]])
    expect(await page(`since_id=${ids[0]}&limit=2`)).toEqual([ids[4], ids[3]])
    expect(await page(`max_id=${ids[1]}`)).toEqual([ids[0]])
    expect(await page(`min_id=${ids[4]}`)).toEqual([])
  })

  it('filters with types[] and exclude_types[]; a type the release lacks finds nothing', async () => {
    const count = async (query: string) => (await get(peer, baker.token, `/api/v1/notifications?${query}`)).body.length
    expect(await count('types[]=mention')).toBe(5)
    expect(await count('exclude_types[]=mention')).toBe(0)
    expect(await count('types[]=quote')).toBe(0)
    expect(await count('types[]=mention&types[]=quote')).toBe(5)
    expect(await count(`account_id=${customer.local.id}`)).toBe(5)
  })

  it('gives 40 by default and 80 at most', async () => {
    const busy = person(peer, 'busy')
    for (let n = 0; n < 85; n += 1) await customer.client.v1.statuses.create({ status: `@${busy.local.username} ping ${n}` })
    expect((await get(peer, busy.token, '/api/v1/notifications')).body).toHaveLength(40)
    expect((await get(peer, busy.token, '/api/v1/notifications?limit=500')).body).toHaveLength(80)
  })

  it('shows a deleted status\'s notification with status null', async () => {
    const target = person(peer, 'target')
    const status = await customer.client.v1.statuses.create({ status: `@${target.local.username} oops` })
    await customer.client.v1.statuses.$select(status.id).remove()
    const { body } = await get(peer, target.token, '/api/v1/notifications')
    expect(body).toMatchObject([{ type: 'mention', status: null }])
  })

  it('refuses a missing token (401) and a token without read:notifications (403)', async () => {
    expect((await fetch(`${peer.url}/api/v1/notifications`)).status).toBe(401)
    const writeOnly = peer.createToken(baker.local, 'write')
    expect((await get(peer, writeOnly, '/api/v1/notifications')).status).toBe(403)
  })

  it('answers relationships in the order asked: followed_by and following, suspended accounts left out', async () => {
    const fan = person(peer, 'fan')
    const gone = person(peer, 'gone')
    peer.follow(fan.local, baker.local)
    peer.follow(baker.local, customer.local)
    peer.suspend(gone.local)
    const relationships = await baker.client.v1.accounts.relationships.fetch({ id: [customer.local.id, fan.local.id, gone.local.id, '999999', fan.local.id] })
    expect(relationships.map((r) => [r.id, r.following, r.followedBy])).toEqual([
      [customer.local.id, true, false],
      [fan.local.id, false, true],
    ])
    const withSuspended = await get(peer, baker.token, `/api/v1/accounts/relationships?id[]=${gone.local.id}&with_suspended=true`)
    expect(withSuspended.body.map((r) => r.id)).toEqual([gone.local.id])
  })
})

describe('the Mastodon contract server: quote posts (4.5)', () => {
  it('takes quoted_status_id, prepends the quote-inline paragraph, shows the quote, and notifies the quoted account', async () => {
    const peer = await startMastodonPeer({ version: '4.5.0' })
    try {
      const baker = person(peer, 'baker')
      const critic = person(peer, 'critic')
      const own = await baker.client.v1.statuses.create({ status: 'Cardamom buns today' })
      const quote = await critic.client.v1.statuses.create({ status: 'Go get them', quotedStatusId: own.id })
      const ownUrl = `${peer.url}/@${baker.local.username}/${own.id}`
      expect(quote.content).toMatch(new RegExp(`^<p class="quote-inline">RE: <a href="${ownUrl.replace(/[.?]/g, '\\$&')}".*</a></p><p>Go get them</p>$`))
      expect(quote.quote).toMatchObject({ state: 'accepted', quotedStatus: { id: own.id, quote: null } })
      const linked = await critic.client.v1.statuses.create({ status: `So true ${ownUrl}`, quotedStatusId: own.id })
      expect(linked.content).not.toContain('quote-inline')
      expect(peer.notifications(baker.local.id).map((n) => [n.type, n.statusId])).toEqual([
        ['quote', quote.id],
        ['quote', linked.id],
      ])
      const { body } = await get(peer, baker.token, '/api/v1/notifications?types[]=quote')
      expect(body.map((n) => n.id)).toEqual(peer.notifications(baker.local.id).map((n) => n.id).reverse())
      expect((await baker.client.v1.statuses.$select(own.id).fetch()).quotesCount).toBe(2)
      const missing = await fetch(`${peer.url}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${critic.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'Quoting nothing', quoted_status_id: '1' }),
      })
      expect(missing.status).toBe(404)
    } finally {
      await peer.close()
    }
  })

  it('ignores quoted_status_id before 4.5, as Rails ignores a parameter it does not know', async () => {
    const peer = await startMastodonPeer({ version: '4.3.0' })
    try {
      const baker = person(peer, 'baker')
      const critic = person(peer, 'critic')
      const own = await baker.client.v1.statuses.create({ status: 'Plain buns' })
      const quote = await critic.client.v1.statuses.create({ status: 'Go get them', quotedStatusId: own.id })
      expect(quote.content).toBe('<p>Go get them</p>')
      expect(quote.quote).toBeUndefined()
      expect(peer.notifications(baker.local.id)).toEqual([])
    } finally {
      await peer.close()
    }
  })
})
