/**
 * The inbox through the API, on real HTTP against the Mastodon loopback contract server (written
 * from Mastodon's API reference): a customer mentions the café with a question and replies to its
 * post; `sync-inbox` stores each once; filters (questions, unanswered, assigned to me); assign,
 * note, snooze, done; the answer goes out as a threaded reply through the dispatcher, the item
 * leaves "unanswered" and its response time is counted; a reply over the limit is refused in the
 * person's language and kept as a draft; a viewer reads but cannot answer; a revoked token backs
 * the account off without losing anything.
 */
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCoachContext, readActivity } from '../../src/coach/index.js'
import { createEngageContext, syncInboxes } from '../../src/engage/index.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { addMember, createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'

interface Item {
  id: string
  kind: string
  text: string
  question: boolean
  status: string
  assigneeId: string | null
  snoozedUntil: number | null
  firstResponseAt: number | null
  responseMs: number | null
  pendingReplyId: string | null
  author: { handle: string; followsUs: boolean | null; items: number }
  inReplyTo: { remoteId: string; ours: { postId: string; text: string } | null } | null
}
interface Page {
  items: Item[]
  counts: { open: number; unanswered: number; questions: number }
}

let t: TestApp
let owner: TestClient
let mastodon: MastodonPeer
let cafeToken: string
let fan: ReturnType<typeof createRestAPIClient>
let ownerId: string
let cafeName: string

beforeAll(async () => {
  mastodon = await startMastodonPeer()
  t = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'true' }, networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  owner = await setUpOwner(t)
  ownerId = (await t.store.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id
  const cafe = mastodon.createAccountWithToken('cafe')
  cafeToken = cafe.accessToken
  cafeName = cafe.account.username
  const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: cafe.accessToken } })
  expect(connected.status).toBe(201)
  // Our post, published through the app.
  const post = await owner.post<{ post: { id: string } }>('/api/posts', { text: 'Fresh sourdough every morning from 7.', targets: [{ accountId: connected.body.account.id }] })
  await owner.post(`/api/posts/${post.body.post.id}/schedule`, { mode: 'now' })
  await eventually('our post', () => t.store.db.selectFrom('postTargets').select('remoteId').where('status', '=', 'published').executeTakeFirst())
  fan = createRestAPIClient({ url: mastodon.url, accessToken: mastodon.createAccountWithToken('amira').accessToken })
})

afterAll(async () => {
  await t?.close()
  await mastodon?.close()
})

