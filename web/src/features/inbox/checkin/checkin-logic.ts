/**
 * The check-in routine's rules, kept apart from React so they can be tested alone. The API stores
 * one block per weekday; people think in rows ("Monday to Friday at 09:00 for 15 minutes"), so
 * the editor turns blocks into rows and back, and puts each problem the API names on a block
 * (`blocks.7.time`) onto the row it came from. Also: the preset routine, and which word a
 * block's day takes ("today", "tomorrow", a weekday or a date).
 */
import type { FieldProblem } from '../../../app/api-client'
import type { CheckInBlock } from '../../../app/inbox-types'
import { addDays, wallTimeOf } from '../../../i18n/zoned-time'

/** One row of the editor: the same time and length on several weekdays. */
export interface BlockRow {
  /** Stable across edits, so a row keeps its problems while the rows around it change. */
  key: string
  /** ISO weekdays, 1 = Monday … 7 = Sunday, in that order. */
  weekdays: number[]
  /** HH:mm, as a time field gives it (empty while being typed). */
  time: string
  /** Empty while being typed. */
  minutes: number | ''
}

export type RowField = 'weekdays' | 'time' | 'minutes'

/** The API's messages for one row, by the row's field. */
export type RowErrors = Partial<Record<RowField, string>>

let lastKey = 0
function newKey(): string {
  lastKey += 1
  return `row-${lastKey}`
}

const workdays = [1, 2, 3, 4, 5]
const byWeekday = (a: number, b: number) => a - b

/** A new row: working days at 09:00 for 15 minutes, or after the last row, the same days an hour later. */
export function newRow(after?: BlockRow): BlockRow {
  if (!after || !/^\d{2}:\d{2}$/.test(after.time)) return { key: newKey(), weekdays: [...workdays], time: '09:00', minutes: 15 }
  const hour = Math.min(23, Number(after.time.slice(0, 2)) + 1)
  return { key: newKey(), weekdays: [...after.weekdays], time: `${String(hour).padStart(2, '0')}:${after.time.slice(3)}`, minutes: after.minutes }
}

/** The suggested routine: Monday to Friday at 09:00 and 16:00, 15 minutes each. */
export const presetTimes = ['09:00', '16:00'] as const
export const presetMinutes = 15

export function presetRows(): BlockRow[] {
  return presetTimes.map((time) => ({ key: newKey(), weekdays: [...workdays], time, minutes: presetMinutes }))
}

/** Blocks as rows: one row per time and length, its weekdays gathered, the earliest time first. */
export function rowsFromBlocks(blocks: readonly CheckInBlock[]): BlockRow[] {
  const rows = new Map<string, BlockRow>()
  for (const block of blocks) {
    const id = `${block.time}/${block.minutes}`
    const row = rows.get(id)
    if (!row) rows.set(id, { key: newKey(), weekdays: [block.weekday], time: block.time, minutes: block.minutes })
    else if (!row.weekdays.includes(block.weekday)) row.weekdays.push(block.weekday)
  }
  return [...rows.values()]
    .map((row) => ({ ...row, weekdays: row.weekdays.sort(byWeekday) }))
    .sort((a, b) => a.time.localeCompare(b.time) || Number(a.minutes) - Number(b.minutes))
}

export interface RowsAsBlocks {
  blocks: CheckInBlock[]
  /** The key of the row each block came from, by block index. */
  rowOf: string[]
}

/**
 * Rows as the blocks the API takes, one per weekday. Empty minutes are sent as 0, so the API
 * says what a block may last in the person's language rather than refusing the request's shape.
 */
export function blocksFromRows(rows: readonly BlockRow[]): RowsAsBlocks {
  const blocks: CheckInBlock[] = []
  const rowOf: string[] = []
  for (const row of rows) {
    for (const weekday of [...row.weekdays].sort(byWeekday)) {
      blocks.push({ weekday, time: row.time, minutes: row.minutes === '' ? 0 : row.minutes })
      rowOf.push(row.key)
    }
  }
  return { blocks, rowOf }
}

/** Rows with no weekday ticked: they would be dropped without a word, so they are refused here. */
export function rowsWithoutDays(rows: readonly BlockRow[]): string[] {
  return rows.filter((row) => row.weekdays.length === 0).map((row) => row.key)
}

const blockField = /^blocks\.(\d+)\.(weekday|time|minutes)$/
const rowFieldOf = { weekday: 'weekdays', time: 'time', minutes: 'minutes' } as const

export interface PlacedProblems {
  /** By row key; several blocks of a row with the same problem say it once. */
  byRow: Record<string, RowErrors>
  /** Problems that name no block of the rows sent (shown above the buttons). */
  unplaced: FieldProblem[]
}

/** The API's field problems on the rows the blocks came from. */
export function placeProblems(problems: readonly FieldProblem[], rowOf: readonly string[]): PlacedProblems {
  const byRow: Record<string, RowErrors> = {}
  const unplaced: FieldProblem[] = []
  for (const problem of problems) {
    const match = blockField.exec(problem.field)
    const key = match ? rowOf[Number(match[1])] : undefined
    if (!match || key === undefined) {
      unplaced.push(problem)
      continue
    }
    const field = rowFieldOf[match[2] as keyof typeof rowFieldOf]
    const errors = (byRow[key] ??= {})
    const said = errors[field]
    if (!said) errors[field] = problem.message
    else if (!said.split('\n').includes(problem.message)) errors[field] = `${said}\n${problem.message}`
  }
  return { byRow, unplaced }
}

/** How a block's day is said: today, tomorrow, its weekday within the week, or its date a week on. */
export type DayWording = 'today' | 'tomorrow' | 'weekday' | 'date'

/** Which word the day of `startsAt` takes, from `now`, on the workspace's calendar. */
export function dayWording(startsAt: number, now: number, timeZone: string): DayWording {
  const today = wallTimeOf(now, timeZone).date
  const day = wallTimeOf(startsAt, timeZone).date
  if (day <= today) return 'today'
  if (day === addDays(today, 1)) return 'tomorrow'
  // A weekday name a week or more away would read as this week's: say the date instead.
  return day < addDays(today, 7) ? 'weekday' : 'date'
}
