/**
 * The click writer and the daily salts on real databases (SQLite and PostgreSQL): batches of any
 * size land whole, a failed write keeps its clicks for the next try, clicks of a deleted link are
 * dropped without taking the batch down, `close` leaves nothing behind, and two processes agree
 * on one salt per day.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestStore, dialectsUnderTest } from '../../test/helpers/stores.js'
import { silentLogger } from '../jobs/index.js'
import { insertTrackedLink, newId, type Dialect } from '../store/index.js'
import { createClickWriter, type PendingClick } from './click-writer.js'
import { createVisitorSalts, utcDay, visitorHash } from './visitors.js'

const t0 = Date.UTC(2026, 4, 12, 10, 0)
const dayMs = 24 * 3600_000

// On SQLite twice: through the writer thread (a file, as in production) and the shared connection.
const setups: Array<{ dialect: Dialect; thread: boolean }> = dialectsUnderTest().flatMap((dialect) => (dialect === 'sqlite' ? [true, false] : [false]).map((thread) => ({ dialect, thread })))

describe.each(setups)('clicks on $dialect (writer thread: $thread)', ({ dialect, thread }) => {
  let s: Awaited<ReturnType<typeof createTestStore>>
  const links = ['link-a', 'link-b']

  beforeEach(async () => {
    s = await createTestStore(dialect)
    await s.db.insertInto('workspaces').values({ id: 'w1', name: 'Café Lune', timeZone: 'UTC', locale: 'en', createdAt: t0 }).execute()
    for (const [i, id] of links.entries()) {
      await insertTrackedLink(s.db, { id, workspaceId: 'w1', code: `code000${i}`, url: 'https://x.example/', destination: 'https://x.example/?utm_source=link', postId: null, targetId: null, network: null, campaign: null, label: null, createdBy: null, createdAt: t0 })
    }
  })
  afterEach(() => s.cleanup())

  const click = (i: number, overrides: Partial<PendingClick> = {}): PendingClick => ({
    id: newId(t0 + i),
    linkId: links[i % 2]!,
    workspaceId: 'w1',
    postId: null,
    network: null,
    at: t0 + i,
    referrerHost: 'bsky.app',
    device: 'mobile',
    lang: 'fr',
    country: 'FR',
    bot: false,
    address: `203.0.113.${i % 50}`,
    userAgent: 'Mozilla/5.0 (iPhone)',
    ...overrides,
  })
  const count = async () => Number((await s.db.selectFrom('clicks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  it('writes 1,237 clicks in batches, every one once, with no address in any row', async () => {
    const writer = createClickWriter({ db: s.db, ...(thread ? { dialect: 'sqlite' as const } : {}), salts: createVisitorSalts(s.db), logger: silentLogger, intervalMs: 60_000, batchSize: 500 })
    for (let i = 0; i < 1237; i++) writer.record(click(i))
    await writer.close()
    expect(writer.counters).toMatchObject({ accepted: 1237, stored: 1237, dropped: 0 })
    expect(writer.pending).toBe(0)
    expect(await count()).toBe(1237)
    const rows = await s.db.selectFrom('clicks').selectAll().execute()
    expect(new Set(rows.map((r) => r.id)).size).toBe(1237)
    expect(JSON.stringify(rows)).not.toContain('203.0.113.')
    expect(rows[0]).toMatchObject({ workspaceId: 'w1', referrerHost: 'bsky.app', device: 'mobile', lang: 'fr', country: 'FR', bot: 0 })
    expect(rows[0]!.visitor).toMatch(/^[0-9a-f]{64}$/)
  })

  it('writes on its own after the interval, and at once when a batch is full', async () => {
    const writer = createClickWriter({ db: s.db, ...(thread ? { dialect: 'sqlite' as const } : {}), salts: createVisitorSalts(s.db), logger: silentLogger, intervalMs: 50, batchSize: 10 })
    writer.record(click(1))
    expect(writer.pending).toBe(1)
    await new Promise((r) => setTimeout(r, 300))
    expect(await count()).toBe(1)
    for (let i = 2; i < 12; i++) writer.record(click(i))
    await writer.flush()
    expect(await count()).toBe(11)
    await writer.close()
  })

  it('keeps the clicks of a failed write and stores them on the next try', async () => {
    const salts = createVisitorSalts(s.db)
    let failing = true
    const flaky = { saltFor: (day: string) => (failing ? Promise.reject(new Error('database is locked')) : salts.saltFor(day)), deleteBefore: salts.deleteBefore }
    const writer = createClickWriter({ db: s.db, ...(thread ? { dialect: 'sqlite' as const } : {}), salts: flaky, logger: silentLogger, intervalMs: 60_000 })
    const clicks = Array.from({ length: 5 }, (_, i) => click(i))
    for (const c of clicks) writer.record(c)
    await writer.flush()
    expect(writer.counters).toMatchObject({ accepted: 5, stored: 0, failedWrites: 1 })
    expect(writer.pending).toBe(5)
    expect(writer.findPending(clicks[3]!.id)?.linkId).toBe(links[1])
    failing = false
    await writer.close()
    expect(writer.counters.stored).toBe(5)
    expect(await count()).toBe(5)
  })

  it('drops only the clicks of a link deleted before their batch was written', async () => {
    const writer = createClickWriter({ db: s.db, ...(thread ? { dialect: 'sqlite' as const } : {}), salts: createVisitorSalts(s.db), logger: silentLogger, intervalMs: 60_000 })
    for (let i = 0; i < 6; i++) writer.record(click(i))
    await s.db.deleteFrom('trackedLinks').where('id', '=', 'link-b').execute()
    await writer.close()
    expect(writer.counters).toMatchObject({ accepted: 6, stored: 3, dropped: 3 })
    expect(await count()).toBe(3)
  })

  it('gives the same visitor the same hash all day and another one the next day', async () => {
    const writer = createClickWriter({ db: s.db, ...(thread ? { dialect: 'sqlite' as const } : {}), salts: createVisitorSalts(s.db), logger: silentLogger, intervalMs: 60_000 })
    const same = { address: '198.51.100.7', userAgent: 'Mozilla/5.0 (Android; Mobile)' }
    writer.record(click(1, { ...same, at: t0 }))
    writer.record(click(2, { ...same, at: t0 + 3600_000 }))
    writer.record(click(3, { ...same, at: t0 + dayMs }))
    writer.record(click(4, { address: '198.51.100.8', userAgent: same.userAgent, at: t0 }))
    await writer.close()
    const rows = await s.db.selectFrom('clicks').select(['at', 'visitor']).orderBy('at').orderBy('id').execute()
    const byAt = (at: number) => rows.filter((r) => r.at === at).map((r) => r.visitor)
    const [morning, other] = byAt(t0)
    expect(morning).not.toBe(other)
    expect(byAt(t0 + 3600_000)).toEqual([morning])
    expect(byAt(t0 + dayMs)[0]).not.toBe(morning)
  })

  it('agrees on one salt per day across processes, and deletes the salts of past days', async () => {
    const one = createVisitorSalts(s.db)
    const two = createVisitorSalts(s.db)
    const day = utcDay(t0)
    const [a, b] = await Promise.all([one.saltFor(day), two.saltFor(day)])
    expect(a).toBe(b)
    expect(a.length).toBeGreaterThanOrEqual(32)
    expect(visitorHash(a, '198.51.100.7', 'ua')).toBe(visitorHash(b, '198.51.100.7', 'ua'))
    // Starting a day two days later drops the salts before its yesterday.
    await one.saltFor(utcDay(t0 + dayMs))
    await one.saltFor(utcDay(t0 + 3 * dayMs))
    await new Promise((r) => setTimeout(r, 50))
    const days = async () => (await s.db.selectFrom('visitorSalts').select('day').orderBy('day').execute()).map((r) => r.day)
    expect(await days()).toEqual([utcDay(t0 + 3 * dayMs)])
    // The daily job's part: everything before today.
    await two.saltFor(utcDay(t0 + 4 * dayMs))
    await new Promise((r) => setTimeout(r, 50))
    expect(await one.deleteBefore(utcDay(t0 + 4 * dayMs))).toBe(1)
    expect(await days()).toEqual([utcDay(t0 + 4 * dayMs)])
  })
})
