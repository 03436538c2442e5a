/**
 * The coach: where the business stands among the six stages (from its answers and its real
 * activity), what to do next, the seven-step strategic plan tied to live measures, the value
 * check on drafts, the handle check and the stage-6 results page. Other features and the server
 * import this file only.
 */
import { scheduleRecurring, type JobQueue } from '../jobs/index.js'
import { reassessDue } from './assessment.js'
import type { CoachContext } from './context.js'
import { dayMs } from './periods.js'

export { createCoachContext, type CoachActor, type CoachContext } from './context.js'
export { assessWorkspace, getAssessment, getQuestionnaire, reassessDue, saveAnswers, type AssessmentView, type StoredAssessment } from './assessment.js'
export { getPlan, getSharedPlan, savePlan, sharePlan, suggestPlanMix, unsharePlan, type GoalLive, type PlanView } from './plan.js'
export { planPdf } from './plan-pdf.js'
export { checkHandles, getHandleChecklist, maxHandleNameLength, saveHandleChecklist, type HandleResult } from './handles.js'
export { checkDraftValue } from './value.js'
export { getPublicResults, getResultsSettings, maxStoryLength, resultFigures, saveResultsSettings, type FigureValue, type PublicResultsData, type ResultFigure, type ResultsSettings } from './results.js'
export { noteReportViewed, readActivity, type ActivityFacts } from './signals.js'

export const reassessJobName = 'coach-reassess'

/** Registers the daily pass that re-assesses every workspace whose assessment is a week old. */
export async function registerCoachJobs(queue: JobQueue, ctx: CoachContext): Promise<void> {
  queue.register(reassessJobName, async () => {
    const done = await reassessDue(ctx)
    if (done > 0) ctx.logger.info({ workspaces: done }, 'coach: re-assessed')
    await scheduleRecurring(queue, reassessJobName, dayMs, ctx.now())
  })
  await scheduleRecurring(queue, reassessJobName, dayMs, ctx.now())
}
