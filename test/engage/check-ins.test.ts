/**
 * The daily check-in routine through the API, on the app's store with real peers: customers write
 * to the café on the Mastodon loopback contract server and `sync-inbox` reads them; blocks are
 * refused in the person's language with nothing stored, and saved; at a block's start (the app's
 * clock moved there) the job prepares one check-in — questions first, the oldest first, as many
 * as fit — however many workers run it, and each teammate who answers the inbox gets one reminder
 * in their language from a real SMTP server on loopback; "today" shows the items, the people to
 * talk to (inbox and listening) and what is scheduled that day; completing it records who, when
 * and how many items got an answer, and the coach's signal and goal read it.
 */
import type { AddressInfo } from 'node:net'
import { DateTime } from 'luxon'
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCoachContext, readActivity } from '../../src/coach/index.js'
import { checkInReminderJobName, createEngageContext, prepareDueCheckIns, registerEngageJobs, type EngageContext } from '../../src/engage/index.js'
import { createJobQueue, type JobQueue, type JobRequest } from '../../src/jobs/index.js'
import { createMailer } from '../../src/listen/index.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { insertMentionOnce, newId } from '../../src/store/index.js'
import { addMember, createTestApp, eventually, ownerSetup, type TestApp, type TestClient } from '../helpers/app.js'
import type { createTestStore } from '../helpers/stores.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'

type ErrorBody = { error: { code: string; message: string; fields?: Array<{ field: string; message: string }> } }
interface Block {
  weekday: number
  time: string
  minutes: number
}
interface CheckIn {
  id: string
  startsAt: number
  endsAt: number
  estimatedMinutes: number
  itemsLeft: number
  done: boolean
  completedAt: number | null
  completedBy: string | null
  answered: number | null
}
interface Today {
  block: (Block & { startsAt: number; running: boolean }) | null
  checkIn: CheckIn | null
  items: Array<{ id: string; text: string; question: boolean; author: { handle: string } }>
  estimatedMinutes: number
  itemsLeft: number
  people: Array<{ source: string; handle: string; items: number; question: { text: string } | null }>
  scheduled: Array<{ postId: string; text: string }>
}

const minute = 60_000
const hour = 60 * minute

/** A mail relay on loopback (no TLS, no auth) that keeps each message. */
async function startMailServer() {
  const received: Array<{ to: string[]; raw: string }> = []
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { received, port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** Bytes of quoted-printable text (`=C3=A9`, soft line breaks). */
function quotedPrintable(text: string): Buffer {
  const clean = text.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < clean.length; i++) {
    const hex = clean.slice(i + 1, i + 3)
    if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(clean.charCodeAt(i))
  }
  return Buffer.from(bytes)
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return quotedPrintable(body).toString('utf8')
  return body
}

/** A received message read back as a person's mail client shows it: subject, headers, text and HTML parts. */
function readMail(raw: string): { subject: string; headers: string; text: string; html: string } {
  const split = (part: string) => {
    const at = part.indexOf('\r\n\r\n')
    return { headers: part.slice(0, at).replace(/\r\n[ \t]+/g, ' '), body: part.slice(at + 4) }
  }
  const top = split(raw)
  const encodedSubject = /^Subject: (.*)$/m.exec(top.headers)?.[1] ?? ''
  // Encoded words are joined as bytes first: a character may be split between two of them.
  const bytes = encodedSubject
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, kind: string, text: string) =>
      (kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' '))).toString('latin1'),
    )
  const subject = Buffer.from(bytes, 'latin1').toString('utf8')
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(top.headers)?.[1]
  const parts = boundary ? top.body.split(`--${boundary}`).slice(1, -1).map((p) => split(p.replace(/^\r\n/, ''))) : []
  const part = (type: string) => {
    const found = parts.find((p) => new RegExp(`^Content-Type: ${type}`, 'mi').test(p.headers))
    return found ? decodeBody(found.body, /^Content-Transfer-Encoding: (\S+)/mi.exec(found.headers)?.[1]?.toLowerCase()) : ''
  }
  return { subject, headers: top.headers, text: part('text/plain'), html: part('text/html') }
}

/** Of these zones, one where it is day time now, so a block starting in two minutes ends well before midnight. */
function daytimeZone(): string {
  return ['Europe/Paris', 'Asia/Tokyo', 'America/New_York'].find((zone) => {
    const hourNow = DateTime.now().setZone(zone).hour
    return hourNow >= 6 && hourNow < 20
  })!
}

