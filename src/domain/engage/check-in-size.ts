/**
 * "Today's check-in": the inbox items that fit in a block. Questions come first (an unanswered
 * question is a person waiting), then the rest; within each, the oldest first. Each item takes an
 * estimated time, and the list stops at the first item that no longer fits: a younger or shorter
 * item never jumps the queue to fill the gap. The first item is always taken, however long, so a
 * check-in with work to do is never empty.
 */

export interface InboxCandidate {
  id: string
  receivedAt: number
  question: boolean
  answered: boolean
  snoozedUntil: number | null
  done: boolean
  /** Characters of the item's text. */
  textLength: number
}

/** The time an item is estimated to take: a fixed part (open, think, write) and reading time by length. */
export const checkInEstimate = {
  /** Minutes for any item, however short. */
  minutesPerItem: 2,
  /** Minutes added per started step of `charactersPerStep` characters. */
  minutesPerStep: 1,
  /** One step of reading: about one short post. */
  charactersPerStep: 280,
} as const

/** The estimated minutes for an item of `textLength` characters: 2, plus 1 per started 280 characters. */
export function estimateMinutes(textLength: number): number {
  const steps = Math.ceil(Math.max(0, textLength) / checkInEstimate.charactersPerStep)
  return checkInEstimate.minutesPerItem + steps * checkInEstimate.minutesPerStep
}

/** Waiting for an answer at `now`: not answered, not done, not snoozed past `now`. */
export function isWaiting(item: InboxCandidate, now: number): boolean {
  return !item.answered && !item.done && (item.snoozedUntil === null || item.snoozedUntil <= now)
}

/**
 * The items for a block of `minutes` at `now` (see the module comment). `left` counts the waiting
 * items that did not fit.
 */
export function sizeCheckIn(items: InboxCandidate[], minutes: number, now: number): { itemIds: string[]; estimatedMinutes: number; left: number } {
  const waiting = items
    .filter((item) => isWaiting(item, now))
    .sort((a, b) => Number(b.question) - Number(a.question) || a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const itemIds: string[] = []
  let estimatedMinutes = 0
  for (const item of waiting) {
    const cost = estimateMinutes(item.textLength)
    if (itemIds.length > 0 && estimatedMinutes + cost > minutes) break
    itemIds.push(item.id)
    estimatedMinutes += cost
  }
  return { itemIds, estimatedMinutes, left: waiting.length - itemIds.length }
}
