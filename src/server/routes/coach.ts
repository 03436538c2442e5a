/**
 * The coach: the questionnaire and the stage assessment with its evidence and next steps, the
 * strategic plan (live goals, the fuel check, share link, PDF), the value check for drafts, the
 * handle check and its checklist, and the stage-6 results page; plus the public pages behind
 * the share links.
 */
import { z } from 'zod'
import {
  checkDraftValue,
  checkHandles,
  getAssessment,
  getHandleChecklist,
  getPlan,
  getPublicResults,
  getQuestionnaire,
  getResultsSettings,
  getSharedPlan,
  maxHandleNameLength,
  maxStoryLength,
  noteReportViewed,
  assessWorkspace,
  planPdf,
  resultFigures,
  saveAnswers,
  saveHandleChecklist,
  savePlan,
  saveResultsSettings,
  sharePlan,
  suggestPlanMix,
  unsharePlan,
  type CoachContext,
} from '../../coach/index.js'
import { contentTypes, goalAreas, questionnaire } from '../../domain/index.js'
import {
  assessmentSchema,
  handleChecklistSchema,
  handleResultSchema,
  planResponseSchema,
  planSchema,
  presentAssessment,
  presentPlan,
  presentPublicResults,
  publicPlanSchema,
  publicResultsSchema,
  resultsSettingsSchema,
} from '../coach-presenters.js'
import type { App } from '../types.js'
import { actorOf } from './deps.js'

const tokenParams = z.object({ token: z.string().min(1).max(128) })
const tags = ['coach']

