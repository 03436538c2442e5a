/** Wall times in a time zone and back, across daylight-saving changes, and date arithmetic. */
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, instantOf, isDate, startOfMonth, wallTimeOf, weekdayOf } from './zoned-time'

describe('wall times in a zone', () => {
  it('reads an instant on the zone’s clocks', () => {
    const instant = Date.UTC(2026, 10, 23, 23, 30)
    expect(wallTimeOf(instant, 'UTC')).toEqual({ date: '2026-11-23', time: '23:30', weekday: 1 })
    expect(wallTimeOf(instant, 'Asia/Tokyo')).toEqual({ date: '2026-11-24', time: '08:30', weekday: 2 })
    expect(wallTimeOf(instant, 'America/Los_Angeles')).toEqual({ date: '2026-11-23', time: '15:30', weekday: 1 })
  })

  it('finds the instant a wall time names, and round-trips', () => {
    for (const zone of ['Europe/Paris', 'Asia/Kolkata', 'America/New_York', 'Asia/Jerusalem', 'Asia/Dhaka']) {
      for (const wall of [{ date: '2026-01-15', time: '09:00' }, { date: '2026-07-01', time: '23:45' }, { date: '2026-12-31', time: '00:00' }]) {
        const instant = instantOf(wall, zone)
        const back = wallTimeOf(instant, zone)
        expect({ date: back.date, time: back.time }).toEqual(wall)
      }
    }
    expect(instantOf({ date: '2026-01-15', time: '09:00' }, 'Europe/Paris')).toBe(Date.UTC(2026, 0, 15, 8, 0))
  })

  it('moves a time skipped in spring forward by the gap, and takes the first of a repeated one', () => {
    expect(wallTimeOf(instantOf({ date: '2026-03-29', time: '02:30' }, 'Europe/Paris'), 'Europe/Paris').time).toBe('03:30')
    expect(instantOf({ date: '2026-10-25', time: '02:30' }, 'Europe/Paris')).toBe(Date.UTC(2026, 9, 25, 0, 30))
  })
})

describe('date arithmetic', () => {
  it('adds days and months across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
    expect(startOfMonth('2026-11-23')).toBe('2026-11-01')
  })

  it('knows weekdays and real dates', () => {
    expect(weekdayOf('2026-11-23')).toBe(1)
    expect(weekdayOf('2026-11-29')).toBe(7)
    expect(isDate('2026-02-29')).toBe(false)
    expect(isDate('2028-02-29')).toBe(true)
    expect(isDate('tomorrow')).toBe(false)
  })
})
