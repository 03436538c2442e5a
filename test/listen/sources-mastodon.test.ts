/**
 * The Mastodon hashtag source against the Mastodon contract server (test/peers/mastodon), which
 * is written from Mastodon's API reference and source: the hashtag timeline with min_id, max_id,
 * since_id, limit and Link pagination, anonymous rate limits with X-RateLimit-*, and timeline
 * previews turned off. Statuses are posted through the server's REST API with masto.
 */
import { createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFeedServer, type FeedServer } from '../../src/feeds/fixtures/feed-server.js'
import { pollMastodonHashtag, type ListenItem, type MastodonHashtagDeps } from '../../src/listen/sources/index.js'
import { anonymousClient, startMastodonPeer, type LocalAccount, type MastodonPeer } from '../peers/mastodon/index.js'

const deps: MastodonHashtagDeps = { allowPrivate: true }

/** A poster on `peer`: posts statuses through the REST API and returns their ids. */
function poster(peer: MastodonPeer, name: string) {
  const { account, accessToken } = peer.createAccountWithToken(name)
  const client = createRestAPIClient({ url: peer.url, accessToken })
  return {
    account,
    async post(status: string, options: { language?: string; visibility?: 'public' | 'unlisted'; spoilerText?: string } = {}): Promise<{ id: string; uri: string }> {
      const created = await client.v1.statuses.create({ status, ...options })
      return { id: created.id, uri: created.uri }
    },
  }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => undefined, (error: unknown) => error)
}

