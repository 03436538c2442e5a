/**
 * The coach's pure rules (METHODOLOGY.md): the stage questionnaire, the stage model (answers and
 * activity, and which decides when they disagree), next steps per stage, the "provide value"
 * hints on drafts, and the strategic plan (problems, 4E mix, goal progress, fuel). No I/O and no
 * clock: dates come in as arguments. Every sentence is a `Message` (a `coach.*` server catalog
 * key and its params); the questionnaire's labels are in the web catalog under `coach.questions`.
 */
export * from './types.js'
export {
  questionnaire,
  minAnswersForStage,
  answersStage,
  answerProblems,
  isValidAnswers,
  knownAnswers,
  type Question,
  type QuestionOption,
  type AnswerProblem,
} from './questionnaire.js'
export { activityStage, activityThresholds, hasEnoughActivity, observedWeeks } from './activity.js'
export { activityEvidence } from './evidence.js'
export { assess } from './stage-model.js'
export { nextSteps, stepRules } from './next-steps.js'
export { isPromotional } from './promotional.js'
export { checkValue, isShouting, valueThresholds, type ValueDraft, type ValueContext } from './value-check.js'
export { emptyPlan, planProblems, isIsoDate, percentMetrics, type PlanProblem } from './plan.js'
export { suggestMix, actualMix, wholePercents, areaContentTypes } from './plan-mix.js'
export { goalProgress, checkFuel, lowerIsBetter, fuelBands, type GoalStatus } from './plan-progress.js'
