/**
 * The inbox's reading side of the Bluesky connector (`fetchNotifications`) and answers from it, on
 * a real PDS whose AppView is the contract server derived from its firehose
 * (test/peers/bluesky-appview.ts): the connector asks the PDS, the PDS proxies to the AppView,
 * and the AppView knows only what the PDS's firehose told it. Other people act through their own
 * sessions on the PDS (AtpAgent), never through the connector under test; answers are read back
 * from the repository with com.atproto.repo.getRecord.
 */
import { randomUUID } from 'node:crypto'
import { AtpAgent, RichText } from '@atproto/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pngImage, startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../../../test/peers/bluesky.js'
import type { BlueskyAppView } from '../../../test/peers/bluesky-appview.js'
import type { ConnectedAccount, NotificationPage, PostRequest, RemoteNotification } from '../connector.js'
import { AuthExpired } from '../errors.js'
import { createBlueskyConnector } from './index.js'

let started: Promise<BlueskyPeer> | undefined
const startPeer = () => (started ??= startBlueskyPeer({ appView: true }))
afterAll(async () => (await started)?.stop())

const connector = createBlueskyConnector()
const read = (account: ConnectedAccount, cursor?: string): Promise<NotificationPage> => connector.fetchNotifications!(account, cursor)

function request(text: string, extra: Partial<PostRequest> = {}): PostRequest {
  return { text, media: [], idempotencyKey: randomUUID(), createdAt: Date.now(), ...extra }
}

/** Someone else on the PDS, signed in with their own password. */
async function signIn(peer: BlueskyPeer, account: PeerAccount): Promise<AtpAgent> {
  const agent = new AtpAgent({ service: peer.url })
  await agent.login({ identifier: account.handle, password: account.password })
  return agent
}

type Ref = { uri: string; cid: string }
const strong = (ref: Ref) => ({ uri: ref.uri, cid: ref.cid })
const webUrl = (uri: string) => {
  const [, , did, , rkey] = uri.split('/')
  return `https://bsky.app/profile/${did}/post/${rkey}`
}