const inbox = async (query = '') => {
  const res = await owner.get<Page>(`/api/inbox${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

describe('inbox (Mastodon loopback contract server)', () => {
  it('reads a mention and a reply once each, with the post of ours it answers', async () => {
    const ours = await t.store.db.selectFrom('postTargets').select('remoteId').where('status', '=', 'published').executeTakeFirstOrThrow()
    await fan.v1.statuses.create({ status: `@${cafeName} Do you have gluten-free bread on Saturdays?` })
    await fan.v1.statuses.create({ status: `@${cafeName} Looks delicious!`, inReplyToId: ours.remoteId! })

    expect((await owner.post<{ stored: number }>('/api/inbox/sync')).body.stored).toBe(2)
    expect((await owner.post<{ stored: number }>('/api/inbox/sync')).body.stored).toBe(0)
    const page = await inbox()
    expect(page.counts).toEqual({ open: 2, unanswered: 2, questions: 1 })
    const [reply, mention] = page.items
    expect(reply).toMatchObject({ kind: 'reply', question: false, author: { items: 2 } })
    expect(reply!.inReplyTo?.ours?.text).toBe('Fresh sourdough every morning from 7.')
    expect(mention).toMatchObject({ kind: 'mention', question: true })
    expect(mention!.text).toContain('gluten-free')
    expect((await inbox('?questions=true')).items.map((i) => i.id)).toEqual([mention!.id])
  })

  it('assigns, notes, snoozes and marks done', async () => {
    const [, mention] = (await inbox()).items
    const assigned = await owner.patch<{ item: Item }>(`/api/inbox/${mention!.id}`, { assigneeId: ownerId })
    expect(assigned.body.item.assigneeId).toBe(ownerId)
    expect((await inbox('?assignee=me')).items.map((i) => i.id)).toEqual([mention!.id])
    const noted = await owner.post<{ notes: Array<{ text: string }> }>(`/api/inbox/${mention!.id}/notes`, { text: 'Ask the baker about Saturday.' })
    expect(noted.body.notes.map((n) => n.text)).toEqual(['Ask the baker about Saturday.'])

    const later = t.clock.now() + 3600_000
    await owner.patch(`/api/inbox/${mention!.id}`, { snoozedUntil: later })
    expect((await inbox()).items.map((i) => i.id)).not.toContain(mention!.id)
    expect((await inbox('?status=snoozed')).items.map((i) => i.id)).toEqual([mention!.id])
    const past = await owner.patch<{ error: { fields?: Array<{ field: string }> } }>(`/api/inbox/${mention!.id}`, { snoozedUntil: t.clock.now() - 1000 })
    expect(past.status).toBe(400)
    expect(past.body.error.fields?.[0]?.field).toBe('snoozedUntil')
    await owner.patch(`/api/inbox/${mention!.id}`, { snoozedUntil: null })
    expect((await inbox()).items.map((i) => i.id)).toContain(mention!.id)
  })

  it('answers as a threaded reply; the item leaves "unanswered" and its response time counts', async () => {
    const [, mention] = (await inbox()).items
    const res = await owner.post<{ postId: string }>(`/api/inbox/${mention!.id}/reply`, { text: '@amira Yes, every Saturday until noon!' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const answered = await eventually('the answer to be published', async () => {
      const item = (await owner.get<{ item: Item; replies: Array<{ status: string }> }>(`/api/inbox/${mention!.id}`)).body
      return item.item.firstResponseAt !== null ? item : undefined
    })
    expect(answered.item.responseMs).toBeGreaterThanOrEqual(0)
    expect(answered.replies).toEqual([expect.objectContaining({ status: 'published' })])
    const cafeAccount = await t.store.db.selectFrom('accounts').select('remoteId').executeTakeFirstOrThrow()
    const sent = mastodon.statuses(cafeAccount.remoteId).find((s) => s.text.includes('every Saturday'))
    const mentionStatus = JSON.parse((await t.store.db.selectFrom('inboxItems').select('postRef').where('id', '=', mention!.id).executeTakeFirstOrThrow()).postRef) as { remoteId: string }
    expect(sent?.inReplyToId).toBe(mentionStatus.remoteId)
    expect((await inbox('?unanswered=true')).items.map((i) => i.id)).not.toContain(mention!.id)
    expect((await inbox()).counts).toMatchObject({ unanswered: 1, questions: 0 })

    const times = await owner.get<{ targetMinutes: number; overall: { items: number; answered: number; medianMs: number | null } }>('/api/inbox/response-times')
    expect(times.status).toBe(200)
    expect(times.body.targetMinutes).toBe(240)
    expect(times.body.overall).toMatchObject({ items: 2, answered: 1 })
    expect(times.body.overall.medianMs).toBe(answered.item.responseMs)

    // The coach sees the conversations: two people talked to us, one got an answer from the app.
    const coach = createCoachContext({ db: t.store.db, logger: { info() {}, warn() {}, error() {} }, secretKey: t.config.secretKey!, networks: t.publish.networks, publicUrl: t.config.publicUrl, now: () => t.clock.now() })
    const workspace = await t.store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()
    expect((await readActivity(coach, workspace.id)).signals.conversations).toEqual({ received: 2, answered: 1, medianResponseMs: answered.item.responseMs })
  })

  it('refuses an answer over the limit in the person\'s language and keeps it as the draft answer', async () => {
    const [reply] = (await inbox('?unanswered=true')).items
    expect((await owner.patch('/api/me', { locale: 'fr' })).status).toBe(200)
    const long = await owner.post<{ error: { code: string; message: string } }>(`/api/inbox/${reply!.id}/reply`, { text: 'Merci ! '.repeat(80) })
    expect(long.status).toBe(400)
    expect(long.body.error.message).toMatch(/[àéèêç]|caractères|publication/i)
    const kept = (await owner.get<{ item: Item; replies: Array<{ postId: string; text: string; status: string }> }>(`/api/inbox/${reply!.id}`)).body
    expect(kept.item.pendingReplyId).not.toBeNull()
    expect(kept.replies).toEqual([expect.objectContaining({ status: 'draft', text: 'Merci ! '.repeat(80).trim() })])
    const short = await owner.post<{ postId: string }>(`/api/inbox/${reply!.id}/reply`, { text: 'Merci beaucoup !' })
    expect(short.status).toBe(201)
    expect(short.body.postId).toBe(kept.item.pendingReplyId)
    expect((await owner.patch('/api/me', { locale: 'en' })).status).toBe(200)
  })

  it('lets a viewer read but not answer; a revoked token backs the account off', async () => {
    const viewer = await addMember(t, owner, 'viewer', 'viewer@cafe-lune.example')
    const page = await viewer.get<Page>('/api/inbox')
    expect(page.status).toBe(200)
    expect((await viewer.post(`/api/inbox/${page.body.items[0]!.id}/reply`, { text: 'hi' })).status).toBe(403)
    expect((await viewer.patch(`/api/inbox/${page.body.items[0]!.id}`, { status: 'done' })).status).toBe(403)

    mastodon.revokeToken(cafeToken)
    const engage = createEngageContext({ db: t.store.db, logger: { info() {}, warn() {}, error() {} }, publish: t.publish, now: () => t.clock.now() })
    const outcomes = await syncInboxes(engage, { force: true })
    expect(outcomes[0]?.error).toBeTruthy()
    const cursor = await t.store.db.selectFrom('inboxCursors').selectAll().executeTakeFirstOrThrow()
    expect(cursor.failures).toBe(1)
    expect(Number(cursor.nextSyncAt)).toBeGreaterThan(t.clock.now())
    expect((await inbox('?status=all')).items).toHaveLength(2)
  })
})
