/** Workspace days: a day is the workspace's own day, in its time zone (daylight-saving included). */
import { DateTime } from 'luxon'

/** The workspace day (YYYY-MM-DD) an instant falls on. */
export function dayOf(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate()!
}

/** The instant a workspace day starts (its first moment; 23 or 25 hours before the next on change days). */
export function dayStart(day: string, zone: string): number {
  return DateTime.fromISO(day, { zone }).startOf('day').toMillis()
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!
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
