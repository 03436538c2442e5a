import { describe, expect, it } from 'vitest'
import { checkInBlockProblems, currentCheckIn, nextCheckIn, type CheckInBlock } from './check-in.js'

const utc = (iso: string) => Date.parse(`${iso}Z`)
const minute = 60_000
const block = (weekday: number, time: string, minutes = 15): CheckInBlock => ({ weekday, time, minutes })
const weekdays = (time: string, minutes = 15) => [1, 2, 3, 4, 5].map((d) => block(d, time, minutes))
const span = (o: { start: number; end: number } | undefined) => o && [new Date(o.start).toISOString(), new Date(o.end).toISOString()]

describe('checkInBlockProblems', () => {
  it('accepts a usual routine, and no routine at all', () => {
    expect(checkInBlockProblems([...weekdays('09:00'), ...weekdays('16:00'), block(6, '10:30', 240)])).toEqual([])
    expect(checkInBlockProblems([])).toEqual([])
  })

  it.each([
    [block(1, '9:00'), 'blocks.0.time', 'checkin_time'],
    [block(1, '24:00'), 'blocks.0.time', 'checkin_time'],
    [block(1, '09:60'), 'blocks.0.time', 'checkin_time'],
    [block(0, '09:00'), 'blocks.0.weekday', 'checkin_weekday'],
    [block(8, '09:00'), 'blocks.0.weekday', 'checkin_weekday'],
    [block(1.5, '09:00'), 'blocks.0.weekday', 'checkin_weekday'],
    [block(1, '09:00', 4), 'blocks.0.minutes', 'checkin_minutes'],
    [block(1, '09:00', 241), 'blocks.0.minutes', 'checkin_minutes'],
    [block(1, '09:00', 7.5), 'blocks.0.minutes', 'checkin_minutes'],
  ])('refuses %j at %s', (bad, field, messageKey) => {
    const problems = checkInBlockProblems([bad])
    expect(problems.map((p) => [p.field, p.messageKey])).toEqual([[field, messageKey]])
  })

  it('gives the minutes range with the minutes problem', () => {
    expect(checkInBlockProblems([block(1, '09:00', 300)])).toEqual([{ field: 'blocks.0.minutes', messageKey: 'checkin_minutes', params: { min: 5, max: 240 } }])
  })

  it('refuses a block running past midnight, and takes one ending exactly at midnight', () => {
    expect(checkInBlockProblems([block(1, '23:50', 15)])).toEqual([{ field: 'blocks.0.minutes', messageKey: 'checkin_midnight' }])
    expect(checkInBlockProblems([block(1, '23:45', 15)])).toEqual([])
  })

  it('takes six blocks a day and refuses the seventh, on that weekday only', () => {
    const six = ['08:00', '10:00', '12:00', '14:00', '16:00', '18:00'].map((t) => block(2, t))
    expect(checkInBlockProblems(six)).toEqual([])
    expect(checkInBlockProblems([...six, block(3, '20:00'), block(2, '20:00')])).toEqual([{ field: 'blocks.7.weekday', messageKey: 'checkin_too_many', params: { count: 6 } }])
  })

  it('refuses a block starting before another on the same weekday has ended', () => {
    expect(checkInBlockProblems([block(1, '09:00', 30), block(1, '09:15')])).toEqual([{ field: 'blocks.1.time', messageKey: 'checkin_overlap', params: { time: '09:00' } }])
    // Reported on the later one, whatever the order given.
    expect(checkInBlockProblems([block(1, '09:15'), block(1, '09:00', 30)])).toEqual([{ field: 'blocks.0.time', messageKey: 'checkin_overlap', params: { time: '09:00' } }])
    // Inside a long block: each is reported against the long one.
    expect(checkInBlockProblems([block(1, '09:00', 60), block(1, '09:10', 10), block(1, '09:30', 10)]).map((p) => [p.field, p.params])).toEqual([
      ['blocks.1.time', { time: '09:00' }],
      ['blocks.2.time', { time: '09:00' }],
    ])
    expect(checkInBlockProblems([block(4, '12:00'), block(4, '12:00')])).toEqual([{ field: 'blocks.1.time', messageKey: 'checkin_overlap', params: { time: '12:00' } }])
  })

  it('takes blocks that merely touch, and the same time on different weekdays', () => {
    expect(checkInBlockProblems([block(1, '09:00'), block(1, '09:15'), block(2, '09:00', 60), block(3, '09:30')])).toEqual([])
  })
})

describe('nextCheckIn and currentCheckIn in Europe/Paris (daylight saving)', () => {
  const zone = 'Europe/Paris'

  it('keeps a weekday 09:00 block at 09:00 on both sides of the spring change', () => {
    const blocks = weekdays('09:00')
    expect(span(nextCheckIn(blocks, utc('2026-03-27T08:30:00'), zone))).toEqual(['2026-03-30T07:00:00.000Z', '2026-03-30T07:15:00.000Z']) // Friday 09:30 CET → Monday 09:00 CEST
    expect(span(nextCheckIn(blocks, utc('2026-03-27T07:59:00'), zone))).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-27T08:15:00.000Z']) // Friday 08:59 CET
  })

  it('moves a start skipped by the spring change forward by the gap', () => {
    const next = nextCheckIn([block(7, '02:30')], utc('2026-03-28T11:00:00'), zone)
    expect(span(next)).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-29T01:45:00.000Z']) // 03:30 CEST
    expect(next?.block).toEqual(block(7, '02:30'))
  })

  it('takes the first of a start that happens twice in autumn, and lasts its real minutes', () => {
    const blocks = [block(7, '02:30')]
    expect(span(nextCheckIn(blocks, utc('2026-10-25T00:00:00'), zone))).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T00:45:00.000Z']) // 02:30 CEST
    expect(span(currentCheckIn(blocks, utc('2026-10-25T00:40:00'), zone))).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T00:45:00.000Z'])
    // 02:40 CET, the second time the clock shows it: the block is over and comes back next Sunday.
    expect(currentCheckIn(blocks, utc('2026-10-25T01:40:00'), zone)).toBeUndefined()
    expect(span(nextCheckIn(blocks, utc('2026-10-25T01:10:00'), zone))).toEqual(['2026-11-01T01:30:00.000Z', '2026-11-01T01:45:00.000Z'])
  })

  it('finds the block at its first minute, not at its end', () => {
    const blocks = weekdays('09:00')
    const start = utc('2026-11-16T08:00:00') // Monday 09:00 CET
    expect(nextCheckIn(blocks, start, zone)?.start).toBe(start)
    expect(currentCheckIn(blocks, start, zone)?.start).toBe(start)
    expect(currentCheckIn(blocks, start + 15 * minute - 1, zone)?.start).toBe(start)
    expect(currentCheckIn(blocks, start + 15 * minute, zone)).toBeUndefined()
    expect(currentCheckIn(blocks, start - 1, zone)).toBeUndefined()
  })
})

