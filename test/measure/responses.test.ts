/**
 * Response time on the measure dashboard, through the API on the app's store: people wrote to a
 * café on Mastodon and Bluesky this week and the week before; some were answered from the app in
 * time, one late, some not yet (one still within the four-hour target, one past it). The
 * dashboard gives the inbox's median and share within the target overall and per network, the
 * week before for comparison, follows the network filter, says plainly when nobody wrote, and
 * carries the figures into the networks CSV and the PDF report.
 * Items and answers are written to the store directly (weeks the test cannot wait for); the
 * figures are read back only through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, dayStart } from '../../src/measure/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { insertAccount, insertInboxItems, insertPost, insertTarget, newId } from '../../src/store/index.js'
import { pdfText } from '../helpers/pdf.js'
import { createTestApp, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'

const zone = 'Europe/Paris'
/** Noon in Paris on a Tuesday (UTC+1 in November). */
const now = Date.parse('2026-11-24T11:00:00Z')
const today = '2026-11-24'
const minute = 60_000
const hour = 60 * minute

interface Stats {
  items: number
  answered: number
  medianMs: number | null
  withinTarget: number
  shareWithinTarget: number | null
}
interface Responses {
  targetMinutes: number
  overall: Stats | null
  previousOverall: Stats | null
  byNetwork: Array<{ network: string; stats: Stats }>
}

let t: TestApp
let owner: TestClient
let workspaceId: string
const accounts = { mastodon: '', bluesky: '' }

/** Noon (Paris) `days` days before today, plus `hours`. */
const ago = (days: number, hours = 0) => dayStart(addDays(today, -days), zone) + 12 * hour + hours * hour

async function account(network: 'mastodon' | 'bluesky', handle: string): Promise<string> {
  const id = newId()
  const connectedAt = now - 60 * 24 * hour
  await insertAccount(t.store.db, {
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
    createdAt: connectedAt,
    updatedAt: connectedAt,
  })
  return id
}

/**
 * Someone writes to the café at `at`; when `answeredAfter` is given, the café's reply from the
 * app goes out that long after (`published: false`: a reply kept as a draft, not an answer).
 */
async function wrote(network: 'mastodon' | 'bluesky', at: number, answer?: { after: number; published?: boolean }) {
  const id = newId()
  const accountId = accounts[network]
  const remoteId = `item-${id}`
  const ref = JSON.stringify({ id: remoteId, url: `https://${network}.example/${remoteId}` })
  await insertInboxItems(t.store.db, [
    {
      id,
      workspaceId,
      accountId,
      network,
      remoteId,
      kind: 'mention',
      text: 'Do you have gluten-free bread on Saturdays?',
      lang: 'en',
      postRef: ref,
      inReplyTo: null,
      conversationKey: remoteId,
      authorRemoteId: `author-${id}`,
      authorHandle: 'amira',
      authorName: 'Amira',
      authorAvatar: null,
      authorUrl: null,
      authorFollowers: null,
      authorFollowsUs: null,
      question: 1,
      sentiment: 'neutral',
      createdAt: at,
      receivedAt: at + minute,
      updatedAt: at + minute,
    },
  ])
  if (!answer) return
  const published = answer.published !== false
  const sentAt = at + answer.after
  const postId = newId()
  await insertPost(t.store.db, {
    id: postId,
    workspaceId,
    authorId: null,
    text: 'Yes, every Saturday from 8.',
    status: published ? 'published' : 'draft',
    scheduleMode: published ? 'now' : null,
    scheduledAt: published ? sentAt : null,
    scheduleVersion: 1,
    contentType: null,
    source: 'inbox',
    sourceRef: id,
    replyTo: ref,
    trackLinks: 0,
    campaign: null,
    approvedBy: null,
    approvedAt: null,
    createdAt: sentAt,
    updatedAt: sentAt,
  })
  await insertTarget(t.store.db, {
    id: newId(),
    postId,
    accountId,
    text: null,
    status: published ? 'published' : 'pending',
    attempts: published ? 1 : 0,
    firstAttemptAt: published ? sentAt : null,
    nextAttemptAt: null,
    remoteId: published ? `reply-${id}` : null,
    remoteCid: null,
    remoteUrl: null,
    publishedAt: published ? sentAt : null,
    errorKind: null,
    errorReason: null,
    createdAt: sentAt,
    updatedAt: sentAt,
  })
}

