/**
 * The coach end to end through the API on a real database: the questionnaire (bad answers
 * refused by name, in the person's language, nothing stored), the stage from answers and from
 * real activity (posts published over past weeks, a feed's automatic posts, mentions answered),
 * which one decides when they disagree, next steps ticking themselves off, the plan (refused
 * with the fields to fix, then saved with live goals), sharing it by link and withdrawing it,
 * the PDF in Hebrew with the goal's text in it, the value check, the handle check against the
 * Mastodon loopback contract server written from Mastodon's API reference, the results page,
 * roles, and the weekly re-assessment.
 */
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCoachContext, reassessDue } from '../../src/coach/index.js'
import { questionnaire } from '../../src/domain/index.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { newId } from '../../src/store/index.js'
import { addMember, createTestApp, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'
import { pdfText } from '../helpers/pdf.js'

type ErrorBody = { error: { code: string; message: string; fields?: Array<{ field: string; message: string }> } }
interface Assessment {
  current: {
    stage: number
    answersStage: number | null
    activityStage: number
    decidedBy: string
    evidence: Array<{ text: string; source: string }>
    disagreement: string | null
    waitingFor: string[]
  } | null
  history: Array<{ stage: number }>
  nextSteps: Array<{ id: string; title: string; target: string; done: boolean }>
}
interface PlanResponse {
  plan: { goals: Array<{ id: string }> } | null
  live: Array<{ goalId: string; value: number | null; status: string; waitingFor: string | null }>
  fuel: { plannedHours: number; actualHours: number | null; text: string } | null
  actualMix: Record<string, number>
  shareUrl: string | null
}

const week = 7 * 24 * 60 * 60 * 1000

let t: TestApp
let owner: TestClient
let mastodon: MastodonPeer
let workspaceId: string
let accountId: string

/** Switches the signed-in person's language (their saved language beats the browser's). */
async function speaks(client: TestClient, locale: string): Promise<void> {
  const res = await client.patch('/api/me', { locale })
  if (res.status !== 200) throw new Error(`language change failed: ${res.status}`)
}

/** Answers pointing to `stage` wherever a question has such an option. */
function answersAt(stage: number): Record<string, string> {
  return Object.fromEntries(questionnaire.flatMap((q) => q.options.filter((o) => o.stage === stage).slice(0, 1).map((o) => [q.id, o.id])))
}

/** A post published `weeksAgo` weeks ago on the connected account (history the app cannot make happen in a test's minutes). */
async function publishedPost(weeksAgo: number, options: { automated?: boolean; contentType?: string; text?: string } = {}) {
  const at = t.clock.now() - weeksAgo * week - 60_000
  const postId = newId()
  const owners = await t.store.db.selectFrom('memberships').select('userId').where('workspaceId', '=', workspaceId).where('role', '=', 'owner').executeTakeFirstOrThrow()
  await t.store.db
    .insertInto('posts')
    .values({
      id: postId,
      workspaceId,
      authorId: options.automated ? null : owners.userId,
      text: options.text ?? `Fresh bread at 7, week ${weeksAgo}`,
      status: 'published',
      scheduleMode: 'now',
      scheduledAt: at,
      contentType: options.contentType ?? 'educate',
      source: options.automated ? 'feed' : 'composer',
      sourceRef: null,
      approvedBy: null,
      approvedAt: null,
      createdAt: at,
      updatedAt: at,
    })
    .execute()
  await t.store.db
    .insertInto('postTargets')
    .values({
      id: newId(),
      postId,
      accountId,
      text: null,
      status: 'published',
      firstAttemptAt: at,
      nextAttemptAt: null,
      remoteId: `r${postId}`,
      remoteCid: null,
      remoteUrl: null,
      publishedAt: at,
      errorKind: null,
      errorReason: null,
      createdAt: at,
      updatedAt: at,
    })
    .execute()
}

beforeAll(async () => {
  mastodon = await startMastodonPeer()
  t = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'true' }, networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  owner = await setUpOwner(t)
  workspaceId = (await t.store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id
})

afterAll(async () => {
  await t?.close()
  await mastodon?.close()
})

describe('the questionnaire and the stage', () => {
  it('starts with no assessment and twelve or so questions', async () => {
    const assessment = await owner.get<Assessment>('/api/coach/assessment')
    expect(assessment.status).toBe(200)
    expect(assessment.body.current).toBeNull()
    const form = await owner.get<{ questions: Array<{ id: string; options: string[] }>; answers: object }>('/api/coach/questionnaire')
    expect(form.body.questions.length).toBeGreaterThanOrEqual(10)
    expect(form.body.questions.every((q) => q.options.length >= 3)).toBe(true)
    expect(form.body.answers).toEqual({})
  })

  it('refuses answers to unknown questions or options, naming them in French, and stores nothing', async () => {
    const [first] = questionnaire
    await speaks(owner, 'fr')
    const res = await owner.request<ErrorBody>('PUT', '/api/coach/answers', { answers: { [first!.id]: 'not_an_option', no_such_question: 'x' } })
    await speaks(owner, 'en')
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/questionnaire/)
    expect(res.body.error.fields?.map((f) => f.field).sort()).toEqual([`answers.${first!.id}`, 'answers.no_such_question'].sort())
    expect(res.body.error.fields?.find((f) => f.field === 'answers.no_such_question')?.message).toContain('Il n')
    expect((await owner.get<{ answers: object }>('/api/coach/questionnaire')).body.answers).toEqual({})
    expect((await owner.get<Assessment>('/api/coach/assessment')).body.current).toBeNull()
  })

  it('with nothing connected yet, the answers decide, and the coach says what it cannot see', async () => {
    const res = await owner.request<Assessment>('PUT', '/api/coach/answers', { answers: answersAt(4) })
    expect(res.status).toBe(200)
    const current = res.body.current!
    expect(current.answersStage).toBe(4)
    expect(current.activityStage).toBe(1)
    expect(current.decidedBy).toBe('answers')
    expect(current.stage).toBe(4)
    expect(current.disagreement).toBeTruthy()
    expect(current.evidence.some((e) => e.source === 'answers')).toBe(true)
    expect(current.waitingFor.length).toBeGreaterThan(0)
    expect(res.body.nextSteps.length).toBeGreaterThanOrEqual(3)
    expect(res.body.nextSteps.length).toBeLessThanOrEqual(5)
  })

  it('with eight weeks of real activity, behaviour decides and the evidence says what it saw', async () => {
    const cafe = mastodon.createAccountWithToken('cafelune')
    const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: cafe.accessToken } })
    expect(connected.status).toBe(201)
    accountId = connected.body.account.id
    // Connected ten weeks ago; posted in 3 of the last 8 weeks, 4 of 5 posts copied from the blog by auto-publish.
    await t.store.db.updateTable('accounts').set({ createdAt: t.clock.now() - 10 * week }).where('id', '=', accountId).execute()
    await publishedPost(1, { automated: true })
    await publishedPost(1, { automated: true })
    await publishedPost(3, { automated: true })
    await publishedPost(6, { automated: true })
    await publishedPost(6)

    const res = await owner.post<Assessment>('/api/coach/assess')
    expect(res.status).toBe(200)
    const current = res.body.current!
    expect(current.activityStage).toBe(2)
    expect(current.answersStage).toBe(4)
    expect(current.decidedBy).toBe('activity')
    expect(current.stage).toBe(2)
    const activity = current.evidence.filter((e) => e.source === 'activity').map((e) => e.text)
    expect(activity.join('\n')).toMatch(/\b3\b.*\b8\b/)
    expect(activity.join('\n')).toMatch(/80/)
    expect(current.disagreement).toBeTruthy()
    expect(res.body.history.map((h) => h.stage).at(-1)).toBe(2)
  })

  it('the same evidence reads in Arabic for an Arabic reader', async () => {
    await speaks(owner, 'ar')
    const res = await owner.get<Assessment>('/api/coach/assessment')
    await speaks(owner, 'en')
    expect(res.body.current!.evidence.some((e) => /[\u0600-\u06FF]/.test(e.text))).toBe(true)
  })

  it('next steps tick themselves off from real data', async () => {
    const before = (await owner.get<Assessment>('/api/coach/assessment')).body.nextSteps
    const queueStep = before.find((s) => s.target === 'queue')
    expect(queueStep?.done).toBe(false)
    expect((await owner.request('PUT', '/api/publishing', { approvalRequired: false, queueSlots: [{ weekday: 1, time: '09:00' }] })).status).toBe(200)
    const after = (await owner.get<Assessment>('/api/coach/assessment')).body.nextSteps
    expect(after.find((s) => s.id === queueStep!.id)?.done).toBe(true)
  })
})

