/**
 * Wall-clock dates and times in the workspace's time zone, through `Intl` alone. The API takes
 * schedules as a date and time in that zone ("2026-05-12", "09:00") and answers with instants;
 * the calendar needs both ways. Dates are plain `YYYY-MM-DD` strings, whose arithmetic is done
 * in UTC so that no daylight-saving change can shift a day.
 */
import type { WallTime } from '../app/publish-types'

const partFormats = new Map<string, Intl.DateTimeFormat>()

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partFormats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    partFormats.set(zone, format)
  }
  return format
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

/** The fields of an instant's wall-clock time in `zone`. */
function fieldsOf(instant: number, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(partsFormat(zone).formatToParts(instant).map((part) => [part.type, part.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** The date and time an instant shows on the clocks of `zone`, and its ISO weekday (1 = Monday). */
export function wallTimeOf(instant: number, zone: string): WallTime & { weekday: number } {
  const f = fieldsOf(instant, zone)
  const date = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`
  return { date, time: `${pad(f.hour)}:${pad(f.minute)}`, weekday: weekdayOf(date) }
}

/** How far `zone`'s clocks are ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const f = fieldsOf(instant, zone)
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second)
  return asUtc - Math.floor(instant / 1000) * 1000
}

/**
 * The instant a wall time in `zone` names. A time skipped by a spring change moves forward by
 * the gap; a time that happens twice in autumn is the first of the two (as the server decides).
 */
export function instantOf(wall: WallTime, zone: string): number {
  const [year, month, day] = wall.date.split('-').map(Number) as [number, number, number]
  const [hour, minute] = wall.time.split(':').map(Number) as [number, number]
  const asUtc = Date.UTC(year, month - 1, day, hour, minute)
  // Try the offsets in force a day either side; the first that lands on the wall time wins.
  const offsets = [...new Set([offsetAt(asUtc - 86_400_000, zone), offsetAt(asUtc, zone), offsetAt(asUtc + 86_400_000, zone)])]
  const candidates = offsets.map((offset) => asUtc - offset).sort((a, b) => a - b)
  const exact = candidates.find((candidate) => {
    const seen = wallTimeOf(candidate, zone)
    return seen.date === wall.date && seen.time === wall.time
  })
  if (exact !== undefined) return exact
  // Skipped by a spring change: the same distance past the gap, as clocks read it afterwards.
  return asUtc - Math.min(...offsets)
}

/** The ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}

/** `date` moved by a number of days (negative goes back). */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`)
  moved.setUTCDate(moved.getUTCDate() + days)
  return moved.toISOString().slice(0, 10)
}

/** `date` moved by a number of months, kept within the shorter month (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(day, lastDay))
  return first.toISOString().slice(0, 10)
}

/** The first day of `date`'s month. */
export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** Whether a string is a real `YYYY-MM-DD` date. */
export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
}

/** A date as a UTC instant at noon: formatting it with `timeZone: 'UTC'` shows that very day. */
export function dateAsUtcNoon(date: string): number {
  return new Date(`${date}T12:00:00Z`).getTime()
}