describe('nextCheckIn and currentCheckIn in Asia/Dhaka (no daylight saving)', () => {
  const zone = 'Asia/Dhaka' // UTC+6 all year
  const blocks = [...weekdays('09:00'), ...weekdays('16:00')]

  it('finds the running block and the next one the same day', () => {
    const now = utc('2026-11-16T03:10:00') // Monday 09:10
    expect(span(currentCheckIn(blocks, now, zone))).toEqual(['2026-11-16T03:00:00.000Z', '2026-11-16T03:15:00.000Z'])
    expect(span(nextCheckIn(blocks, now, zone))).toEqual(['2026-11-16T10:00:00.000Z', '2026-11-16T10:15:00.000Z'])
  })

  it('skips the weekend', () => {
    expect(span(nextCheckIn(blocks, utc('2026-11-20T10:20:00'), zone))).toEqual(['2026-11-23T03:00:00.000Z', '2026-11-23T03:15:00.000Z']) // Friday 16:20 → Monday 09:00
  })

  it('uses the zone\'s weekday, not UTC\'s', () => {
    const early = [block(1, '01:00', 60)]
    const now = utc('2026-11-15T19:30:00') // Sunday in UTC, Monday 01:30 in Dhaka
    expect(span(currentCheckIn(early, now, zone))).toEqual(['2026-11-15T19:00:00.000Z', '2026-11-15T20:00:00.000Z'])
    expect(currentCheckIn(early, now, 'UTC')).toBeUndefined()
  })

  it('finds the same weekday a week later once today\'s only block has passed', () => {
    expect(span(nextCheckIn([block(1, '09:00')], utc('2026-11-16T03:20:00'), zone))).toEqual(['2026-11-23T03:00:00.000Z', '2026-11-23T03:15:00.000Z'])
  })
})

describe('nextCheckIn and currentCheckIn in America/New_York (daylight saving at 02:00)', () => {
  const zone = 'America/New_York'

  it('moves 02:15 on the spring-change Sunday to 03:15 EDT', () => {
    expect(span(nextCheckIn([block(7, '02:15')], utc('2026-03-08T05:00:00'), zone))).toEqual(['2026-03-08T07:15:00.000Z', '2026-03-08T07:30:00.000Z'])
  })

  it('takes the first 01:30 on the autumn-change Sunday', () => {
    expect(span(nextCheckIn([block(7, '01:30')], utc('2026-11-01T04:00:00'), zone))).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T05:45:00.000Z'])
  })

  it('keeps a block running through the hour the clock goes back for its real minutes', () => {
    const blocks = [block(7, '01:50', 20)] // 01:50 EDT = 05:50Z, ends 06:10Z = 01:10 EST
    expect(span(currentCheckIn(blocks, utc('2026-11-01T06:05:00'), zone))).toEqual(['2026-11-01T05:50:00.000Z', '2026-11-01T06:10:00.000Z'])
    expect(currentCheckIn(blocks, utc('2026-11-01T06:10:00'), zone)).toBeUndefined()
  })
})

describe('nextCheckIn and currentCheckIn: edges', () => {
  it('gives nothing without usable blocks', () => {
    const now = utc('2026-11-16T08:00:00')
    expect(nextCheckIn([], now, 'Europe/Paris')).toBeUndefined()
    expect(currentCheckIn([], now, 'Europe/Paris')).toBeUndefined()
    expect(nextCheckIn([block(1, '9:00'), block(9, '09:00'), block(1, '09:00', 0)], now, 'Europe/Paris')).toBeUndefined()
  })

  it('still sees an unchecked block running past midnight the day after', () => {
    const late = [{ weekday: 1, time: '23:50', minutes: 30 }]
    expect(span(currentCheckIn(late, utc('2026-11-16T23:10:00'), 'Europe/Paris'))).toEqual(['2026-11-16T22:50:00.000Z', '2026-11-16T23:20:00.000Z']) // Tuesday 00:10
  })

  it('of two overlapping unchecked blocks, gives the one that started last', () => {
    const blocks = [block(1, '09:00', 60), block(1, '09:30', 15)]
    expect(currentCheckIn(blocks, utc('2026-11-16T08:35:00'), 'Europe/Paris')?.block).toEqual(block(1, '09:30', 15))
  })

  it('rejects a zone it does not know', () => {
    expect(() => nextCheckIn([block(1, '09:00')], 0, 'Mars/Olympus')).toThrow(RangeError)
    expect(() => currentCheckIn([block(1, '09:00')], 0, 'Mars/Olympus')).toThrow(RangeError)
  })
})
