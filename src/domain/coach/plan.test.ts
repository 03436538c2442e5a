import { describe, expect, it } from 'vitest'
import { emptyPlan, isIsoDate, planProblems } from './plan.js'
import { actualMix, suggestMix, wholePercents } from './plan-mix.js'
import { checkFuel, goalProgress } from './plan-progress.js'
import type { CompanyProfile, Plan, PlanGoal } from './types.js'

function goal(overrides: Partial<PlanGoal> = {}): PlanGoal {
  return { id: 'g1', area: 'marketing', text: 'More regulars from the neighbourhood', metric: 'heard_via_social', target: 20, due: '2025-06-30', ...overrides }
}

function validPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    ...emptyPlan(),
    goals: [goal()],
    networks: [{ network: 'bluesky', why: 'Our regulars are there' }],
    mix: { educate: 60, engage: 40 },
    hoursPerWeek: 5,
    people: [{ name: 'Amina', role: 'owner', hoursPerWeek: 3 }, { name: 'Tom', role: 'barista', hoursPerWeek: 2 }],
    ...overrides,
  }
}

const problemsOf = (plan: Plan) => planProblems(plan).map((p) => `${p.field} ${p.key.replace('coach.plan_problems.', '')}`)

describe('planProblems', () => {
  it('accepts a complete plan', () => {
    expect(planProblems(validPlan())).toEqual([])
  })

  it('asks an empty plan for a goal and a mix', () => {
    expect(problemsOf(emptyPlan())).toEqual(['goals no_goals', 'mix mix_empty'])
  })

  const rows: Array<[string, Partial<Plan>, string[]]> = [
    ['mix over 100', { mix: { educate: 60, engage: 50 } }, ['mix mix_sum']],
    ['mix under 100', { mix: { educate: 99 } }, ['mix mix_sum']],
    ['mix of one E at 100, others at 0', { mix: { educate: 100, engage: 0 } }, []],
    ['a share not whole', { mix: { educate: 50.5, engage: 49.5 } }, ['mix.educate mix_share', 'mix.engage mix_share', 'mix mix_empty']],
    ['an unknown E', { mix: { educate: 100, gossip: 10 } as Plan['mix'] }, ['mix.gossip mix_unknown']],
    ['goal target 0', { goals: [goal({ target: 0 })] }, ['goals.0.target goal_target']],
    ['goal target 1', { goals: [goal({ target: 1 })] }, []],
    ['a rate over 100%', { goals: [goal({ metric: 'reply_rate', target: 101 })] }, ['goals.0.target goal_target_percent']],
    ['a rate of 100%', { goals: [goal({ metric: 'reply_rate', target: 100 })] }, []],
    ['a due date that does not exist', { goals: [goal({ due: '2025-02-30' })] }, ['goals.0.due goal_due']],
    ['a due date in another format', { goals: [goal({ due: '30/06/2025' })] }, ['goals.0.due goal_due']],
    ['a blank goal', { goals: [goal({ text: '  ' })] }, ['goals.0.text goal_text']],
    ['an unknown area and metric', { goals: [goal({ area: 'luck' as PlanGoal['area'], metric: 'vibes' as PlanGoal['metric'] })] }, ['goals.0.area goal_area', 'goals.0.metric goal_metric']],
    ['the same goal twice', { goals: [goal(), goal()] }, ['goals.1.id goal_duplicate']],
    ['the same network twice', { networks: [{ network: 'bluesky', why: '' }, { network: 'Bluesky ', why: '' }] }, ['networks.1.network network_duplicate']],
    ['a blank network', { networks: [{ network: ' ', why: '' }] }, ['networks.0.network network_empty']],
    ['negative hours', { hoursPerWeek: -1, people: [] }, ['hoursPerWeek hours']],
    ['more hours than a week has', { hoursPerWeek: 169, people: [] }, ['hoursPerWeek hours']],
    ['zero hours and nobody', { hoursPerWeek: 0, people: [] }, []],
    ['a person without a name, or with negative hours', { people: [{ name: '', role: '', hoursPerWeek: -2 }] }, ['people.0.name person_name', 'people.0.hoursPerWeek hours']],
    // 5 hours planned: up to 7 (5 + max(2, 1.25)) is close enough, 7.5 is not.
    ['people 7 hours for a 5-hour plan', { people: [{ name: 'Amina', role: 'owner', hoursPerWeek: 7 }] }, []],
    ['people 7.5 hours for a 5-hour plan', { people: [{ name: 'Amina', role: 'owner', hoursPerWeek: 7.5 }] }, ['people people_hours_above_plan']],
    // 20 hours planned: slack is 5.
    ['people 25 hours for a 20-hour plan', { hoursPerWeek: 20, people: [{ name: 'A', role: '', hoursPerWeek: 25 }] }, []],
    ['people 26 hours for a 20-hour plan', { hoursPerWeek: 20, people: [{ name: 'A', role: '', hoursPerWeek: 26 }] }, ['people people_hours_above_plan']],
    ['a measure twice, an unknown one', { measures: ['media', 'media', 'gut' as Plan['measures'][number]] }, ['measures.1 measure_duplicate', 'measures.2 measure_unknown']],
    ['an equity target over 100', { equityTargets: { connection: 120, value: 50 } }, ['equityTargets.connection equity_target']],
    ['an unknown tool family', { tools: { networking: ['bluesky'], magic: ['x'] } as Plan['tools'] }, ['tools.magic tool_family_unknown']],
    ['a review date that is not a date', { reviewDates: ['2025-07-01', 'next week'] }, ['reviewDates.1 review_date']],
  ]
  it.each(rows)('%s', (_name, overrides, expected) => {
    expect(problemsOf(validPlan(overrides))).toEqual(expected)
  })

  it('gives the sum and the hours as params', () => {
    expect(planProblems(validPlan({ mix: { educate: 70, engage: 40 } }))[0]!.params).toEqual({ sum: 110 })
    const people = planProblems(validPlan({ people: [{ name: 'A', role: '', hoursPerWeek: 12 }] }))
    expect(people).toEqual([{ field: 'people', key: 'coach.plan_problems.people_hours_above_plan', params: { count: 12, hours: 5 } }])
    expect(planProblems(validPlan({ networks: [{ network: 'mastodon', why: '' }, { network: 'mastodon', why: '' }] }))[0]!.params).toEqual({ network: 'mastodon' })
  })
})

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected)
  })
})

