/** The best-times heatmap: the week's order, shades per hour, and the best hours in words. */
import { describe, expect, it } from 'vitest'
import type { BestTimes } from '../../../app/measure-types'
import { heatLevels, heatRows, hourName, localeFirstDay, perPost, slotWords, weekdayName, weekdayOrder } from './best-times'

describe('weekdayOrder', () => {
  it('starts the week where the locale does', () => {
    expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(weekdayOrder(7)).toEqual([7, 1, 2, 3, 4, 5, 6])
    expect(weekdayOrder(6)).toEqual([6, 7, 1, 2, 3, 4, 5])
  })

  it('starts on Monday when the first day makes no sense', () => {
    expect(weekdayOrder(0)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})

describe('localeFirstDay', () => {
  it('is always a weekday, Monday for a language it cannot read', () => {
    for (const language of ['en', 'fr', 'ar', 'he', 'bn']) expect(localeFirstDay(language)).toBeGreaterThanOrEqual(1)
    for (const language of ['en', 'fr', 'ar', 'he', 'bn']) expect(localeFirstDay(language)).toBeLessThanOrEqual(7)
    expect(localeFirstDay('fr')).toBe(1)
    expect(localeFirstDay('not a language')).toBe(1)
  })
})

describe('heatRows', () => {
  const times: BestTimes = {
    posts: 6,
    cells: [
      { weekday: 2, hour: 9, posts: 2, engagement: 30, clicks: 10 }, // 20 per post: the top
      { weekday: 2, hour: 18, posts: 1, engagement: 4, clicks: 1 }, // 5 per post
      { weekday: 5, hour: 12, posts: 2, engagement: 0, clicks: 0 }, // posted, earned nothing
      { weekday: 6, hour: 8, posts: 0, engagement: 0, clicks: 0 },
    ],
    best: [{ weekday: 2, hour: 9 }],
  }

  it('has a row of 24 hours per weekday, in the order asked', () => {
    const rows = heatRows(times, weekdayOrder(7))
    expect(rows.map((row) => row.weekday)).toEqual([7, 1, 2, 3, 4, 5, 6])
    for (const row of rows) expect(row.hours).toHaveLength(24)
  })

  it('shades each hour against the best one, and leaves hours without posts empty', () => {
    const tuesday = heatRows(times, [2])[0]!
    expect(tuesday.hours[9]).toMatchObject({ perPost: 20, level: heatLevels, best: true })
    expect(tuesday.hours[18]).toMatchObject({ perPost: 5, level: 2, best: false })
    expect(tuesday.hours[10]).toBeNull()
    expect(heatRows(times, [5])[0]!.hours[12]).toMatchObject({ level: 0 })
    expect(heatRows(times, [6])[0]!.hours[8]).toBeNull()
  })

  it('keeps every level at 0 when nothing earned anything', () => {
    const rows = heatRows({ posts: 2, cells: [{ weekday: 1, hour: 1, posts: 2, engagement: 0, clicks: 0 }], best: [] }, [1])
    expect(rows[0]!.hours[1]).toMatchObject({ level: 0 })
  })

  it('counts engagement and clicks per post', () => {
    expect(perPost({ posts: 4, engagement: 6, clicks: 2 })).toBe(2)
    expect(perPost({ posts: 0, engagement: 6, clicks: 2 })).toBe(0)
  })
})

describe('names', () => {
  it('names weekdays from ISO numbers in the reader language', () => {
    expect(weekdayName(1, 'en')).toBe('Monday')
    expect(weekdayName(7, 'en')).toBe('Sunday')
    expect(weekdayName(2, 'fr', 'short')).toBe(new Intl.DateTimeFormat('fr', { weekday: 'short' }).format(new Date(2024, 0, 2, 12)))
  })

  it('names hours as the reader clock does', () => {
    expect(hourName(9, 'en')).toBe('9 AM')
    expect(hourName(0, 'en')).toBe('12 AM')
    expect(hourName(21, 'fr')).toMatch(/21/)
  })

  it('words a best hour as its day and its span', () => {
    const clock = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
    expect(slotWords({ weekday: 2, hour: 9 }, 'en')).toEqual({ day: 'Tuesday', hours: clock.formatRange(Date.UTC(2024, 0, 1, 9), Date.UTC(2024, 0, 1, 10)) })
    expect(slotWords({ weekday: 2, hour: 9 }, 'en').hours).toMatch(/^9:00\s*–\s*10:00\sAM$/)
  })

  it('words the last hour of the day without dates', () => {
    const { day, hours } = slotWords({ weekday: 7, hour: 23 }, 'en')
    expect(day).toBe('Sunday')
    expect(hours).toMatch(/^11:00\sPM – 12:00\sAM$/)
    expect(hours).not.toMatch(/2024/)
  })
})