async function responses(query: string): Promise<Responses> {
  const res = await owner.get<{ responses: Responses }>(`/api/measure/dashboard?${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.responses
}

const week = `from=${addDays(today, -6)}&to=${today}`
const network = (r: Responses, id: string) => r.byNetwork.find((row) => row.network === id)?.stats

beforeAll(async () => {
  t = await createTestApp({ networks: createRegistry([]) })
  t.clock.offsetMs = now - Date.now()
  owner = await setUpOwner(t)
  workspaceId = (await t.store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id
  accounts.mastodon = await account('mastodon', 'cafe')
  accounts.bluesky = await account('bluesky', 'cafe.bsky.example')

  // This week on Mastodon: answered in 1 h, 2 h and 6 h (late); one waiting past the target.
  await wrote('mastodon', ago(3), { after: hour })
  await wrote('mastodon', ago(1), { after: 2 * hour })
  await wrote('mastodon', ago(2), { after: 6 * hour })
  await wrote('mastodon', ago(2, 1))
  // This week on Bluesky: answered in 30 min and 3 h; one written two hours ago with only a
  // draft reply, still within the target (nobody can say yet whether it will be in time).
  await wrote('bluesky', ago(4), { after: 30 * minute })
  await wrote('bluesky', ago(1, 2), { after: 3 * hour })
  await wrote('bluesky', ago(0, -2), { after: 10 * minute, published: false })
  // The week before: 8 h on Mastodon (late), 2 h on Bluesky. Before that: out of both periods.
  await wrote('mastodon', ago(9), { after: 8 * hour })
  await wrote('bluesky', ago(10), { after: 2 * hour })
  await wrote('mastodon', ago(20), { after: 20 * hour })
})

afterAll(async () => {
  await t?.close()
})

describe('response time on the measure dashboard', () => {
  it('gives the median and the share answered within the target, overall and per network, with the week before', async () => {
    const r = await responses(week)
    expect(r.targetMinutes).toBe(240)
    // Waits 30 min, 1 h, 2 h, 3 h, 6 h; within 4 h: four of the five answered and the one
    // waiting past the target (the one still within it is left out of the share).
    expect(r.overall).toEqual({ items: 7, answered: 5, medianMs: 2 * hour, withinTarget: 4, shareWithinTarget: 4 / 6 })
    expect(r.byNetwork.map((row) => row.network)).toEqual(['bluesky', 'mastodon'])
    expect(network(r, 'mastodon')).toEqual({ items: 4, answered: 3, medianMs: 2 * hour, withinTarget: 2, shareWithinTarget: 0.5 })
    expect(network(r, 'bluesky')).toEqual({ items: 3, answered: 2, medianMs: 105 * minute, withinTarget: 2, shareWithinTarget: 1 })
    expect(r.previousOverall).toEqual({ items: 2, answered: 2, medianMs: 5 * hour, withinTarget: 1, shareWithinTarget: 0.5 })
  })

  it('keeps to the chosen network, this period and the one before', async () => {
    const r = await responses(`${week}&network=bluesky`)
    expect(r.overall).toMatchObject({ items: 3, answered: 2, medianMs: 105 * minute, shareWithinTarget: 1 })
    expect(r.byNetwork.map((row) => row.network)).toEqual(['bluesky'])
    expect(r.previousOverall).toMatchObject({ items: 1, medianMs: 2 * hour, shareWithinTarget: 1 })
  })

  it('says nobody wrote rather than showing a wait of 0', async () => {
    const quiet = await responses('from=2026-10-01&to=2026-10-07')
    expect(quiet).toEqual({ targetMinutes: 240, overall: null, previousOverall: null, byNetwork: [] })
    const elsewhere = await responses(`${week}&network=threads`)
    expect(elsewhere.overall).toBeNull()
    expect(elsewhere.byNetwork).toEqual([])
  })

  it('puts each network\'s median minutes and share within the target in the networks CSV, and the response time in the PDF', async () => {
    const csv = await owner.get<string>(`/api/measure/dashboard.csv?${week}&table=networks`)
    expect(csv.status).toBe(200)
    const [header, ...rows] = csv.raw.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','))
    const column = (name: RegExp) => header!.findIndex((cell) => name.test(cell))
    const median = column(/median/i)
    const share = column(/within target/i)
    expect(median).toBeGreaterThan(0)
    expect(share).toBeGreaterThan(0)
    const row = (name: string) => rows.find((cells) => cells[0] === name)!
    expect([row('mastodon')[median], row('mastodon')[share]]).toEqual(['120', '0.5'])
    expect([row('bluesky')[median], row('bluesky')[share]]).toEqual(['105', '1'])

    const pdf = await owner.get(`/api/measure/report.pdf?${week}`)
    expect(pdf.status).toBe(200)
    const content = await pdfText(pdf.raw.rawPayload)
    expect(content).toContain('Median time to a first answer')
    expect(content).toContain('5 of 7 answered')
    expect(content).toContain('66.7%')
  })
})
