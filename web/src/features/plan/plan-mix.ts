/**
 * The 4E content mix in numbers: every E present (a missing one is 0 %), the total the builder
 * insists is 100, scaling any mix to 100 in whole percents, and the rows that set the plan's mix
 * beside what recent posts actually were.
 */
import { contentTypes, type ContentType } from '../../app/coach-types'

export type Mix = Record<ContentType, number>

/** Every E with a whole, non-negative percent; a missing or odd value counts as 0. */
export function completeMix(mix: Partial<Record<ContentType, number>>): Mix {
  const complete = {} as Mix
  for (const type of contentTypes) {
    const value = mix[type]
    complete[type] = typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0
  }
  return complete
}

export function mixTotal(mix: Partial<Record<ContentType, number>>): number {
  return contentTypes.reduce((sum, type) => sum + (mix[type] ?? 0), 0)
}

/**
 * The same proportions in whole percents adding up to exactly 100 (largest remainders get the
 * leftover points, earlier Es first on a tie). An empty mix becomes an even one.
 */
export function normalizeMix(mix: Partial<Record<ContentType, number>>): Mix {
  const values = contentTypes.map((type) => Math.max(0, mix[type] ?? 0))
  const total = values.reduce((sum, value) => sum + value, 0)
  if (total <= 0) return completeMix(Object.fromEntries(contentTypes.map((type) => [type, 100 / contentTypes.length])))
  const exact = values.map((value) => (value * 100) / total)
  const floors = exact.map(Math.floor)
  let left = 100 - floors.reduce((sum, value) => sum + value, 0)
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - floors[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of byRemainder) {
    if (left <= 0) break
    floors[index]! += 1
    left -= 1
  }
  return Object.fromEntries(contentTypes.map((type, index) => [type, floors[index]!])) as Mix
}

export interface MixRow {
  type: ContentType
  planned: number
  /** Null when recent posts carry no E at all, so there is nothing to compare with. */
  actual: number | null
}

/** One row per E: the plan's share beside the share recent posts had. */
export function mixRows(planned: Partial<Record<ContentType, number>>, actual: Partial<Record<ContentType, number>> | null): MixRow[] {
  const hasActual = actual !== null && mixTotal(actual) > 0
  return contentTypes.map((type) => ({
    type,
    planned: planned[type] ?? 0,
    actual: hasActual ? Math.round(actual[type] ?? 0) : null,
  }))
}