describe('bluesky notifications (real PDS, AppView contract server derived from its firehose)', () => {
  let peer: BlueskyPeer
  let appView: BlueskyAppView
  let alice: PeerAccount
  let bob: PeerAccount
  let carol: PeerAccount
  let account: ConnectedAccount
  let bobAgent: AtpAgent
  let carolAgent: AtpAgent

  /** A fresh account of ours, connected, and the cursor of its empty inbox. */
  async function freshInbox(name: string): Promise<{ owner: PeerAccount; connected: ConnectedAccount; cursor: string }> {
    const owner = await peer.createAccount(name)
    const connected = await connector.connect({ identifier: owner.handle, appPassword: owner.appPassword.password, service: peer.url })
    await peer.appViewCaughtUp()
    const first = await read(connected)
    expect(first.items).toEqual([])
    return { owner, connected, cursor: first.cursor! }
  }

  beforeAll(async () => {
    peer = await startPeer()
    appView = peer.appView!
    alice = await peer.createAccount('alice')
    bob = await peer.createAccount('bob')
    carol = await peer.createAccount('carol')
    account = await connector.connect({ identifier: alice.handle, appPassword: alice.appPassword.password, service: peer.url })
    bobAgent = await signIn(peer, bob)
    carolAgent = await signIn(peer, carol)
  })

  it('reads a reply, a mention and a quote as items of their kind, oldest first, with their authors and thread refs', async () => {
    const cursor = (await read(account)).cursor!
    const ours = await connector.publish(account, request('Sourdough is out of the oven 🍞'))
    const oursRef = strong((await peer.getPost(ours.remoteId))!)
    const { data: avatar } = await bobAgent.uploadBlob(pngImage(2, 2), { encoding: 'image/png' })
    await bobAgent.com.atproto.repo.putRecord({
      repo: bob.did,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
      record: { $type: 'app.bsky.actor.profile', displayName: 'Bob’s Bikes', avatar: avatar.blob },
    })
    await bobAgent.follow(alice.did)
    await (await signIn(peer, alice)).follow(carol.did)
    appView.setProfileCounts(bob.did, { followers: 1200 })

    const reply = await bobAgent.post({ text: 'Saving me two loaves!', langs: ['en'], reply: { root: oursRef, parent: oursRef } })
    const mentionText = new RichText({ text: `Best bread in town: @${alice.handle}` })
    await mentionText.detectFacets(bobAgent)
    const mention = await bobAgent.post({ text: mentionText.text, facets: mentionText.facets, langs: ['en'] })
    const quote = await carolAgent.post({ text: 'Ça, c’est du pain.', langs: ['fr'], embed: { $type: 'app.bsky.embed.record', record: oursRef } })
    await peer.appViewCaughtUp()

    const page = await read(account, cursor)
    expect(page.more).toBeFalsy()
    expect(page.items.map((i) => [i.kind, i.remoteId])).toEqual([
      ['reply', reply.uri],
      ['mention', mention.uri],
      ['quote', quote.uri],
    ])
    const [r, m, q] = page.items as [RemoteNotification, RemoteNotification, RemoteNotification]
    const oursPost = { remoteId: ours.remoteId, cid: oursRef.cid, url: webUrl(ours.remoteId) }
    expect(r).toMatchObject({
      post: { remoteId: reply.uri, cid: reply.cid, root: { remoteId: ours.remoteId, cid: oursRef.cid }, url: webUrl(reply.uri) },
      inReplyTo: oursPost,
      text: 'Saving me two loaves!',
      language: 'en',
    })
    expect(r.createdAt).toBe(Date.parse((await peer.getPost(reply.uri))!.value.createdAt))
    expect(r.author).toEqual({
      remoteId: bob.did,
      handle: bob.handle,
      displayName: 'Bob’s Bikes',
      avatarUrl: `https://cdn.bsky.app/img/avatar/plain/${bob.did}/${avatar.blob.ref.toString()}@jpeg`,
      profileUrl: `https://bsky.app/profile/${bob.handle}`,
      followers: 1200,
      followsUs: true,
    })
    // A post that is not a reply is the root of its own thread.
    expect(m).toMatchObject({ post: { remoteId: mention.uri, cid: mention.cid, root: { remoteId: mention.uri, cid: mention.cid } }, text: `Best bread in town: @${alice.handle}` })
    expect(m.inReplyTo).toBeUndefined()
    expect(q).toMatchObject({ post: { root: { remoteId: quote.uri, cid: quote.cid } }, inReplyTo: oursPost, language: 'fr', text: 'Ça, c’est du pain.' })
    // Carol has one follower (Alice, from her follow record) and does not follow Alice back.
    expect(q.author).toEqual({ remoteId: carol.did, handle: carol.handle, displayName: carol.handle, profileUrl: `https://bsky.app/profile/${carol.handle}`, followers: 1, followsUs: false })

    // Asked through the PDS, signed for Alice, for these three reasons only (Bob's follow is left out).
    const call = appView.calls('app.bsky.notification.listNotifications').at(-1)!
    expect([call.issuer, call.params.getAll('reasons'), call.params.get('limit')]).toEqual([alice.did, ['reply', 'mention', 'quote'], '50'])
  })

  it('reads a reply that also mentions the account as a reply, and a reply deeper in its thread too', async () => {
    const { owner, connected, cursor } = await freshInbox('dora')
    const ours = await connector.publish(connected, request('Open on Sunday?'))
    const oursRef = strong((await peer.getPost(ours.remoteId))!)
    const text = new RichText({ text: `@${owner.handle} yes please!` })
    await text.detectFacets(bobAgent)
    const bobs = await bobAgent.post({ text: text.text, facets: text.facets, reply: { root: oursRef, parent: oursRef } })
    const carols = await carolAgent.post({ text: 'Seconded.', reply: { root: oursRef, parent: strong(bobs) } })
    await peer.appViewCaughtUp()
    const { items } = await read(connected, cursor)
    expect(items.map((i) => [i.kind, i.remoteId, i.inReplyTo?.remoteId, i.post.root?.remoteId])).toEqual([
      ['reply', bobs.uri, ours.remoteId, ours.remoteId],
      ['reply', carols.uri, bobs.uri, ours.remoteId],
    ])
  })

  it('keeps its cursor: nothing new gives nothing and the same cursor; 60 new arrive in pages, each once; a deleted newest item is no landmark lost', async () => {
    const { connected, cursor } = await freshInbox('eve')
    const ours = await connector.publish(connected, request('Pre-orders for the weekend'))
    const oursRef = strong((await peer.getPost(ours.remoteId))!)
    await peer.appViewCaughtUp()
    const quiet = await read(connected, cursor)
    expect([quiet.items, quiet.cursor, quiet.more ?? false]).toEqual([[], cursor, false])

    const replies: string[] = []
    for (let i = 1; i <= 60; i += 1) replies.push((await bobAgent.post({ text: `Order ${i}`, reply: { root: oursRef, parent: oursRef } })).uri)
    await peer.appViewCaughtUp()

    // With no cursor: the most recent page (50), oldest first.
    const newest = await read(connected)
    expect(newest.items.map((i) => i.remoteId)).toEqual(replies.slice(10))

    const pages: NotificationPage[] = []
    let at = cursor
    for (let i = 0; i < 5; i += 1) {
      const page = await read(connected, at)
      pages.push(page)
      at = page.cursor!
      if (!page.more) break
    }
    // The newest page first (the AppView pages back in time), then the rest down to the old cursor.
    expect(pages.map((p) => [p.items.length, p.more ?? false])).toEqual([
      [50, true],
      [10, false],
    ])
    for (const page of pages) expect(page.items.map((i) => i.createdAt)).toEqual(page.items.map((i) => i.createdAt).sort((a, b) => a - b))
    expect(pages.flatMap((p) => p.items.map((i) => i.remoteId)).sort()).toEqual([...replies].sort())
    expect(pages[1]!.items.map((i) => i.text)).toEqual(Array.from({ length: 10 }, (_, i) => `Order ${i + 1}`))
    const after = await read(connected, at)
    expect([after.items, after.cursor, after.more ?? false]).toEqual([[], at, false])

    // The newest item read is deleted: the next read still stops at its time, returning only what is new.
    await bobAgent.deletePost(replies.at(-1)!)
    const late = await bobAgent.post({ text: 'Order 61', reply: { root: oursRef, parent: oursRef } })
    await peer.appViewCaughtUp()
    const next = await read(connected, at)
    expect(next.items.map((i) => i.remoteId)).toEqual([late.uri])
    expect(next.more ?? false).toBe(false)
  })

  it('answers an item in its thread: the reply lands on the PDS with the thread\'s root and the item as parent', async () => {
    const { connected, cursor } = await freshInbox('fay')
    const ours = await connector.publish(connected, request('What should we bake next week?'))
    const oursRef = strong((await peer.getPost(ours.remoteId))!)
    const bobs = await bobAgent.post({ text: 'Cardamom buns!', reply: { root: oursRef, parent: oursRef } })
    const carols = await carolAgent.post({ text: 'Yes, cardamom buns.', reply: { root: oursRef, parent: strong(bobs) } })
    await peer.appViewCaughtUp()
    const item = (await read(connected, cursor)).items.find((i) => i.remoteId === carols.uri)!
    const answer = await connector.reply(connected, { ...request('Cardamom buns it is, Saturday.'), replyTo: item.post })
    const stored = (await peer.getPost(answer.remoteId))!
    expect(stored.value.reply).toEqual({ root: oursRef, parent: strong(carols) })
    expect(answer.root).toEqual({ remoteId: ours.remoteId, cid: oursRef.cid })
  })

  it('keeps mixed-script text with emoji intact: Arabic, Hebrew and Bengali, read and answered', async () => {
    const { connected, cursor } = await freshInbox('gil')
    const ours = await connector.publish(connected, request('Menu of the day'))
    const oursRef = strong((await peer.getPost(ours.remoteId))!)
    const said = 'مرحبا 👋🏽 هل الخبز طازج؟ · שלום! יש חלה היום? 🥖 · আজকের রুটি কি তাজা? 🇧🇩 👩🏽‍🍳'
    await carolAgent.post({ text: said, langs: ['ar'], reply: { root: oursRef, parent: oursRef } })
    await peer.appViewCaughtUp()
    const [item] = (await read(connected, cursor)).items
    expect([item?.text, item?.language]).toEqual([said, 'ar'])
    const answer = 'نعم، طازج ✅ · כן, יש 🥖 · হ্যাঁ, আছে 😊'
    const posted = await connector.reply(connected, { ...request(answer, { language: 'bn' }), replyTo: item!.post })
    expect((await peer.getPost(posted.remoteId))!.value).toMatchObject({ text: answer, langs: ['bn'] })
  })

  it('says AuthExpired once the app password is revoked and the access token has run out', async () => {
    const { owner, connected, cursor } = await freshInbox('hal')
    await peer.revokeAppPassword(owner)
    const stale = { ...connected, credentials: { ...connected.credentials, accessJwt: await peer.expiredAccessToken(owner.did) } }
    await expect(read(stale, cursor)).rejects.toBeInstanceOf(AuthExpired)
  })

  it('reached nothing beyond loopback', () => {
    expect(peer.outboundAttempts()).toEqual([])
  })
})
