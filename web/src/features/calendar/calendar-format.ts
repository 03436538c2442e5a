/**
 * How the calendar writes days, weekdays, periods and times in the UI language. Calendar days
 * are the workspace's own dates, formatted as that date (at noon UTC, read in UTC) so no zone
 * can shift them; post times are read on the workspace's clocks.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../app/session'
import { addDays, dateAsUtcNoon } from '../../i18n/zoned-time'

/** A Monday, so weekday n (1 = Monday) is this date plus n − 1 days. */
const aMonday = '2024-01-01'

export interface CalendarFormats {
  dayNumber(date: string): string
  weekday(isoWeekday: number, style: 'short' | 'long'): string
  monthTitle(date: string): string
  rangeTitle(first: string, last: string): string
  fullDate(date: string): string
  time(instant: number): string
}

export function useCalendarFormats(): CalendarFormats {
  const { i18n } = useTranslation()
  const zone = useSession().workspace.timeZone
  const language = i18n.language
  return useMemo(() => {
    const inUtc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' })
    const day = inUtc({ day: 'numeric' })
    const weekdays = { short: inUtc({ weekday: 'short' }), long: inUtc({ weekday: 'long' }) }
    const month = inUtc({ month: 'long', year: 'numeric' })
    const range = inUtc({ day: 'numeric', month: 'short', year: 'numeric' })
    const full = inUtc({ dateStyle: 'full' })
    const clock = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: zone })
    return {
      dayNumber: (date) => day.format(dateAsUtcNoon(date)),
      weekday: (isoWeekday, style) => weekdays[style].format(dateAsUtcNoon(addDays(aMonday, isoWeekday - 1))),
      monthTitle: (date) => month.format(dateAsUtcNoon(date)),
      rangeTitle: (first, last) => range.formatRange(dateAsUtcNoon(first), dateAsUtcNoon(last)),
      fullDate: (date) => full.format(dateAsUtcNoon(date)),
      time: (instant) => clock.format(instant),
    }
  }, [language, zone])
}
