/**
 * The measure dashboard through the API, on the app's store: a week of a café's history (posts on
 * two networks with their counts, clicks by people and by bots, conversions in two currencies,
 * form answers, followers per day) gives the figures per period, day, network, content type and
 * post; top posts rank by conversions, not likes; the period before is compared; rolling the
 * days up changes no figure; a new time zone re-cuts the days; exports in the reader's language.
 * History is written to the store directly (weeks the test cannot wait for); the figures are
 * read back only through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, createMeasureContext, dayOf, dayStart, rollWorkspace } from '../../src/measure/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { insertClicks, newId, resetRollups, savePostCounts, type NewClick } from '../../src/store/index.js'
import { pdfText } from '../helpers/pdf.js'
import { createTestApp, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'

const zone = 'Europe/Paris'
/** Noon in Paris on a Tuesday (UTC+1 in November). */
const now = Date.parse('2026-11-24T11:00:00Z')
const today = '2026-11-24'
const hour = 3600_000

interface Dashboard {
  period: { from: string; to: string; days: number; timeZone: string }
  previous: { from: string; to: string }
  currency: string | null
  totals: Record<string, number | null>
  previousTotals: Record<string, number | null>
  daily: Array<{ day: string; posts: number; clicks: number; botClicks: number; visitors: number; conversions: number; revenue: number; followers: number | null; engagement: number }>
  byNetwork: Array<{ network: string; posts: number; followers: number | null; clicks: number; conversions: number; revenue: number; engagement: number }>
  byContentType: Array<{ contentType: string; posts: number; clicks: number; conversions: number; engagement: number }>
  topPosts: Array<{ targetId: string; postId: string; network: string; text: string; likes: number; clicks: number; conversions: number; revenue: number; engagement: number; engagementRate: number | null }>
  bestTimes: { posts: number; cells: Array<{ weekday: number; hour: number; posts: number }>; best: Array<{ weekday: number; hour: number }> }
  hearAnswers: Array<{ answer: string; count: number }>
  influence: { score: number | null; parts: Array<{ key: string; score: number | null }> }
  equity: { parts: Array<{ key: string; score: number | null; inputs: Array<{ name: string; value: number | null }> }> }
  freshness: { metricsAt: number | null; rolledUntil: string | null }
}

let t: TestApp
let owner: TestClient
let workspaceId: string
const accounts = { mastodon: '', bluesky: '' }
const targets: Record<string, string> = {}
const posts: Record<string, string> = {}
const links: Record<string, string> = {}

async function account(network: 'mastodon' | 'bluesky', handle: string): Promise<string> {
  const id = newId()
  await t.store.db
    .insertInto('accounts')
    .values({
      id,
      workspaceId,
      network,
      remoteId: `remote-${handle}`,
      handle,
      displayName: handle,
      avatarUrl: null,
      profileUrl: `https://${network}.example/@${handle}`,
      credentials: 'sealed-elsewhere',
      settings: '{}',
      status: 'active',
      statusReason: null,
      expiresAt: null,
      checkedAt: null,
      connectedBy: null,
      createdAt: now - 60 * 24 * hour,
      updatedAt: now - 60 * 24 * hour,
    })
    .execute()
  return id
}

/** A post published at `at` on one account, with its counts and a tracked link. */
async function published(
  name: string,
  accountId: string,
  network: string,
  at: number,
  props: { contentType: string | null; likes: number; reposts?: number; replies?: number; text?: string; recordedAt?: number },
) {
  const postId = newId()
  const targetId = newId()
  posts[name] = postId
  targets[name] = targetId
  await t.store.db
    .insertInto('posts')
    .values({ id: postId, workspaceId, authorId: null, text: props.text ?? `${name}: https://cafe-lune.example/${name}`, status: 'published', scheduleMode: 'now', scheduledAt: at, contentType: props.contentType, source: 'composer', sourceRef: null, approvedBy: null, approvedAt: null, createdAt: at, updatedAt: at })
    .execute()
  await t.store.db
    .insertInto('postTargets')
    .values({ id: targetId, postId, accountId, text: null, status: 'published', firstAttemptAt: at, nextAttemptAt: null, remoteId: `r-${name}`, remoteCid: null, remoteUrl: `https://${network}.example/${name}`, publishedAt: at, errorKind: null, errorReason: null, createdAt: at, updatedAt: props.recordedAt ?? at })
    .execute()
  await t.store.db
    .insertInto('postMetrics')
    .values({ targetId, workspaceId, likes: props.likes, reposts: props.reposts ?? 0, replies: props.replies ?? 0, quotes: 0, views: null, fetchedAt: now - hour })
    .execute()
  links[name] = await link(name, { postId, targetId, network })
}

