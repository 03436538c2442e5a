/**
 * How the check-in card and editor write times and days, through `Intl` in the UI language:
 * instants on the workspace's clock ("09:15"), a block's day ("today 16:00", "Tuesday 09:00",
 * "Sat, Apr 4 09:00"), how long it lasts, and weekday names for the editor's day buttons.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { addDays, dateAsUtcNoon } from '../../../i18n/zoned-time'
import { formatDuration } from '../inbox-format'
import { dayWording } from './checkin-logic'

/** A Monday, so ISO weekday n is this date plus n − 1 days. */
const aMonday = '2024-01-01'

export interface CheckInFormats {
  /** An instant's time on the workspace's clock. */
  time(instant: number): string
  /** A wall time of the editor ("16:00") as the UI language writes it. */
  wallTime(time: string): string
  /** "Next check-in: tomorrow 09:00 (15 min)". */
  next(startsAt: number, minutes: number, now: number): string
  /** "15 min". */
  minutes(minutes: number): string
  weekday(isoWeekday: number, style: 'short' | 'long'): string
}

export function useCheckInFormats(timeZone: string): CheckInFormats {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => {
    const clock = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone })
    const wallClock = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
    const weekdayOn = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone })
    const dateOn = new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'short', timeZone })
    const weekdays = {
      short: new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }),
      long: new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }),
    }
    const minutes = (n: number) => formatDuration(n * 60_000, language)
    return {
      time: (instant) => clock.format(instant),
      wallTime: (time) => {
        const [hours, mins] = time.split(':').map(Number) as [number, number]
        return wallClock.format(Date.UTC(2024, 0, 1, hours, mins))
      },
      next: (startsAt, length, now) => {
        const wording = dayWording(startsAt, now, timeZone)
        const values = { time: clock.format(startsAt), duration: minutes(length) }
        if (wording === 'today' || wording === 'tomorrow') return t(`inbox.checkin.next.${wording}`, values)
        return t('inbox.checkin.next.day', { ...values, day: (wording === 'weekday' ? weekdayOn : dateOn).format(startsAt) })
      },
      minutes,
      weekday: (isoWeekday, style) => weekdays[style].format(dateAsUtcNoon(addDays(aMonday, isoWeekday - 1))),
    }
  }, [language, timeZone, t])
}
