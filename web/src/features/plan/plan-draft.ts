/**
 * The plan builder's working copy. A `Plan` from the API becomes a draft the inputs can hold
 * (an empty number field is `''`, a goal may not have its area yet), and a draft becomes a `Plan`
 * again only when it passes the checks the browser can make; each problem is named by the same
 * field path the server uses (`goals.0.target`, `mix`), so ours and the server's land in one place.
 */
import {
  contentTypes,
  equityParts,
  toolFamilies,
  type ContentType,
  type EquityPart,
  type GoalArea,
  type GoalMetric,
  type MeasureKind,
  type Plan,
  type ToolFamily,
} from '../../app/coach-types'
import { completeMix, mixTotal } from './plan-mix'

/** The seven steps of the plan, in the order the builder walks them. */
export const planSteps = ['goals', 'landscape', 'mix', 'tools', 'measures', 'fuel', 'risks'] as const
export type PlanStep = (typeof planSteps)[number]

/**
 * A number field's value as Mantine's NumberInput gives it: a number, or the text while it is not
 * one yet (`''` when empty, `'2.'` halfway through typing a decimal).
 */
export type NumberValue = number | string

export interface GoalDraft {
  id: string
  area: GoalArea | null
  text: string
  metric: GoalMetric | null
  target: NumberValue
  /** yyyy-mm-dd, or '' until chosen. */
  due: string
}

export interface PersonDraft {
  /** Only for the list's keys; never sent. */
  key: string
  name: string
  role: string
  hoursPerWeek: NumberValue
}

export interface ReviewDateDraft {
  /** Only for the list's keys; never sent. */
  key: string
  date: string
}

export interface PlanDraft {
  goals: GoalDraft[]
  limits: string
  audience: string
  networks: Array<{ network: string; why: string }>
  mix: Record<ContentType, number>
  tools: Record<ToolFamily, string[]>
  measures: MeasureKind[]
  equityTargets: Record<EquityPart, NumberValue>
  hoursPerWeek: NumberValue
  people: PersonDraft[]
  contentSources: string[]
  risks: string
  reviewDates: ReviewDateDraft[]
}

/** What the browser can find wrong before sending; `required` reads from the shared validation keys. */
export type DraftProblem = 'required' | 'number' | 'date' | 'mixTotal'

/** Problems by field path, e.g. `{ 'goals.0.due': 'date', mix: 'mixTotal' }`. */
export type DraftProblems = Record<string, DraftProblem>

const idAlphabet = '0123456789abcdefghjkmnpqrstvwxyz'

/**
 * A random id for a new goal (26 characters, like the server's ids). `crypto.getRandomValues`
 * works on plain http too, where `crypto.randomUUID` does not exist, and self-hosted installs
 * are often reached that way on a local network.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(26))
  return Array.from(bytes, (byte) => idAlphabet[byte % idAlphabet.length]).join('')
}

/** A goal row with nothing chosen yet. */
export function emptyGoal(): GoalDraft {
  return { id: newId(), area: null, text: '', metric: null, target: '', due: '' }
}

export function emptyPerson(): PersonDraft {
  return { key: newId(), name: '', role: '', hoursPerWeek: '' }
}

export function emptyReviewDate(date = ''): ReviewDateDraft {
  return { key: newId(), date }
}

function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>
}

/**
 * The working copy of a saved plan, or of a new one: one empty goal to start from and an even
 * 4E mix (it adds up to 100, and the mix step invites changing it).
 */
export function draftFromPlan(plan: Plan | null): PlanDraft {
  if (!plan) {
    return {
      goals: [emptyGoal()],
      limits: '',
      audience: '',
      networks: [],
      mix: recordOf(contentTypes, () => 25),
      tools: recordOf(toolFamilies, () => []),
      measures: [],
      equityTargets: recordOf(equityParts, () => ''),
      hoursPerWeek: '',
      people: [],
      contentSources: [],
      risks: '',
      reviewDates: [],
    }
  }
  return {
    goals: plan.goals.map((goal) => ({ ...goal })),
    limits: plan.limits,
    audience: plan.audience,
    networks: plan.networks.map((entry) => ({ ...entry })),
    mix: completeMix(plan.mix),
    tools: recordOf(toolFamilies, (family) => [...(plan.tools[family] ?? [])]),
    measures: [...plan.measures],
    equityTargets: recordOf(equityParts, (part) => plan.equityTargets[part] ?? ''),
    hoursPerWeek: plan.hoursPerWeek,
    people: plan.people.map((person) => ({ key: newId(), ...person })),
    contentSources: [...plan.contentSources],
    risks: plan.risks,
    reviewDates: plan.reviewDates.map((date) => emptyReviewDate(date)),
  }
}

/** Whether a text is a real calendar day written yyyy-mm-dd (2025-02-30 is not). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** A number field's number, or null while it holds none. */
export function numberOf(value: NumberValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (!value.trim()) return null
  const parsed = Number(value)
  return Number.isFinite(parsed) ? parsed : null
}

function checkNumber(problems: DraftProblems, path: string, value: NumberValue): void {
  if (typeof value === 'string' && !value.trim()) problems[path] = 'required'
  else if (numberOf(value) === null) problems[path] = 'number'
}

function checkDay(problems: DraftProblems, path: string, value: string): void {
  if (!value.trim()) problems[path] = 'required'
  else if (!isDay(value)) problems[path] = 'date'
}