const goodPlan = {
  goals: [
    { id: 'g1', area: 'marketing', text: 'פוסט שלוש פעמים בשבוע', metric: 'posts_per_week', target: 3, due: '2027-06-30' },
    { id: 'g2', area: 'support', text: 'Answer 80% of mentions', metric: 'reply_rate', target: 80, due: '2027-06-30' },
    { id: 'g3', area: 'sales', text: 'Ten orders from social media', metric: 'conversions', target: 10, due: '2027-12-31' },
  ],
  limits: 'Social media will not replace our shop window.',
  audience: 'Neighbours and office workers nearby',
  networks: [{ network: 'mastodon', why: 'Our regulars are there' }],
  mix: { educate: 60, engage: 40 },
  tools: { networking: ['Mastodon'], multimedia: ['Photos of the day'] },
  measures: ['word_of_mouth', 'web_analytics'],
  equityTargets: { connection: 60, value: 40 },
  hoursPerWeek: 5,
  people: [{ name: 'Amira', role: 'owner', hoursPerWeek: 5 }],
  contentSources: ['Our blog'],
  risks: 'A bad review going around',
  reviewDates: ['2027-03-01'],
}

describe('the plan', () => {
  it('refuses a plan whose mix does not add up, naming the field, and keeps nothing', async () => {
    const bad = { ...goodPlan, mix: { educate: 50, engage: 40 } }
    const res = await owner.request<ErrorBody>('PUT', '/api/coach/plan', { plan: bad })
    expect(res.status).toBe(400)
    expect(res.body.error.fields?.some((f) => f.field.startsWith('mix'))).toBe(true)
    expect((await owner.get<PlanResponse>('/api/coach/plan')).body.plan).toBeNull()
  })

  it('saves the plan and shows each goal live, or what it waits for', async () => {
    const res = await owner.request<PlanResponse>('PUT', '/api/coach/plan', { plan: goodPlan })
    expect(res.status).toBe(200)
    const byGoal = new Map(res.body.live.map((g) => [g.goalId, g]))
    // Two of the five posts fall in the last 4 weeks (plus one three weeks ago): 3 posts / 4 weeks.
    expect(byGoal.get('g1')?.value).toBe(0.8)
    expect(byGoal.get('g1')?.status).not.toBe('waiting')
    expect(byGoal.get('g2')?.status).toBe('waiting')
    expect(byGoal.get('g2')?.waitingFor).toBeTruthy()
    expect(byGoal.get('g3')?.status).toBe('waiting')
    expect(res.body.fuel?.plannedHours).toBe(5)
    expect(res.body.fuel?.text).toMatch(/5/)
    expect(res.body.actualMix.educate).toBe(100)
  })

  it('shares the plan read-only by link; withdrawing it stops the link', async () => {
    const shared = await owner.post<{ url: string }>('/api/coach/plan/share')
    expect(shared.status).toBe(200)
    const token = new URL(shared.body.url).pathname.split('/').pop()!
    const again = await owner.post<{ url: string }>('/api/coach/plan/share')
    expect(again.body.url).toBe(shared.body.url)
    const stranger = t.client()
    const view = await stranger.get<{ plan: { goals: Array<{ text: string }> }; workspaceName: string }>(`/api/public/plans/${token}`)
    expect(view.status).toBe(200)
    expect(view.body.plan.goals.map((g) => g.text)).toContain('Answer 80% of mentions')
    expect((await owner.get<PlanResponse>('/api/coach/plan')).body.shareUrl).toBe(shared.body.url)
    expect((await owner.delete(`/api/coach/plan/share`)).status).toBe(204)
    expect((await stranger.get(`/api/public/plans/${token}`)).status).toBe(404)
    expect((await stranger.get('/api/coach/plan')).status).toBe(401)
  })

  it('exports the plan as a PDF in Hebrew, with the goals in it', async () => {
    await speaks(owner, 'he')
    const res = await owner.get('/api/coach/plan/pdf')
    await speaks(owner, 'en')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    const text = await pdfText(res.raw.rawPayload)
    expect(text).toContain('פוסט שלוש פעמים בשבוע')
    expect(text).toContain('Answer 80% of mentions')
    expect(text).toContain('יעדים')
  })

  it('suggests a mix sized to a small team', async () => {
    const res = await owner.post<{ mix: Record<string, number>; reasons: string[] }>('/api/coach/plan/suggest-mix', { teamSize: 1, hoursPerWeek: 3, areas: ['support'] })
    expect(res.status).toBe(200)
    const chosen = Object.entries(res.body.mix).filter(([, share]) => share > 0)
    expect(chosen.length).toBeGreaterThanOrEqual(1)
    expect(chosen.length).toBeLessThanOrEqual(2)
    expect(chosen.reduce((sum, [, share]) => sum + share, 0)).toBe(100)
    expect(res.body.reasons.length).toBeGreaterThan(0)
  })
})

