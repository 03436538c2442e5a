/**
 * The stage questionnaire: twelve questions a small-business owner answers in a few minutes, each
 * option pointing to the stage of adoption it sounds like (METHODOLOGY.md A), or to none when it
 * says nothing about the stage ("we have no blog"). The labels live in the web catalog under
 * `coach.questions.<questionId>.text` and `coach.questions.<questionId>.options.<optionId>`.
 */
import type { Answers, Stage } from './types.js'

/** One choice of a question and the stage it points to (`null`: neutral). */
export interface QuestionOption {
  id: string
  stage: Stage | null
}

/** One question of the questionnaire. */
export interface Question {
  id: string
  options: ReadonlyArray<QuestionOption>
}

const q = (id: string, options: Array<[string, Stage | null]>): Question => ({
  id,
  options: options.map(([optionId, stage]) => ({ id: optionId, stage })),
})

/** The questions in the order they are asked, each with its options and the stage each points to. */
export const questionnaire: ReadonlyArray<Question> = [
  q('attitude', [['not_for_us', 1], ['giving_it_a_try', 2], ['not_working_want_human', 3], ['part_of_routine', 4], ['growth_with_tools', 5], ['tell_other_owners', 6]]),
  q('accounts', [['none', 1], ['opened_mostly_quiet', 2], ['rethinking_which', 3], ['active_where_customers_are', 4], ['active_and_name_reserved', 5]]),
  q('posting_frequency', [['never', 1], ['when_we_remember', 2], ['bursts_then_nothing', 3], ['every_week', 4], ['most_days_planned', 5]]),
  q('blog_automation', [['no_blog', null], ['auto_posted', 2], ['stopped_auto_posting', 3], ['written_for_each', 4], ['tracked_visits', 5]]),
  q('replying', [['rarely_see', 1], ['when_we_notice', 2], ['starting_to_answer', 3], ['most_within_a_day', 4], ['fast_even_untagged', 5]]),
  q('daily_time', [['none', 1], ['spare_moments', 2], ['starting_short_slots', 3], ['fixed_slots_daily', 4], ['part_of_a_job', 5]]),
  q('results_seen', [['none_expected', 1], ['too_early', 2], ['little_and_frustrating', 3], ['customers_found_us', 4], ['growth_in_numbers', 5]]),
  q('what_you_measure', [['nothing', 1], ['likes_now_and_then', 2], ['unsure_what_counts', 3], ['visits_and_how_heard', 4], ['goals_and_reports', 5]]),
  q('finding_mentions', [['customers_tell_me', 1], ['by_chance', 2], ['search_our_name', 3], ['check_notifications_daily', 4], ['alerts_even_untagged', 5]]),
  q('tools_used', [['none', 1], ['network_apps', 2], ['auto_scheduler', 2], ['planner_and_inbox', 4], ['listening_and_analytics', 5], ['send_my_toolkit', 6]]),
  q('team', [['nobody', 1], ['me_when_i_can', 2], ['helper_now_and_then', 2], ['me_at_set_times', 4], ['several_with_roles', 5]]),
  q('sharing_with_owners', [['not_our_thing', 1], ['ask_how_they_do_it', 2], ['share_frustrations', 3], ['swap_what_works', 4], ['show_results_and_help', 6]]),
]

/** Known answers needed before the answers give a stage at all. */
export const minAnswersForStage = 6

const byId = new Map(questionnaire.map((question) => [question.id, new Map(question.options.map((o) => [o.id, o]))]))

/** A problem with submitted answers, naming the field (`answers.<questionId>`). */
export interface AnswerProblem {
  field: string
  problem: 'unknown_question' | 'unknown_option'
  questionId: string
  optionId: string
}

/** Every answer naming a question or option the questionnaire does not have. */
export function answerProblems(answers: Readonly<Answers>): AnswerProblem[] {
  const problems: AnswerProblem[] = []
  for (const [questionId, optionId] of Object.entries(answers)) {
    const options = byId.get(questionId)
    if (!options) problems.push({ field: `answers.${questionId}`, problem: 'unknown_question', questionId, optionId })
    else if (!options.has(optionId)) problems.push({ field: `answers.${questionId}`, problem: 'unknown_option', questionId, optionId })
  }
  return problems
}

/** True when every answer names a known question and one of its options. */
export function isValidAnswers(answers: Readonly<Answers>): boolean {
  return answerProblems(answers).length === 0
}

/** The options chosen in `answers` that the questionnaire knows, in question order (unknown ids are skipped). */
export function knownAnswers(answers: Readonly<Answers>): Array<{ questionId: string; option: QuestionOption }> {
  const known: Array<{ questionId: string; option: QuestionOption }> = []
  for (const question of questionnaire) {
    const chosen = answers[question.id]
    const option = chosen === undefined ? undefined : byId.get(question.id)?.get(chosen)
    if (option) known.push({ questionId: question.id, option })
  }
  return known
}

/**
 * The stage the answers give, or null with fewer than `minAnswersForStage` known answers (or
 * none pointing to a stage).
 *
 * The aggregate is the median of the stages the answers point to, and for an even count the lower
 * of the two middle ones: one enthusiastic or gloomy answer cannot move it, and self-reports tend
 * to flatter, so a tie goes to the earlier stage. Stage 6 is "stage 5 and telling others", as in
 * the activity model: a median of 5 or more with at least one answer saying they share their
 * results or tools with other owners (only three options point to 6, so a median alone would
 * almost never reach it).
 */
export function answersStage(answers: Readonly<Answers>): Stage | null {
  const known = knownAnswers(answers)
  if (known.length < minAnswersForStage) return null
  const stages = known.flatMap(({ option }) => (option.stage === null ? [] : [option.stage])).sort((a, b) => a - b)
  if (stages.length === 0) return null
  const median = stages[Math.floor((stages.length - 1) / 2)]!
  if (median >= 5 && stages.includes(6)) return 6
  return median
}