describe('suggestMix', () => {
  const profile = (overrides: Partial<CompanyProfile>): CompanyProfile => ({ teamSize: 1, hoursPerWeek: 4, areas: ['sales', 'brand'], ...overrides })
  const total = (mix: Partial<Record<string, number>>) => Object.values(mix).reduce((a: number, b) => a + (b ?? 0), 0)

  it('gives a small team two Es from its main goal areas', () => {
    const { mix, reasons } = suggestMix(profile({}))
    // sales leans on Educate (3) then Engage (1.5); brand on Entertain (2) then Engage (1): Engage
    // serves both areas, so it beats Entertain (2.5 against 2).
    expect(mix).toEqual({ educate: 54, engage: 46 })
    expect(reasons).toEqual([
      { key: 'coach.mix.two_types', params: { count: 1, hours: 4 } },
      { key: 'coach.mix.area.sales', params: {} },
      { key: 'coach.mix.area.brand', params: {} },
    ])
  })

  it('treats 1–2 people or under 5 hours a week as small', () => {
    expect(Object.keys(suggestMix(profile({ teamSize: 2, hoursPerWeek: 20 })).mix)).toHaveLength(2)
    expect(Object.keys(suggestMix(profile({ teamSize: 6, hoursPerWeek: 4.5 })).mix)).toHaveLength(2)
    expect(Object.keys(suggestMix(profile({ teamSize: 3, hoursPerWeek: 5 })).mix)).toHaveLength(3)
  })

  it('picks one E under 2 hours a week', () => {
    const { mix, reasons } = suggestMix(profile({ hoursPerWeek: 1.5 }))
    expect(mix).toEqual({ educate: 100 })
    expect(reasons[0]!.key).toBe('coach.mix.one_type')
  })

  it('spreads a larger team over three or four Es, in whole percents summing to 100', () => {
    // crowdsourcing: Empower 3, Engage 1.5; culture: Engage 2, Entertain 1; pr: Educate 1, Entertain 0.5.
    const three = suggestMix(profile({ teamSize: 3, hoursPerWeek: 8, areas: ['crowdsourcing', 'culture', 'pr'] }))
    expect(three.mix).toEqual({ engage: 44, empower: 37, entertain: 19 })
    expect(three.reasons.map((r) => r.key)).toEqual(['coach.mix.spread', 'coach.mix.area.crowdsourcing', 'coach.mix.area.culture', 'coach.mix.area.pr'])
    expect(three.reasons[0]!.params).toEqual({ count: 3, hours: 8 })
    const four = suggestMix(profile({ teamSize: 5, hoursPerWeek: 10, areas: ['culture'] }))
    expect(Object.keys(four.mix).sort()).toEqual(['educate', 'empower', 'engage', 'entertain'])
    for (const { mix } of [three, four]) {
      expect(total(mix)).toBe(100)
      for (const share of Object.values(mix)) {
        expect(Number.isInteger(share)).toBe(true)
        expect(share).toBeGreaterThanOrEqual(10)
      }
    }
  })

  it('starts balanced, conversation first, without goal areas', () => {
    const { mix, reasons } = suggestMix(profile({ areas: [] }))
    expect(mix).toEqual({ engage: 57, educate: 43 })
    expect(reasons.map((r) => r.key)).toEqual(['coach.mix.two_types', 'coach.mix.no_areas'])
  })

  it('always passes its own plan check', () => {
    for (const teamSize of [1, 2, 3, 5, 12]) {
      for (const hoursPerWeek of [0, 1, 3, 5, 9, 10, 40]) {
        const { mix } = suggestMix({ teamSize, hoursPerWeek, areas: ['market_engagement', 'innovation'] })
        expect(planProblems(validPlan({ mix }))).toEqual([])
      }
    }
  })
})

