import { describe, expect, it } from 'vitest'
import { nextSteps, stepRules } from './next-steps.js'
import { buildSignals } from './test-fixtures.js'
import type { CoachSignals, Stage, StepTarget } from './types.js'

const stages = [1, 2, 3, 4, 5, 6] as const
const targets: StepTarget[] = ['listen', 'handles', 'compose', 'accounts', 'queue', 'ideas', 'checkins', 'inbox', 'measure', 'plan', 'share', 'team']

describe('nextSteps', () => {
  it('gives 3 to 5 steps per stage, with unique ids, known targets and catalog keys', () => {
    const ids = new Set<string>()
    for (const stage of stages) {
      const steps = nextSteps(stage, buildSignals())
      expect(steps.length).toBeGreaterThanOrEqual(3)
      expect(steps.length).toBeLessThanOrEqual(5)
      for (const step of steps) {
        expect(ids.has(step.id)).toBe(false)
        ids.add(step.id)
        expect(step.stage).toBe(stage)
        expect(targets).toContain(step.target)
        expect(step.title).toEqual({ key: `coach.steps.${step.id}.title`, params: {} })
        expect(step.why).toEqual({ key: `coach.steps.${step.id}.why`, params: {} })
      }
    }
  })

  it('opens the features the methodology names for stage 1', () => {
    expect(nextSteps(1, buildSignals()).map((s) => [s.id, s.target])).toEqual([
      ['listen_for_your_name', 'listen'],
      ['reserve_handles', 'handles'],
      ['connect_first_account', 'accounts'],
      ['first_week_of_posts', 'compose'],
    ])
  })

  // Each step: the signals that leave it open, and the smallest change that ticks it.
  const rows: Array<[Stage, string, Partial<CoachSignals>, Partial<CoachSignals>]> = [
    [1, 'listen_for_your_name', { listeningQueries: 0 }, { listeningQueries: 1 }],
    [1, 'reserve_handles', { handlesReserved: 0 }, { handlesReserved: 1 }],
    [1, 'connect_first_account', { connectedAccounts: 0 }, { connectedAccounts: 1 }],
    [1, 'first_week_of_posts', { postsPublished: 0 }, { postsPublished: 1 }],
    [2, 'set_posting_slots', { queueSlots: 0 }, { queueSlots: 3 }],
    [2, 'review_blog_posts', { autoPublishFeeds: 1 }, { autoPublishFeeds: 0 }],
    [2, 'post_most_weeks', { weeksWithPosts: 3 }, { weeksWithPosts: 4 }],
    [2, 'answer_first_conversation', { conversations: { received: 3, answered: 0, medianResponseMs: null } }, { conversations: { received: 3, answered: 1, medianResponseMs: 1 } }],
    [2, 'answer_first_conversation', { conversations: null }, { conversations: { received: 1, answered: 1, medianResponseMs: 1 } }],
    [3, 'set_checkins', { checkInsDone: null }, { checkInsDone: 1 }],
    [3, 'set_checkins', { checkInsDone: 0 }, { checkInsDone: 1 }],
    [3, 'answer_people', { conversations: { received: 10, answered: 6, medianResponseMs: 1 } }, { conversations: { received: 10, answered: 7, medianResponseMs: 1 } }],
    [3, 'answer_people', { conversations: { received: 0, answered: 0, medianResponseMs: null } }, { conversations: { received: 1, answered: 1, medianResponseMs: 1 } }],
    [3, 'find_people_to_talk_to', { listeningQueries: 1, mentionsFound: 0 }, { listeningQueries: 1, mentionsFound: 1 }],
    [3, 'stop_blind_automation', { autoPublishFeeds: 0, automatedShare: 0.5 }, { autoPublishFeeds: 0, automatedShare: 0.49 }],
    [3, 'stop_blind_automation', { autoPublishFeeds: 1, automatedShare: 0 }, { autoPublishFeeds: 0, automatedShare: 0 }],
    [4, 'set_goals', { hasPlan: false }, { hasPlan: true }],
    [4, 'track_a_measure', { measuresTracked: 0 }, { measuresTracked: 1 }],
    [4, 'ask_how_they_heard', { heardViaSocial: null }, { heardViaSocial: 0 }],
    [4, 'listen_for_mentions', { listeningQueries: 0, mentionsFound: 0 }, { listeningQueries: 2, mentionsFound: 5 }],
    [4, 'open_reports', { reportsViewed: 0 }, { reportsViewed: 1 }],
    [5, 'set_listening_alerts', {}, { alertRules: 1 }],
    [5, 'set_listening_alerts', { alertRules: 0 }, { alertRules: 2 }],
    [5, 'tie_goals_to_measures', { hasPlan: true, measuresTracked: 0 }, { hasPlan: true, measuresTracked: 1 }],
    [5, 'review_reports', { reportsViewed: 0 }, { reportsViewed: 3 }],
    [5, 'share_results', { resultsShared: 0 }, { resultsShared: 1 }],
    [6, 'share_results_page', { resultsShared: 0 }, { resultsShared: 1 }],
    [6, 'invite_teammates', { teammates: 0 }, { teammates: 1 }],
    [6, 'keep_reviewing_results', { reportsViewed: 0 }, { reportsViewed: 1 }],
  ]
  it.each(rows)('stage %i %s: open, then done from real data', (stage, id, open, done) => {
    const step = (overrides: Partial<CoachSignals>) => nextSteps(stage, buildSignals(overrides)).find((s) => s.id === id)!
    expect(step(open).done).toBe(false)
    expect(step(done).done).toBe(true)
  })

  it('covers every step in the table above', () => {
    const tested = new Set(rows.map(([, id]) => id))
    const all = stages.flatMap((stage) => stepRules[stage].map((r) => r.id))
    expect(all.filter((id) => !tested.has(id))).toEqual([])
  })
})
