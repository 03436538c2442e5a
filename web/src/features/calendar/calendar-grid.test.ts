/** Calendar periods: six-week months, weeks starting on each language's own first day. */
import { describe, expect, it } from 'vitest'
import { firstDayOfWeek, periodOf, shiftDate, startOfWeek, weekdayOrder } from './calendar-grid'

describe('first day of the week', () => {
  it('follows the language', () => {
    expect(firstDayOfWeek('fr')).toBe(1)
    expect(firstDayOfWeek('en')).toBe(7)
    expect(firstDayOfWeek('he')).toBe(7)
    expect(firstDayOfWeek('ar')).toBe(6)
    expect(firstDayOfWeek('not a language tag!')).toBe(1)
  })

  it('orders the weekdays from it', () => {
    expect(weekdayOrder(6)).toEqual([6, 7, 1, 2, 3, 4, 5])
    expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})

describe('periods', () => {
  it('shows a month as six full weeks from the week the 1st is in', () => {
    // 1 November 2026 is a Sunday.
    const sundayFirst = periodOf('month', '2026-11-23', 7)
    expect(sundayFirst.days).toHaveLength(42)
    expect(sundayFirst.days[0]).toBe('2026-11-01')
    expect(sundayFirst.end).toBe('2026-12-13')
    const mondayFirst = periodOf('month', '2026-11-23', 1)
    expect(mondayFirst.days[0]).toBe('2026-10-26')
    const saturdayFirst = periodOf('month', '2026-11-23', 6)
    expect(saturdayFirst.days[0]).toBe('2026-10-31')
  })

  it('shows a week from its first day', () => {
    expect(startOfWeek('2026-11-25', 1)).toBe('2026-11-23')
    expect(periodOf('week', '2026-11-25', 6).days).toEqual(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'])
  })

  it('moves by a month or a week', () => {
    expect(shiftDate('month', '2026-01-31', 1)).toBe('2026-02-01')
    expect(shiftDate('month', '2026-01-10', -1)).toBe('2025-12-01')
    expect(shiftDate('week', '2026-12-29', 1)).toBe('2027-01-05')
  })
})
