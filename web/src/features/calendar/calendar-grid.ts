/**
 * The days a calendar view shows: a month as six full weeks (so the grid never changes height
 * and the days around the month's edges are there to drop posts on), or one week. Weeks start on
 * the language's own first day (Saturday in Arabic, Sunday in Hebrew and US English, Monday in
 * French), from `Intl.Locale`'s week data when the browser has it.
 */
import { addDays, addMonths, startOfMonth, weekdayOf } from '../../i18n/zoned-time'

export const calendarViews = ['month', 'week'] as const
export type CalendarView = (typeof calendarViews)[number]

interface WeekInfo {
  firstDay: number
}

/** `Intl.Locale` with its week data: a method in newer engines, a getter in older ones. */
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo }

/** The ISO weekday (1 = Monday … 7 = Sunday) weeks start on for a language; Monday when unknown. */
export function firstDayOfWeek(language: string): number {
  try {
    const locale = new Intl.Locale(language).maximize() as LocaleWithWeek
    const info = typeof locale.getWeekInfo === 'function' ? locale.getWeekInfo() : locale.weekInfo
    const day = info?.firstDay
    return typeof day === 'number' && day >= 1 && day <= 7 ? day : 1
  } catch {
    return 1
  }
}

/** The first day of the week `date` is in. */
export function startOfWeek(date: string, firstDay: number): string {
  return addDays(date, -((weekdayOf(date) - firstDay + 7) % 7))
}

/** The seven ISO weekdays in the order the week shows them. */
export function weekdayOrder(firstDay: number): number[] {
  return Array.from({ length: 7 }, (_, i) => ((firstDay - 1 + i) % 7) + 1)
}

export interface Period {
  /** Every day shown, in order. */
  days: string[]
  /** The first day after the last one shown (the range end, exclusive). */
  end: string
}

/** The days shown for `date` in a view. */
export function periodOf(view: CalendarView, date: string, firstDay: number): Period {
  const start = view === 'month' ? startOfWeek(startOfMonth(date), firstDay) : startOfWeek(date, firstDay)
  const length = view === 'month' ? 42 : 7
  const days = Array.from({ length }, (_, i) => addDays(start, i))
  return { days, end: addDays(start, length) }
}

/** The date one period earlier (`step` -1) or later (+1). */
export function shiftDate(view: CalendarView, date: string, step: number): string {
  return view === 'month' ? addMonths(startOfMonth(date), step) : addDays(date, 7 * step)
}

/** Same month and year. */
export function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7)
}
