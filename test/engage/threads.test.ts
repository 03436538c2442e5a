/**
 * The network around inbox items, through the API against the Mastodon loopback contract server
 * (written from Mastodon's API reference): the thread above an item read from the network
 * (others' posts included), a reply that does not mention us (Mastodon notifies none) found under
 * our post, items deleted on the network marked (when opened, and by sync's check), an answer to
 * a deleted item refused in the person's language with the text kept as its draft, and the
 * counts-only route the navigation badge reads; with the token revoked, the thread says why it is
 * unavailable and an answer is held back for the reconnection, not lost.
 */
import { createOAuthAPIClient, createRestAPIClient, type mastodon } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startMastodonPeer, type LocalAccount, type MastodonPeer } from '../peers/mastodon/index.js'

interface Item {
  id: string
  kind: string
  text: string
  deleted: boolean
  pendingReplyId: string | null
}
interface Thread {
  available: boolean
  deleted?: boolean
  cut?: boolean
  reason?: string
  ancestors?: Array<{ remoteId: string; text: string; ours: boolean; author: { handle: string; name: string } }>
}

let t: TestApp
let owner: TestClient
let peer: MastodonPeer
let cafe: LocalAccount
let cafeToken: string
let ourStatusId: string
let customer: { local: LocalAccount; client: mastodon.rest.Client }
let neighbour: { local: LocalAccount; client: mastodon.rest.Client }

function someone(name: string) {
  const made = peer.createAccountWithToken(name)
  return { local: made.account, client: createRestAPIClient({ url: peer.url, accessToken: made.accessToken }) }
}

beforeAll(async () => {
  peer = await startMastodonPeer()
  t = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'true' }, networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  owner = await setUpOwner(t)
  const made = peer.createAccountWithToken('cafe')
  cafe = made.account
  cafeToken = made.accessToken
  const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: peer.url, accessToken: cafeToken } })
  expect(connected.status).toBe(201)
  const post = await owner.post<{ post: { id: string } }>('/api/posts', { text: 'New rye loaf from today.', targets: [{ accountId: connected.body.account.id }] })
  await owner.post(`/api/posts/${post.body.post.id}/schedule`, { mode: 'now' })
  const published = await eventually('our post', () => t.store.db.selectFrom('postTargets').select('remoteId').where('status', '=', 'published').executeTakeFirst())
  ourStatusId = published.remoteId!
  customer = someone('customer')
  neighbour = someone('neighbour')
})

afterAll(async () => {
  await t?.close()
  await peer?.close()
})

const sync = async () => (await owner.post<{ stored: number }>('/api/inbox/sync')).body.stored
const items = async () => (await owner.get<{ items: Item[] }>('/api/inbox?status=all')).body.items
const itemOf = async (text: string) => (await items()).find((i) => i.text.includes(text))

