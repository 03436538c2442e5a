/** The coach API's shapes (zod, for validation and OpenAPI) and presenters: messages leave translated. */
import { z } from 'zod'
import type { AssessmentView, FigureValue, PlanView, PublicResultsData } from '../coach/index.js'
import { contentTypes, equityParts, goalAreas, goalMetrics, measureKinds, toolFamilies, type Locale } from '../domain/index.js'
import type { Translate } from '../i18n/index.js'

const stageSchema = z.number().int().min(1).max(6)
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as yyyy-mm-dd')
const shortText = z.string().trim().max(500)
const longText = z.string().max(5000)

export const planSchema = z.object({
  goals: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        area: z.enum(goalAreas),
        text: z.string().trim().min(1).max(300),
        metric: z.enum(goalMetrics),
        target: z.number().finite(),
        due: isoDate,
      }),
    )
    .max(20),
  limits: longText,
  audience: longText,
  networks: z.array(z.object({ network: z.string().trim().min(1).max(40), why: shortText })).max(20),
  mix: z.partialRecord(z.enum(contentTypes), z.number().int().min(0).max(100)),
  tools: z.partialRecord(z.enum(toolFamilies), z.array(z.string().trim().min(1).max(80)).max(20)),
  measures: z.array(z.enum(measureKinds)).max(measureKinds.length),
  equityTargets: z.partialRecord(z.enum(equityParts), z.number().int().min(0).max(100)),
  hoursPerWeek: z.number().min(0).max(1000),
  people: z.array(z.object({ name: z.string().trim().min(1).max(100), role: shortText, hoursPerWeek: z.number().min(0).max(1000) })).max(50),
  contentSources: z.array(z.string().trim().min(1).max(200)).max(30),
  risks: longText,
  reviewDates: z.array(isoDate).max(24),
})

const goalLiveSchema = z.object({
  goalId: z.string(),
  value: z.number().nullable(),
  status: z.enum(['met', 'on_track', 'behind', 'waiting']),
  progress: z.number().nullable(),
  waitingFor: z.string().nullable(),
})

export const planResponseSchema = z.object({
  plan: planSchema.nullable(),
  updatedAt: z.number().nullable(),
  live: z.array(goalLiveSchema),
  fuel: z.object({ plannedHours: z.number(), actualHours: z.number().nullable(), text: z.string() }).nullable(),
  actualMix: z.partialRecord(z.enum(contentTypes), z.number()),
  shareUrl: z.string().nullable(),
})

export const publicPlanSchema = z.object({ workspaceName: z.string(), plan: planSchema, live: z.array(goalLiveSchema), updatedAt: z.number() })

export const assessmentSchema = z.object({
  current: z
    .object({
      stage: stageSchema,
      answersStage: stageSchema.nullable(),
      activityStage: stageSchema,
      decidedBy: z.enum(['both', 'answers', 'activity']),
      evidence: z.array(z.object({ text: z.string(), source: z.enum(['answers', 'activity']), pointsTo: stageSchema.nullable() })),
      disagreement: z.string().nullable(),
      waitingFor: z.array(z.string()),
      assessedAt: z.number(),
    })
    .nullable(),
  history: z.array(z.object({ stage: stageSchema, assessedAt: z.number() })),
  nextSteps: z.array(z.object({ id: z.string(), title: z.string(), why: z.string(), target: z.string(), done: z.boolean() })),
})

export const handleResultSchema = z.object({
  network: z.string(),
  displayName: z.string(),
  handle: z.string(),
  status: z.enum(['available', 'taken', 'invalid', 'unknown']),
  reason: z.string().nullable(),
  server: z.string(),
})

export const handleChecklistSchema = z.object({
  items: z.array(z.object({ network: z.string().trim().min(1).max(40), handle: z.string().max(300), reserved: z.boolean() })).max(50),
})

export const resultsSettingsSchema = z.object({
  figures: z.array(z.string()),
  story: z.string(),
  published: z.boolean(),
  url: z.string().nullable(),
})

export const publicResultsSchema = z.object({
  workspaceName: z.string(),
  story: z.string(),
  figures: z.array(z.object({ id: z.string(), label: z.string(), value: z.string() })),
  goalsMet: z.array(z.object({ text: z.string(), target: z.number(), value: z.number() })),
  tools: z.array(z.string()),
  stage: stageSchema.nullable(),
})

export function presentAssessment(view: AssessmentView, t: Translate): z.infer<typeof assessmentSchema> {
  const current = view.current
  return {
    current: current
      ? {
          stage: current.assessment.stage,
          answersStage: current.assessment.answersStage,
          activityStage: current.assessment.activityStage,
          decidedBy: current.assessment.decidedBy,
          evidence: current.assessment.evidence.map((e) => ({ text: t(e.message.key, e.message.params), source: e.source, pointsTo: e.pointsTo ?? null })),
          disagreement: current.assessment.disagreement ? t(current.assessment.disagreement.key, current.assessment.disagreement.params) : null,
          waitingFor: current.assessment.waitingFor.map((m) => t(m.key, m.params)),
          assessedAt: current.assessedAt,
        }
      : null,
    history: view.history,
    nextSteps: view.nextSteps.map((step) => ({ id: step.id, title: t(step.title.key, step.title.params), why: t(step.why.key, step.why.params), target: step.target, done: step.done })),
  }
}

export function presentPlan(view: PlanView, t: Translate): z.infer<typeof planResponseSchema> {
  return {
    plan: view.plan,
    updatedAt: view.updatedAt,
    live: view.live.map((goal) => ({ ...goal, waitingFor: goal.waitingFor ? t(goal.waitingFor.key, goal.waitingFor.params) : null })),
    fuel: view.fuel ? { plannedHours: view.fuel.plannedHours, actualHours: view.fuel.actualHours, text: t(view.fuel.message.key, view.fuel.message.params) } : null,
    actualMix: view.actualMix,
    shareUrl: view.shareUrl,
  }
}

function formatFigure(figure: FigureValue, t: Translate, locale: Locale): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  switch (figure.kind) {
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent' }).format(figure.value / 100)
    case 'hours':
      return t('coach.results.hours', { count: figure.value, value: number.format(figure.value) })
    case 'stage':
      return t(`coach.stage_names.${figure.value}`)
    case 'weeks':
      return t('coach.results.weeks', { count: figure.value })
    case 'count':
      return number.format(figure.value)
  }
}

export function presentPublicResults(data: PublicResultsData, t: Translate, locale: Locale): z.infer<typeof publicResultsSchema> {
  return {
    workspaceName: data.workspaceName,
    story: data.story,
    figures: data.figures.map((figure) => ({ id: figure.id, label: t(`coach.results.figures.${figure.id}`), value: formatFigure(figure, t, locale) })),
    goalsMet: data.goalsMet,
    tools: data.tools,
    stage: data.stage,
  }
}