async function link(name: string, origin: { postId: string | null; targetId: string | null; network: string | null }): Promise<string> {
  const id = newId()
  await t.store.db
    .insertInto('trackedLinks')
    .values({ id, workspaceId, code: `c${name.replace(/\W/g, '')}${id.slice(-4)}`, url: `https://cafe-lune.example/${name}`, destination: `https://cafe-lune.example/${name}?utm_medium=social`, ...origin, campaign: null, label: null, createdBy: null, createdAt: now - 30 * 24 * hour })
    .execute()
  return id
}

function click(name: string, at: number, props: { visitor?: string; bot?: boolean; referrer?: string | null; network?: string | null; postId?: string | null } = {}): NewClick {
  return {
    id: newId(),
    linkId: links[name]!,
    workspaceId,
    postId: props.postId === undefined ? (posts[name] ?? null) : props.postId,
    network: props.network === undefined ? null : props.network,
    at,
    referrerHost: props.referrer === undefined ? 'mastodon.example' : props.referrer,
    device: props.bot ? 'bot' : 'mobile',
    lang: 'fr',
    country: null,
    visitor: props.visitor ?? newId(),
    bot: props.bot ? 1 : 0,
  }
}

async function conversion(at: number, props: { name?: string; network?: string | null; type?: string; value?: number | null; currency?: string | null; source?: 'script' | 'form'; answer?: string }) {
  await t.store.db
    .insertInto('conversions')
    .values({
      id: newId(),
      workspaceId,
      clickId: null,
      linkId: props.name ? links[props.name]! : null,
      postId: props.name ? (posts[props.name] ?? null) : null,
      network: props.network ?? null,
      type: props.type ?? (props.source === 'form' ? 'heard' : 'purchase'),
      value: props.value ?? null,
      currency: props.currency ?? null,
      source: props.source ?? 'script',
      answer: props.answer ?? null,
      dedupeKey: null,
      at,
    })
    .execute()
}

function measureContext() {
  return createMeasureContext({ db: t.store.db, logger: { info() {}, warn() {}, error() {} }, publicUrl: t.config.publicUrl, networks: createRegistry([]), now: () => t.clock.now() })
}

/** The dashboard without its freshness line, to compare figures read from the rollups and read raw. */
const figures = (d: Dashboard) => ({ ...d, freshness: null })

/** Noon (Paris) `days` days before today, plus `hours`. */
const ago = (days: number, hours = 0) => dayStart(addDays(today, -days), zone) + 12 * hour + hours * hour