describe('the value check and the handle check', () => {
  it('gives gentle hints on a shouting, stuffed draft, in French for a French reader', async () => {
    await speaks(owner, 'fr')
    const res = await owner.post<{ hints: Array<{ rule: string; text: string }> }>('/api/coach/value-check', {
      text: 'SOLDES MONSTRES AUJOURD HUI SEULEMENT #promo #soldes #paris #pain #cafe',
      contentType: null,
    })
    await speaks(owner, 'en')
    expect(res.status).toBe(200)
    expect(res.body.hints.find((h) => h.rule === 'all_caps')?.text).toMatch(/[éèàç]|majuscule/i)
    const rules = res.body.hints.map((h) => h.rule)
    expect(rules).toEqual(expect.arrayContaining(['no_content_type', 'all_caps', 'hashtag_stuffing']))
    // The plan mixes 60% educate and 40% engage; the last posts were all "educate", so an engaging post is welcome…
    const calm = await owner.post<{ hints: Array<{ rule: string }> }>('/api/coach/value-check', { text: 'What bread should we bake for the weekend? Tell us your favourite.', contentType: 'engage' })
    expect(calm.body.hints).toEqual([])
    // …and one more educating post is off the plan's mix.
    const more = await owner.post<{ hints: Array<{ rule: string }> }>('/api/coach/value-check', { text: 'How we shape our sourdough: a three-step guide for your kitchen.', contentType: 'educate' })
    expect(more.body.hints.map((h) => h.rule)).toEqual(['off_mix'])
  })

  it('says whether a name is free on the network the workspace uses, and keeps the reservation checklist', async () => {
    const existing = mastodon.createAccount('lunebakery')
    const taken = await owner.get<{ results: Array<{ network: string; status: string; handle: string }> }>(`/api/coach/handles?name=${existing.username}`)
    expect(taken.status).toBe(200)
    expect(taken.body.results).toEqual([expect.objectContaining({ network: 'mastodon', status: 'taken' })])
    const free = await owner.get<{ results: Array<{ status: string }> }>('/api/coach/handles?name=lune_bakery_2')
    expect(free.body.results[0]?.status).toBe('available')
    await speaks(owner, 'he')
    const invalid = await owner.get<{ results: Array<{ status: string; reason: string | null }> }>('/api/coach/handles?name=lune-bakery')
    await speaks(owner, 'en')
    expect(invalid.body.results[0]?.status).toBe('invalid')
    expect(invalid.body.results[0]?.reason).toMatch(/[\u0590-\u05FF]/)

    const put = await owner.request<{ items: Array<{ reserved: boolean }> }>('PUT', '/api/coach/handles/checklist', { items: [{ network: 'mastodon', handle: '@lune_bakery_2', reserved: true }] })
    expect(put.status).toBe(200)
    expect((await owner.get<{ items: unknown[] }>('/api/coach/handles/checklist')).body.items).toEqual([{ network: 'mastodon', handle: '@lune_bakery_2', reserved: true }])
    const twice = await owner.request<ErrorBody>('PUT', '/api/coach/handles/checklist', {
      items: [
        { network: 'mastodon', handle: 'a', reserved: false },
        { network: 'mastodon', handle: 'b', reserved: false },
      ],
    })
    expect(twice.status).toBe(400)
    expect((await owner.get<{ items: unknown[] }>('/api/coach/handles/checklist')).body.items).toHaveLength(1)
  })
})

