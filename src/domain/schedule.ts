/**
 * Wall-clock times in a workspace's time zone and the instants they name. A business schedules
 * "Tuesday 09:00 in Paris"; the dispatcher needs an instant. Daylight-saving changes are decided
 * here, once:
 * - a time skipped by the spring change (02:30 when clocks jump from 02:00 to 03:00) moves
 *   forward by the gap (03:30), and says so;
 * - a time that happens twice in autumn is the first of the two, and says so.
 */
import { DateTime } from 'luxon'

export interface WallTime {
  /** YYYY-MM-DD */
  date: string
  /** HH:mm, 24-hour */
  time: string
}

export interface ResolvedTime {
  instant: number
  /** Set when the wall time needed a decision: skipped (moved forward) or repeated (first taken). */
  adjustment?: 'skipped' | 'repeated'
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/

export function isWallTime(value: WallTime): boolean {
  return datePattern.test(value.date) && timePattern.test(value.time) && DateTime.fromISO(value.date).isValid
}

/** The instant a wall time in `zone` names. @throws RangeError on a malformed date or time. */
export function resolveWallTime(wall: WallTime, zone: string): ResolvedTime {
  const d = datePattern.exec(wall.date)
  const t = timePattern.exec(wall.time)
  if (!d || !t) throw new RangeError(`not a wall time: ${wall.date} ${wall.time}`)
  const parts = { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) }
  const found = DateTime.fromObject(parts, { zone })
  if (!found.isValid) throw new RangeError(`not a wall time: ${wall.date} ${wall.time} in ${zone}`)
  if (found.hour !== parts.hour || found.minute !== parts.minute) {
    return { instant: found.toMillis(), adjustment: 'skipped' }
  }
  // The same wall time an offset-change earlier? Then it happens twice; take the first.
  for (const hours of [1, 0.5, 2]) {
    const earlier = found.minus({ minutes: hours * 60 })
    if (earlier.hour === parts.hour && earlier.minute === parts.minute && earlier.day === parts.day) {
      return { instant: earlier.toMillis(), adjustment: 'repeated' }
    }
  }
  return { instant: found.toMillis() }
}

/** The wall time of an instant in `zone`, and its ISO weekday (1 = Monday … 7 = Sunday). */
export function toWallTime(instant: number, zone: string): WallTime & { weekday: number } {
  const dt = DateTime.fromMillis(instant, { zone })
  return { date: dt.toFormat('yyyy-MM-dd'), time: dt.toFormat('HH:mm'), weekday: dt.weekday }
}

/** The calendar day after `date` (YYYY-MM-DD), and its ISO weekday. */
export function nextDate(date: string, days = 1): { date: string; weekday: number } {
  const dt = DateTime.fromISO(date, { zone: 'UTC' }).plus({ days })
  return { date: dt.toFormat('yyyy-MM-dd'), weekday: dt.weekday }
}
