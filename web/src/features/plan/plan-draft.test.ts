/** The builder's working copy: from a plan and back, the browser's checks, and where a field lives. */
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../app/coach-types'
import { draftFromPlan, draftToPlan, fieldPath, isDay, newId, nextReviewDate, numberOf, peopleHours, stepOfField, toolCount, type PlanDraft } from './plan-draft'

function buildPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    goals: [{ id: 'g1', area: 'support', text: 'Answer every question within a day', metric: 'reply_rate', target: 90, due: '2025-06-30' }],
    limits: 'Social media will not fix our delivery times.',
    audience: 'Parents in our town',
    networks: [{ network: 'mastodon', why: 'Our neighbours are there' }],
    mix: { educate: 50, engage: 50 },
    tools: { networking: ['blog'], multimedia: [] },
    measures: ['word_of_mouth'],
    equityTargets: { connection: 60 },
    hoursPerWeek: 5,
    people: [{ name: 'Dana', role: 'Owner', hoursPerWeek: 3 }],
    contentSources: ['recipes'],
    risks: 'A bad review going viral.',
    reviewDates: ['2025-03-31'],
    ...overrides,
  }
}

function valid(draft: PlanDraft): Plan {
  const result = draftToPlan(draft)
  if (!result.plan) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`)
  return result.plan
}

describe('newId', () => {
  it('makes distinct 26-character ids', () => {
    const ids = new Set(Array.from({ length: 50 }, newId))
    expect(ids.size).toBe(50)
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{26}$/)
  })
})

describe('draftFromPlan and draftToPlan', () => {
  it('gives back the same plan, with every E and family present', () => {
    const plan = valid(draftFromPlan(buildPlan()))
    expect(plan).toEqual(
      buildPlan({
        mix: { educate: 50, entertain: 0, engage: 50, empower: 0 },
        tools: { networking: ['blog'], collaboration: [], multimedia: [], entertainment: [] },
      }),
    )
  })

  it('starts a new plan with one empty goal and an even mix', () => {
    const draft = draftFromPlan(null)
    expect(draft.goals).toHaveLength(1)
    expect(draft.mix).toEqual({ educate: 25, entertain: 25, engage: 25, empower: 25 })
    const result = draftToPlan(draft)
    expect(result.problems).toEqual({
      'goals.0.area': 'required',
      'goals.0.text': 'required',
      'goals.0.metric': 'required',
      'goals.0.target': 'required',
      'goals.0.due': 'required',
      hoursPerWeek: 'required',
    })
  })

  it('names each problem by the path the server uses', () => {
    const draft = draftFromPlan(buildPlan())
    draft.goals.push({ ...draft.goals[0]!, id: 'g2', due: '2025-02-30', target: '2.x' })
    draft.mix.educate = 30
    draft.people.push({ key: 'p', name: ' ', role: '', hoursPerWeek: 2 })
    draft.reviewDates.push({ key: 'r', date: '31/03/2025' })
    draft.equityTargets.value = 'lots'
    expect(draftToPlan(draft).problems).toEqual({
      'goals.1.due': 'date',
      'goals.1.target': 'number',
      mix: 'mixTotal',
      'people.1.name': 'required',
      'reviewDates.1': 'date',
      'equityTargets.value': 'number',
    })
  })

  it('trims text, drops empty tags and leaves unset equity targets out', () => {
    const draft = draftFromPlan(buildPlan())
    draft.goals[0]!.text = '  More replies  '
    draft.goals[0]!.target = '75'
    draft.tools.collaboration = ['  wiki ', ' ']
    draft.equityTargets.connection = ''
    draft.equityTargets.viral = 40
    const plan = valid(draft)
    expect(plan.goals[0]!.text).toBe('More replies')
    expect(plan.goals[0]!.target).toBe(75)
    expect(plan.tools.collaboration).toEqual(['wiki'])
    expect(plan.equityTargets).toEqual({ viral: 40 })
  })
})

describe('isDay', () => {
  it('accepts only real days written yyyy-mm-dd', () => {
    expect(isDay('2024-02-29')).toBe(true)
    expect(isDay('2025-02-29')).toBe(false)
    expect(isDay('2025-3-1')).toBe(false)
    expect(isDay('')).toBe(false)
  })
})

describe('numberOf', () => {
  it('reads what a number field holds', () => {
    expect(numberOf(4)).toBe(4)
    expect(numberOf('2.5')).toBe(2.5)
    expect(numberOf('')).toBeNull()
    expect(numberOf('-')).toBeNull()
  })
})

describe('stepOfField', () => {
  it('finds the step that shows a field', () => {
    expect(stepOfField('goals.2.target')).toBe('goals')
    expect(stepOfField('limits')).toBe('goals')
    expect(stepOfField('networks.0.why')).toBe('landscape')
    expect(stepOfField('mix')).toBe('mix')
    expect(stepOfField('tools.multimedia')).toBe('tools')
    expect(stepOfField('equityTargets.value')).toBe('measures')
    expect(stepOfField('people.1.hoursPerWeek')).toBe('fuel')
    expect(stepOfField('plan.reviewDates.0')).toBe('risks')
    expect(stepOfField('somethingElse')).toBeNull()
    expect(fieldPath('plan.goals.0.due')).toBe('goals.0.due')
  })
})

describe('totals', () => {
  it('adds people hours and counts tools', () => {
    expect(peopleHours([{ key: 'a', name: 'A', role: '', hoursPerWeek: 2.5 }, { key: 'b', name: 'B', role: '', hoursPerWeek: '' }])).toBe(2.5)
    expect(toolCount({ networking: ['a', 'b'], collaboration: [], multimedia: ['c'], entertainment: [] })).toBe(3)
  })
})

describe('nextReviewDate', () => {
  it('is three months after the last date, or after today', () => {
    expect(nextReviewDate([], '2025-01-15')).toBe('2025-04-15')
    expect(nextReviewDate(['2025-06-01', '2025-09-10'], '2025-01-15')).toBe('2025-12-10')
    expect(nextReviewDate(['2024-06-01'], '2025-01-15')).toBe('2025-04-15')
  })

  it('stays in the month it lands in', () => {
    expect(nextReviewDate([], '2025-11-30')).toBe('2026-02-28')
  })
})
