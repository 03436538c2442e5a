/**
 * Stage 6, "evangelist": a public, read-only results page the owner sends to other business
 * owners — the figures they choose, their own words, the plan's goals met and the tools used.
 */
import { AppError, errors, goalProgress, type Plan, type Stage } from '../domain/index.js'
import { hashToken, randomToken } from '../security/index.js'
import { findResultsByShareHash, findWorkspace, getCoachPlan, getCoachResults, listAssessments, saveCoachResults } from '../store/index.js'
import type { CoachContext } from './context.js'
import { liveValue } from './goals.js'
import { datesIn } from './plan.js'
import { readActivity } from './signals.js'

export const resultFigures = ['stage', 'posts', 'weeks_with_posts', 'reply_rate', 'response_time', 'mentions', 'goals_met', 'tools'] as const
export type ResultFigure = (typeof resultFigures)[number]
export const maxStoryLength = 2000

export interface ResultsSettings {
  figures: ResultFigure[]
  story: string
  published: boolean
  url: string | null
}

/** A figure's value, typed so the presenter formats it in the reader's language. */
export type FigureValue =
  | { id: ResultFigure; kind: 'count'; value: number }
  | { id: ResultFigure; kind: 'percent'; value: number }
  | { id: ResultFigure; kind: 'hours'; value: number }
  | { id: ResultFigure; kind: 'stage'; value: Stage }
  | { id: ResultFigure; kind: 'weeks'; value: number }

export interface PublicResultsData {
  workspaceName: string
  story: string
  figures: FigureValue[]
  goalsMet: Array<{ text: string; target: number; value: number }>
  tools: string[]
  stage: Stage | null
}

function urlOf(ctx: CoachContext, sealed: string | null): string | null {
  return sealed ? new URL(`/shared/results/${ctx.secrets.open(sealed)}`, ctx.publicUrl).toString() : null
}

export async function getResultsSettings(ctx: CoachContext, workspaceId: string): Promise<ResultsSettings> {
  const row = await getCoachResults(ctx.db, workspaceId)
  if (!row) return { figures: ['stage', 'posts', 'reply_rate', 'goals_met'], story: '', published: false, url: null }
  return { figures: JSON.parse(row.figures) as ResultFigure[], story: row.story, published: row.published === 1, url: row.published === 1 ? urlOf(ctx, row.shareTokenSealed) : null }
}

/** Saves the page; publishing gives it a link (kept while published), unpublishing withdraws it. */
export async function saveResultsSettings(ctx: CoachContext, workspaceId: string, input: { figures: ResultFigure[]; story: string; published: boolean }): Promise<ResultsSettings> {
  if (input.story.length > maxStoryLength) {
    throw new AppError('validation', 'coach_story_too_long', { max: maxStoryLength }, [{ field: 'story', messageKey: 'coach.story_too_long', params: { max: maxStoryLength } }])
  }
  const row = await getCoachResults(ctx.db, workspaceId)
  let hash = row?.shareTokenHash ?? null
  let sealed = row?.shareTokenSealed ?? null
  if (input.published && !sealed) {
    const token = randomToken(24)
    hash = hashToken(token)
    sealed = ctx.secrets.seal(token)
  }
  if (!input.published) {
    hash = null
    sealed = null
  }
  await saveCoachResults(ctx.db, {
    workspaceId,
    figures: JSON.stringify([...new Set(input.figures)]),
    story: input.story.trim(),
    published: input.published ? 1 : 0,
    shareTokenHash: hash,
    shareTokenSealed: sealed,
    updatedAt: ctx.now(),
  })
  return getResultsSettings(ctx, workspaceId)
}

/** The public page's data, for anyone holding the link of a published page. */
export async function getPublicResults(ctx: CoachContext, token: string): Promise<PublicResultsData> {
  const row = await findResultsByShareHash(ctx.db, hashToken(token))
  if (!row) throw errors.notFound('shared_page')
  const workspaceId = row.workspaceId
  const [workspace, facts, planRow, assessments] = await Promise.all([
    findWorkspace(ctx.db, workspaceId),
    readActivity(ctx, workspaceId),
    getCoachPlan(ctx.db, workspaceId),
    listAssessments(ctx.db, workspaceId, 1),
  ])
  const plan = planRow ? (JSON.parse(planRow.plan) as Plan) : null
  const now = ctx.now()
  // "Met" as the plan page says it: the workspace's day, progress measured since the plan began.
  const { today, since } = planRow ? await datesIn(ctx, workspaceId, planRow.createdAt) : { today: '', since: '' }
  const goalsMet = (plan?.goals ?? []).flatMap((goal) => {
    const { value } = liveValue(goal, facts, now)
    return value !== null && goalProgress(goal, value, today, since).status === 'met' ? [{ text: goal.text, target: goal.target, value }] : []
  })
  const tools = plan ? Object.values(plan.tools).flatMap((list) => list ?? []) : []
  const stage = (assessments[0]?.stage ?? null) as Stage | null
  const s = facts.signals
  const chosen = JSON.parse(row.figures) as ResultFigure[]
  const figures = chosen.flatMap((id): FigureValue[] => {
    switch (id) {
      case 'stage':
        return stage ? [{ id, kind: 'stage', value: stage }] : []
      case 'posts':
        return [{ id, kind: 'count', value: s.postsPublished }]
      case 'weeks_with_posts':
        return [{ id, kind: 'weeks', value: s.weeksWithPosts }]
      case 'reply_rate':
        return s.conversations && s.conversations.received > 0 ? [{ id, kind: 'percent', value: Math.round((s.conversations.answered / s.conversations.received) * 100) }] : []
      case 'response_time':
        return s.conversations && s.conversations.medianResponseMs !== null ? [{ id, kind: 'hours', value: Math.round((s.conversations.medianResponseMs / 3_600_000) * 10) / 10 }] : []
      case 'mentions':
        return [{ id, kind: 'count', value: s.mentionsFound }]
      case 'goals_met':
        return plan ? [{ id, kind: 'count', value: goalsMet.length }] : []
      case 'tools':
        return tools.length > 0 ? [{ id, kind: 'count', value: tools.length }] : []
    }
  })
  return { workspaceName: workspace?.name ?? '', story: row.story, figures, goalsMet, tools, stage }
}
