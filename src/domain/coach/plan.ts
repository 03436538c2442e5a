/**
 * The strategic plan's seven steps (METHODOLOGY.md B) as stored: an empty plan to start from and
 * the problems that make a plan unusable, each naming its field (`goals.0.target`) and a
 * `coach.plan_problems.*` message. The mix, goal progress and fuel check live in plan-mix.ts and
 * plan-progress.ts.
 */
import { contentTypes, equityParts, goalAreas, goalMetrics, measureKinds, toolFamilies, type Plan } from './types.js'

/** A plan problem: the field (dotted path), the message key and its params. */
export interface PlanProblem {
  field: string
  key: string
  params: Record<string, string | number>
}

/** Goal metrics measured in percent (a target above 100 cannot be met). */
export const percentMetrics: ReadonlySet<string> = new Set(['reply_rate', 'engagement_rate'])

const hoursInWeek = 168

/** True for a real calendar date written yyyy-mm-dd. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Days since 1970-01-01 of a yyyy-mm-dd date (for comparing and measuring spans; no clock). */
export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  return Date.UTC(year, month - 1, day) / 86_400_000
}

/** A plan with nothing chosen yet: the builder's starting point. */
export function emptyPlan(): Plan {
  return {
    goals: [],
    limits: '',
    audience: '',
    networks: [],
    mix: {},
    tools: {},
    measures: [],
    equityTargets: {},
    hoursPerWeek: 0,
    people: [],
    contentSources: [],
    risks: '',
    reviewDates: [],
  }
}

/**
 * How far the people's hours may go above the plan's before it is flagged: a quarter of the plan,
 * and at least 2 hours, since estimates per person are rough.
 */
export function peopleHoursSlack(planHours: number): number {
  return Math.max(2, planHours * 0.25)
}

const validHours = (hours: number) => Number.isFinite(hours) && hours >= 0 && hours <= hoursInWeek

function goalProblems(plan: Plan, add: (field: string, name: string, params?: Record<string, string | number>) => void): void {
  if (plan.goals.length === 0) add('goals', 'no_goals')
  const seen = new Set<string>()
  plan.goals.forEach((goal, i) => {
    const at = `goals.${i}`
    if (seen.has(goal.id)) add(`${at}.id`, 'goal_duplicate')
    seen.add(goal.id)
    if (goal.text.trim() === '') add(`${at}.text`, 'goal_text')
    if (!(goalAreas as readonly string[]).includes(goal.area)) add(`${at}.area`, 'goal_area')
    if (!(goalMetrics as readonly string[]).includes(goal.metric)) add(`${at}.metric`, 'goal_metric')
    if (!Number.isFinite(goal.target) || goal.target <= 0) add(`${at}.target`, 'goal_target')
    else if (percentMetrics.has(goal.metric) && goal.target > 100) add(`${at}.target`, 'goal_target_percent')
    if (!isIsoDate(goal.due)) add(`${at}.due`, 'goal_due')
  })
}

function mixProblems(plan: Plan, add: (field: string, name: string, params?: Record<string, string | number>) => void): void {
  let sum = 0
  let chosen = 0
  for (const [type, share] of Object.entries(plan.mix)) {
    if (!(contentTypes as readonly string[]).includes(type)) add(`mix.${type}`, 'mix_unknown')
    else if (share === undefined) continue
    else if (!Number.isInteger(share) || share < 0 || share > 100) add(`mix.${type}`, 'mix_share')
    else {
      sum += share
      if (share > 0) chosen++
    }
  }
  if (chosen === 0) add('mix', 'mix_empty')
  else if (sum !== 100) add('mix', 'mix_sum', { sum })
}

/** Every problem of `plan`, in the order of its steps; an empty list when it can be saved and used. */
export function planProblems(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = []
  const add = (field: string, name: string, params: Record<string, string | number> = {}) =>
    problems.push({ field, key: `coach.plan_problems.${name}`, params })

  goalProblems(plan, add)
  const networks = new Set<string>()
  plan.networks.forEach(({ network }, i) => {
    const id = network.trim().toLowerCase()
    if (id === '') add(`networks.${i}.network`, 'network_empty')
    else if (networks.has(id)) add(`networks.${i}.network`, 'network_duplicate', { network: network.trim() })
    networks.add(id)
  })
  mixProblems(plan, add)
  for (const family of Object.keys(plan.tools)) {
    if (!(toolFamilies as readonly string[]).includes(family)) add(`tools.${family}`, 'tool_family_unknown')
  }
  const measures = new Set<string>()
  plan.measures.forEach((kind, i) => {
    if (!(measureKinds as readonly string[]).includes(kind)) add(`measures.${i}`, 'measure_unknown')
    else if (measures.has(kind)) add(`measures.${i}`, 'measure_duplicate')
    measures.add(kind)
  })
  for (const [part, target] of Object.entries(plan.equityTargets)) {
    if (!(equityParts as readonly string[]).includes(part)) add(`equityTargets.${part}`, 'equity_unknown')
    else if (target !== undefined && (!Number.isFinite(target) || target < 0 || target > 100)) add(`equityTargets.${part}`, 'equity_target')
  }
  if (!validHours(plan.hoursPerWeek)) add('hoursPerWeek', 'hours')
  let peopleHours = 0
  plan.people.forEach((person, i) => {
    if (person.name.trim() === '') add(`people.${i}.name`, 'person_name')
    if (!validHours(person.hoursPerWeek)) add(`people.${i}.hoursPerWeek`, 'hours')
    else peopleHours += person.hoursPerWeek
  })
  if (validHours(plan.hoursPerWeek) && peopleHours > plan.hoursPerWeek + peopleHoursSlack(plan.hoursPerWeek)) {
    add('people', 'people_hours_above_plan', { count: peopleHours, hours: plan.hoursPerWeek })
  }
  plan.reviewDates.forEach((date, i) => {
    if (!isIsoDate(date)) add(`reviewDates.${i}`, 'review_date')
  })
  return problems
}
