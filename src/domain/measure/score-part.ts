/**
 * The building blocks of the influence and equity scores. A part is the mean of one to three
 * terms, each 0–100 and each a curve anyone can recompute: a saturating curve
 * 100 × (1 − e^(−x ÷ k)), which gives 63 at x = k and only nears 100; a log scale; or this
 * period's share of two periods (50 = as much as before). A term whose figures are not known is
 * left out rather than counted as 0, and a part with no known term has no score.
 */

/** One part of a score, shown with its formula and the figures it used. */
export interface ScorePart {
  /** influence: 'reach' | 'quality' | 'amplification'; equity: 'connection' | 'familiarity' | 'virality' | 'value' */
  key: string
  /** 0–100 integer; null when the figures it needs are not known (never a guessed 0). */
  score: number | null
  /** Its share of the total (influence weights sum to 1; equity parts 0.25 each, informational). */
  weight: number
  /** The figures the formula used, in order; `name` is a catalog key suffix: measure.inputs.<name>. */
  inputs: Array<{ name: string; value: number | null }>
  /**
   * The constants of the formula by name: the values for the `{{name, number}}` placeholders of
   * its catalog text (measure.<influence|equity>.parts.<key>.formula).
   */
  formulaValues: Record<string, number>
}

/** 100 × (1 − e^(−x ÷ scale)); null when x is unknown. */
export function saturating(x: number | null, scale: number): number | null {
  return x === null ? null : 100 * (1 - Math.exp(-Math.max(0, x) / scale))
}

/** 100 × log₁₀(1 + x) ÷ log₁₀(1 + full), at most 100; null when x is unknown. */
export function logScale(x: number | null, full: number): number | null {
  return x === null ? null : Math.min(100, (100 * Math.log10(1 + Math.max(0, x))) / Math.log10(1 + full))
}

/** 100 × now ÷ (now + before): this period's share of the two; null when either is unknown or both are 0. */
export function periodShare(now: number | null | undefined, before: number | null | undefined): number | null {
  if (now === null || now === undefined || before === null || before === undefined) return null
  const share = ratio(now, now + before)
  return share === null ? null : 100 * share
}

/** part ÷ whole; null when either is unknown, the whole is not above 0 or the result is not a number. */
export function ratio(part: number | null | undefined, whole: number | null | undefined): number | null {
  if (part === null || part === undefined || whole === null || whole === undefined || !(whole > 0)) return null
  const value = part / whole
  return Number.isFinite(value) ? value : null
}

/** The mean of the known terms as a whole number from 0 to 100; null when none is known. */
export function meanOfKnown(terms: Array<number | null>): number | null {
  const known = terms.filter((term): term is number => term !== null && !Number.isNaN(term))
  if (known.length === 0) return null
  const mean = known.reduce((sum, term) => sum + term, 0) / known.length
  return Math.round(Math.min(100, Math.max(0, mean)))
}

/**
 * The weighted mean of the parts that have a score, their weights scaled to sum to 1 (a part
 * without a score drops out instead of pulling the total down); null when no part has one. Made
 * from the parts' rounded scores so the total can be recomputed from what is shown.
 */
export function weightedTotal(parts: ScorePart[]): number | null {
  let sum = 0
  let weights = 0
  for (const part of parts) {
    if (part.score === null) continue
    sum += part.weight * part.score
    weights += part.weight
  }
  return weights > 0 ? Math.round(sum / weights) : null
}
