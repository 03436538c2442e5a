/**
 * The contract server's hashtag timeline (routes-timelines.ts), driven by the masto client where
 * it paginates (so its Link-header handling checks ours) and by plain fetch where the wire
 * matters (headers, array parameters).
 */
import { createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anonymousClient, startMastodonPeer, type MastodonPeer } from './index.js'

describe('the Mastodon contract server: GET /api/v1/timelines/tag/:hashtag', () => {
  let peer: MastodonPeer
  /** Status ids in posting order (oldest first), by what they are. */
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    peer = await startMastodonPeer()
    const { accessToken } = peer.createAccountWithToken('baker')
    const client = createRestAPIClient({ url: peer.url, accessToken })
    const post = async (name: string, status: string, visibility: 'public' | 'unlisted' | 'private' = 'public') => {
      ids[name] = (await client.v1.statuses.create({ status, visibility })).id
    }
    for (let n = 1; n <= 5; n += 1) await post(`t${n}`, `loaf ${n} #CafeLune`)
    await post('unlisted', 'quiet #CafeLune', 'unlisted')
    await post('private', 'secret #CafeLune', 'private')
    await post('other', 'nothing to see #bread')
    await post('both', 'both #cafelune #bread')
  })
  afterAll(() => peer?.close())

  const anonymous = () => createRestAPIClient({ url: peer.url })

  it('pages public tagged statuses newest first through the Link header, to anyone without a token', async () => {
    const pages: string[][] = []
    for await (const page of anonymous().v1.timelines.tag.$select('cafelune').list({ limit: 2 })) pages.push(page.map((s) => s.id))
    // The tag controller links every non-empty page (unlike account statuses, which stop at a short
    // page), so a client learns it is at the end from an empty page, as masto does here.
    expect(pages).toEqual([[ids.both, ids.t5], [ids.t4, ids.t3], [ids.t2, ids.t1], []])
    const response = await fetch(`${peer.url}/api/v1/timelines/tag/CafeLune?limit=2&local=true`)
    expect(response.headers.get('link')).toBe(
      `<${peer.url}/api/v1/timelines/tag/CafeLune?local=true&limit=2&max_id=${ids.t5}>; rel="next", ` +
        `<${peer.url}/api/v1/timelines/tag/CafeLune?local=true&limit=2&min_id=${ids.both}>; rel="prev"`,
    )
  })

  it('reads forward with min_id (the statuses immediately newer), back with max_id, and since_id from the top', async () => {
    const tag = anonymous().v1.timelines.tag.$select('CafeLune')
    expect((await tag.list({ minId: ids.t1, limit: 2 })).map((s) => s.id)).toEqual([ids.t3, ids.t2])
    expect((await tag.list({ minId: ids.t1, maxId: ids.t3, limit: 5 })).map((s) => s.id)).toEqual([ids.t2])
    expect((await tag.list({ sinceId: ids.t1, limit: 2 })).map((s) => s.id)).toEqual([ids.both, ids.t5])
    expect((await tag.list({ maxId: ids.t2 })).map((s) => s.id)).toEqual([ids.t1])
    // masto follows rel="prev" when asked to: forward from t3 to the newest.
    const forward: string[][] = []
    for await (const page of tag.list({ minId: ids.t3, limit: 2 }).setDirection('prev')) forward.push(page.map((s) => s.id))
    expect(forward).toEqual([[ids.t5, ids.t4], [ids.both], []])
  })

  it('filters with any[], all[], none[] and only_media, answers [] for an unknown tag and nothing for remote=true', async () => {
    const get = async (query: string) => ((await (await fetch(`${peer.url}/api/v1/timelines/tag/${query}`)).json()) as Array<{ id: string }>).map((s) => s.id)
    expect(await get('bread?any[]=nothing')).toEqual([ids.both, ids.other])
    expect(await get('cafelune?all[]=bread')).toEqual([ids.both])
    expect(await get('cafelune?none[]=bread&limit=1')).toEqual([ids.t5])
    expect(await get('cafelune?only_media=true')).toEqual([])
    expect(await get('cafelune?remote=true')).toEqual([])
    const unknown = await fetch(`${peer.url}/api/v1/timelines/tag/nosuchtag`)
    expect([unknown.status, await unknown.json(), unknown.headers.get('link')]).toEqual([200, [], null])
  })

  it('answers 429 with X-RateLimit-* once anonymous clients used up their window, and 401 when previews are off', async () => {
    const limited = await startMastodonPeer()
    limited.setLimits({ api: { limit: 2, periodMs: 60_000 } }, anonymousClient)
    const url = `${limited.url}/api/v1/timelines/tag/cafelune`
    expect((await fetch(url)).status).toBe(200)
    expect((await fetch(url)).status).toBe(200)
    const refused = await fetch(url)
    expect(refused.status).toBe(429)
    expect(await refused.json()).toEqual({ error: 'Too many requests' })
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(Date.parse(refused.headers.get('x-ratelimit-reset')!)).toBe(limited.rateLimitResetAt(anonymousClient, 'api'))
    await limited.close()

    const closed = await startMastodonPeer({ timelinePreview: false })
    const { accessToken } = closed.createAccountWithToken()
    expect((await fetch(`${closed.url}/api/v1/timelines/tag/cafelune`)).status).toBe(401)
    expect((await fetch(`${closed.url}/api/v1/timelines/tag/cafelune`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(200)
    await closed.close()
  })
})
