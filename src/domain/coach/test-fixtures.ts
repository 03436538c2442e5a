/**
 * Builders for the coach's tests: signals with sensible defaults, and answers that point to a
 * chosen stage. Kept out of the public surface (index.ts does not export them).
 */
import { questionnaire } from './questionnaire.js'
import type { Answers, CoachSignals, Stage } from './types.js'

/** Signals of a workspace with nothing yet: no accounts, no posts, nothing tracked. */
export function buildSignals(overrides: Partial<CoachSignals> = {}): CoachSignals {
  return {
    connectedAccounts: 0,
    weeksWithPosts: 0,
    postsPublished: 0,
    automatedShare: null,
    conversations: null,
    checkInsDone: null,
    engagementTrend: null,
    referralTrend: null,
    heardViaSocial: null,
    listeningQueries: 0,
    mentionsFound: 0,
    reportsViewed: 0,
    measuresTracked: 0,
    resultsShared: 0,
    teammates: 0,
    hasPlan: false,
    hoursPerWeek: null,
    queueSlots: 0,
    autoPublishFeeds: 0,
    handlesReserved: 0,
    ...overrides,
  }
}

/**
 * Answers to every question pointing as close to `stage` as each question allows (the option of
 * that stage, else the nearest below, else a neutral one), so their median is `stage`.
 */
export function answersFor(stage: Stage): Answers {
  const answers: Answers = {}
  for (const question of questionnaire) {
    const exact = question.options.find((o) => o.stage === stage)
    const below = question.options.filter((o) => o.stage !== null && o.stage < stage).at(-1)
    const neutral = question.options.find((o) => o.stage === null)
    const chosen = exact ?? below ?? neutral ?? question.options[0]!
    answers[question.id] = chosen.id
  }
  return answers
}
