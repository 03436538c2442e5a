/**
 * Properties over arbitrary inputs: a check-in never runs over its block except for its single
 * first item and keeps the queue's order; response shares stay within 0–1; the next and current
 * check-ins agree with each other in zones with and without daylight saving.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { estimateMinutes, isWaiting, sizeCheckIn, type InboxCandidate } from './check-in-size.js'
import { currentCheckIn, nextCheckIn, type CheckInBlock } from './check-in.js'
import { responseStats, responseStatsBy, type ResponseItem } from './response-time.js'

const now = Date.parse('2026-11-16T08:00:00Z')
const week = 7 * 24 * 3_600_000

const candidate: fc.Arbitrary<InboxCandidate> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  receivedAt: fc.integer({ min: now - week, max: now }),
  question: fc.boolean(),
  answered: fc.boolean(),
  snoozedUntil: fc.option(fc.integer({ min: now - week, max: now + week }), { nil: null }),
  done: fc.boolean(),
  textLength: fc.oneof(fc.nat({ max: 600 }), fc.nat({ max: 20_000 })),
})

describe('sizeCheckIn properties', () => {
  it('never exceeds the block, except for a single first item', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), fc.integer({ min: 0, max: 240 }), (items, minutes) => {
        const result = sizeCheckIn(items, minutes, now)
        expect(result.estimatedMinutes <= minutes || result.itemIds.length === 1).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('takes a prefix of the waiting items, questions then the rest, oldest first, at least one when any waits', () => {
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 40 }), fc.integer({ min: 5, max: 240 }), (items, minutes) => {
        const result = sizeCheckIn(items, minutes, now)
        const byId = new Map(items.map((i) => [i.id, i]))
        const taken = result.itemIds.map((id) => byId.get(id)!)
        const waiting = items.filter((i) => isWaiting(i, now))
        expect(taken.every((i) => isWaiting(i, now))).toBe(true)
        expect(result.itemIds.length + result.left).toBe(waiting.length)
        expect(result.itemIds.length > 0).toBe(waiting.length > 0)
        expect(result.estimatedMinutes).toBe(taken.reduce((sum, i) => sum + estimateMinutes(i.textLength), 0))
        for (let k = 1; k < taken.length; k++) {
          const [a, b] = [taken[k - 1]!, taken[k]!]
          expect(Number(a.question) > Number(b.question) || (a.question === b.question && a.receivedAt <= b.receivedAt)).toBe(true)
        }
        // Whatever was left behind comes after everything taken.
        const last = taken.at(-1)
        for (const rest of waiting.filter((i) => !result.itemIds.includes(i.id))) {
          expect(last !== undefined && (Number(last.question) > Number(rest.question) || (last.question === rest.question && last.receivedAt <= rest.receivedAt))).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })
})

const responseItem: fc.Arbitrary<ResponseItem> = fc
  .record({
    receivedAt: fc.integer({ min: now - 8 * week, max: now }),
    wait: fc.option(fc.integer({ min: -3_600_000, max: 2 * week }), { nil: null }),
    network: fc.constantFrom('bluesky', 'mastodon'),
    responderId: fc.option(fc.constantFrom('sam', 'noor', 'lea'), { nil: null }),
  })
  .map(({ receivedAt, wait, network, responderId }) => ({ receivedAt, firstResponseAt: wait === null ? null : receivedAt + wait, network, responderId }))

describe('responseStats properties', () => {
  const target = fc.integer({ min: 0, max: 2 * week })

  it('has shares within 0–1 (or unknown), and within ≤ answered ≤ items, overall and per group', () => {
    fc.assert(
      fc.property(fc.array(responseItem, { maxLength: 60 }), target, fc.constantFrom('week', 'network', 'responder' as const), (items, targetMs, by) => {
        const all = [responseStats(items, targetMs, now), ...responseStatsBy(items, by, targetMs, now, 'Europe/Paris').map((g) => g.stats)]
        for (const s of all) {
          expect(s.shareWithinTarget === null || (s.shareWithinTarget >= 0 && s.shareWithinTarget <= 1)).toBe(true)
          expect(s.withinTarget <= s.answered && s.answered <= s.items).toBe(true)
          expect(s.medianMs === null).toBe(s.answered === 0)
          if (s.medianMs !== null) expect(s.medianMs).toBeGreaterThanOrEqual(0)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('puts every item in exactly one week and one network', () => {
    fc.assert(
      fc.property(fc.array(responseItem, { maxLength: 60 }), target, (items, targetMs) => {
        for (const by of ['week', 'network'] as const) {
          expect(responseStatsBy(items, by, targetMs, now, 'America/New_York').reduce((n, g) => n + g.stats.items, 0)).toBe(items.length)
        }
      }),
      { numRuns: 500 },
    )
  })
})

const checkInBlock: fc.Arbitrary<CheckInBlock> = fc.record({
  weekday: fc.integer({ min: 1, max: 7 }),
  time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  minutes: fc.integer({ min: 5, max: 240 }),
})

describe('check-in properties', () => {
  const zone = fc.constantFrom('Europe/Paris', 'America/New_York', 'Asia/Dhaka', 'Australia/Lord_Howe', 'UTC')
  // Around both daylight-saving changes of 2026 and an ordinary week.
  const instant = fc.oneof(
    fc.integer({ min: Date.parse('2026-03-05T00:00:00Z'), max: Date.parse('2026-04-10T00:00:00Z') }),
    fc.integer({ min: Date.parse('2026-09-28T00:00:00Z'), max: Date.parse('2026-11-10T00:00:00Z') }),
  )

  it('the next check-in starts at or after now, within eight days, and is running at its start', () => {
    fc.assert(
      fc.property(fc.array(checkInBlock, { minLength: 1, maxLength: 8 }), instant, zone, (blocks, at, timeZone) => {
        const next = nextCheckIn(blocks, at, timeZone)!
        expect(next.start).toBeGreaterThanOrEqual(at)
        expect(next.start - at).toBeLessThanOrEqual(8 * 24 * 3_600_000)
        expect(next.end - next.start).toBe(next.block.minutes * 60_000)
        const running = currentCheckIn(blocks, next.start, timeZone)!
        expect(running.start <= next.start && next.start < running.end).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('a running check-in contains now, and nothing starts between now and the next one', () => {
    fc.assert(
      fc.property(fc.array(checkInBlock, { minLength: 1, maxLength: 8 }), instant, zone, (blocks, at, timeZone) => {
        const running = currentCheckIn(blocks, at, timeZone)
        if (running) expect(running.start <= at && at < running.end).toBe(true)
        const next = nextCheckIn(blocks, at, timeZone)!
        // One minute before the next start, the next start is still the same one.
        if (next.start - 60_000 >= at) expect(nextCheckIn(blocks, next.start - 60_000, timeZone)!.start).toBe(next.start)
      }),
      { numRuns: 500 },
    )
  })
})
