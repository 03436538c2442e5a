/**
 * Posting slots: the times of the week a workspace wants to post at ("Tue 09:00, Thu 12:30"), in
 * its own time zone. "Add to queue" puts a post in the next free slot.
 */
import { nextDate, resolveWallTime, toWallTime } from './schedule.js'

export interface QueueSlot {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  /** HH:mm in the workspace's time zone. */
  time: string
}

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/

export function isQueueSlot(slot: QueueSlot): boolean {
  return Number.isInteger(slot.weekday) && slot.weekday >= 1 && slot.weekday <= 7 && timePattern.test(slot.time)
}

/** Slots sorted by weekday then time, duplicates removed. */
export function normalizeSlots(slots: QueueSlot[]): QueueSlot[] {
  const unique = new Map(slots.map((s) => [`${s.weekday} ${s.time}`, s]))
  return [...unique.values()].sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time))
}

/**
 * The first slot strictly after `after` that `isTaken` does not claim, looking up to
 * `horizonDays` ahead; undefined when there is none (no slots, or all taken).
 */
export function nextFreeSlot(props: {
  slots: QueueSlot[]
  zone: string
  after: number
  isTaken: (instant: number) => boolean
  horizonDays?: number
}): number | undefined {
  const slots = normalizeSlots(props.slots)
  if (slots.length === 0) return undefined
  const start = toWallTime(props.after, props.zone)
  let day = { date: start.date, weekday: start.weekday }
  for (let i = 0; i <= (props.horizonDays ?? 366); i++) {
    for (const slot of slots) {
      if (slot.weekday !== day.weekday) continue
      const { instant } = resolveWallTime({ date: day.date, time: slot.time }, props.zone)
      if (instant > props.after && !props.isTaken(instant)) return instant
    }
    day = nextDate(day.date)
  }
  return undefined
}
