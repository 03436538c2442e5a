/**
 * The AppView contract server's notifications and profiles, derived from the real PDS's firehose
 * (./bluesky-appview.ts, ./bluesky-appview-index.ts): asked as a client asks them, through the
 * PDS with a session of the account, so every answer also passes @atproto/api's lexicon check.
 */
import { AtpAgent, RichText, type AppBskyNotificationListNotifications } from '@atproto/api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from './bluesky.js'

type Notification = AppBskyNotificationListNotifications.Notification
type Ref = { uri: string; cid: string }

const strong = (ref: Ref) => ({ uri: ref.uri, cid: ref.cid })

describe('AppView contract server (real PDS, derived from its firehose)', () => {
  let peer: BlueskyPeer

  beforeAll(async () => {
    peer = await startBlueskyPeer({ appView: true })
  })
  afterAll(() => peer?.stop())

  async function member(name: string): Promise<{ account: PeerAccount; agent: AtpAgent }> {
    const account = await peer.createAccount(name)
    const agent = new AtpAgent({ service: peer.url })
    await agent.login({ identifier: account.handle, password: account.password })
    return { account, agent }
  }

  async function notifications(agent: AtpAgent, params: AppBskyNotificationListNotifications.QueryParams = {}): Promise<Notification[]> {
    await peer.appViewCaughtUp()
    return (await agent.app.bsky.notification.listNotifications(params)).data.notifications
  }

  const summary = (list: Notification[]) => list.map((n) => [n.reason, n.uri, n.reasonSubject])

  it('notifies mentions, quotes (with media too) and follows, replies up to the fifth ancestor, once per post, never of one\'s own', async () => {
    const { account: ann, agent: annAgent } = await member('ann')
    const { account: ben, agent: benAgent } = await member('ben')
    const { agent: cyd } = await member('cyd')
    const root = await annAgent.post({ text: 'Thread about rye' })
    const chain: Ref[] = [root]
    for (let i = 1; i <= 5; i += 1) {
      const parent = chain.at(-1)!
      chain.push(await (i % 2 ? benAgent : cyd).post({ text: `Reply ${i}`, reply: { root: strong(root), parent: strong(parent) } }))
    }
    const own = await annAgent.post({ text: 'My own reply', reply: { root: strong(root), parent: strong(chain[1]!) } })
    const mentionText = new RichText({ text: `@${ann.handle} look, and you @${ben.handle}` })
    await mentionText.detectFacets(cyd)
    const mentionInReply = await cyd.post({ text: mentionText.text, facets: mentionText.facets, reply: { root: strong(root), parent: strong(root) } })
    const quote = await benAgent.post({
      text: 'Quoted with a picture',
      embed: { $type: 'app.bsky.embed.recordWithMedia', record: { $type: 'app.bsky.embed.record', record: strong(root) }, media: { $type: 'app.bsky.embed.external', external: { uri: 'https://example.com/rye', title: 'Rye', description: 'Our rye' } } },
    })
    const follow = await benAgent.follow(ann.did)

    // Newest first. Reply 5's fifth ancestor is Ann's root: too far. Cyd's post both mentions and
    // replies to Ann: one notification, the mention. Ann's own reply notifies Ben (Reply 1), not her.
    expect(summary(await notifications(annAgent))).toEqual([
      ['follow', follow.uri, undefined],
      ['quote', quote.uri, root.uri],
      ['mention', mentionInReply.uri, undefined],
      ['reply', chain[4]!.uri, root.uri],
      ['reply', chain[3]!.uri, root.uri],
      ['reply', chain[2]!.uri, root.uri],
      ['reply', chain[1]!.uri, root.uri],
    ])
    const forBen = summary(await notifications(benAgent))
    expect(forBen).toContainEqual(['mention', mentionInReply.uri, undefined])
    expect(forBen).toContainEqual(['reply', own.uri, chain[1]!.uri])
    // Cyd wrote two of Reply 5's ancestors (the nearest and the third): notified once, for the nearest.
    const forCyd = summary(await notifications(cyd))
    expect(forCyd.filter(([, uri]) => uri === chain[5]!.uri)).toEqual([['reply', chain[5]!.uri, chain[4]!.uri]])
  })

  it('pages with its own cursor and filters reasons as the AppView does: short pages while more wait', async () => {
    const { account: dee, agent: deeAgent } = await member('dee')
    const text = new RichText({ text: `Hello @${dee.handle}` })
    const { agent: first } = await member('fan')
    await text.detectFacets(first)
    const mention = await first.post({ text: text.text, facets: text.facets })
    const followers: string[] = []
    for (let i = 0; i < 3; i += 1) {
      const { agent } = await member('follower')
      followers.push((await agent.follow(dee.did)).uri)
    }
    await peer.appViewCaughtUp()
    const { data: two } = await deeAgent.app.bsky.notification.listNotifications({ limit: 2 })
    expect(two.notifications.map((n) => n.uri)).toEqual([followers[2], followers[1]])
    const { data: rest } = await deeAgent.app.bsky.notification.listNotifications({ limit: 2, cursor: two.cursor })
    expect(rest.notifications.map((n) => n.uri)).toEqual([followers[0], mention.uri])
    const { data: end } = await deeAgent.app.bsky.notification.listNotifications({ limit: 2, cursor: rest.cursor })
    expect([end.notifications, end.cursor]).toEqual([[], undefined])

    // One page of 2 holds no mention, so a second is read: 1 is half a page.
    const { data: mentions } = await deeAgent.app.bsky.notification.listNotifications({ limit: 2, reasons: ['mention'] })
    expect([mentions.notifications.map((n) => n.uri), mentions.cursor]).toEqual([[mention.uri], rest.cursor])
    const { data: follows } = await deeAgent.app.bsky.notification.listNotifications({ limit: 4, reasons: ['follow'] })
    expect(follows.notifications.map((n) => n.uri)).toEqual([...followers].reverse())

    const malformed = await deeAgent.app.bsky.notification.listNotifications({ cursor: 'yesterday' }).catch((e: unknown) => e)
    expect(malformed).toMatchObject({ status: 400, error: 'InvalidRequest', message: 'Malformed cursor' })
  })

  it('marks what was seen: refuses seenAt as a parameter, takes it from updateSeen, and without one counts the top as unread', async () => {
    const { account: gus, agent: gusAgent } = await member('gus')
    const { agent: fans } = await member('fan')
    const older = await fans.follow(gus.did)
    const { agent: other } = await member('fan')
    const newer = await other.follow(gus.did)
    const unseen = await notifications(gusAgent)
    expect(unseen.map((n) => [n.uri, n.isRead])).toEqual([
      [newer.uri, false],
      [older.uri, true],
    ])
    const refused = await gusAgent.app.bsky.notification.listNotifications({ seenAt: new Date().toISOString() }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ status: 400, error: 'InvalidRequest', message: 'The seenAt parameter is unsupported' })
    const seenAt = new Date(Date.now() + 1000).toISOString()
    await gusAgent.app.bsky.notification.updateSeen({ seenAt })
    const { data } = await gusAgent.app.bsky.notification.listNotifications()
    expect([data.seenAt, data.notifications.map((n) => n.isRead)]).toEqual([seenAt, [true, true]])
  })

  it('shows authors with their profile record, followers counted from follow records, and who follows whom', async () => {
    const { account: hal, agent: halAgent } = await member('hal')
    const { account: ivy, agent: ivyAgent } = await member('ivy')
    await ivyAgent.com.atproto.repo.putRecord({ repo: ivy.did, collection: 'app.bsky.actor.profile', rkey: 'self', record: { $type: 'app.bsky.actor.profile', displayName: 'איבי' } })
    const ivyFollows = await ivyAgent.follow(hal.did)
    const halFollows = await halAgent.follow(ivy.did)
    const [notification] = await notifications(halAgent)
    expect(notification?.author).toMatchObject({ did: ivy.did, handle: ivy.handle, displayName: 'איבי', viewer: { following: halFollows.uri, followedBy: ivyFollows.uri } })
    const { data } = await halAgent.app.bsky.actor.getProfiles({ actors: [ivy.did, 'did:plc:nobodyhere', hal.did] })
    expect(data.profiles.map((p) => [p.did, p.followersCount, p.followsCount])).toEqual([
      [ivy.did, 1, 1],
      [hal.did, 1, 1],
    ])

    // Deleting the follow takes its notification and the viewer state with it.
    await ivyAgent.deleteFollow(ivyFollows.uri)
    expect(await notifications(halAgent)).toEqual([])
    const { data: after } = await halAgent.app.bsky.actor.getProfile({ actor: ivy.did })
    expect([after.followersCount, after.followsCount, after.viewer?.followedBy]).toEqual([1, 0, undefined])
  })

  it('takes back the notification of a deleted post', async () => {
    const { agent: joAgent } = await member('jo')
    const { agent: kit } = await member('kit')
    const post = await joAgent.post({ text: 'Deleted replies vanish' })
    const reply = await kit.post({ text: 'Soon gone', reply: { root: strong(post), parent: strong(post) } })
    expect(summary(await notifications(joAgent))).toEqual([['reply', reply.uri, post.uri]])
    await kit.deletePost(reply.uri)
    expect(await notifications(joAgent)).toEqual([])
  })

  it('wants a service JWT for notifications, as the AppView does', async () => {
    const response = await fetch(`${peer.appView!.url}/xrpc/app.bsky.notification.listNotifications`)
    expect([response.status, await response.json()]).toEqual([401, { error: 'AuthMissing', message: 'Authentication Required' }])
  })

  it('reached nothing beyond loopback', () => {
    expect(peer.outboundAttempts()).toEqual([])
  })
})