export function coachRoutes(app: App, ctx: CoachContext): void {
  const actor = (request: Parameters<typeof actorOf>[0]) => {
    const { userId, workspaceId } = actorOf(request)
    return { userId, workspaceId }
  }

  app.get(
    '/api/coach/questionnaire',
    {
      config: { access: 'coach.read' },
      schema: {
        tags,
        summary: 'The questionnaire (question and option ids; labels live in the web app) and the saved answers',
        response: {
          200: z.object({
            questions: z.array(z.object({ id: z.string(), options: z.array(z.string()) })),
            answers: z.record(z.string(), z.string()),
            answeredAt: z.number().nullable(),
          }),
        },
      },
    },
    async (request) => {
      const saved = await getQuestionnaire(ctx, actor(request).workspaceId)
      return { questions: questionnaire.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) })), ...saved }
    },
  )

  app.put(
    '/api/coach/answers',
    {
      config: { access: 'coach.plan' },
      schema: {
        tags,
        summary: 'Save the answers and assess again (unknown questions or options are refused by name)',
        body: z.object({ answers: z.record(z.string().max(64), z.string().max(64)) }),
        response: { 200: assessmentSchema },
      },
    },
    async (request) => presentAssessment(await saveAnswers(ctx, actor(request), request.body.answers), request.t),
  )

  app.get(
    '/api/coach/assessment',
    { config: { access: 'coach.read' }, schema: { tags, summary: 'The stage with its evidence, the history and the next steps', response: { 200: assessmentSchema } } },
    async (request) => presentAssessment(await getAssessment(ctx, actor(request).workspaceId), request.t),
  )

  app.post(
    '/api/coach/assess',
    { config: { access: 'coach.plan' }, schema: { tags, summary: 'Assess again now, from the latest activity', response: { 200: assessmentSchema } } },
    async (request) => {
      const { workspaceId } = actor(request)
      await assessWorkspace(ctx, workspaceId)
      return presentAssessment(await getAssessment(ctx, workspaceId), request.t)
    },
  )

  app.get(
    '/api/coach/plan',
    { config: { access: 'coach.read' }, schema: { tags, summary: 'The strategic plan with its live goals, the fuel check and the actual 4E mix', response: { 200: planResponseSchema } } },
    async (request) => {
      const { workspaceId } = actor(request)
      const view = await getPlan(ctx, workspaceId)
      if (view.plan) await noteReportViewed(ctx, workspaceId, 'plan_viewed')
      return presentPlan(view, request.t)
    },
  )

  app.put(
    '/api/coach/plan',
    {
      config: { access: 'coach.plan' },
      schema: { tags, summary: 'Save the plan (checked: goals, targets, dates, a mix summing to 100…)', body: z.object({ plan: planSchema }), response: { 200: planResponseSchema } },
    },
    async (request) => presentPlan(await savePlan(ctx, actor(request), request.body.plan), request.t),
  )

  app.post(
    '/api/coach/plan/suggest-mix',
    {
      config: { access: 'coach.read' },
      schema: {
        tags,
        summary: 'A 4E content mix sized to the company',
        body: z.object({ teamSize: z.number().int().min(1).max(10_000), hoursPerWeek: z.number().min(0).max(1000), areas: z.array(z.enum(goalAreas)).max(goalAreas.length) }),
        response: { 200: z.object({ mix: z.partialRecord(z.enum(contentTypes), z.number()), reasons: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const suggestion = suggestPlanMix(request.body)
      return { mix: suggestion.mix, reasons: suggestion.reasons.map((m) => request.t(m.key, m.params)) }
    },
  )

  app.post(
    '/api/coach/plan/share',
    { config: { access: 'coach.plan' }, schema: { tags, summary: 'Share the plan read-only by link (the same link while shared)', response: { 200: z.object({ url: z.string() }) } } },
    async (request) => ({ url: await sharePlan(ctx, actor(request).workspaceId) }),
  )

  app.delete(
    '/api/coach/plan/share',
    { config: { access: 'coach.plan' }, schema: { tags, summary: 'Stop sharing: the link stops working', response: { 204: z.null() } } },
    async (request, reply) => {
      await unsharePlan(ctx, actor(request).workspaceId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/coach/plan/pdf',
    { config: { access: 'coach.read' }, schema: { tags, summary: "The plan as a PDF in the reader's language" } },
    async (request, reply) => {
      const pdf = await planPdf(ctx, actor(request).workspaceId, request.locale)
      return reply
        .type('application/pdf')
        // An ASCII name for old clients, the translated one (RFC 5987) for the rest.
        .header('content-disposition', `attachment; filename="social-media-plan.pdf"; filename*=UTF-8''${encodeURIComponent(request.t('coach.pdf.file_name'))}.pdf`)
        .send(pdf)
    },
  )

  app.get(
    '/api/public/plans/:token',
    { config: { access: 'public' }, schema: { tags, summary: 'A plan shared by link (read-only, no sign-in)', params: tokenParams, response: { 200: publicPlanSchema } } },
    async (request) => {
      const shared = await getSharedPlan(ctx, request.params.token)
      return {
        workspaceName: shared.workspaceName,
        plan: shared.plan,
        updatedAt: shared.updatedAt,
        live: shared.live.map((goal) => ({ ...goal, waitingFor: goal.waitingFor ? request.t(goal.waitingFor.key, goal.waitingFor.params) : null })),
      }
    },
  )

  app.post(
    '/api/coach/value-check',
    {
      config: { access: 'coach.use' },
      schema: {
        tags,
        summary: 'Gentle hints on a draft ("every post must give value"); never a block',
        body: z.object({ text: z.string().max(20_000), contentType: z.enum(contentTypes).nullable() }),
        response: { 200: z.object({ hints: z.array(z.object({ rule: z.string(), text: z.string() })) }) },
      },
    },
    async (request) => {
      const hints = await checkDraftValue(ctx, actor(request).workspaceId, request.body)
      return { hints: hints.map((hint) => ({ rule: hint.rule, text: request.t(hint.message.key, hint.message.params) })) }
    },
  )

  app.get(
    '/api/coach/handles',
    {
      config: { access: 'coach.use' },
      schema: { tags, summary: 'Whether a name is free, taken or invalid on each network', querystring: z.object({ name: z.string().max(maxHandleNameLength * 2) }), response: { 200: z.object({ name: z.string(), results: z.array(handleResultSchema) }) } },
    },
    async (request) => {
      const results = await checkHandles(ctx, actor(request).workspaceId, request.query.name)
      return {
        name: request.query.name.trim(),
        results: results.map((r) => ({
          network: r.network,
          displayName: r.displayName,
          handle: r.handle,
          status: r.status,
          server: r.server,
          reason: r.reason ? request.t(`coach.handle_reasons.${r.reason}`) : null,
        })),
      }
    },
  )

  app.get(
    '/api/coach/handles/checklist',
    { config: { access: 'coach.read' }, schema: { tags, summary: 'The handle reservation checklist', response: { 200: handleChecklistSchema } } },
    async (request) => ({ items: await getHandleChecklist(ctx, actor(request).workspaceId) }),
  )

  app.put(
    '/api/coach/handles/checklist',
    { config: { access: 'coach.plan' }, schema: { tags, summary: 'Tick handles as reserved', body: handleChecklistSchema, response: { 200: handleChecklistSchema } } },
    async (request) => ({ items: await saveHandleChecklist(ctx, actor(request).workspaceId, request.body.items) }),
  )

  app.get(
    '/api/coach/results',
    { config: { access: 'coach.read' }, schema: { tags, summary: 'The public results page: what it shows and its link', response: { 200: resultsSettingsSchema } } },
    async (request) => getResultsSettings(ctx, actor(request).workspaceId),
  )

  app.put(
    '/api/coach/results',
    {
      config: { access: 'coach.plan' },
      schema: {
        tags,
        summary: 'Choose the figures, write a few words, publish or withdraw the page',
        body: z.object({ figures: z.array(z.enum(resultFigures)).max(resultFigures.length), story: z.string().max(maxStoryLength * 2), published: z.boolean() }),
        response: { 200: resultsSettingsSchema },
      },
    },
    async (request) => saveResultsSettings(ctx, actor(request).workspaceId, request.body),
  )

  app.get(
    '/api/public/results/:token',
    { config: { access: 'public' }, schema: { tags, summary: 'A published results page (no sign-in)', params: tokenParams, response: { 200: publicResultsSchema } } },
    async (request) => presentPublicResults(await getPublicResults(ctx, request.params.token), request.t, request.locale),
  )
}

