import { describe, expect, it } from 'vitest'
import { responseStats, responseStatsBy, type ResponseItem } from './response-time.js'

const minute = 60_000
const hour = 60 * minute
const target = 4 * hour
const now = Date.parse('2026-11-20T12:00:00Z')

/** An item received `agoMs` before `now`, answered after `waitMs` (or not). */
function item(agoMs: number, waitMs: number | null, extra: Partial<ResponseItem> = {}): ResponseItem {
  const receivedAt = now - agoMs
  return { receivedAt, firstResponseAt: waitMs === null ? null : receivedAt + waitMs, network: 'bluesky', responderId: waitMs === null ? null : 'sam', ...extra }
}

describe('responseStats', () => {
  it('gives nothing to say for no items', () => {
    expect(responseStats([], target, now)).toEqual({ items: 0, answered: 0, medianMs: null, withinTarget: 0, shareWithinTarget: null })
  })

  it.each([
    ['one', [3 * hour], 3 * hour],
    ['an odd count: the middle one', [1 * hour, 9 * hour, 2 * hour], 2 * hour],
    ['an even count: the mean of the two middle ones', [10 * hour, 1 * hour, 3 * hour, 2 * hour], 2.5 * hour],
    ['an even count of two', [1 * minute, 2 * minute], 1.5 * minute],
  ])('takes the median wait of %s', (_name, waits, expected) => {
    expect(responseStats(waits.map((w) => item(24 * hour, w)), target, now).medianMs).toBe(expected)
  })

  it('counts an answer exactly at the target as within it, one millisecond later as not', () => {
    const stats = responseStats([item(24 * hour, target), item(24 * hour, target + 1)], target, now)
    expect(stats).toEqual({ items: 2, answered: 2, medianMs: target + 0.5, withinTarget: 1, shareWithinTarget: 0.5 })
  })

  it('leaves an unanswered item out of the share until its target has passed', () => {
    const waitingInTime = item(1 * hour, null)
    const atTheTarget = item(target, null)
    const late = item(5 * hour, null)
    const answered = item(24 * hour, 2 * hour)
    expect(responseStats([answered, waitingInTime, atTheTarget], target, now)).toEqual({ items: 3, answered: 1, medianMs: 2 * hour, withinTarget: 1, shareWithinTarget: 1 })
    expect(responseStats([answered, waitingInTime, late], target, now)).toEqual({ items: 3, answered: 1, medianMs: 2 * hour, withinTarget: 1, shareWithinTarget: 0.5 })
    expect(responseStats([waitingInTime], target, now).shareWithinTarget).toBeNull()
    expect(responseStats([late], target, now).shareWithinTarget).toBe(0)
  })

  it('reads an answer stamped after `now` as not known yet', () => {
    const answeredLater = item(1 * hour, 2 * hour)
    expect(responseStats([answeredLater], target, now)).toEqual({ items: 1, answered: 0, medianMs: null, withinTarget: 0, shareWithinTarget: null })
    expect(responseStats([answeredLater], target, now + hour).answered).toBe(1)
  })

  it('never counts a negative wait when clocks disagree', () => {
    expect(responseStats([item(hour, -5 * minute)], target, now)).toMatchObject({ medianMs: 0, withinTarget: 1 })
  })

  it('refuses a negative target', () => {
    expect(() => responseStats([], -1, now)).toThrow(RangeError)
    expect(() => responseStats([], Number.NaN, now)).toThrow(RangeError)
  })
})

describe('responseStatsBy', () => {
  const at = (iso: string, waitMs: number | null = hour): ResponseItem => ({
    receivedAt: Date.parse(iso),
    firstResponseAt: waitMs === null ? null : Date.parse(iso) + waitMs,
    network: 'mastodon',
    responderId: 'sam',
  })
  const keys = (groups: Array<{ key: string; stats: { items: number } }>) => groups.map((g) => [g.key, g.stats.items])
  const later = Date.parse('2027-02-01T00:00:00Z')

  it('groups by ISO week on the zone\'s clock across the spring change (Paris)', () => {
    const items = [
      at('2026-03-23T06:00:00Z'), // Monday 07:00 CET: week 13
      at('2026-03-29T21:30:00Z'), // Sunday 23:30 CEST, the day clocks went forward: still week 13
      at('2026-03-29T22:30:00Z'), // Monday 00:30 CEST: week 14 (a fixed UTC+1 would say Sunday 23:30)
    ]
    expect(keys(responseStatsBy(items, 'week', target, later, 'Europe/Paris'))).toEqual([['2026-W13', 2], ['2026-W14', 1]])
    expect(keys(responseStatsBy(items, 'week', target, later, 'UTC'))).toEqual([['2026-W13', 3]])
  })

  it('groups by ISO week across the autumn change and the turn of the year', () => {
    const items = [
      at('2026-10-25T22:30:00Z'), // Sunday 23:30 CET, the day clocks went back: week 43
      at('2026-10-25T23:30:00Z'), // Monday 00:30 CET: week 44
      at('2027-01-02T10:00:00Z'), // Saturday 2 January 2027 belongs to 2026's 53rd week
      at('2027-01-04T10:00:00Z'),
    ]
    expect(keys(responseStatsBy(items, 'week', target, later, 'Europe/Paris'))).toEqual([['2026-W43', 1], ['2026-W44', 1], ['2026-W53', 1], ['2027-W01', 1]])
    expect(keys(responseStatsBy(items, 'week', target, later, 'Asia/Dhaka'))).toEqual([['2026-W44', 2], ['2026-W53', 1], ['2027-W01', 1]])
  })

  it('groups by network, with each group\'s own stats', () => {
    const items = [item(24 * hour, hour, { network: 'mastodon' }), item(24 * hour, 6 * hour, { network: 'bluesky' }), item(24 * hour, 2 * hour, { network: 'bluesky' })]
    expect(responseStatsBy(items, 'network', target, now, 'UTC')).toEqual([
      { key: 'bluesky', stats: { items: 2, answered: 2, medianMs: 4 * hour, withinTarget: 1, shareWithinTarget: 0.5 } },
      { key: 'mastodon', stats: { items: 1, answered: 1, medianMs: hour, withinTarget: 1, shareWithinTarget: 1 } },
    ])
  })

  it('groups by responder over answered items only', () => {
    const items = [
      item(24 * hour, hour, { responderId: 'sam' }),
      item(24 * hour, 5 * hour, { responderId: 'noor' }),
      item(24 * hour, 3 * hour, { responderId: 'noor' }),
      item(24 * hour, null), // waiting: nobody's
      item(24 * hour, hour, { responderId: null }), // answered outside the app
      item(hour, 2 * hour, { responderId: 'sam' }), // answered after `now`: not known yet
    ]
    expect(responseStatsBy(items, 'responder', target, now, 'UTC')).toEqual([
      { key: 'noor', stats: { items: 2, answered: 2, medianMs: 4 * hour, withinTarget: 1, shareWithinTarget: 0.5 } },
      { key: 'sam', stats: { items: 1, answered: 1, medianMs: hour, withinTarget: 1, shareWithinTarget: 1 } },
    ])
  })

  it('rejects a zone it does not know', () => {
    expect(() => responseStatsBy([], 'week', target, now, 'Mars/Olympus')).toThrow(RangeError)
  })
})