describe('the network around inbox items (Mastodon loopback contract server)', () => {
  it('shows every post above an item, from the network, ours marked, others\' posts included', async () => {
    const question = await customer.client.v1.statuses.create({ status: `@${cafe.username} is it sourdough?`, inReplyToId: ourStatusId })
    // Between the two: a neighbour answers the customer without mentioning us, so it never reaches our inbox.
    const aside = await neighbour.client.v1.statuses.create({ status: `@${customer.local.username} it is, I had one yesterday`, inReplyToId: question.id })
    await customer.client.v1.statuses.create({ status: `@${neighbour.local.username} @${cafe.username} how long does it keep?`, inReplyToId: aside.id })
    expect(await sync()).toBe(2)

    const item = (await itemOf('how long does it keep'))!
    const thread = await owner.get<Thread>(`/api/inbox/${item.id}/thread`)
    expect(thread.status, JSON.stringify(thread.body)).toBe(200)
    expect(thread.body).toMatchObject({ available: true, deleted: false, cut: false })
    expect(thread.body.ancestors!.map((m) => [m.text, m.ours])).toEqual([
      ['New rye loaf from today.', true],
      [`@${cafe.username} is it sourdough?`, false],
      [`@${customer.local.username} it is, I had one yesterday`, false],
    ])
    expect(thread.body.ancestors![2]!.author.handle).toBe(`@${neighbour.local.username}@${new URL(peer.url).host}`)
  })

  it('finds a reply to our post that does not mention us, which Mastodon never notifies, and stores it once', async () => {
    await customer.client.v1.statuses.create({ status: 'Bought two, lovely crust', inReplyToId: ourStatusId })
    expect(peer.notifications(cafe.id).some((n) => peer.statuses(customer.local.id).find((s) => s.id === n.statusId)?.text === 'Bought two, lovely crust')).toBe(false)
    expect(await sync()).toBe(1)
    expect(await sync()).toBe(0)
    expect(await itemOf('lovely crust')).toMatchObject({ kind: 'reply', deleted: false })
  })

  it('marks an item deleted when its post is gone: when opened, and by the sync check', async () => {
    const opened = await customer.client.v1.statuses.create({ status: `@${cafe.username} do you deliver?` })
    const unopened = await customer.client.v1.statuses.create({ status: `@${cafe.username} open on Monday?` })
    expect(await sync()).toBe(2)
    await customer.client.v1.statuses.$select(opened.id).remove()
    await customer.client.v1.statuses.$select(unopened.id).remove()

    const openedItem = (await itemOf('do you deliver'))!
    expect((await owner.get<Thread>(`/api/inbox/${openedItem.id}/thread`)).body).toMatchObject({ available: true, deleted: true })
    expect((await owner.get<{ item: Item }>(`/api/inbox/${openedItem.id}`)).body.item.deleted).toBe(true)

    expect((await itemOf('open on Monday'))!.deleted).toBe(false)
    await sync()
    const marked = (await itemOf('open on Monday'))!
    // Kept, with its text: deleted on the network is not deleted here.
    expect(marked).toMatchObject({ deleted: true, text: `@${cafe.username} open on Monday?` })
  })

  it('refuses to answer a post deleted meanwhile in the person\'s language, and keeps the text as the draft answer', async () => {
    const status = await customer.client.v1.statuses.create({ status: `@${cafe.username} any croissants left?` })
    expect(await sync()).toBe(1)
    const item = (await itemOf('croissants left'))!
    // Deleted after the last check: only the answer finds out.
    await customer.client.v1.statuses.$select(status.id).remove()
    expect((await owner.patch('/api/me', { locale: 'he' })).status).toBe(200)
    const refused = await owner.post<{ error: { message: string } }>(`/api/inbox/${item.id}/reply`, { text: 'כן, עד הצהריים' })
    expect(refused.status).toBe(410)
    expect(refused.body.error.message).toMatch(/[\u0590-\u05FF]/)
    const kept = (await owner.get<{ item: Item; replies: Array<{ text: string; status: string }> }>(`/api/inbox/${item.id}`)).body
    expect(kept.item.deleted).toBe(true)
    expect(kept.replies).toEqual([expect.objectContaining({ status: 'draft', text: 'כן, עד הצהריים' })])
    expect(peer.statuses(cafe.id).some((s) => s.text.includes('עד הצהריים'))).toBe(false)
    expect((await owner.patch('/api/me', { locale: 'en' })).status).toBe(200)
  })

  it('gives the counts alone, as the list does', async () => {
    const counts = await owner.get<{ open: number; unanswered: number; questions: number }>('/api/inbox/counts')
    expect(counts.status).toBe(200)
    expect(counts.body).toEqual((await owner.get<{ counts: unknown }>('/api/inbox')).body.counts)
    expect(counts.body.open).toBeGreaterThan(0)
  })

  it('says the thread is unavailable, and why, when the network refuses the account', async () => {
    const item = (await itemOf('lovely crust'))!
    peer.revokeToken(cafeToken)
    expect((await owner.get<Thread>(`/api/inbox/${item.id}/thread`)).body).toEqual({ available: false, reason: 'auth_expired' })

    // An answer now is held back, not lost: it goes once the account is reconnected.
    const sent = await owner.post<{ postId: string }>(`/api/inbox/${item.id}/reply`, { text: 'Thank you, see you Sunday!' })
    expect(sent.status, JSON.stringify(sent.body)).toBe(201)
    const held = await eventually('the answer to wait', async () => {
      const detail = (await owner.get<{ replies: Array<{ text: string; targetStatus: string; errorKind: string | null }> }>(`/api/inbox/${item.id}`)).body
      return detail.replies.find((r) => r.targetStatus === 'waiting')
    })
    expect(held).toMatchObject({ text: 'Thank you, see you Sunday!', errorKind: expect.stringMatching(/^(auth_expired|account_)/) })
  })
})
