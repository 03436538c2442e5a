/**
 * How a figure moved against the previous period, ready to be shown as ▲/▼ and a size. Counts
 * change by a percentage; rates by percentage points (a rate going from 2 % to 3 % is "+1 point",
 * not "+50 %"); a change from nothing has no percentage, only a direction. When either side is
 * not known, nothing is claimed.
 */

/**
 * A change as shown. `amount` is always positive (the trend gives the sign): relative for
 * `percent` (0.25 = 25 %), in percentage points for `points`, a plain count for `count`.
 * `fromZero` moved from nothing, which no percentage can size.
 */
export type Change =
  | { trend: 'unknown' }
  | { trend: 'flat' }
  | { trend: 'up' | 'down'; kind: 'percent' | 'points' | 'count'; amount: number }
  | { trend: 'up' | 'down'; kind: 'fromZero' }

/** Changes smaller than these round to nothing where they are shown (0 %, 0.0 points). */
const percentThreshold = 0.005
const pointsThreshold = 0.05

function direction(difference: number): 'up' | 'down' {
  return difference > 0 ? 'up' : 'down'
}

/** A count against its previous value: by how many percent it went up or down. */
export function countChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { trend: 'unknown' }
  if (previous === 0) return current === 0 ? { trend: 'flat' } : { trend: direction(current), kind: 'fromZero' }
  const ratio = (current - previous) / Math.abs(previous)
  if (Math.abs(ratio) < percentThreshold) return { trend: 'flat' }
  return { trend: direction(ratio), kind: 'percent', amount: Math.abs(ratio) }
}

/** A rate (0.034 = 3.4 %) against its previous value: by how many percentage points it moved. */
export function rateChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { trend: 'unknown' }
  const points = (current - previous) * 100
  if (Math.abs(points) < pointsThreshold) return { trend: 'flat' }
  return { trend: direction(points), kind: 'points', amount: Math.abs(points) }
}

/** A difference already counted (followers gained or lost over the period). */
export function deltaChange(delta: number | null): Change {
  if (delta === null) return { trend: 'unknown' }
  if (delta === 0) return { trend: 'flat' }
  return { trend: direction(delta), kind: 'count', amount: Math.abs(delta) }
}
