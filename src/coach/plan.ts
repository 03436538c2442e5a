/**
 * The strategic plan: saved after the domain's checks, shown with each goal's live value, the
 * fuel check (planned hours against what the app sees) and the actual 4E mix; shared read-only
 * by an unguessable link that can be withdrawn.
 */
import { DateTime } from 'luxon'
import {
  AppError,
  errors,
  actualMix,
  checkFuel,
  goalProgress,
  isContentType,
  planProblems,
  suggestMix,
  type CompanyProfile,
  type ContentType,
  type Message,
  type Plan,
  type PlanGoal,
} from '../domain/index.js'
import { hashToken, randomToken } from '../security/index.js'
import { findPlanByShareHash, findWorkspace, getCoachPlan, saveCoachPlan, setPlanShare } from '../store/index.js'
import type { CoachActor, CoachContext } from './context.js'
import { liveValue } from './goals.js'
import { weekMs } from './periods.js'
import { readActivity, type ActivityFacts } from './signals.js'

export interface GoalLive {
  goalId: string
  value: number | null
  status: 'met' | 'on_track' | 'behind' | 'waiting'
  progress: number | null
  waitingFor: Message | null
}

export interface PlanView {
  plan: Plan | null
  updatedAt: number | null
  live: GoalLive[]
  fuel: { plannedHours: number; actualHours: number | null; message: Message } | null
  actualMix: Partial<Record<ContentType, number>>
  shareUrl: string | null
}

/** Today and the plan's first day as yyyy-mm-dd in the workspace's time zone. */
export async function datesIn(ctx: CoachContext, workspaceId: string, createdAt: number): Promise<{ today: string; since: string }> {
  const workspace = await findWorkspace(ctx.db, workspaceId)
  const zone = workspace?.timeZone ?? 'UTC'
  const day = (ms: number) => DateTime.fromMillis(ms, { zone }).toISODate() ?? new Date(ms).toISOString().slice(0, 10)
  return { today: day(ctx.now()), since: day(createdAt) }
}

/** Goals with their live values; `since` (the plan's first day) lets "on track" compare progress with time elapsed. */
function liveGoals(goals: PlanGoal[], facts: ActivityFacts, now: number, today: string, since: string): GoalLive[] {
  return goals.map((goal) => {
    const { value, waitingFor } = liveValue(goal, facts, now)
    const progress = goalProgress(goal, value, today, since)
    return { goalId: goal.id, value, status: progress.status, progress: progress.progress, waitingFor }
  })
}

function shareUrl(ctx: CoachContext, sealed: string | null): string | null {
  if (!sealed) return null
  return new URL(`/shared/plans/${ctx.secrets.open(sealed)}`, ctx.publicUrl).toString()
}

/** The plan with its live values. */
export async function getPlan(ctx: CoachContext, workspaceId: string): Promise<PlanView> {
  const [row, facts] = await Promise.all([getCoachPlan(ctx.db, workspaceId), readActivity(ctx, workspaceId)])
  const now = ctx.now()
  const recentTypes = facts.posts.filter((post) => post.publishedAt >= now - 8 * weekMs).map((post) => (isContentType(post.contentType) ? post.contentType : null))
  const mix = actualMix(recentTypes)
  if (!row) return { plan: null, updatedAt: null, live: [], fuel: null, actualMix: mix, shareUrl: null }
  const plan = JSON.parse(row.plan) as Plan
  const { today, since } = await datesIn(ctx, workspaceId, row.createdAt)
  return {
    plan,
    updatedAt: row.updatedAt,
    live: liveGoals(plan.goals, facts, now, today, since),
    fuel: { plannedHours: plan.hoursPerWeek, actualHours: facts.signals.hoursPerWeek, message: checkFuel(plan, facts.signals) },
    actualMix: mix,
    shareUrl: shareUrl(ctx, row.shareTokenSealed),
  }
}

/** Saves the plan after the domain's checks; a rejected plan changes nothing stored. */
export async function savePlan(ctx: CoachContext, actor: CoachActor, plan: Plan): Promise<PlanView> {
  const problems = planProblems(plan)
  if (problems.length > 0) {
    throw new AppError(
      'validation',
      'coach_plan_invalid',
      { count: problems.length },
      problems.map((problem) => ({ field: problem.field, messageKey: problem.key, params: problem.params })),
    )
  }
  await saveCoachPlan(ctx.db, { workspaceId: actor.workspaceId, plan: JSON.stringify(plan), updatedBy: actor.userId, updatedAt: ctx.now() })
  return getPlan(ctx, actor.workspaceId)
}

/** A 4E mix sized to the company. */
export function suggestPlanMix(profile: CompanyProfile): ReturnType<typeof suggestMix> {
  return suggestMix(profile)
}

/** Shares the plan read-only; the same link while shared. */
export async function sharePlan(ctx: CoachContext, workspaceId: string): Promise<string> {
  const row = await getCoachPlan(ctx.db, workspaceId)
  if (!row) throw errors.notFound('plan')
  const existing = shareUrl(ctx, row.shareTokenSealed)
  if (existing) return existing
  const token = randomToken(24)
  await setPlanShare(ctx.db, workspaceId, { hash: hashToken(token), sealed: ctx.secrets.seal(token) })
  return new URL(`/shared/plans/${token}`, ctx.publicUrl).toString()
}

/** Withdraws the share link: the old link stops working. */
export async function unsharePlan(ctx: CoachContext, workspaceId: string): Promise<void> {
  await setPlanShare(ctx.db, workspaceId, null)
}

/** A shared plan, for anyone holding the link. */
export async function getSharedPlan(ctx: CoachContext, token: string): Promise<{ workspaceName: string; plan: Plan; live: GoalLive[]; updatedAt: number }> {
  const row = await findPlanByShareHash(ctx.db, hashToken(token))
  if (!row) throw errors.notFound('shared_page')
  const [workspace, facts, dates] = await Promise.all([findWorkspace(ctx.db, row.workspaceId), readActivity(ctx, row.workspaceId), datesIn(ctx, row.workspaceId, row.createdAt)])
  const plan = JSON.parse(row.plan) as Plan
  return { workspaceName: workspace?.name ?? '', plan, live: liveGoals(plan.goals, facts, ctx.now(), dates.today, dates.since), updatedAt: row.updatedAt }
}