/**
 * The plan to send, or what must be fixed first. Nothing is dropped or reordered, so list indexes
 * in the server's field paths (`people.1.name`) point at the same rows the person sees.
 */
export function draftToPlan(draft: PlanDraft): { plan: Plan; problems: null } | { plan: null; problems: DraftProblems } {
  const problems: DraftProblems = {}
  draft.goals.forEach((goal, index) => {
    const at = `goals.${index}`
    if (!goal.area) problems[`${at}.area`] = 'required'
    if (!goal.text.trim()) problems[`${at}.text`] = 'required'
    if (!goal.metric) problems[`${at}.metric`] = 'required'
    checkNumber(problems, `${at}.target`, goal.target)
    checkDay(problems, `${at}.due`, goal.due)
  })
  draft.networks.forEach((entry, index) => {
    if (!entry.network.trim()) problems[`networks.${index}.network`] = 'required'
  })
  if (mixTotal(draft.mix) !== 100) problems.mix = 'mixTotal'
  checkNumber(problems, 'hoursPerWeek', draft.hoursPerWeek)
  draft.people.forEach((person, index) => {
    if (!person.name.trim()) problems[`people.${index}.name`] = 'required'
    checkNumber(problems, `people.${index}.hoursPerWeek`, person.hoursPerWeek)
  })
  for (const part of equityParts) {
    if (draft.equityTargets[part] !== '') checkNumber(problems, `equityTargets.${part}`, draft.equityTargets[part])
  }
  draft.reviewDates.forEach((entry, index) => checkDay(problems, `reviewDates.${index}`, entry.date))
  if (Object.keys(problems).length > 0) return { plan: null, problems }

  const equityTargets: Plan['equityTargets'] = {}
  for (const part of equityParts) {
    const value = numberOf(draft.equityTargets[part])
    if (value !== null) equityTargets[part] = value
  }
  const plan: Plan = {
    // The checks above made area, metric and every number present.
    goals: draft.goals.map((goal) => ({
      id: goal.id,
      area: goal.area!,
      text: goal.text.trim(),
      metric: goal.metric!,
      target: numberOf(goal.target)!,
      due: goal.due,
    })),
    limits: draft.limits.trim(),
    audience: draft.audience.trim(),
    networks: draft.networks.map((entry) => ({ network: entry.network.trim(), why: entry.why.trim() })),
    mix: { ...draft.mix },
    tools: recordOf(toolFamilies, (family) => draft.tools[family].map((tool) => tool.trim()).filter(Boolean)),
    measures: [...draft.measures],
    equityTargets,
    hoursPerWeek: numberOf(draft.hoursPerWeek)!,
    people: draft.people.map((person) => ({ name: person.name.trim(), role: person.role.trim(), hoursPerWeek: numberOf(person.hoursPerWeek)! })),
    contentSources: draft.contentSources.map((source) => source.trim()).filter(Boolean),
    risks: draft.risks.trim(),
    reviewDates: draft.reviewDates.map((entry) => entry.date),
  }
  return { plan, problems: null }
}

const stepOfFirstSegment: Record<string, PlanStep> = {
  goals: 'goals',
  limits: 'goals',
  audience: 'landscape',
  networks: 'landscape',
  mix: 'mix',
  tools: 'tools',
  measures: 'measures',
  equityTargets: 'measures',
  hoursPerWeek: 'fuel',
  people: 'fuel',
  contentSources: 'fuel',
  risks: 'risks',
  reviewDates: 'risks',
}

/**
 * The step that shows a field, from its path (`plan.` in front is tolerated, since a server may
 * name fields from the body's root); null for a path no step shows.
 */
export function stepOfField(path: string): PlanStep | null {
  const segments = path.split('.')
  const first = segments[0] === 'plan' ? segments[1] : segments[0]
  return (first !== undefined && stepOfFirstSegment[first]) || null
}

/** A field path as the builder's fields name it: without a leading `plan.`. */
export function fieldPath(path: string): string {
  return path.startsWith('plan.') ? path.slice('plan.'.length) : path
}

/** The total of hours the people on the plan give each week (empty fields count as none). */
export function peopleHours(people: readonly PersonDraft[]): number {
  return people.reduce((sum, person) => sum + (numberOf(person.hoursPerWeek) ?? 0), 0)
}

/** How many tools the plan names across its four families. */
export function toolCount(tools: Record<ToolFamily, string[]>): number {
  return toolFamilies.reduce((sum, family) => sum + tools[family].length, 0)
}

/**
 * The day a new review date starts at: three months after the last one, or after today. A plan
 * looked at again each quarter stays alive; the person can change it.
 */
export function nextReviewDate(dates: readonly string[], today: string): string {
  const last = [...dates].filter(isDay).sort().at(-1)
  const from = last && last > today ? last : today
  const date = new Date(`${from}T00:00:00Z`)
  const day = date.getUTCDate()
  date.setUTCDate(1)
  date.setUTCMonth(date.getUTCMonth() + 3)
  // 30 November + 3 months is the end of February, not 2 March.
  const lastOfMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate()
  date.setUTCDate(Math.min(day, lastOfMonth))
  return date.toISOString().slice(0, 10)
}

/** Past this many tools, the tools step reminds the person not to run everything at once. */
export const manyTools = 8