describe('wholePercents and actualMix', () => {
  it('rounds to whole percents that sum to 100', () => {
    expect(wholePercents([['a', 1], ['b', 1], ['c', 1]])).toEqual({ a: 34, b: 33, c: 33 })
    expect(wholePercents([['a', 2], ['b', 1]])).toEqual({ a: 67, b: 33 })
    expect(wholePercents([['a', 0]])).toEqual({})
  })

  it('measures the mix of posts, leaving out those without an E', () => {
    expect(actualMix(['educate', 'educate', 'engage', null, 'entertain', null])).toEqual({ educate: 50, engage: 25, entertain: 25 })
    expect(actualMix([null, null])).toEqual({})
    expect(actualMix([])).toEqual({})
  })
})

describe('goalProgress', () => {
  const [today, since] = ['2025-04-01', '2025-01-01']

  it('waits without a value', () => {
    expect(goalProgress(goal(), null, today, since)).toEqual({ status: 'waiting', progress: null })
  })

  it('is met at the target, whatever the date', () => {
    expect(goalProgress(goal({ target: 20 }), 20, today, since)).toEqual({ status: 'met', progress: 1 })
    expect(goalProgress(goal({ target: 20 }), 25, '2026-01-01')).toEqual({ status: 'met', progress: 1 })
  })

  it('judges the pace from the time elapsed since the goal was set', () => {
    // 2025-01-01 → 2025-06-30 is 180 days; on 2025-04-01, 90 have passed: half the way.
    expect(goalProgress(goal({ target: 20 }), 10, today, since)).toEqual({ status: 'on_track', progress: 0.5 })
    expect(goalProgress(goal({ target: 20 }), 9, today, since)).toEqual({ status: 'behind', progress: 0.45 })
  })

  it('is on track before the due date when the start is unknown, and behind after it', () => {
    expect(goalProgress(goal({ target: 20 }), 1, '2025-06-30').status).toBe('on_track')
    expect(goalProgress(goal({ target: 20 }), 19, '2025-07-01')).toEqual({ status: 'behind', progress: 0.95 })
  })

  it('reads lower as better for the median response time', () => {
    const responses = goal({ metric: 'median_response_hours', target: 4 })
    expect(goalProgress(responses, 3, today, since)).toEqual({ status: 'met', progress: 1 })
    expect(goalProgress(responses, 4, today, since)).toEqual({ status: 'met', progress: 1 })
    expect(goalProgress(responses, 8, today, since)).toEqual({ status: 'on_track', progress: 0.5 })
    expect(goalProgress(responses, 10, today, since)).toEqual({ status: 'behind', progress: 0.4 })
  })
})

describe('checkFuel', () => {
  const fuel = (planned: number, actual: number | null) => checkFuel({ hoursPerWeek: planned }, { hoursPerWeek: actual })

  it('compares the plan with the last 4 weeks', () => {
    expect(fuel(5, 1.54)).toEqual({ key: 'coach.fuel.below', params: { count: 5, actual: 1.5 } })
    expect(fuel(4, 2.9)).toEqual({ key: 'coach.fuel.below', params: { count: 4, actual: 2.9 } })
    expect(fuel(4, 3)).toEqual({ key: 'coach.fuel.on_plan', params: { count: 4, actual: 3 } })
    expect(fuel(4, 5)).toEqual({ key: 'coach.fuel.on_plan', params: { count: 4, actual: 5 } })
    expect(fuel(4, 5.1)).toEqual({ key: 'coach.fuel.above', params: { count: 4, actual: 5.1 } })
  })

  it('says when there is no activity or no time planned', () => {
    expect(fuel(5, null)).toEqual({ key: 'coach.fuel.no_activity', params: { count: 5 } })
    expect(fuel(0, null)).toEqual({ key: 'coach.fuel.no_activity_no_plan', params: {} })
    expect(fuel(0, 2.25)).toEqual({ key: 'coach.fuel.no_plan_hours', params: { count: 2.3 } })
  })
})
