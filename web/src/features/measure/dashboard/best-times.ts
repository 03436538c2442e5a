/**
 * The best-times heatmap's arithmetic, apart from React so it can be tested: the order of the
 * week in the reader's locale, one row of 24 hours per weekday with each hour's shade, and the
 * best hours in words. Weekdays are ISO (1 = Monday … 7 = Sunday); hours are the workspace's.
 */
import type { BestTimeCell, BestTimes } from '../../../app/measure-types'

/** How many shades the heatmap uses for hours with posts. */
export const heatLevels = 5

/** ISO weekdays in the order a week is read, starting at `firstDay`. */
export function weekdayOrder(firstDay: number): number[] {
  const start = firstDay >= 1 && firstDay <= 7 ? firstDay : 1
  return Array.from({ length: 7 }, (_, i) => ((start - 1 + i) % 7) + 1)
}

/** `Intl.Locale` as browsers have it: `getWeekInfo()` in newer ones, the `weekInfo` getter before. */
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } }

/** The first day of the week where `language` is spoken (Sunday in English, Monday in French); Monday when the browser cannot tell. */
export function localeFirstDay(language: string): number {
  try {
    const locale = new Intl.Locale(language).maximize() as LocaleWithWeek
    const firstDay = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay
    return typeof firstDay === 'number' && firstDay >= 1 && firstDay <= 7 ? firstDay : 1
  } catch {
    return 1
  }
}

/** What an hour earned per post published in it: engagement and clicks together. */
export function perPost(cell: Pick<BestTimeCell, 'posts' | 'engagement' | 'clicks'>): number {
  return cell.posts > 0 ? (cell.engagement + cell.clicks) / cell.posts : 0
}

export interface HeatCell extends BestTimeCell {
  perPost: number
  /** 0 when its posts earned nothing, up to `heatLevels` for the best hour. */
  level: number
  /** One of the best hours the API named. */
  best: boolean
}

export interface HeatRow {
  weekday: number
  /** 24 hours from midnight; null where nothing was published. */
  hours: Array<HeatCell | null>
}

/** One row per weekday in `order`, each hour shaded against the best hour of the week. */
export function heatRows(times: BestTimes, order: readonly number[]): HeatRow[] {
  const top = Math.max(0, ...times.cells.map(perPost))
  const isBest = (weekday: number, hour: number) => times.best.some((slot) => slot.weekday === weekday && slot.hour === hour)
  return order.map((weekday) => ({
    weekday,
    hours: Array.from({ length: 24 }, (_, hour) => {
      const cell = times.cells.find((candidate) => candidate.weekday === weekday && candidate.hour === hour)
      if (!cell || cell.posts === 0) return null
      const value = perPost(cell)
      return { ...cell, perPost: value, level: top > 0 ? Math.ceil((value / top) * heatLevels) : 0, best: isBest(weekday, hour) }
    }),
  }))
}

/** A weekday's name in `language` (`style` long: "Tuesday", short: "Tue"). */
export function weekdayName(weekday: number, language: string, style: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday, so ISO weekday n falls on January n.
  return new Intl.DateTimeFormat(language, { weekday: style, timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday, 12))
}

/** An hour of the day as the reader's clock shows it ("9 AM", "09 h", "٩ ص"). */
export function hourName(hour: number, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, hour))
}

/** A best hour in words: its weekday, and the hour as a span ("9:00 – 10:00 AM"). */
export function slotWords(slot: { weekday: number; hour: number }, language: string): { day: string; hours: string } {
  const clock = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
  const start = Date.UTC(2024, 0, 1, slot.hour)
  const end = Date.UTC(2024, 0, 1, slot.hour + 1)
  // A span across midnight would be written with both dates; the two ends alone read better.
  const hours = slot.hour < 23 ? clock.formatRange(start, end) : `${clock.format(start)} – ${clock.format(end)}`
  return { day: weekdayName(slot.weekday, language), hours }
}