const zone = daytimeZone()
let mail: Awaited<ReturnType<typeof startMailServer>>
let mastodon: MastodonPeer
let t: TestApp
/** A worker process's queue beside the app's: the one the engage jobs are registered on. */
let worker: JobQueue
let engage: EngageContext
let owner: TestClient
let admin: TestClient
let editor: TestClient
let viewer: TestClient
let workspaceId: string
let accountId: string
let editorId: string
/** The block under test: a minute two to three minutes ahead, for ten minutes (three short items). */
let start: number
/** The Mastodon server's clock: each customer message is written ten minutes after the last. */
let peerTime = Date.now() - 5 * hour
const emails = { owner: ownerSetup.email, admin: 'karim@cafe-lune.example', editor: 'lea@cafe-lune.example', viewer: 'viewer@cafe-lune.example' }

const plan = (goals: Array<{ id: string; metric: string; target: number }>) => ({
  goals: goals.map((g) => ({ ...g, area: 'support', text: 'Keep the daily check-in', due: '2027-06-30' })),
  limits: 'Social media will not replace our shop window.',
  audience: 'Neighbours and office workers nearby',
  networks: [{ network: 'mastodon', why: 'Our regulars are there' }],
  mix: { educate: 60, engage: 40 },
  tools: { networking: ['Mastodon'] },
  measures: ['word_of_mouth'],
  equityTargets: { connection: 60, value: 40 },
  hoursPerWeek: 5,
  people: [{ name: 'Amira', role: 'owner', hoursPerWeek: 5 }],
  contentSources: ['Our blog'],
  risks: 'A bad review going around',
  reviewDates: ['2027-03-01'],
})

const coach = () => createCoachContext({ db: t.store.db, logger: engage.logger, secretKey: t.config.secretKey!, networks: createRegistry([]), publicUrl: t.config.publicUrl, now: () => t.clock.now() })
const engageContext = () =>
  createEngageContext({ db: t.store.db, logger: { info() {}, warn() {}, error() {} }, publish: t.publish, now: () => t.clock.now(), mailer: createMailer(t.config.mail!), publicUrl: t.config.publicUrl })

beforeAll(async () => {
  mail = await startMailServer()
  mastodon = await startMastodonPeer({ now: () => peerTime })
  t = await createTestApp({
    env: { ALLOW_PRIVATE_URLS: 'true', SMTP_URL: `smtp://127.0.0.1:${mail.port}`, MAIL_FROM: 'Stagecraft <hello@cafe-lune.example>' },
    networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]),
  })
  owner = t.client()
  expect((await owner.post('/api/setup', { ...ownerSetup, timeZone: zone })).status).toBe(201)
  workspaceId = (await t.store.db.selectFrom('workspaces').select('id').executeTakeFirstOrThrow()).id
  admin = await addMember(t, owner, 'admin', emails.admin)
  editor = await addMember(t, owner, 'editor', emails.editor)
  viewer = await addMember(t, owner, 'viewer', emails.viewer)
  expect((await admin.patch('/api/me', { locale: 'ar' })).status).toBe(200)
  expect((await editor.patch('/api/me', { locale: 'fr' })).status).toBe(200)
  editorId = (await t.store.db.selectFrom('users').select('id').where('email', '=', emails.editor).executeTakeFirstOrThrow()).id

  const cafe = mastodon.createAccountWithToken('cafe')
  const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: cafe.accessToken } })
  expect(connected.status).toBe(201)
  accountId = connected.body.account.id
  const fans = Object.fromEntries(['lina', 'omar', 'sami'].map((name) => [name, createRestAPIClient({ url: mastodon.url, accessToken: mastodon.createAccountWithToken(name).accessToken })]))
  const messages: Array<[string, string]> = [
    ['lina', 'Lovely croissants this morning.'],
    ['omar', 'Great coffee, thanks.'],
    ['lina', 'Are you open on Sunday?'],
    ['omar', 'See you tomorrow.'],
    ['lina', 'Do you deliver to the old town?'],
    ['sami', 'Can I book the back room for a birthday?'],
    ['lina', 'The new mural looks great.'],
  ]
  for (const [fan, text] of messages) {
    peerTime += 10 * minute
    await fans[fan]!.v1.statuses.create({ status: `@${cafe.account.username} ${text}` })
  }
  expect((await owner.post<{ stored: number }>('/api/inbox/sync')).body.stored).toBe(messages.length)
  const birthday = await itemId('back room')
  expect((await owner.patch(`/api/inbox/${birthday}`, { status: 'done' })).status).toBe(200)

  // The engage jobs run on a worker's queue of their own. It starts once the app's queue has made
  // its queues: pg-boss cannot make two queues at the same moment (its create_queue deadlocks).
  engage = engageContext()
  const store = t.store as Awaited<ReturnType<typeof createTestStore>>
  worker = createJobQueue({ store, config: t.config, ...(store.dialect === 'postgres' ? { connectionString: store.database.url } : {}) })
  await registerEngageJobs(worker, engage)
  await worker.start()
})

