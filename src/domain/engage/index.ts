/**
 * The inbox's pure rules (Engage): is an item a question (five languages), response time (median
 * and share within the workspace's target, per week, network and teammate), the daily check-in
 * routine (blocks on the workspace's clock, the current and next block) and the items that fit in
 * a check-in. No I/O and no clock: `now` comes in as an argument. Block problems are field
 * problems whose keys are server catalog keys under `validation.`.
 */
export { isQuestion, engageLanguages, type EngageLanguage } from './questions.js'
export { responseStats, responseStatsBy, type ResponseItem, type ResponseStats } from './response-time.js'
export {
  checkInBlockProblems,
  checkInLimits,
  currentCheckIn,
  isCheckInBlock,
  nextCheckIn,
  type CheckInBlock,
  type CheckInBlockProblem,
  type CheckInOccurrence,
} from './check-in.js'
export { sizeCheckIn, estimateMinutes, checkInEstimate, isWaiting, type InboxCandidate } from './check-in-size.js'
