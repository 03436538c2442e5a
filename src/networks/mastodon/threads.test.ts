/**
 * The Mastodon connector's thread reading (`fetchThread`) against the loopback contract server
 * written from Mastodon's API reference (GET /api/v1/statuses/:id/context), through the real masto
 * client: the posts above a status, the replies below it (including one that does not mention us,
 * which Mastodon never notifies), a deleted status, and a thread cut by a deleted status above.
 */
import { createOAuthAPIClient, createRestAPIClient, type mastodon } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMastodonPeer, type LocalAccount, type MastodonPeer } from '../../../test/peers/mastodon/index.js'
import type { ConnectedAccount } from '../connector.js'
import { AuthExpired } from '../errors.js'
import { createMastodonConnector, type MastodonDeps } from './index.js'

const deps: MastodonDeps = { createRestAPIClient, createOAuthAPIClient }
const connector = createMastodonConnector(deps)

describe('Mastodon threads from the loopback contract server (GET /api/v1/statuses/:id/context)', () => {
  let peer: MastodonPeer
  let account: ConnectedAccount
  let local: LocalAccount
  let bakery: mastodon.rest.Client
  let customer: { local: LocalAccount; client: mastodon.rest.Client }
  let neighbour: { local: LocalAccount; client: mastodon.rest.Client }

  beforeAll(async () => {
    peer = await startMastodonPeer()
    const ours = peer.createAccountWithToken('bakery')
    local = ours.account
    bakery = createRestAPIClient({ url: peer.url, accessToken: ours.accessToken })
    account = await connector.connect({ server: peer.url, accessToken: ours.accessToken })
    for (const name of ['customer', 'neighbour'] as const) {
      const made = peer.createAccountWithToken(name)
      const client = createRestAPIClient({ url: peer.url, accessToken: made.accessToken })
      if (name === 'customer') customer = { local: made.account, client }
      else neighbour = { local: made.account, client }
    }
  })
  afterAll(() => peer?.close())

  it('reads the posts above a status, top first, with their authors, and marks ours by author id', async () => {
    const top = await bakery.v1.statuses.create({ status: 'New rye loaf today', language: 'en' })
    const question = await customer.client.v1.statuses.create({ status: `@${local.username} is it sourdough?`, inReplyToId: top.id, language: 'en' })
    const aside = await neighbour.client.v1.statuses.create({ status: `@${customer.local.username} it is, I had one yesterday`, inReplyToId: question.id })
    const thanks = await customer.client.v1.statuses.create({ status: `@${neighbour.local.username} @${local.username} thanks! how long does it keep?`, inReplyToId: aside.id })

    const thread = await connector.fetchThread!(account, { remoteId: thanks.id })
    expect(thread.deleted).toBe(false)
    expect(thread.cut).toBe(false)
    expect(thread.replies).toEqual([])
    expect(thread.ancestors.map((m) => [m.post.remoteId, m.author.remoteId, m.text])).toEqual([
      [top.id, local.id, 'New rye loaf today'],
      [question.id, customer.local.id, `@${local.username} is it sourdough?`],
      [aside.id, neighbour.local.id, `@${customer.local.username} it is, I had one yesterday`],
    ])
    expect(thread.ancestors[1]).toMatchObject({ inReplyTo: { remoteId: top.id }, inReplyToAuthorId: local.id, language: 'en', author: { handle: `@${customer.local.username}@${new URL(peer.url).host}` } })
  })

  it('reads the replies below a status when asked, a reply without a mention included', async () => {
    const post = await bakery.v1.statuses.create({ status: 'Croissants back on Sunday' })
    const quiet = await customer.client.v1.statuses.create({ status: 'Finally!', inReplyToId: post.id })
    const deeper = await neighbour.client.v1.statuses.create({ status: `@${customer.local.username} same here`, inReplyToId: quiet.id })

    const without = await connector.fetchThread!(account, { remoteId: post.id })
    expect(without.replies).toEqual([])
    const thread = await connector.fetchThread!(account, { remoteId: post.id }, { replies: true })
    expect(thread.replies.map((m) => [m.post.remoteId, m.inReplyToAuthorId])).toEqual([
      [quiet.id, local.id],
      [deeper.id, customer.local.id],
    ])
    // Mastodon notified nobody of the reply without a mention: only the thread shows it.
    expect(peer.notifications(local.id).some((n) => n.statusId === quiet.id)).toBe(false)
  })

  it('says deleted for a status the server no longer has, and shows nothing above a status whose parent was deleted', async () => {
    const post = await bakery.v1.statuses.create({ status: 'Closed on Monday' })
    const gone = await customer.client.v1.statuses.create({ status: 'Why?', inReplyToId: post.id })
    const after = await neighbour.client.v1.statuses.create({ status: `@${customer.local.username} holidays`, inReplyToId: gone.id })
    await customer.client.v1.statuses.$select(gone.id).remove()

    expect(await connector.fetchThread!(account, { remoteId: gone.id })).toEqual({ deleted: true, ancestors: [], cut: false, replies: [] })
    const cut = await connector.fetchThread!(account, { remoteId: after.id })
    // The chain stops at the deleted status: nothing above it is shown.
    expect(cut).toMatchObject({ deleted: false, ancestors: [] })
  })

  it('fails with AuthExpired when the token was revoked', async () => {
    const other = peer.createAccountWithToken('revoked')
    const connected = await connector.connect({ server: peer.url, accessToken: other.accessToken })
    const post = await bakery.v1.statuses.create({ status: 'Open late on Friday' })
    peer.revokeToken(other.accessToken)
    await expect(connector.fetchThread!(connected, { remoteId: post.id })).rejects.toBeInstanceOf(AuthExpired)
  })
})
