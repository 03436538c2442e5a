/**
 * The measure dashboard's pure rules: engagement and its rate, change between periods, the
 * transparent influence score, the four parts of social media equity (each part with its formula
 * and the figures it used; the formula texts are web catalog keys under `measure.influence` and
 * `measure.equity`, filled with each part's `formulaValues`), and the best times to post.
 */
export { engagementOf, engagementRate, changeRatio } from './engagement.js'
export type { ScorePart } from './score-part.js'
export { formulaConstants } from './formula-constants.js'
export { influenceScore, type InfluenceInputs, type InfluenceScore } from './influence.js'
export { equityScore, type EquityInputs, type EquityScore } from './equity.js'
export { bestTimes, bestTimeRules, bestTimesOfSlots, type BestTimeCell, type BestTimes, type BestTimeSlot } from './best-times.js'
