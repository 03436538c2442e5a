/**
 * The dashboard's period: the last 7, 30 or 90 days ending today (the workspace's today), or any
 * span of days chosen by hand. It lives in the address (`?days=7`, `?from=…&to=…`) so a view can
 * be bookmarked and shared; anything the address says that makes no sense falls back to 30 days.
 */
import { addDays, dateAsUtcNoon, isDate } from '../../../i18n/zoned-time'

/** The ready-made periods, in days. */
export const presets = [7, 30, 90] as const
export type Preset = (typeof presets)[number]
export const defaultPreset: Preset = 30

export interface Period {
  preset: Preset | 'custom'
  /** First and last day, both included (`YYYY-MM-DD` in the workspace's time zone). */
  from: string
  to: string
}

/** The last `days` days, today included. */
export function presetPeriod(days: Preset, today: string): Period {
  return { preset: days, from: addDays(today, -(days - 1)), to: today }
}

/** Whether two days make a period: real dates, the first not after the last. */
export function isValidRange(from: string, to: string): boolean {
  return isDate(from) && isDate(to) && from <= to
}

function isPreset(value: number): value is Preset {
  return (presets as readonly number[]).includes(value)
}

/** The period an address names: its own days, a preset, or the default 30 days. */
export function readPeriod(params: URLSearchParams, today: string): Period {
  const from = params.get('from')
  const to = params.get('to')
  if (from !== null && to !== null && isValidRange(from, to)) return { preset: 'custom', from, to }
  const days = Number(params.get('days'))
  return presetPeriod(isPreset(days) ? days : defaultPreset, today)
}

/** The address parameters that name a period (none for the default). */
export function periodParams(period: Period): Array<[string, string]> {
  if (period.preset === 'custom') return [['from', period.from], ['to', period.to]]
  return period.preset === defaultPreset ? [] : [['days', String(period.preset)]]
}

/** A span of days in the reader's language (`Mar 1 – 30`, `1–30 mars`); one day alone when they are the same. */
export function formatDayRange(from: string, to: string, language: string): string {
  const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  return from === to ? format.format(dateAsUtcNoon(from)) : format.formatRange(dateAsUtcNoon(from), dateAsUtcNoon(to))
}
