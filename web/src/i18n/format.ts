/**
 * Dates, numbers, relative times and lists through `Intl`, in the UI language. Dates are shown
 * in the workspace's time zone, so "today" is the business's day wherever the reader is.
 */
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useOptionalSession } from '../app/session'

export type DateInput = Date | number | string

export interface Formatters {
  /** A calendar date (medium style unless told otherwise) in the workspace time zone. */
  formatDate(value: DateInput, options?: Intl.DateTimeFormatOptions): string
  /** A date and time in the workspace time zone. */
  formatDateTime(value: DateInput): string
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string
  /** "3 days ago", "in 2 hours", "now", with the unit chosen from the distance to `now`. */
  formatRelativeTime(value: DateInput, now?: number): string
  formatList(items: readonly string[], type?: Intl.ListFormatType): string
}

const minute = 60 * 1000
const hour = 60 * minute
const day = 24 * hour

/** Each unit is used while the distance stays below its limit, smallest first. */
const relativeUnits: Array<{ unit: Intl.RelativeTimeFormatUnit; size: number; limit: number }> = [
  { unit: 'minute', size: minute, limit: hour },
  { unit: 'hour', size: hour, limit: day },
  { unit: 'day', size: day, limit: 7 * day },
  { unit: 'week', size: 7 * day, limit: 30 * day },
  { unit: 'month', size: 30 * day, limit: 365 * day },
  { unit: 'year', size: 365 * day, limit: Infinity },
]

function toTime(value: DateInput): number {
  return value instanceof Date ? value.getTime() : new Date(value).getTime()
}

/** Pure formatters for a language and (optionally) a time zone; `useFormatters` wraps this. */
export function createFormatters(language: string, timeZone?: string): Formatters {
  const zone = timeZone ? { timeZone } : {}
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...zone })
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  return {
    formatDate: (value, options = { dateStyle: 'medium' }) =>
      new Intl.DateTimeFormat(language, { ...options, ...zone }).format(toTime(value)),
    formatDateTime: (value) => dateTime.format(toTime(value)),
    formatNumber: (value, options) => new Intl.NumberFormat(language, options).format(value),
    formatRelativeTime: (value, now = Date.now()) => {
      const diff = toTime(value) - now
      // Under a minute reads as "now" (numeric: 'auto' turns 0 seconds into the word).
      if (Math.abs(diff) < minute) return relative.format(0, 'second')
      const { unit, size } = relativeUnits.find((candidate) => Math.abs(diff) < candidate.limit)!
      return relative.format(Math.round(diff / size), unit)
    },
    formatList: (items, type = 'conjunction') => new Intl.ListFormat(language, { style: 'long', type }).format(items),
  }
}

/** Formatters for the current UI language and, when signed in, the workspace time zone. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation()
  const timeZone = useOptionalSession()?.workspace.timeZone
  return useMemo(() => createFormatters(i18n.language, timeZone), [i18n.language, timeZone])
}

/** The current time, refreshed every `everyMs` so "today" and "3 minutes ago" stay true on an open page. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs)
    return () => window.clearInterval(timer)
  }, [everyMs])
  return now
}
