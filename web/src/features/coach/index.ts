/**
 * The coach: where the business stands on the six stages of adoption and what moves it on (the
 * coach page and its questionnaire), reserving the business's name on every network, the value
 * hints the composer shows, the tips that answer social media myths where a screen invites them,
 * and Home's "your stage" card.
 */
export { CoachPage } from './CoachPage'
export { QuestionnairePage } from './QuestionnairePage'
export { HandlesPage } from './HandlesPage'
export { ValueHints, type ValueHintsProps } from './ValueHints'
export { MythTip, type MythTipProps } from './MythTip'
export { StageSummaryCard } from './StageSummaryCard'
export { coachKey, useAssessment } from './coach-queries'
export { myths, type Myth } from './coach-logic'