async function dashboard(client: TestClient, query: string): Promise<Dashboard> {
  const res = await client.get<Dashboard>(`/api/measure/dashboard?${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

const week = `from=${addDays(today, -6)}&to=${today}`

beforeAll(async () => {
  t = await createTestApp({ networks: createRegistry([]) })
  t.clock.offsetMs = now - Date.now()
  owner = await setUpOwner(t)
  expect((await owner.patch('/api/workspace', { timeZone: zone })).status).toBe(200)
  workspaceId = (await t.store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id
  accounts.mastodon = await account('mastodon', 'cafe')
  accounts.bluesky = await account('bluesky', 'cafe.bsky.example')

  // This week: three posts. The entertaining one has the most likes; the educating one sells.
  await published('sourdough', accounts.mastodon, 'mastodon', ago(3, -2), { contentType: 'educate', likes: 10, reposts: 2, replies: 3, text: 'Comment nourrir un levain — https://cafe-lune.example/levain' })
  await published('cat', accounts.mastodon, 'mastodon', ago(2, -2), { contentType: 'entertain', likes: 50 })
  await published('question', accounts.bluesky, 'bluesky', ago(1), { contentType: 'engage', likes: 1, replies: 4 })
  // The week before: one post.
  await published('old', accounts.mastodon, 'mastodon', ago(10), { contentType: null, likes: 5 })
  links.bio = await link('bio', { postId: null, targetId: null, network: null })

  const shared = 'same-person'
  await insertClicks(t.store.db, [
    // Sourdough: five people's clicks (one person twice the same day: 4 visitors) and two bots.
    click('sourdough', ago(3, 1), { visitor: shared, network: 'mastodon' }),
    click('sourdough', ago(3, 2), { visitor: shared, network: 'mastodon' }),
    click('sourdough', ago(3, 3), { network: 'mastodon' }),
    click('sourdough', ago(2, 0), { network: 'mastodon' }),
    // 23:30 UTC two days ago is 00:30 yesterday in Paris: yesterday's click.
    click('sourdough', dayStart(addDays(today, -1), zone) + 30 * 60_000, { network: 'mastodon' }),
    click('sourdough', ago(3, 1), { bot: true, network: 'mastodon' }),
    click('sourdough', ago(3, 1), { bot: true, network: 'mastodon' }),
    // The cat: three clicks, no sale.
    click('cat', ago(2, 1), { network: 'mastodon' }),
    click('cat', ago(2, 2), { network: 'mastodon' }),
    click('cat', ago(0, -1), { network: 'mastodon' }),
    // The question on Bluesky: one click today.
    click('question', ago(0, -2), { network: 'bluesky', referrer: 'bsky.app' }),
    // The bio link: two typed visits (no referrer), no network.
    click('bio', ago(4), { referrer: null, postId: null }),
    click('bio', ago(4, 1), { referrer: null, postId: null }),
    // Last week's post: two clicks last week.
    click('old', ago(10, 1), { network: 'mastodon' }),
    click('old', ago(9), { network: 'mastodon' }),
  ])
  await conversion(ago(3, 4), { name: 'sourdough', network: 'mastodon', value: 25, currency: 'EUR' })
  await conversion(ago(1, 1), { name: 'sourdough', network: 'mastodon', value: 15.5, currency: 'EUR' })
  await conversion(ago(0, -1), { name: 'question', network: 'bluesky', type: 'signup' })
  // A sale in another currency is counted, not added to the euros.
  await conversion(ago(2), { name: 'cat', network: 'mastodon', value: 9, currency: 'USD' })
  await conversion(ago(9), { name: 'old', network: 'mastodon', value: 100, currency: 'EUR' })
  await conversion(ago(1), { source: 'form', answer: 'mastodon' })
  await conversion(ago(1, 1), { source: 'form', answer: 'mastodon' })
  await conversion(ago(2), { source: 'form', answer: 'friend' })

  for (const [accountId, day, followers] of [
    [accounts.mastodon, addDays(today, -9), 100],
    [accounts.mastodon, addDays(today, -3), 110],
    [accounts.mastodon, addDays(today, -1), 120],
    [accounts.bluesky, addDays(today, -2), 50],
  ] as const) {
    await t.store.db.insertInto('accountMetrics').values({ accountId, workspaceId, day, followers, following: 10, posts: 20, at: dayStart(day, zone) + 20 * hour }).execute()
  }
})

afterAll(async () => {
  await t?.close()
})

describe('measure dashboard', () => {
  it('adds up the soft and hard numbers of the week and compares them with the week before', async () => {
    const d = await dashboard(owner, week)
    expect(d.period).toEqual({ from: '2026-11-18', to: today, days: 7, timeZone: zone })
    expect(d.previous).toEqual({ from: '2026-11-11', to: '2026-11-17' })
    expect(d.currency).toBe('EUR')
    expect(d.totals).toMatchObject({
      posts: 3,
      followers: 170,
      // Only the Mastodon account was counted before the week: 100 → 120.
      followersChange: 20,
      likes: 61,
      reposts: 2,
      replies: 7,
      engagement: 70,
      // Reach: two Mastodon posts × 120 followers + one Bluesky post × 50.
      reach: 290,
      clicks: 11,
      botClicks: 2,
      visitors: 10,
      conversions: 4,
      revenue: 40.5,
      hearAnswers: 3,
      hearSocial: 2,
    })
    expect(d.totals.engagementRate).toBeCloseTo(70 / 290, 6)
    expect(d.previousTotals).toMatchObject({ posts: 1, clicks: 2, conversions: 1, revenue: 100, likes: 5 })
    expect(d.hearAnswers).toEqual([
      { answer: 'mastodon', count: 2 },
      { answer: 'friend', count: 1 },
    ])
  })

  it('cuts days in the workspace time zone', async () => {
    const d = await dashboard(owner, week)
    expect(d.daily.map((p) => p.day)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'])
    const day = (n: number) => d.daily.find((p) => p.day === addDays(today, -n))!
    expect(day(3)).toMatchObject({ posts: 1, clicks: 3, botClicks: 2, visitors: 2, conversions: 1, revenue: 25, followers: 110 })
    // The 00:30 click is yesterday's in Paris, though it was still the day before in UTC.
    expect(dayOf(dayStart(addDays(today, -1), zone) + 30 * 60_000, 'UTC')).toBe(addDays(today, -2))
    expect(day(1)).toMatchObject({ clicks: 1, conversions: 1, revenue: 15.5, followers: 170 })
    expect(day(0)).toMatchObject({ clicks: 2, conversions: 1 })
    expect(day(6).followers).toBe(100)
  })

  it('splits by network and by content type', async () => {
    const d = await dashboard(owner, week)
    const network = (id: string) => d.byNetwork.find((r) => r.network === id)
    expect(network('mastodon')).toMatchObject({ posts: 2, followers: 120, clicks: 8, conversions: 3, revenue: 40.5, engagement: 65 })
    expect(network('bluesky')).toMatchObject({ posts: 1, followers: 50, clicks: 1, conversions: 1, revenue: 0, engagement: 5 })
    expect(d.byContentType.map((r) => r.contentType)).toEqual(['educate', 'entertain', 'engage'])
    expect(d.byContentType[0]).toMatchObject({ posts: 1, clicks: 5, conversions: 2, engagement: 15 })
    expect(d.byContentType[1]).toMatchObject({ posts: 1, clicks: 3, conversions: 1, engagement: 50 })

    const onlyBluesky = await dashboard(owner, `${week}&network=bluesky`)
    expect(onlyBluesky.totals).toMatchObject({ posts: 1, clicks: 1, conversions: 1, followers: 50 })
    expect(onlyBluesky.topPosts.map((p) => p.targetId)).toEqual([targets.question])
  })

  it('ranks top posts by conversions, not by likes', async () => {
    const d = await dashboard(owner, week)
    expect(d.topPosts.map((p) => p.targetId)).toEqual([targets.sourdough, targets.cat, targets.question])
    expect(d.topPosts[0]).toMatchObject({ postId: posts.sourdough, network: 'mastodon', likes: 10, clicks: 5, conversions: 2, revenue: 40.5, engagement: 15, text: 'Comment nourrir un levain — https://cafe-lune.example/levain' })
    expect(d.topPosts[1]).toMatchObject({ likes: 50, conversions: 1, revenue: 0 })
    expect(d.topPosts[0]!.engagementRate).toBeCloseTo(15 / 120, 6)
  })

  it('reads best times, influence and equity from the same figures, unknown parts left unknown', async () => {
    const d = await dashboard(owner, week)
    expect(d.bestTimes.posts).toBe(4)
    expect(d.bestTimes.cells.reduce((n, c) => n + c.posts, 0)).toBe(4)
    // Sourdough went out at 10:00 on Saturday, Paris time.
    expect(d.bestTimes.cells).toContainEqual(expect.objectContaining({ weekday: 6, hour: 10, posts: 1 }))
    expect(d.influence.score).not.toBeNull()
    expect(d.influence.parts.map((p) => p.key)).toEqual(['reach', 'quality', 'amplification'])
    // Nothing is listened to: mentions are not known, never 0; familiarity rests on the typed visits.
    const familiarity = d.equity.parts.find((p) => p.key === 'familiarity') as { score: number | null; inputs: Array<{ name: string; value: number | null }> }
    expect(familiarity.inputs.find((i) => i.name === 'mentions')?.value).toBeNull()
    expect(familiarity.inputs.find((i) => i.name === 'directClicks')?.value).toBe(2)
    expect(familiarity.score).toBeGreaterThan(0)
    expect(d.equity.parts.find((p) => p.key === 'value')?.score).toBeGreaterThan(0)
  })

  it('gives the same figures once the days are rolled up, and re-cuts them when the time zone changes', async () => {
    const before = await dashboard(owner, week)
    expect(before.freshness.rolledUntil).toBeNull()
    const measure = measureContext()
    const rolled = await rollWorkspace(measure, { id: workspaceId, timeZone: zone })
    // From the first click (10 days ago) to yesterday.
    expect(rolled).toBe(10)
    expect(await rollWorkspace(measure, { id: workspaceId, timeZone: zone })).toBe(0)
    const after = await dashboard(owner, week)
    expect(after.freshness.rolledUntil).toBe(addDays(today, -1))
    expect({ ...after, freshness: null }).toEqual({ ...before, freshness: null })
    const rows = await t.store.db.selectFrom('clickDays').select((eb) => eb.fn.sum<number>('clicks').as('clicks')).where('workspaceId', '=', workspaceId).executeTakeFirst()
    // Every click but today's two.
    expect(Number(rows?.clicks)).toBe(11)

    // New York: the 00:30 Paris click falls on the day before there.
    expect((await owner.patch('/api/workspace', { timeZone: 'America/New_York' })).status).toBe(200)
    const moved = await dashboard(owner, week)
    expect(moved.freshness.rolledUntil).toBeNull()
    await rollWorkspace(measure, { id: workspaceId, timeZone: 'America/New_York' })
    const recut = await dashboard(owner, week)
    expect(recut.period.timeZone).toBe('America/New_York')
    expect(recut.freshness.rolledUntil).toBe(addDays(today, -1))
    expect(recut.daily.find((p) => p.day === addDays(today, -2))?.clicks).toBe(moved.daily.find((p) => p.day === addDays(today, -2))?.clicks)
    expect(recut.totals).toEqual(moved.totals)
    expect((await owner.patch('/api/workspace', { timeZone: zone })).status).toBe(200)
    await rollWorkspace(measure, { id: workspaceId, timeZone: zone })
  })

  it('refuses a bad period, naming the field in the reader\'s language', async () => {
    expect((await owner.patch('/api/me', { locale: 'fr' })).status).toBe(200)
    const res = await owner.get<{ error: { message: string; fields?: Array<{ field: string; message: string }> } }>(`/api/measure/dashboard?from=${today}&to=2026-11-01`)
    expect(res.status).toBe(400)
    expect(res.body.error.fields?.[0]?.field).toBe('to')
    expect(res.body.error.fields?.[0]?.message).toMatch(/date/i)
    const bad = await owner.get<{ error: { fields?: Array<{ field: string }> } }>('/api/measure/dashboard?from=2026-02-30&to=2026-03-01')
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields?.[0]?.field).toBe('from')
    expect((await owner.get(`/api/measure/dashboard?from=2024-01-01&to=${today}`)).status).toBe(400)
    expect((await t.client().get(`/api/measure/dashboard?${week}`)).status).toBe(401)
    expect((await owner.patch('/api/me', { locale: 'en' })).status).toBe(200)
  })

  it('exports the posts as CSV and the period as a PDF in the reader\'s language', async () => {
    expect((await owner.patch('/api/me', { locale: 'he' })).status).toBe(200)
    const csv = await owner.get<string>(`/api/measure/dashboard.csv?${week}&table=posts`)
    expect(csv.status).toBe(200)
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    const text = csv.raw.body
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/[\u0590-\u05FF]/)
    expect(lines[1]).toContain('Comment nourrir un levain')

    const pdf = await owner.get(`/api/measure/report.pdf?${week}`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const content = await pdfText(pdf.raw.rawPayload)
    expect(content).toContain('Comment nourrir un levain')
    expect(content).toMatch(/[\u0590-\u05FF]/)
    expect((await owner.patch('/api/me', { locale: 'en' })).status).toBe(200)
  })
  // These add posts to the week, so they come after the tests that count the week's posts.
  it('adds counts read after a post\'s day was rolled where the post was counted, as the raw figures have them', async () => {
    const measure = measureContext()
    await rollWorkspace(measure, { id: workspaceId, timeZone: zone })
    const before = await dashboard(owner, week)
    expect(before.freshness.rolledUntil).toBe(addDays(today, -1))
    const catDay = (d: Dashboard) => d.daily.find((p) => p.day === addDays(today, -2))!
    // The cat (two days ago, a rolled day) is read again: more likes, and now a view count.
    expect(await savePostCounts(t.store.db, workspaceId, now, [{ targetId: targets.cat!, likes: 80, reposts: 1, replies: 2, quotes: 3, views: 400 }])).toBe(1)
    const rolled = await dashboard(owner, week)
    expect(rolled.totals.likes).toBe(Number(before.totals.likes) + 30)
    expect(rolled.totals.views).toBe(400)
    // Its views now stand for its reach (they replace 120 followers).
    expect(rolled.totals.reach).toBe(Number(before.totals.reach) - 120 + 400)
    expect(catDay(rolled).engagement).toBe(catDay(before).engagement + 36)
    expect(rolled.topPosts.find((p) => p.targetId === targets.cat)).toMatchObject({ likes: 80, engagement: 86 })

    await resetRollups(t.store.db, workspaceId)
    const raw = await dashboard(owner, week)
    expect(raw.freshness.rolledUntil).toBeNull()
    expect(figures(rolled)).toEqual(figures(raw))
    await rollWorkspace(measure, { id: workspaceId, timeZone: zone })
    expect(figures(await dashboard(owner, week))).toEqual(figures(raw))
  })

  it('counts a post whose publication was recorded after its day was rolled, from the next rollup on', async () => {
    const measure = measureContext()
    // Retried until now, it carries the time of its first attempt: yesterday afternoon.
    await published('retried', accounts.bluesky, 'bluesky', ago(1, 3), { contentType: 'empower', likes: 7, recordedAt: now })
    await rollWorkspace(measure, { id: workspaceId, timeZone: zone })
    const rolled = await dashboard(owner, week)
    expect(rolled.daily.find((p) => p.day === addDays(today, -1))).toMatchObject({ posts: 2 })
    expect(rolled.byContentType.find((r) => r.contentType === 'empower')).toMatchObject({ posts: 1, engagement: 7 })
    await resetRollups(t.store.db, workspaceId)
    expect(figures(rolled)).toEqual(figures(await dashboard(owner, week)))
    await rollWorkspace(measure, { id: workspaceId, timeZone: zone })
    expect(figures(await dashboard(owner, week))).toEqual(figures(rolled))
  })

  it('puts a post published late in the evening on its own day and hour, where UTC is already on the next day', async () => {
    const newYork = 'America/New_York'
    expect((await owner.patch('/api/workspace', { timeZone: newYork })).status).toBe(200)
    const sunday = addDays(today, -2)
    // 22:30 on Sunday in New York is 03:30 on Monday in UTC.
    const at = dayStart(sunday, newYork) + 22 * hour + 30 * 60_000
    expect(dayOf(at, 'UTC')).toBe(addDays(today, -1))
    const without = await dashboard(owner, week)
    await published('evening', accounts.mastodon, 'mastodon', at, { contentType: 'engage', likes: 9 })
    await insertClicks(t.store.db, [click('evening', at + 45 * 60_000, { network: 'mastodon' }), click('evening', at + 2 * hour, { network: 'mastodon' })])
    const raw = await dashboard(owner, week)
    const onSunday = (d: Dashboard) => d.daily.find((p) => p.day === sunday)!
    expect(onSunday(raw)).toMatchObject({ posts: onSunday(without).posts + 1, engagement: onSunday(without).engagement + 9, clicks: onSunday(without).clicks + 1 })
    expect(raw.bestTimes.cells).toContainEqual(expect.objectContaining({ weekday: 7, hour: 22, posts: 1 }))
    const measure = measureContext()
    await rollWorkspace(measure, { id: workspaceId, timeZone: newYork })
    const rolled = await dashboard(owner, week)
    expect(rolled.freshness.rolledUntil).toBe(addDays(today, -1))
    expect(figures(rolled)).toEqual(figures(raw))
    expect((await owner.patch('/api/workspace', { timeZone: zone })).status).toBe(200)
    await rollWorkspace(measure, { id: workspaceId, timeZone: zone })
  })
})
