/**
 * The coach's pure rules for the screen: which page a next step opens, how the six-stage ladder
 * and the stage history are laid out, how far the questionnaire is, how the handle check and the
 * reservation checklist become one table, and which myth each stage tends to believe.
 */
import { stages, type HandleCheckResponse, type HandleChecklist, type Stage } from '../../app/coach-types'
import { paths } from '../../app/paths'

/** The features a next step can open, as the API names them. */
export const stepTargets = ['listen', 'handles', 'compose', 'accounts', 'queue', 'ideas', 'checkins', 'inbox', 'measure', 'plan', 'share', 'team'] as const
export type StepTarget = (typeof stepTargets)[number]

/**
 * The page each target opens; `null` for a feature without a page yet (the card then says when
 * it becomes available instead of offering a button that leads nowhere). The daily check-in has
 * no page of its own yet: sending people back to the coach would be a button that does nothing.
 */
const targetPaths: Record<StepTarget, string | null> = {
  listen: paths.listen,
  handles: paths.coachHandles,
  compose: paths.compose,
  accounts: paths.settingsAccounts,
  queue: paths.settingsPublishing,
  ideas: paths.ideas,
  checkins: null,
  // Mentions are answered from the listening stream until the inbox has its own page.
  inbox: paths.listen,
  measure: paths.measureSetup,
  plan: paths.coachPlan,
  share: paths.coachResults,
  team: paths.settingsTeam,
}

/** Whether the API's target is one this app knows. */
export function isStepTarget(target: string): target is StepTarget {
  return (stepTargets as readonly string[]).includes(target)
}

/** Where a next step's button leads, or null when the feature has no page (or is unknown). */
export function stepPath(target: string): string | null {
  return isStepTarget(target) ? targetPaths[target] : null
}

/** Where a stage sits against the workspace's current one. */
export type RungState = 'passed' | 'current' | 'ahead'

/** The six stages in climbing order, each marked against the current stage (all ahead without one). */
export function ladder(current: Stage | null): Array<{ stage: Stage; state: RungState }> {
  return stages.map((stage) => ({
    stage,
    state: current === null || stage > current ? 'ahead' : stage === current ? 'current' : 'passed',
  }))
}

export interface StageChange {
  stage: Stage
  /** When the stage was first seen in this stretch. */
  at: number
  direction: 'start' | 'up' | 'down'
}

/**
 * The moments the stage changed, oldest first: the history has one point a day, and a week of
 * the same stage is one line, not seven.
 */
export function stageChanges(history: ReadonlyArray<{ stage: Stage; assessedAt: number }>): StageChange[] {
  const sorted = [...history].sort((a, b) => a.assessedAt - b.assessedAt)
  const changes: StageChange[] = []
  for (const point of sorted) {
    const last = changes.at(-1)
    if (last && last.stage === point.stage) continue
    changes.push({ stage: point.stage, at: point.assessedAt, direction: !last ? 'start' : point.stage > last.stage ? 'up' : 'down' })
  }
  return changes
}

/**
 * The stage history as an SVG path (a step line: the stage holds until the next point), time
 * from the start to the end of the box and stage 1 at the bottom. Null with fewer than two points.
 */