describe('pollMastodonHashtag, against a Mastodon contract server written from Mastodon\'s API reference', () => {
  let peer: MastodonPeer
  let author: ReturnType<typeof poster>
  let friend: LocalAccount
  let host: string

  beforeAll(async () => {
    peer = await startMastodonPeer()
    author = poster(peer, 'lune')
    friend = peer.createAccount('friend')
    host = new URL(peer.url).host
  })
  afterAll(() => peer?.close())

  it('starts at the newest page, then reads forward page by page from the cursor, oldest first, public statuses only', async () => {
    const before = [await author.post('old one #CafeLune'), await author.post('old two #CafeLune'), await author.post('old three #CafeLune')]
    const first = await pollMastodonHashtag({ instanceUrl: peer.url, hashtag: '#cafelune' }, { ...deps, limit: 2 })
    expect(first.items.map((i) => i.key)).toEqual([before[1]!.uri, before[2]!.uri])
    expect(first.cursor).toBe(before[2]!.id)

    const text = `قهوة رائعة في #CafeLune مع @${friend.username} — קפה מצוין — দারুণ কফি https://cafe-lune.example/menu/autumn-specials-2026`
    const rich = await author.post(text, { language: 'ar' })
    await author.post('not for the public timeline #CafeLune', { visibility: 'unlisted' })
    const warned = await author.post('a sour review #CafeLune', { spoilerText: 'Rant' })
    const more = [await author.post('four #cafelune'), await author.post('five #CAFELUNE')]
    const second = await pollMastodonHashtag({ instanceUrl: peer.url, hashtag: 'CafeLune', cursor: first.cursor }, { ...deps, limit: 2 })
    expect(second.items.map((i) => i.key)).toEqual([rich.uri, warned.uri, ...more.map((p) => p.uri)])
    expect(second).toMatchObject({ cursor: more[1]!.id, caughtUp: true })
    const item = second.items[0]!
    expect(item).toEqual<ListenItem>({
      key: rich.uri,
      sourceKind: 'mastodon',
      replyRef: { remoteId: rich.id, server: new URL(peer.url).origin },
      text,
      url: `${peer.url}/@${author.account.username}/${rich.id}`,
      authorHandle: `${author.account.username}@${host}`.toLowerCase(),
      authorName: author.account.displayName,
      authorUrl: `${peer.url}/@${author.account.username}`,
      lang: 'ar',
      hashtags: ['cafelune'],
      links: ['https://cafe-lune.example/menu/autumn-specials-2026'],
      mentions: [`${friend.username}@${host}`.toLowerCase()],
      publishedAt: item.publishedAt,
    })
    expect(Math.abs(item.publishedAt - Date.now())).toBeLessThan(60_000)
    expect(second.items[1]!.text).toBe('Rant\na sour review #CafeLune')

    const third = await pollMastodonHashtag({ instanceUrl: peer.url, hashtag: 'cafelune', cursor: second.cursor }, deps)
    expect(third).toEqual({ items: [], cursor: second.cursor, caughtUp: true })
  })

  it('reads at most maxPages per poll and carries on from there at the next poll', async () => {
    const start = await pollMastodonHashtag({ instanceUrl: peer.url, hashtag: 'bounded' }, deps)
    const posts: Array<{ uri: string }> = []
    for (let n = 1; n <= 5; n += 1) posts.push(await author.post(`bounded ${n} #bounded`))
    const capped = await pollMastodonHashtag({ instanceUrl: peer.url, hashtag: 'bounded', cursor: start.cursor ?? '0' }, { ...deps, limit: 2, maxPages: 2 })
    expect(capped.items.map((i) => i.key)).toEqual(posts.slice(0, 4).map((p) => p.uri))
    expect(capped.caughtUp).toBe(false)
    const rest = await pollMastodonHashtag({ instanceUrl: peer.url, hashtag: 'bounded', cursor: capped.cursor }, { ...deps, limit: 2, maxPages: 2 })
    expect(rest.items.map((i) => i.key)).toEqual([posts[4]!.uri])
    expect(rest.caughtUp).toBe(true)
  })

  it('reports a 429 with the reset time from X-RateLimit-Reset, keeping pages already read', async () => {
    const limited = await startMastodonPeer()
    const someone = poster(limited, 'busy')
    for (let n = 1; n <= 3; n += 1) await someone.post(`busy ${n} #busy`)
    limited.setLimits({ api: { limit: 1, periodMs: 60_000 } }, anonymousClient)
    const resetAt = limited.rateLimitResetAt(anonymousClient, 'api')
    // One request allowed: the first page (2 of 3 statuses), then 429 on the second.
    const partial = await pollMastodonHashtag({ instanceUrl: limited.url, hashtag: 'busy', cursor: '0' }, { ...deps, limit: 2, now: () => resetAt - 30_000 })
    expect(partial.items).toHaveLength(2)
    expect(partial).toMatchObject({ caughtUp: false, retryAfterMs: 30_000, cursor: expect.any(String) })
    // Nothing read at all: a typed error carrying the wait.
    const refused = await failure(pollMastodonHashtag({ instanceUrl: limited.url, hashtag: 'busy', cursor: partial.cursor }, { ...deps, now: () => resetAt - 10_000 }))
    expect(refused).toMatchObject({ reason: 'rate_limited', httpStatus: 429, retryAfterMs: 10_000, messageKey: 'listen_source_rate_limited', params: { count: 10 } })
    await limited.close()
  })

  it('tells apart an unknown instance or path (404/410), a hidden timeline (401) and refused addresses', async () => {
    expect(await failure(pollMastodonHashtag({ instanceUrl: `${peer.url}/not-mastodon`, hashtag: 'x' }, deps))).toMatchObject({ reason: 'not_found', httpStatus: 404 })
    const gone: FeedServer = await startFeedServer()
    gone.route('/api/v1/timelines/tag/cafelune', (_req, res) => void res.writeHead(410, { 'content-type': 'application/json' }).end('{"error":"Gone"}'))
    expect(await failure(pollMastodonHashtag({ instanceUrl: gone.url('/'), hashtag: 'cafelune' }, deps))).toMatchObject({ reason: 'not_found', httpStatus: 410 })
    await gone.close()

    const closed = await startMastodonPeer({ timelinePreview: false })
    const reader = closed.createAccountWithToken('reader')
    await poster(closed, 'writer').post('hidden #CafeLune')
    expect(await failure(pollMastodonHashtag({ instanceUrl: closed.url, hashtag: 'cafelune' }, deps))).toMatchObject({ reason: 'auth_required', httpStatus: 401 })
    const withToken = await pollMastodonHashtag({ instanceUrl: closed.url, hashtag: 'cafelune', accessToken: reader.accessToken }, deps)
    expect(withToken.items.map((i) => i.text)).toEqual(['hidden #CafeLune'])
    await closed.close()

    expect(await failure(pollMastodonHashtag({ instanceUrl: peer.url, hashtag: 'cafelune' }, { allowPrivate: false }))).toMatchObject({ reason: 'private_address' })
    expect(await failure(pollMastodonHashtag({ instanceUrl: peer.url, hashtag: 'café lune' }, deps))).toMatchObject({ reason: 'invalid_hashtag' })
  })
})
