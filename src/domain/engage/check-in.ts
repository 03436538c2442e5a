/**
 * The daily check-in routine (METHODOLOGY.md, stage 3): the owner sets aside fixed blocks of time
 * ("09:00 for 15 minutes, Monday to Friday") on the workspace's clock. These rules check the
 * blocks and find the one running now and the next one.
 *
 * Times follow the workspace's time zone with the product's daylight-saving rule (as publishing
 * does): a start skipped by the spring change moves forward by the gap (02:30 → 03:30), a start
 * that happens twice in autumn is the first of the two. A block lasts its minutes of real time.
 * A block must end by midnight: one running into the next day would belong to two weekdays at
 * once, and "Monday 23:50 for 30 minutes" is better said as two blocks.
 */
import { DateTime, IANAZone } from 'luxon'

export interface CheckInBlock {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  /** HH:mm, 24-hour, in the workspace's time zone. */
  time: string
  /** Length in minutes. */
  minutes: number
}

export interface CheckInBlockProblem {
  field: string
  /** A server catalog key under `validation.` */
  messageKey: 'checkin_weekday' | 'checkin_time' | 'checkin_minutes' | 'checkin_midnight' | 'checkin_too_many' | 'checkin_overlap'
  params?: Record<string, number | string>
}

/** What a block may be. */
export const checkInLimits = {
  minMinutes: 5,
  maxMinutes: 240,
  maxPerDay: 6,
} as const

export interface CheckInOccurrence {
  start: number
  end: number
  block: CheckInBlock
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/
const minuteMs = 60_000
const dayMinutes = 24 * 60

const weekdayOk = (block: CheckInBlock) => Number.isInteger(block.weekday) && block.weekday >= 1 && block.weekday <= 7
const minutesOk = (block: CheckInBlock) =>
  Number.isInteger(block.minutes) && block.minutes >= checkInLimits.minMinutes && block.minutes <= checkInLimits.maxMinutes

/** Minutes after midnight of a valid HH:mm. */
function minuteOfDay(time: string): number {
  const m = timePattern.exec(time)!
  return Number(m[1]) * 60 + Number(m[2])
}

/** True when the block's weekday, time and minutes are each acceptable (its neighbours aside). */
export function isCheckInBlock(block: CheckInBlock): boolean {
  return weekdayOk(block) && timePattern.test(block.time) && minutesOk(block)
}

/**
 * What is wrong with a set of blocks, as field problems (`blocks.<index>.<field>`): a weekday not
 * 1–7, a time not HH:mm, minutes not a whole number from 5 to 240, a block running past midnight,
 * more than 6 blocks on one weekday (reported on the 7th, in the order given), a block starting
 * before an earlier one on the same weekday has ended (reported on the later one; blocks that
 * merely touch, 09:00–09:15 and 09:15, are fine). Returns [] when all is well.
 */
export function checkInBlockProblems(blocks: CheckInBlock[]): CheckInBlockProblem[] {
  const problems: CheckInBlockProblem[] = []
  const valid: Array<{ index: number; block: CheckInBlock; start: number; end: number }> = []
  blocks.forEach((block, index) => {
    const at = (field: string) => `blocks.${index}.${field}`
    const timeOk = timePattern.test(block.time)
    if (!weekdayOk(block)) problems.push({ field: at('weekday'), messageKey: 'checkin_weekday' })
    if (!timeOk) problems.push({ field: at('time'), messageKey: 'checkin_time' })
    if (!minutesOk(block)) {
      problems.push({ field: at('minutes'), messageKey: 'checkin_minutes', params: { min: checkInLimits.minMinutes, max: checkInLimits.maxMinutes } })
    } else if (timeOk && minuteOfDay(block.time) + block.minutes > dayMinutes) {
      problems.push({ field: at('minutes'), messageKey: 'checkin_midnight' })
    } else if (weekdayOk(block) && timeOk) {
      const start = minuteOfDay(block.time)
      valid.push({ index, block, start, end: start + block.minutes })
    }
  })
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = valid.filter((v) => v.block.weekday === weekday)
    const extra = day[checkInLimits.maxPerDay]
    if (extra) problems.push({ field: `blocks.${extra.index}.weekday`, messageKey: 'checkin_too_many', params: { count: checkInLimits.maxPerDay } })
    let latest: (typeof day)[number] | undefined
    for (const current of [...day].sort((a, b) => a.start - b.start || a.index - b.index)) {
      if (latest && current.start < latest.end) {
        problems.push({ field: `blocks.${current.index}.time`, messageKey: 'checkin_overlap', params: { time: latest.block.time } })
      }
      if (!latest || current.end > latest.end) latest = current
    }
  }
  return problems
}

/** The instant of `hour:minute` on a calendar day in `zone`, with the daylight-saving rule of the module comment. */
function wallInstant(day: DateTime, hour: number, minute: number, zone: string): number {
  const found = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone })
  // Skipped by the spring change: luxon has already moved it forward by the gap.
  if (found.hour !== hour || found.minute !== minute) return found.toMillis()
  // Repeated in autumn: the same wall time one offset change earlier is the first occurrence.
  for (const shift of [60, 30, 120]) {
    const earlier = found.minus({ minutes: shift })
    if (earlier.hour === hour && earlier.minute === minute && earlier.day === day.day) return earlier.toMillis()
  }
  return found.toMillis()
}

/** The occurrences of `blocks` on the calendar days from `fromDay` to `toDay` (offsets from `now`'s day in `zone`), by start. */
function occurrences(blocks: CheckInBlock[], now: number, zone: string, fromDay: number, toDay: number): CheckInOccurrence[] {
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`not a time zone: ${zone}`)
  const usable = blocks.filter(isCheckInBlock)
  const local = DateTime.fromMillis(now, { zone })
  // Calendar days are walked in UTC, where every day has a midnight and 24 hours.
  const today = DateTime.utc(local.year, local.month, local.day)
  const out: CheckInOccurrence[] = []
  for (let offset = fromDay; offset <= toDay; offset++) {
    const day = today.plus({ days: offset })
    for (const block of usable) {
      if (block.weekday !== day.weekday) continue
      const minutes = minuteOfDay(block.time)
      const start = wallInstant(day, Math.floor(minutes / 60), minutes % 60, zone)
      out.push({ start, end: start + block.minutes * minuteMs, block })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

/**
 * The first block starting at or after `now` in `timeZone`, with its end; undefined when there is
 * no usable block (blocks failing `isCheckInBlock` are skipped).
 * @throws RangeError when `timeZone` is not an IANA time zone.
 */
export function nextCheckIn(blocks: CheckInBlock[], now: number, timeZone: string): CheckInOccurrence | undefined {
  // Today and the seven days after: a week later the same weekday's blocks come round again.
  return occurrences(blocks, now, timeZone, 0, 7).find((o) => o.start >= now)
}

/**
 * The block running at `now` (start ≤ now < end), if any; of two running at once (overlapping
 * blocks that were never checked), the one that started last.
 * @throws RangeError when `timeZone` is not an IANA time zone.
 */
export function currentCheckIn(blocks: CheckInBlock[], now: number, timeZone: string): CheckInOccurrence | undefined {
  // Yesterday too: a block given without checking may run past midnight.
  return occurrences(blocks, now, timeZone, -1, 0).findLast((o) => o.start <= now && now < o.end)
}