export function stepChartPath(history: ReadonlyArray<{ stage: Stage; assessedAt: number }>, width: number, height: number, now: number): string | null {
  const sorted = [...history].sort((a, b) => a.assessedAt - b.assessedAt)
  const first = sorted[0]
  if (!first || sorted.length < 2) return null
  const end = Math.max(now, sorted.at(-1)!.assessedAt)
  const span = Math.max(1, end - first.assessedAt)
  const x = (at: number) => round(((at - first.assessedAt) / span) * width)
  const y = (stage: Stage) => round(height - ((stage - 1) / (stages.length - 1)) * height)
  let path = `M${x(first.assessedAt)} ${y(first.stage)}`
  for (const point of sorted.slice(1)) path += ` H${x(point.assessedAt)} V${y(point.stage)}`
  return `${path} H${x(end)}`
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

type Questions = ReadonlyArray<{ id: string; options: readonly string[] }>

/**
 * The saved answers that still fit the questionnaire: a question or option the API no longer
 * offers is dropped, so sending the form back cannot fail on an answer nobody can see.
 */
export function knownAnswers(questions: Questions, answers: Readonly<Record<string, string>>): Record<string, string> {
  const known: Record<string, string> = {}
  for (const question of questions) {
    const answer = answers[question.id]
    if (answer !== undefined && question.options.includes(answer)) known[question.id] = answer
  }
  return known
}

/** How many of the questions have an answer. */
export function answeredCount(questions: Questions, answers: Readonly<Record<string, string>>): number {
  return Object.keys(knownAnswers(questions, answers)).length
}

/** A readable label from an id the catalog does not know yet ("posts_per_week" → "Posts per week"). */
export function labelFromId(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : id
}

type HandleResult = HandleCheckResponse['results'][number]
type ChecklistItem = HandleChecklist['items'][number]

/** One network's line of the handle table: what the last check found and what is ticked. */
export interface HandleRow {
  network: string
  displayName: string | null
  /** The handle the tick applies to: the one just checked, else the one on the checklist. */
  handle: string
  /** Null for a network only on the checklist (not part of the last check). */
  result: HandleResult | null
  /** Whether `handle` is ticked as reserved. */
  reserved: boolean
  /** A different handle already reserved on that network, if any. */
  reservedOther: string | null
}

/**
 * The check's results and the checklist as one table: every checked network in the check's
 * order, then networks only the checklist knows.
 */
export function handleRows(results: readonly HandleResult[], items: readonly ChecklistItem[]): HandleRow[] {
  const itemOf = new Map(items.map((item) => [item.network, item]))
  const rows: HandleRow[] = results.map((result) => {
    const item = itemOf.get(result.network)
    const reservedHere = item?.reserved === true && item.handle === result.handle
    return {
      network: result.network,
      displayName: result.displayName,
      handle: result.handle,
      result,
      reserved: reservedHere,
      reservedOther: item?.reserved && !reservedHere ? item.handle : null,
    }
  })
  const checked = new Set(results.map((result) => result.network))
  for (const item of items) {
    if (checked.has(item.network)) continue
    rows.push({ network: item.network, displayName: null, handle: item.handle, result: null, reserved: item.reserved, reservedOther: null })
  }
  return rows
}

/** The checklist after ticking or unticking one row (one item per network; others kept as they are). */
export function withReserved(items: readonly ChecklistItem[], row: Pick<HandleRow, 'network' | 'handle'>, reserved: boolean): ChecklistItem[] {
  const next = { network: row.network, handle: row.handle, reserved }
  return items.some((item) => item.network === row.network) ? items.map((item) => (item.network === row.network ? next : item)) : [...items, next]
}

/** The myths a tip can answer. */
export const myths = ['followers', 'comments', 'every_network', 'roi', 'on_message', 'selling'] as const
export type Myth = (typeof myths)[number]

/**
 * The myth each stage is most likely to hold: at 1 that social media is no place to sell, at 2
 * that every post must stay on message, at 3 that followers are the measure, at 4 that ROI cannot
 * be measured, at 5 that blog comments are the measure of a blog. An evangelist needs no tip.
 */
const stageMyths: Record<Stage, Myth | null> = { 1: 'selling', 2: 'on_message', 3: 'followers', 4: 'roi', 5: 'comments', 6: null }

export function mythForStage(stage: Stage): Myth | null {
  return stageMyths[stage]
}

/** A myth whose rule has a page to act on: reserving your handle everywhere. */
export function mythLink(myth: Myth): string | null {
  return myth === 'every_network' ? paths.coachHandles : null
}
