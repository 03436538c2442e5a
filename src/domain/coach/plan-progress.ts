/**
 * The plan against reality: a goal's progress towards its target by its due date (METHODOLOGY.md
 * B step 1), and the fuel check, the hours the plan sets aside against the hours the activity
 * shows (step 6). No clock: `today` is passed in (yyyy-mm-dd in the workspace's zone).
 */
import { message } from './message.js'
import { dayNumber, isIsoDate } from './plan.js'
import type { CoachSignals, GoalMetric, Message, Plan, PlanGoal } from './types.js'

/** Metrics where less is better. */
export const lowerIsBetter: ReadonlySet<GoalMetric> = new Set(['median_response_hours'])

export type GoalStatus = 'met' | 'on_track' | 'behind' | 'waiting'

/**
 * A goal's status and progress (0–1, 1 when met) for the live `value` (null: no data yet), on
 * `today` (yyyy-mm-dd in the workspace's zone). Higher is better except for
 * `median_response_hours`, where progress is target ÷ value. Not met: behind once `today` is past
 * `due`; before that, on track when progress keeps pace with the time elapsed from `since` (the
 * day the goal was set, yyyy-mm-dd) to `due`, or always when `since` is not given.
 */
export function goalProgress(goal: PlanGoal, value: number | null, today: string, since?: string): { status: GoalStatus; progress: number | null } {
  if (value === null || !Number.isFinite(value)) return { status: 'waiting', progress: null }
  const lower = lowerIsBetter.has(goal.metric)
  const met = lower ? value <= goal.target : value >= goal.target
  if (met) return { status: 'met', progress: 1 }
  const raw = lower ? goal.target / value : goal.target > 0 ? value / goal.target : 0
  const progress = Math.min(1, Math.max(0, raw))
  if (!isIsoDate(goal.due) || !isIsoDate(today)) return { status: 'on_track', progress }
  const day = dayNumber(today)
  const due = dayNumber(goal.due)
  if (day > due) return { status: 'behind', progress }
  if (since === undefined || !isIsoDate(since) || dayNumber(since) >= due) return { status: 'on_track', progress }
  const start = dayNumber(since)
  const elapsed = Math.min(1, Math.max(0, (day - start) / (due - start)))
  return { status: progress >= elapsed ? 'on_track' : 'behind', progress }
}

/** The fuel check's bands: under 75% of the planned hours is below plan, over 125% above. */
export const fuelBands = { below: 0.75, above: 1.25 } as const

/**
 * The plan's hours a week against the activity's (the last 4 weeks): "your plan says 5 hours a
 * week; the last 4 weeks show 1.5". `count` is the planned hours (it chooses the plural form),
 * `actual` the hours seen, rounded to one decimal.
 */
export function checkFuel(plan: Pick<Plan, 'hoursPerWeek'>, signals: Pick<CoachSignals, 'hoursPerWeek'>): Message {
  const planned = Number.isFinite(plan.hoursPerWeek) ? Math.max(0, plan.hoursPerWeek) : 0
  if (signals.hoursPerWeek === null) {
    return planned > 0 ? message('coach.fuel.no_activity', { count: planned }) : message('coach.fuel.no_activity_no_plan')
  }
  const actual = Math.round(signals.hoursPerWeek * 10) / 10
  if (planned === 0) return message('coach.fuel.no_plan_hours', { count: actual })
  const ratio = actual / planned
  const band = ratio < fuelBands.below ? 'below' : ratio > fuelBands.above ? 'above' : 'on_plan'
  return message(`coach.fuel.${band}`, { count: planned, actual })
}
