/**
 * Workspace days: a day is the workspace's own day, in its time zone (daylight-saving included).
 *
 * Dashboards cut thousands of instants into days and hours. Asking the time-zone database each
 * time costs tens of microseconds, so each zone's offset changes are found once per year (the
 * offset sampled daily, each change then pinned to the millisecond) and kept; an instant's
 * offset is then a look-up. Every answer is luxon's: where a day starts next to an offset
 * change (a midnight that is skipped or repeated), luxon itself is asked.
 */
import { DateTime, IANAZone } from 'luxon'

const minuteMs = 60_000
const hourMs = 3600_000
const dayMs = 24 * hourMs

/** A zone over one UTC year: its offset (ms) when the year starts, and each change in it. */
interface ZoneYear {
  first: number
  changes: Array<{ at: number; offset: number }>
}

/** Per valid zone, its years found so far; null for a name that is not a time zone. */
const zones = new Map<string, Map<number, ZoneYear> | null>()
/** Zones kept at most; past that the oldest is forgotten. */
const zonesKept = 256

function yearsOf(zone: string): Map<number, ZoneYear> | null {
  let years = zones.get(zone)
  if (years === undefined) {
    years = IANAZone.isValidZone(zone) ? new Map() : null
    if (zones.size >= zonesKept) zones.delete(zones.keys().next().value!)
    zones.set(zone, years)
  }
  return years
}

/** luxon's offset of `zone` at `instant`, in ms. */
function zoneOffset(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * minuteMs
}

/** Samples the offset at each UTC midnight of the year (no zone changes twice within a day) and pins each change. */
function zoneYear(zone: string, year: number): ZoneYear {
  const years = yearsOf(zone)!
  const known = years.get(year)
  if (known) return known
  const iana = IANAZone.create(zone)
  const start = Date.UTC(year, 0, 1)
  const end = Date.UTC(year + 1, 0, 1)
  const first = zoneOffset(iana, start)
  const changes: ZoneYear['changes'] = []
  let before = first
  for (let at = start + dayMs; at <= end; at += dayMs) {
    const offset = zoneOffset(iana, Math.min(at, end))
    if (offset === before) continue
    // The first millisecond with the new offset lies in (low, high].
    let low = at - dayMs
    let high = Math.min(at, end)
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2)
      if (zoneOffset(iana, middle) === before) low = middle
      else high = middle
    }
    changes.push({ at: high, offset })
    before = offset
  }
  const found = { first, changes }
  years.set(year, found)
  return found
}

/** The UTC offset (ms) of a valid `zone` at `instant`, as luxon gives it. */
export function offsetAt(zone: string, instant: number): number {
  const year = zoneYear(zone, new Date(instant).getUTCFullYear())
  let offset = year.first
  for (const change of year.changes) {
    if (change.at > instant) break
    offset = change.offset
  }
  return offset
}

/** Whether the offset of `zone` changes anywhere in [start, end]. */
function changesBetween(zone: string, start: number, end: number): boolean {
  for (let year = new Date(start).getUTCFullYear(); year <= new Date(end).getUTCFullYear(); year++) {
    if (zoneYear(zone, year).changes.some((change) => change.at >= start && change.at <= end)) return true
  }
  return offsetAt(zone, start) !== offsetAt(zone, end)
}

/** The stretches of [start, end) over which the offset of a valid `zone` stays the same, in order. */
export function offsetStretches(zone: string, start: number, end: number): Array<{ from: number; offset: number }> {
  const stretches = [{ from: start, offset: offsetAt(zone, start) }]
  for (let year = new Date(start).getUTCFullYear(); year <= new Date(end).getUTCFullYear(); year++) {
    for (const change of zoneYear(zone, year).changes) {
      if (change.at > start && change.at < end && change.offset !== stretches[stretches.length - 1]!.offset) stretches.push({ from: change.at, offset: change.offset })
    }
  }
  return stretches
}

/** Instants far from the years luxon and `Date` write alike (four-digit years) go to luxon. */
const plainYears = { first: Date.UTC(1000, 0, 1) + 2 * dayMs, last: Date.UTC(9999, 11, 31) - 2 * dayMs }

function fast(zone: string, instant: number): boolean {
  return instant >= plainYears.first && instant <= plainYears.last && yearsOf(zone) !== null
}

/** The workspace day (YYYY-MM-DD) an instant falls on. */
export function dayOf(instant: number, zone: string): string {
  if (!fast(zone, instant)) return DateTime.fromMillis(instant, { zone }).toISODate()!
  return new Date(instant + offsetAt(zone, instant)).toISOString().slice(0, 10)
}

/** The workspace day and hour (0–23 on the workspace's clock) an instant falls in. */
export function dayHourOf(instant: number, zone: string): { day: string; hour: number } {
  if (!fast(zone, instant)) {
    const local = DateTime.fromMillis(instant, { zone })
    return { day: local.toISODate()!, hour: local.hour }
  }
  const local = instant + offsetAt(zone, instant)
  return { day: new Date(local).toISOString().slice(0, 10), hour: Math.floor((((local % dayMs) + dayMs) % dayMs) / hourMs) }
}

/** Midnight UTC of a YYYY-MM-DD day, or undefined when it is not one. */
function utcMidnight(day: string): number | undefined {
  if (!dayPattern.test(day)) return undefined
  const midnight = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
  return new Date(midnight).toISOString().slice(0, 10) === day ? midnight : undefined
}

/** The instant a workspace day starts (its first moment; 23 or 25 hours before the next on change days). */
export function dayStart(day: string, zone: string): number {
  const midnight = utcMidnight(day)
  if (midnight !== undefined && fast(zone, midnight)) {
    let start = midnight - offsetAt(zone, midnight)
    const offset = offsetAt(zone, start)
    if (offset !== offsetAt(zone, midnight)) start = midnight - offset
    // Away from any change the local midnight is one instant; next to one luxon decides.
    if (!changesBetween(zone, start - 2 * dayMs, start + 2 * dayMs)) return start
  }
  return DateTime.fromISO(day, { zone }).startOf('day').toMillis()
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const midnight = utcMidnight(day)
  if (midnight === undefined || !Number.isInteger(days)) return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!
  const moved = midnight + days * dayMs
  if (moved < plainYears.first || moved > plainYears.last) return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!
  return new Date(moved).toISOString().slice(0, 10)
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD day. */
export function weekdayOf(day: string): number {
  const midnight = utcMidnight(day)
  if (midnight === undefined) return DateTime.fromISO(day, { zone: 'UTC' }).weekday
  return new Date(midnight).getUTCDay() || 7
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

export const dayPattern = /^\d{4}-\d{2}-\d{2}$/

/** True for a real calendar date written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  return dayPattern.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid
}