afterAll(async () => {
  await worker?.stop()
  await t?.close()
  await mastodon?.close()
  await mail?.close()
})

async function itemId(fragment: string): Promise<string> {
  const page = await owner.get<{ items: Array<{ id: string; text: string }> }>('/api/inbox?status=all')
  return page.body.items.find((i) => i.text.includes(fragment))!.id
}

async function today(client: TestClient = owner): Promise<Today> {
  const res = await client.get<Today>('/api/check-ins/today')
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

async function liveGoal(): Promise<{ value: number | null; status: string }> {
  const res = await owner.get<{ live: Array<{ goalId: string; value: number | null; status: string }> }>('/api/coach/plan')
  return res.body.live.find((g) => g.goalId === 'checkins')!
}

describe('check-in blocks', () => {
  it('leaves the coach waiting while no routine is set', async () => {
    expect((await readActivity(coach(), workspaceId)).signals.checkInsDone).toBeNull()
    const saved = await owner.request('PUT', '/api/coach/plan', { plan: plan([{ id: 'checkins', metric: 'check_ins_per_week', target: 5 }]) })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(await liveGoal()).toMatchObject({ value: null, status: 'waiting' })
    expect((await today()).block).toBeNull()
  })

  it('refuses overlapping blocks and a malformed time in French, storing nothing; saves good ones', async () => {
    expect((await owner.patch('/api/me', { locale: 'fr' })).status).toBe(200)
    const bad = [
      { weekday: 1, time: '09:00', minutes: 15 },
      { weekday: 1, time: '09:10', minutes: 15 },
      { weekday: 2, time: '9h', minutes: 15 },
    ]
    const refused = await owner.request<ErrorBody>('PUT', '/api/check-ins/blocks', { blocks: bad })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toBe('Vérifiez les horaires des points quotidiens : certains ne peuvent pas être enregistrés tels quels.')
    expect(refused.body.error.fields).toEqual([
      { field: 'blocks.2.time', message: 'Indiquez une heure de début sur 24 heures, comme 09:00.' },
      { field: 'blocks.1.time', message: 'Ce point commence pendant celui de 09:00, le même jour.' },
    ])
    expect((await owner.get<{ blocks: Block[] }>('/api/check-ins/blocks')).body.blocks).toEqual([])

    const good = [
      { weekday: 3, time: '16:00', minutes: 15 },
      { weekday: 3, time: '09:00', minutes: 15 },
    ]
    const saved = await owner.request<{ timeZone: string; blocks: Block[] }>('PUT', '/api/check-ins/blocks', { blocks: good })
    expect(saved.status).toBe(200)
    expect(saved.body).toEqual({ timeZone: zone, blocks: [good[1], good[0]] })
    expect((await owner.request('PUT', '/api/check-ins/blocks', { blocks: bad })).status).toBe(400)
    expect((await owner.get<{ blocks: Block[] }>('/api/check-ins/blocks')).body.blocks).toEqual([good[1], good[0]])
    expect((await owner.patch('/api/me', { locale: 'en' })).status).toBe(200)
  })

  it('lets a viewer read the routine but not change it', async () => {
    expect((await viewer.get('/api/check-ins/blocks')).status).toBe(200)
    expect((await viewer.request('PUT', '/api/check-ins/blocks', { blocks: [] })).status).toBe(403)
    expect((await today(viewer)).block).not.toBeNull()
    expect((await owner.get<{ blocks: Block[] }>('/api/check-ins/blocks')).body.blocks).toHaveLength(2)
  })
})

describe('the check-in job', () => {
  const requested: JobRequest[] = []
  /** A queue noting the reminders each pass asks for. */
  const recording = (queue: JobQueue): Pick<JobQueue, 'enqueueMany'> => ({
    enqueueMany: async (jobs) => {
      requested.push(...jobs)
      await queue.enqueueMany(jobs)
    },
  })

  it('prepares nothing before the minute ahead of a block', async () => {
    start = (Math.floor(t.clock.now() / minute) + 3) * minute
    const local = DateTime.fromMillis(start, { zone })
    const blocks = [
      { weekday: local.weekday, time: local.toFormat('HH:mm'), minutes: 10 },
      { weekday: (local.weekday % 7) + 1, time: '09:00', minutes: 15 },
    ]
    expect((await owner.request('PUT', '/api/check-ins/blocks', { blocks })).status).toBe(200)
    expect(await prepareDueCheckIns(engage, recording(worker))).toEqual([])
    expect(await t.store.db.selectFrom('checkIns').selectAll().execute()).toEqual([])

    // Not prepared yet: the page shows what would be picked now.
    const preview = await today()
    expect(preview.block).toMatchObject({ startsAt: start, minutes: 10, running: false })
    expect(preview.checkIn).toBeNull()
    expect(preview.items.map((i) => i.text.replace(/^@\S+ /, ''))).toEqual(['Are you open on Sunday?', 'Do you deliver to the old town?', 'Lovely croissants this morning.'])
  })

  it('prepares one check-in at the block, with two workers and twice over, and mails each teammate once in their language', async () => {
    t.clock.advance(start - 30_000 - t.clock.now())
    // Two workers at once (each with its own queue), then one again.
    const [first, second] = await Promise.all([prepareDueCheckIns(engage, recording(worker)), prepareDueCheckIns(engageContext(), recording(t.jobs))])
    const again = await prepareDueCheckIns(engage, recording(worker))
    // Back to the real clock, so the answer below is sent by the dispatcher at once.
    t.clock.offsetMs = 0
    const rows = await t.store.db.selectFrom('checkIns').selectAll().execute()
    expect(rows).toHaveLength(1)
    const checkIn = rows[0]!
    expect([...first, ...second, ...again].map((c) => c.id)).toEqual([checkIn.id, checkIn.id, checkIn.id])
    expect(Number(checkIn.startsAt)).toBe(start)
    expect(Number(checkIn.endsAt)).toBe(start + 10 * minute)
    // Questions first, then the oldest; three items of three minutes fill ten minutes.
    const expected = await Promise.all(['open on Sunday', 'deliver to the old town', 'Lovely croissants'].map(itemId))
    expect(JSON.parse(checkIn.itemIds)).toEqual(expected)
    expect(checkIn.estimatedMinutes).toBe(9)
    expect(checkIn.itemsLeft).toBe(3)

    // One reminder per owner, admin and editor (not the viewer), under one key each however often asked.
    const keys = new Set(requested.map((job) => `${job.name}/${job.options?.key}`))
    expect(keys.size).toBe(3)
    const sent = await eventually('three reminders', async () => (mail.received.length >= 3 ? mail.received : undefined))
    expect(sent.map((m) => m.to[0]).sort()).toEqual([emails.owner, emails.admin, emails.editor].sort())
    const link = new URL(`/inbox?checkin=${checkIn.id}`, t.config.publicUrl).toString()
    const to = (address: string) => readMail(sent.find((m) => m.to[0] === address)!.raw)

    const en = to(emails.owner)
    expect(en.subject).toMatch(/^Check-in at .+: 3 messages to answer$/)
    expect(en.text).toContain('3 messages are lined up for this check-in')
    expect(en.text).toContain(link)
    expect(en.html).toContain(`href="${link}"`)
    const fr = to(emails.editor)
    expect(fr.subject).toMatch(/^Point quotidien de .+ : 3 messages à traiter$/)
    expect(fr.text).toContain('Ouvrir le point quotidien')
    expect(fr.text).toContain(link)
    expect(fr.headers).toMatch(/^Content-Language: fr$/m)
    const ar = to(emails.admin)
    expect(ar.subject).toContain('جلسة المتابعة')
    expect(ar.subject).toContain('رسائل بانتظار الرد')
    expect(ar.html).toContain('dir="rtl"')
    expect(ar.text).toContain(link)
    await eventually('the reminder noted', async () => (await t.store.db.selectFrom('checkIns').select('remindedAt').executeTakeFirstOrThrow()).remindedAt !== null)

    // Once reminded, a later pass asks for no reminder at all.
    requested.length = 0
    t.clock.advance(start + minute - t.clock.now())
    expect((await prepareDueCheckIns(engage, recording(worker))).map((c) => c.id)).toEqual([checkIn.id])
    t.clock.offsetMs = 0
    expect(requested.filter((job) => job.name === checkInReminderJobName)).toEqual([])
  })
})

describe("today's check-in", () => {
  it('shows its items, the people to talk to and what is scheduled that day', async () => {
    const now = t.clock.now()
    await insertMentionOnce(
      t.store.db,
      { id: newId(), workspaceId, streamKey: 'test', itemKey: 'nour-1', sourceKind: 'mastodon', text: 'Does anyone know if Café Lune has vegan options', title: null, url: 'https://example.social/@nour/1', authorHandle: 'nour@example.social', authorName: 'Nour', authorUrl: 'https://example.social/@nour', lang: 'en', replyRef: null, sentiment: 'neutral', sentimentScore: 0, publishedAt: now - hour, receivedAt: now - hour },
      [],
    )
    await insertMentionOnce(
      t.store.db,
      { id: newId(), workspaceId, streamKey: 'test', itemKey: 'zed-1', sourceKind: 'mastodon', text: 'Café Lune was great today.', title: null, url: null, authorHandle: 'zed@example.social', authorName: 'Zed', authorUrl: null, lang: 'en', replyRef: null, sentiment: 'positive', sentimentScore: 2, publishedAt: now - hour, receivedAt: now - hour },
      [],
    )
    const day = DateTime.fromMillis(start, { zone })
    const later = day.plus({ hours: 2 })
    const at = (when: DateTime) => ({ mode: 'at', at: { date: when.toISODate(), time: when.toFormat('HH:mm') } })
    const todays = await owner.post<{ post: { id: string } }>('/api/posts', { text: 'Pumpkin bread is back this afternoon.', targets: [{ accountId }], schedule: at(later) })
    expect(todays.status, JSON.stringify(todays.body)).toBe(201)
    expect((await owner.post('/api/posts', { text: 'Tomorrow: cinnamon rolls.', targets: [{ accountId }], schedule: at(later.plus({ days: 1 })) })).status).toBe(201)

    const page = await today()
    expect(page.block).toMatchObject({ startsAt: start, minutes: 10 })
    expect(page.checkIn).toMatchObject({ estimatedMinutes: 9, itemsLeft: 3, done: false })
    expect(page.items.map((i) => i.question)).toEqual([true, true, false])
    expect(page.people.map((p) => [p.source, p.items])).toEqual([
      ['inbox', 4],
      ['inbox', 2],
      ['inbox', 1],
      ['listening', 1],
    ])
    expect(page.people[0]!.handle).toContain('lina')
    expect(page.people[3]).toMatchObject({ handle: 'nour@example.social', question: { text: 'Does anyone know if Café Lune has vegan options' } })
    expect(page.scheduled.map((p) => p.postId)).toEqual([todays.body.post.id])
  })

  it('records completion with who and how many items got an answer; the coach reads it', async () => {
    const { checkIn } = await today()
    expect((await readActivity(coach(), workspaceId)).signals.checkInsDone).toBe(0)
    expect(await liveGoal()).toMatchObject({ value: 0 })

    const sunday = await itemId('open on Sunday')
    expect((await owner.post(`/api/inbox/${sunday}/reply`, { text: 'Yes, from 8 to noon!' })).status).toBe(201)
    await eventually('the answer published', async () => (await owner.get<{ item: { firstResponseAt: number | null } }>(`/api/inbox/${sunday}`)).body.item.firstResponseAt !== null)

    expect((await viewer.post(`/api/check-ins/${checkIn!.id}/complete`)).status).toBe(403)
    const done = await editor.post<{ checkIn: CheckIn }>(`/api/check-ins/${checkIn!.id}/complete`)
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.checkIn).toMatchObject({ done: true, completedBy: editorId, answered: 1 })
    const again = await owner.post<{ checkIn: CheckIn }>(`/api/check-ins/${checkIn!.id}/complete`)
    expect(again.body.checkIn).toEqual(done.body.checkIn)
    expect((await today()).checkIn?.done).toBe(true)
    expect((await owner.post<ErrorBody>('/api/check-ins/01unknowncheckin0000000000/complete')).status).toBe(404)

    expect((await readActivity(coach(), workspaceId)).signals.checkInsDone).toBe(1)
    expect(await liveGoal()).toMatchObject({ value: 0.3 })
    // Still one reminder each: no pass or retry mailed anyone twice.
    expect(mail.received).toHaveLength(3)
  })
})