describe('the results page, roles and the weekly re-assessment', () => {
  it('publishes a results page with the chosen figures, readable without signing in; withdrawing it hides it', async () => {
    const res = await owner.request<{ url: string | null; published: boolean }>('PUT', '/api/coach/results', { figures: ['posts', 'weeks_with_posts', 'stage'], story: 'We stopped auto-posting and started talking.', published: true })
    expect(res.status).toBe(200)
    expect(res.body.url).toMatch(/\/shared\/results\//)
    const token = new URL(res.body.url!).pathname.split('/').pop()!
    const page = await t.client().get<{ figures: Array<{ id: string; label: string; value: string }>; story: string }>(`/api/public/results/${token}`, { 'accept-language': 'fr' })
    expect(page.status).toBe(200)
    expect(page.body.story).toBe('We stopped auto-posting and started talking.')
    expect(page.body.figures.map((f) => f.id)).toEqual(['posts', 'weeks_with_posts', 'stage'])
    expect(page.body.figures[0]).toMatchObject({ value: '5' })
    expect(page.body.figures[1]?.value).toMatch(/3.*8/)
    await owner.request('PUT', '/api/coach/results', { figures: ['posts'], story: '', published: false })
    expect((await t.client().get(`/api/public/results/${token}`)).status).toBe(404)
  })

  it('lets a viewer read the coach but not change the plan; an editor may check drafts but not answer for the business', async () => {
    const viewer = await addMember(t, owner, 'viewer', 'viewer@cafe-lune.example')
    expect((await viewer.get('/api/coach/assessment')).status).toBe(200)
    expect((await viewer.get('/api/coach/plan')).status).toBe(200)
    expect((await viewer.request('PUT', '/api/coach/plan', { plan: goodPlan })).status).toBe(403)
    expect((await viewer.post('/api/coach/value-check', { text: 'hello', contentType: null })).status).toBe(403)
    const editor = await addMember(t, owner, 'editor', 'editor@cafe-lune.example')
    expect((await editor.post('/api/coach/value-check', { text: 'hello', contentType: null })).status).toBe(200)
    expect((await editor.request('PUT', '/api/coach/answers', { answers: answersAt(2) })).status).toBe(403)
  })

  it('re-assesses a workspace once its assessment is a week old', async () => {
    const coach = createCoachContext({ db: t.store.db, logger: t.publish.logger, secretKey: t.config.secretKey!, networks: t.publish.networks, publicUrl: t.config.publicUrl, now: () => t.clock.now() })
    expect(await reassessDue(coach)).toBe(0)
    t.clock.advance(8 * 24 * 60 * 60 * 1000)
    expect(await reassessDue(coach)).toBe(1)
    expect(await reassessDue(coach)).toBe(0)
    const history = (await owner.get<Assessment>('/api/coach/assessment')).body.history
    expect(history.length).toBeGreaterThanOrEqual(2)
  })
})
