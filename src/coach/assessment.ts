/**
 * The stage assessment: the questionnaire's answers and the workspace's activity, weighed by
 * the domain's stage model; each run is kept, so the stage history can be shown. Re-assessed
 * weekly by a job, and at once when the answers change or the person asks.
 */
import { AppError, answerProblems, assess, nextSteps, type Answers, type Assessment, type NextStep, type Stage } from '../domain/index.js'
import { getCoachAnswers, insertAssessment, listAssessments, newId, saveCoachAnswers, workspacesDueAssessment, type CoachAssessmentRow } from '../store/index.js'
import type { CoachActor, CoachContext } from './context.js'
import { weekMs } from './periods.js'
import { readActivity } from './signals.js'

export interface StoredAssessment {
  assessment: Assessment
  assessedAt: number
}

export interface AssessmentView {
  current: StoredAssessment | null
  history: Array<{ stage: Stage; assessedAt: number }>
  nextSteps: NextStep[]
}

/** Checks answers against the questionnaire: every question and option must exist. */
export function checkAnswers(answers: Answers): void {
  const problems = answerProblems(answers)
  if (problems.length === 0) return
  const fields = problems.map((p) =>
    p.problem === 'unknown_question'
      ? { field: p.field, messageKey: 'coach.answer_unknown_question', params: { question: p.questionId } as Record<string, string> }
      : { field: p.field, messageKey: 'coach.answer_unknown_option', params: { option: p.optionId } },
  )
  throw new AppError('validation', 'coach_answers_invalid', { count: fields.length }, fields)
}

async function answersOf(ctx: CoachContext, workspaceId: string): Promise<Answers> {
  const row = await getCoachAnswers(ctx.db, workspaceId)
  return row ? (JSON.parse(row.answers) as Answers) : {}
}

/** Assesses the workspace now and keeps the result. */
export async function assessWorkspace(ctx: CoachContext, workspaceId: string): Promise<StoredAssessment> {
  const [answers, facts] = await Promise.all([answersOf(ctx, workspaceId), readActivity(ctx, workspaceId)])
  const assessment = assess(answers, facts.signals)
  const assessedAt = ctx.now()
  const row: CoachAssessmentRow = {
    id: newId(),
    workspaceId,
    stage: assessment.stage,
    answersStage: assessment.answersStage,
    activityStage: assessment.activityStage,
    decidedBy: assessment.decidedBy,
    detail: JSON.stringify(assessment),
    signals: JSON.stringify(facts.signals),
    assessedAt,
  }
  await insertAssessment(ctx.db, row)
  return { assessment, assessedAt }
}

/** Saves the questionnaire's answers (replacing earlier ones) and assesses again. */
export async function saveAnswers(ctx: CoachContext, actor: CoachActor, answers: Answers): Promise<AssessmentView> {
  checkAnswers(answers)
  await saveCoachAnswers(ctx.db, { workspaceId: actor.workspaceId, answers: JSON.stringify(answers), answeredBy: actor.userId, answeredAt: ctx.now() })
  await assessWorkspace(ctx, actor.workspaceId)
  return getAssessment(ctx, actor.workspaceId)
}

/** The questionnaire with the workspace's answers. */
export async function getQuestionnaire(ctx: CoachContext, workspaceId: string): Promise<{ answers: Answers; answeredAt: number | null }> {
  const row = await getCoachAnswers(ctx.db, workspaceId)
  return { answers: row ? (JSON.parse(row.answers) as Answers) : {}, answeredAt: row?.answeredAt ?? null }
}

/** The latest assessment, the history (oldest first) and the next steps, ticked from today's data. */
export async function getAssessment(ctx: CoachContext, workspaceId: string): Promise<AssessmentView> {
  const rows = await listAssessments(ctx.db, workspaceId, 60)
  const latest = rows[0]
  if (!latest) return { current: null, history: [], nextSteps: [] }
  const facts = await readActivity(ctx, workspaceId)
  const assessment = JSON.parse(latest.detail) as Assessment
  // One point per day in the history: the day's last assessment.
  const byDay = new Map<string, { stage: Stage; assessedAt: number }>()
  for (const row of [...rows].reverse()) byDay.set(new Date(row.assessedAt).toISOString().slice(0, 10), { stage: row.stage as Stage, assessedAt: row.assessedAt })
  return {
    current: { assessment, assessedAt: latest.assessedAt },
    history: [...byDay.values()],
    nextSteps: nextSteps(assessment.stage, facts.signals),
  }
}

/** The weekly job: assesses every workspace whose last assessment is a week old (or that has none yet but has answers or accounts). */
export async function reassessDue(ctx: CoachContext): Promise<number> {
  let done = 0
  for (;;) {
    const due = await workspacesDueAssessment(ctx.db, ctx.now() - weekMs, 50)
    if (due.length === 0) return done
    for (const workspaceId of due) {
      await assessWorkspace(ctx, workspaceId)
      done++
    }
  }
}
