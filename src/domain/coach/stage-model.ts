/**
 * The coach's assessment: the stage from the answers, the stage from the activity, and, when they
 * disagree, which one decides and why.
 *
 * - Behaviour beats self-report when the app has enough activity to read (`hasEnoughActivity`:
 *   an account connected, posts published through it, 4 weeks of data).
 * - The answers decide while the app has too little data: a new workspace whose accounts are not
 *   connected here yet, or connected too recently, says nothing about the owner's habits.
 * - Stage 3 is a turn of mind before it is a change of habits: answers saying "it doesn't work,
 *   we want a more human way" while the activity still shows stage 2 are believed, because the
 *   activity can only show the turn weeks after it happened, and coaching stage 2 (post more,
 *   queue slots) to someone who has just decided to stop blind posting would push them backwards.
 */
import { activityStage, hasEnoughActivity } from './activity.js'
import { activityEvidence } from './evidence.js'
import { message } from './message.js'
import { answersStage, knownAnswers, minAnswersForStage } from './questionnaire.js'
import type { Answers, Assessment, CoachSignals, Evidence, Message, Stage } from './types.js'

function disagreementReason(fromAnswers: Stage, fromActivity: Stage, signals: CoachSignals): { decidedBy: 'answers' | 'activity'; why: Message } {
  const params = { answers: fromAnswers, activity: fromActivity }
  if (!hasEnoughActivity(signals)) {
    const reason = signals.connectedAccounts === 0 ? 'no_accounts' : signals.postsPublished === 0 ? 'no_posts' : 'connected_recently'
    return { decidedBy: 'answers', why: message(`coach.disagreement.${reason}`, params) }
  }
  if (fromAnswers === 3 && fromActivity === 2) return { decidedBy: 'answers', why: message('coach.disagreement.turn', params) }
  return { decidedBy: 'activity', why: message('coach.disagreement.behaviour', params) }
}

/** The stage with its evidence, from the questionnaire's answers and the workspace's signals. */
export function assess(answers: Readonly<Answers>, signals: CoachSignals): Assessment {
  const fromAnswers = answersStage(answers)
  const fromActivity = activityStage(signals)
  const known = knownAnswers(answers).length
  const { evidence: seen, waitingFor } = activityEvidence(signals)
  const evidence: Evidence[] = []
  if (fromAnswers !== null) {
    evidence.push({ message: message('coach.evidence.answers', { count: known, stage: fromAnswers }), pointsTo: fromAnswers, source: 'answers' })
  } else {
    waitingFor.unshift(message('coach.waiting.answers', { count: Math.max(1, minAnswersForStage - known) }))
  }
  evidence.push(...seen)

  if (fromAnswers === null) {
    return { stage: fromActivity, answersStage: null, activityStage: fromActivity, decidedBy: 'activity', evidence, disagreement: null, waitingFor }
  }
  if (fromAnswers === fromActivity) {
    return { stage: fromActivity, answersStage: fromAnswers, activityStage: fromActivity, decidedBy: 'both', evidence, disagreement: null, waitingFor }
  }
  const { decidedBy, why } = disagreementReason(fromAnswers, fromActivity, signals)
  return {
    stage: decidedBy === 'answers' ? fromAnswers : fromActivity,
    answersStage: fromAnswers,
    activityStage: fromActivity,
    decidedBy,
    evidence,
    disagreement: why,
    waitingFor,
  }
}
