/**
 * The Bluesky connector's thread reading (`fetchThread`: app.bsky.feed.getPostThread) on a real
 * PDS whose AppView is the contract server derived from its firehose (test/peers/bluesky-appview.ts):
 * the connector asks the PDS, which proxies to the AppView. Other people post through their own
 * sessions on the PDS.
 */
import { randomUUID } from 'node:crypto'
import { AtpAgent } from '@atproto/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../../../test/peers/bluesky.js'
import type { ConnectedAccount, PostRequest } from '../connector.js'
import { createBlueskyConnector } from './index.js'

let started: Promise<BlueskyPeer> | undefined
const startPeer = () => (started ??= startBlueskyPeer({ appView: true }))
afterAll(async () => (await started)?.stop())

const connector = createBlueskyConnector()

function request(text: string): PostRequest {
  return { text, media: [], idempotencyKey: randomUUID(), createdAt: Date.now() }
}

async function signIn(peer: BlueskyPeer, account: PeerAccount): Promise<AtpAgent> {
  const agent = new AtpAgent({ service: peer.url })
  await agent.login({ identifier: account.handle, password: account.password })
  return agent
}

type Ref = { uri: string; cid: string }

describe('bluesky threads (real PDS, AppView contract server derived from its firehose)', () => {
  let peer: BlueskyPeer
  let alice: PeerAccount
  let bob: PeerAccount
  let carol: PeerAccount
  let account: ConnectedAccount
  let bobAgent: AtpAgent
  let carolAgent: AtpAgent

  /** A reply by `agent` to `parent` in the thread of `root`. */
  async function replyAs(agent: AtpAgent, text: string, root: Ref, parent: Ref): Promise<Ref> {
    const { uri, cid } = await agent.post({ text, reply: { root, parent }, langs: ['en'], createdAt: new Date().toISOString() })
    return { uri, cid }
  }

  beforeAll(async () => {
    peer = await startPeer()
    alice = await peer.createAccount('alice')
    bob = await peer.createAccount('bob')
    carol = await peer.createAccount('carol')
    account = await connector.connect({ identifier: alice.handle, appPassword: alice.appPassword.password, service: peer.url })
    bobAgent = await signIn(peer, bob)
    carolAgent = await signIn(peer, carol)
  })

  it('reads every post above a reply, top first, others\' posts included, with authors and reply refs', async () => {
    const ours = await connector.publish(account, request('Rye loaf is back 🍞'))
    const root = { uri: ours.remoteId, cid: ours.cid! }
    const question = await replyAs(bobAgent, 'Is it sourdough?', root, root)
    const aside = await replyAs(carolAgent, 'It is, I had one yesterday', root, question)
    const thanks = await replyAs(bobAgent, 'Thanks! How long does it keep?', root, aside)
    await peer.appViewCaughtUp()

    const thread = await connector.fetchThread!(account, { remoteId: thanks.uri, cid: thanks.cid })
    expect(thread).toMatchObject({ deleted: false, cut: false, replies: [] })
    expect(thread.ancestors.map((m) => [m.post.remoteId, m.author.remoteId, m.text])).toEqual([
      [root.uri, alice.did, 'Rye loaf is back 🍞'],
      [question.uri, bob.did, 'Is it sourdough?'],
      [aside.uri, carol.did, 'It is, I had one yesterday'],
    ])
    expect(thread.ancestors[2]).toMatchObject({
      post: { remoteId: aside.uri, cid: aside.cid, root: { remoteId: root.uri } },
      inReplyTo: { remoteId: question.uri },
      inReplyToAuthorId: bob.did,
      language: 'en',
      author: { handle: carol.handle },
    })
    expect(peer.appView!.calls('app.bsky.feed.getPostThread').at(-1)?.issuer).toBe(alice.did)
  })

  it('reads the replies below a post when asked', async () => {
    const ours = await connector.publish(account, request('Croissants on Sunday'))
    const root = { uri: ours.remoteId, cid: ours.cid! }
    const yes = await replyAs(bobAgent, 'Finally!', root, root)
    const same = await replyAs(carolAgent, 'Same here', root, yes)
    await peer.appViewCaughtUp()
    const thread = await connector.fetchThread!(account, { remoteId: root.uri }, { replies: true })
    expect(thread.replies.map((m) => [m.post.remoteId, m.inReplyToAuthorId])).toEqual([
      [yes.uri, alice.did],
      [same.uri, bob.did],
    ])
  })

  it('says deleted for a post gone from the network, and cut where a post above was deleted', async () => {
    const ours = await connector.publish(account, request('Closed on Monday'))
    const root = { uri: ours.remoteId, cid: ours.cid! }
    const why = await replyAs(bobAgent, 'Why?', root, root)
    const holidays = await replyAs(carolAgent, 'Holidays, I think', root, why)
    await bobAgent.deletePost(why.uri)
    await peer.appViewCaughtUp()

    expect(await connector.fetchThread!(account, { remoteId: why.uri })).toEqual({ deleted: true, ancestors: [], cut: false, replies: [] })
    expect(await connector.fetchThread!(account, { remoteId: holidays.uri })).toEqual({ deleted: false, ancestors: [], cut: true, replies: [] })
  })
})
