/**
 * What moves a business to the next stage (METHODOLOGY.md A, last column): three to five concrete
 * actions per stage, each opening the feature that does it, each ticked from real data. Titles
 * and reasons are `coach.steps.<id>.title` and `coach.steps.<id>.why`.
 */
import { activityThresholds, automationHigh } from './activity.js'
import { message } from './message.js'
import type { CoachSignals, NextStep, Stage, StepTarget } from './types.js'

interface StepRule {
  id: string
  target: StepTarget
  done: (s: CoachSignals) => boolean
}

const listeningFinds = (s: CoachSignals) => s.listeningQueries > 0 && s.mentionsFound > 0

/** The steps of each stage, in the order worth doing them. */
export const stepRules: Readonly<Record<Stage, ReadonlyArray<StepRule>>> = {
  1: [
    { id: 'listen_for_your_name', target: 'listen', done: (s) => s.listeningQueries > 0 },
    { id: 'reserve_handles', target: 'handles', done: (s) => s.handlesReserved > 0 },
    { id: 'connect_first_account', target: 'accounts', done: (s) => s.connectedAccounts > 0 },
    { id: 'first_week_of_posts', target: 'compose', done: (s) => s.postsPublished > 0 },
  ],
  2: [
    { id: 'set_posting_slots', target: 'queue', done: (s) => s.queueSlots > 0 },
    { id: 'review_blog_posts', target: 'ideas', done: (s) => s.autoPublishFeeds === 0 },
    { id: 'post_most_weeks', target: 'compose', done: (s) => s.weeksWithPosts >= 4 },
    { id: 'answer_first_conversation', target: 'inbox', done: (s) => s.conversations !== null && s.conversations.answered > 0 },
  ],
  3: [
    { id: 'set_checkins', target: 'checkins', done: (s) => s.checkInsDone !== null && s.checkInsDone > 0 },
    {
      id: 'answer_people',
      target: 'inbox',
      done: (s) => s.conversations !== null && s.conversations.received > 0 && s.conversations.answered / s.conversations.received >= activityThresholds.comfortableReplyRate,
    },
    { id: 'find_people_to_talk_to', target: 'listen', done: listeningFinds },
    { id: 'stop_blind_automation', target: 'ideas', done: (s) => s.autoPublishFeeds === 0 && !automationHigh(s) },
  ],
  4: [
    { id: 'set_goals', target: 'plan', done: (s) => s.hasPlan },
    { id: 'track_a_measure', target: 'measure', done: (s) => s.measuresTracked > 0 },
    { id: 'ask_how_they_heard', target: 'measure', done: (s) => s.heardViaSocial !== null },
    { id: 'listen_for_mentions', target: 'listen', done: listeningFinds },
    { id: 'open_reports', target: 'measure', done: (s) => s.reportsViewed > 0 },
  ],
  5: [
    { id: 'set_listening_alerts', target: 'listen', done: (s) => (s.alertRules ?? 0) > 0 },
    { id: 'tie_goals_to_measures', target: 'plan', done: (s) => s.hasPlan && s.measuresTracked > 0 },
    { id: 'review_reports', target: 'measure', done: (s) => s.reportsViewed > 0 },
    { id: 'share_results', target: 'share', done: (s) => s.resultsShared > 0 },
  ],
  6: [
    { id: 'share_results_page', target: 'share', done: (s) => s.resultsShared > 0 },
    { id: 'invite_teammates', target: 'team', done: (s) => s.teammates > 0 },
    { id: 'keep_reviewing_results', target: 'measure', done: (s) => s.reportsViewed > 0 },
  ],
}

/** The next steps for `stage`, each with its target feature and `done` read from `signals`. */
export function nextSteps(stage: Stage, signals: CoachSignals): NextStep[] {
  return stepRules[stage].map((rule) => ({
    id: rule.id,
    stage,
    title: message(`coach.steps.${rule.id}.title`),
    why: message(`coach.steps.${rule.id}.why`),
    target: rule.target,
    done: rule.done(signals),
  }))
}
