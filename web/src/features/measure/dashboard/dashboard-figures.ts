/**
 * Small readings of the dashboard's figures, apart from React so they can be tested: whether
 * there is anything to show yet, the "how did you hear" answers as shares, each score part's
 * share of its score, and the known stretches of a daily line that has gaps.
 */
import type { DashboardTotals, MeasureDashboard, ScorePart } from '../../../app/measure-types'

export interface Emptiness {
  /** No post was published in the period or the one before it. */
  noPosts: boolean
  /** No click, conversion or form answer was counted in the period or the one before it. */
  nothingTracked: boolean
}

const tracked = (totals: DashboardTotals) => totals.clicks + totals.botClicks + totals.conversions + totals.hearAnswers

export function emptiness(dashboard: Pick<MeasureDashboard, 'totals' | 'previousTotals'>): Emptiness {
  return {
    noPosts: dashboard.totals.posts === 0 && dashboard.previousTotals.posts === 0,
    nothingTracked: tracked(dashboard.totals) === 0 && tracked(dashboard.previousTotals) === 0,
  }
}

/** A value's share of the largest, for an inline bar (0–1; 0 when there is no largest). */
export function shareOfMax(value: number, max: number): number {
  return max > 0 ? Math.min(1, Math.max(0, value / max)) : 0
}

export interface AnswerShare {
  answer: string
  count: number
  /** Of all answers (0–1). */
  share: number
}

/** The answers most given first, each with its share of all answers. */
export function answerShares(answers: ReadonlyArray<{ answer: string; count: number }>): AnswerShare[] {
  const total = answers.reduce((sum, answer) => sum + answer.count, 0)
  return answers
    .filter((answer) => answer.count > 0)
    .map((answer) => ({ ...answer, share: total > 0 ? answer.count / total : 0 }))
    .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))
}

/** How much each part counts in its score (0–1), whatever scale its weights are written in. */
export function weightShares(parts: readonly ScorePart[]): Map<string, number> {
  const total = parts.reduce((sum, part) => sum + Math.max(0, part.weight), 0)
  return new Map(parts.map((part) => [part.key, total > 0 ? Math.max(0, part.weight) / total : 0]))
}

/** The stretches of a daily line where its value is known, so unknown days leave a gap, not a drop to 0. */
export function knownRuns(values: ReadonlyArray<number | null>): Array<Array<{ index: number; value: number }>> {
  const runs: Array<Array<{ index: number; value: number }>> = []
  let current: Array<{ index: number; value: number }> = []
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) runs.push(current)
      current = []
    } else current.push({ index, value })
  })
  if (current.length > 0) runs.push(current)
  return runs
}

/** The smallest and largest known value of a line; null when none is known. */
export function knownExtent(values: ReadonlyArray<number | null>): { min: number; max: number } | null {
  const known = values.filter((value): value is number => value !== null)
  return known.length === 0 ? null : { min: Math.min(...known), max: Math.max(...known) }
}
