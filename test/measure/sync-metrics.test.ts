/**
 * `sync-metrics` end to end on real HTTP: posts published through the app to the Mastodon
 * loopback contract server (written from Mastodon's API reference) get their counts read back,
 * stored as the latest and as a snapshot only when they change, the account's followers per
 * workspace day; the dashboard shows them. An account whose token was revoked is paused and
 * skipped without stopping the others.
 */
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayOf, syncAllMetrics } from '../../src/measure/index.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { postCountsHistory } from '../../src/store/index.js'
import { createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'

let t: TestApp
let owner: TestClient
let mastodon: MastodonPeer
const cafe = { remoteId: '', token: '', accountId: '' }
const shop = { remoteId: '', token: '', accountId: '' }

async function connect(name: string, into: typeof cafe): Promise<void> {
  const made = mastodon.createAccountWithToken(name)
  into.remoteId = made.account.id
  into.token = made.accessToken
  const res = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: made.accessToken } })
  expect(res.status).toBe(201)
  into.accountId = res.body.account.id
}

async function publish(text: string, accountId: string): Promise<{ postId: string; targetId: string; remoteId: string }> {
  const post = await owner.post<{ post: { id: string } }>('/api/posts', { text, contentType: 'educate', targets: [{ accountId }] })
  expect(post.status).toBe(201)
  expect((await owner.post(`/api/posts/${post.body.post.id}/schedule`, { mode: 'now' })).status).toBe(200)
  const target = await eventually('the post to be published', () =>
    t.store.db.selectFrom('postTargets').selectAll().where('postId', '=', post.body.post.id).where('status', '=', 'published').executeTakeFirst(),
  )
  return { postId: post.body.post.id, targetId: target.id, remoteId: target.remoteId! }
}

beforeAll(async () => {
  mastodon = await startMastodonPeer()
  t = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'true' }, networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  owner = await setUpOwner(t)
  await connect('cafe', cafe)
  await connect('shop', shop)
})

afterAll(async () => {
  await t?.close()
  await mastodon?.close()
})

describe('sync-metrics (Mastodon loopback contract server)', () => {
  it('reads the counts of published posts and the followers, keeps a snapshot only on change, and the dashboard shows them', async () => {
    const recipe = await publish('How to feed a sourdough starter', cafe.accountId)
    const hours = await publish('Our winter opening hours', cafe.accountId)
    mastodon.setCounts(recipe.remoteId, { favourites: 12, reblogs: 3, replies: 2 })
    mastodon.setCounts(hours.remoteId, { favourites: 4 })
    mastodon.setAccountCounts(cafe.remoteId, { followers: 340, following: 21 })
    mastodon.setAccountCounts(shop.remoteId, { followers: 15 })

    const first = await syncAllMetrics(t.publish)
    expect(first).toMatchObject({ accounts: 2, posts: 2, changed: 2, skipped: [] })
    expect(await t.store.db.selectFrom('postMetrics').selectAll().where('targetId', '=', recipe.targetId).executeTakeFirst()).toMatchObject({ likes: 12, reposts: 3, replies: 2, quotes: 0, views: null })
    const workspace = await t.store.db.selectFrom('workspaces').select('timeZone').executeTakeFirstOrThrow()
    const today = dayOf(t.clock.now(), workspace.timeZone)
    expect(await t.store.db.selectFrom('accountMetrics').selectAll().where('accountId', '=', cafe.accountId).execute()).toEqual([
      expect.objectContaining({ day: today, followers: 340, following: 21, posts: 2 }),
    ])

    // Nothing changed: no new snapshot. Then one post gets more likes: one snapshot, for it.
    t.clock.advance(60_000)
    expect((await syncAllMetrics(t.publish)).changed).toBe(0)
    mastodon.setCounts(recipe.remoteId, { favourites: 20 })
    t.clock.advance(60_000)
    const lastRead = t.clock.now()
    expect((await syncAllMetrics(t.publish)).changed).toBe(1)
    expect((await postCountsHistory(t.store.db, recipe.targetId)).map((s) => s.likes)).toEqual([12, 20])
    expect(await postCountsHistory(t.store.db, hours.targetId)).toHaveLength(1)

    const d = await owner.get<{ totals: Record<string, number | null>; topPosts: Array<{ targetId: string; likes: number }>; freshness: { metricsAt: number | null } }>(
      `/api/measure/dashboard?from=${today}&to=${today}`,
    )
    expect(d.status).toBe(200)
    expect(d.body.totals).toMatchObject({ posts: 2, likes: 24, reposts: 3, replies: 2, engagement: 29, followers: 355, reach: 680 })
    expect(d.body.topPosts[0]).toMatchObject({ targetId: recipe.targetId, likes: 20 })
    expect(d.body.freshness.metricsAt).toBeGreaterThanOrEqual(lastRead)
    expect(d.body.freshness.metricsAt).toBeLessThanOrEqual(t.clock.now())
  })

  it("gives the coach's follower and engagement-rate goals their live values", async () => {
    const plan = {
      goals: [
        { id: 'f', area: 'brand', text: '500 followers', metric: 'followers', target: 500, due: '2027-06-30' },
        { id: 'e', area: 'market_engagement', text: 'Engagement over 5%', metric: 'engagement_rate', target: 5, due: '2027-06-30' },
      ],
      limits: 'Social media will not replace our shop window.',
      audience: 'Neighbours',
      networks: [{ network: 'mastodon', why: 'Our regulars are there' }],
      mix: { educate: 100 },
      tools: {},
      measures: ['web_analytics'],
      equityTargets: {},
      hoursPerWeek: 3,
      people: [{ name: 'Amira', role: 'owner', hoursPerWeek: 3 }],
      contentSources: ['Our blog'],
      risks: '',
      reviewDates: [],
    }
    const res = await owner.request<{ live: Array<{ goalId: string; value: number | null; status: string }> }>('PUT', '/api/coach/plan', { plan })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const live = new Map(res.body.live.map((g) => [g.goalId, g]))
    expect(live.get('f')).toMatchObject({ value: 355 })
    // 29 engagements over 2 posts × 340 followers: 4.3%.
    expect(live.get('e')).toMatchObject({ value: 4.3 })
    expect(live.get('e')?.status).not.toBe('waiting')
  })

  it('pauses an account whose token was revoked and goes on with the others', async () => {
    mastodon.revokeToken(shop.token)
    mastodon.setAccountCounts(cafe.remoteId, { followers: 341 })
    const outcome = await syncAllMetrics(t.publish)
    expect(outcome.accounts).toBe(1)
    expect(outcome.skipped).toEqual([expect.objectContaining({ accountId: shop.accountId })])
    expect(await t.store.db.selectFrom('accounts').select(['status']).where('id', '=', shop.accountId).executeTakeFirst()).toEqual({ status: 'paused' })
    const cafeCounts = await t.store.db.selectFrom('accountMetrics').select('followers').where('accountId', '=', cafe.accountId).execute()
    expect(cafeCounts.map((r) => r.followers)).toEqual([341])
    // A paused account is not asked again until it is reconnected.
    expect((await syncAllMetrics(t.publish)).skipped).toEqual([])
  })
})
