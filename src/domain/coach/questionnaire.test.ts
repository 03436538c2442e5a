import { describe, expect, it } from 'vitest'
import { answerProblems, answersStage, isValidAnswers, knownAnswers, minAnswersForStage, questionnaire } from './questionnaire.js'
import { answersFor } from './test-fixtures.js'
import type { Answers, Stage } from './types.js'

/** Answers choosing, for the first questions in order, the option of the given stage. */
function answering(stages: Array<Stage | null>): Answers {
  const answers: Answers = {}
  stages.forEach((stage, i) => {
    const question = questionnaire[i]!
    const option = question.options.find((o) => o.stage === stage)
    if (!option) throw new Error(`${question.id} has no option for stage ${stage}`)
    answers[question.id] = option.id
  })
  return answers
}

describe('questionnaire', () => {
  it('has about twelve questions with snake_case ids, unique, each with stage options', () => {
    expect(questionnaire.length).toBeGreaterThanOrEqual(10)
    expect(questionnaire.length).toBeLessThanOrEqual(14)
    expect(new Set(questionnaire.map((q) => q.id)).size).toBe(questionnaire.length)
    for (const question of questionnaire) {
      expect(question.id).toMatch(/^[a-z]+(_[a-z]+)*$/)
      expect(new Set(question.options.map((o) => o.id)).size).toBe(question.options.length)
      for (const option of question.options) expect(option.id).toMatch(/^[a-z]+(_[a-z]+)*$/)
      expect(question.options.filter((o) => o.stage !== null).length).toBeGreaterThanOrEqual(4)
    }
  })

  it('lets every stage be chosen, and keeps "no blog" neutral', () => {
    const stages = new Set(questionnaire.flatMap((q) => q.options.map((o) => o.stage)))
    expect([1, 2, 3, 4, 5, 6].every((s) => stages.has(s as Stage))).toBe(true)
    expect(questionnaire.find((q) => q.id === 'blog_automation')!.options.find((o) => o.id === 'no_blog')!.stage).toBeNull()
  })
})

describe('answersStage', () => {
  it('needs 6 known answers', () => {
    expect(minAnswersForStage).toBe(6)
    expect(answersStage(answering([4, 4, 4, 4, 4]))).toBeNull()
    expect(answersStage(answering([4, 4, 4, 4, 4, 4]))).toBe(4)
  })

  it('does not count unknown questions or options towards the 6', () => {
    const five = answering([4, 4, 4, 4, 4])
    expect(answersStage({ ...five, favourite_colour: 'blue' })).toBeNull()
    expect(answersStage({ ...five, [questionnaire[5]!.id]: 'no_such_option' })).toBeNull()
    expect(knownAnswers({ ...five, favourite_colour: 'blue' })).toHaveLength(5)
  })

  it('counts a neutral answer as known but leaves it out of the median', () => {
    // blog_automation is the 4th question: "no blog" is known and neutral.
    const answers = answering([2, 2, 2, null, 5, 5])
    expect(knownAnswers(answers)).toHaveLength(6)
    expect(answersStage(answers)).toBe(2)
  })

  it('takes the median, so one outlier does not move it', () => {
    expect(answersStage(answering([6, 2, 2, 2, 2, 2, 2]))).toBe(2)
    expect(answersStage(answering([1, 4, 4, 4, 4, 4, 4]))).toBe(4)
  })

  it('takes the lower middle stage on an even split', () => {
    expect(answersStage(answering([2, 2, 2, 4, 4, 4]))).toBe(2)
    expect(answersStage(answering([2, 2, 4, 4, 4, 4]))).toBe(4)
  })

  it('gives 6 only as stage 5 plus an answer about sharing with other owners', () => {
    expect(answersStage(answersFor(6))).toBe(6)
    const fives = answersFor(5)
    expect(answersStage(fives)).toBe(5)
    expect(answersStage({ ...fives, sharing_with_owners: 'show_results_and_help' })).toBe(6)
    // Sharing alone does not make an owner at stage 2 an evangelist.
    expect(answersStage({ ...answersFor(2), sharing_with_owners: 'show_results_and_help' })).toBe(2)
  })

  it('gives each stage from answers pointing to it', () => {
    for (const stage of [1, 2, 3, 4, 5, 6] as const) expect(answersStage(answersFor(stage))).toBe(stage)
  })
})

describe('answerProblems and isValidAnswers', () => {
  it('accepts known questions and options, including a partial set', () => {
    expect(isValidAnswers({})).toBe(true)
    expect(isValidAnswers({ attitude: 'not_for_us', blog_automation: 'no_blog' })).toBe(true)
    expect(answerProblems(answersFor(4))).toEqual([])
  })

  it('names the field of an unknown question or option', () => {
    const problems = answerProblems({ attitude: 'love_it', favourite_colour: 'blue', team: 'nobody' })
    expect(problems).toEqual([
      { field: 'answers.attitude', problem: 'unknown_option', questionId: 'attitude', optionId: 'love_it' },
      { field: 'answers.favourite_colour', problem: 'unknown_question', questionId: 'favourite_colour', optionId: 'blue' },
    ])
    expect(isValidAnswers({ attitude: 'love_it' })).toBe(false)
  })

  it('does not take an option of another question', () => {
    expect(isValidAnswers({ attitude: 'no_blog' })).toBe(false)
  })
})
