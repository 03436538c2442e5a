import { describe, expect, it } from 'vitest'
import { activityStage, hasEnoughActivity } from './activity.js'
import { assess } from './stage-model.js'
import { answersStage } from './questionnaire.js'
import { answersFor, buildSignals } from './test-fixtures.js'
import type { CoachSignals, Stage } from './types.js'

const hour = 60 * 60 * 1000

/** Stage 4 behaviour: most weeks posted by hand, most conversations answered within a day. */
const comfortable: Partial<CoachSignals> = {
  connectedAccounts: 2,
  postsPublished: 20,
  weeksWithPosts: 6,
  automatedShare: 0.1,
  conversations: { received: 10, answered: 7, medianResponseMs: 2 * hour },
}
/** Stage 5's tools on top of stage 4. */
const tooled: Partial<CoachSignals> = { ...comfortable, listeningQueries: 1, mentionsFound: 3, reportsViewed: 2, measuresTracked: 1 }
/** Stage 2: an account, a few weeks with posts, mostly a blog feed, nobody answered. */
const trying: Partial<CoachSignals> = {
  connectedAccounts: 1,
  postsPublished: 5,
  weeksWithPosts: 3,
  automatedShare: 0.8,
  conversations: { received: 5, answered: 0, medianResponseMs: null },
}

describe('activityStage: every boundary, both sides', () => {
  const rows: Array<[string, Partial<CoachSignals>, Stage]> = [
    // 1 | 2: anything connected or posted
    ['nothing connected, nothing posted', {}, 1],
    ['one account, nothing posted', { connectedAccounts: 1 }, 2],
    ['posts but the account was removed', { postsPublished: 2, weeksWithPosts: 1 }, 2],
    // 4: most weeks (6 of 8)
    ['stage 4 at 6 of 8 weeks', comfortable, 4],
    ['5 of 8 weeks is not most weeks (the replies make it the turn)', { ...comfortable, weeksWithPosts: 5 }, 3],
    // 4: automation must stay under 50%
    ['automated share 49%', { ...comfortable, automatedShare: 0.49 }, 4],
    ['automated share 50%: a feed posting every week is not a habit', { ...comfortable, automatedShare: 0.5 }, 2],
    // 4: at least 70% answered
    ['7 of 10 conversations answered', comfortable, 4],
    ['6 of 10 answered', { ...comfortable, conversations: { received: 10, answered: 6, medianResponseMs: 2 * hour } }, 3],
    // 4: median answer within a day
    ['median answer at exactly 24 hours', { ...comfortable, conversations: { received: 10, answered: 8, medianResponseMs: 24 * hour } }, 4],
    ['median answer just over a day', { ...comfortable, conversations: { received: 10, answered: 8, medianResponseMs: 24 * hour + 1 } }, 3],
    // 4: replies left out when they cannot be read
    ['replies not tracked (null) are left out', { ...comfortable, conversations: null }, 4],
    ['nobody wrote: replies left out', { ...comfortable, conversations: { received: 0, answered: 0, medianResponseMs: null } }, 4],
    // 4: check-ins kept when a routine is set (12 in 4 weeks)
    ['routine set, 12 check-ins', { ...comfortable, checkInsDone: 12 }, 4],
    ['routine set, 11 check-ins', { ...comfortable, checkInsDone: 11 }, 3],
    ['no routine (null) is left out', { ...comfortable, checkInsDone: null }, 4],
    // 5: every tool is needed
    ['stage 4 with listening, mentions, reports and a measure', tooled, 5],
    ['no listening query', { ...tooled, listeningQueries: 0 }, 4],
    ['listening found nothing', { ...tooled, mentionsFound: 0 }, 4],
    ['no report opened', { ...tooled, reportsViewed: 0 }, 4],
    ['no measure tracked', { ...tooled, measuresTracked: 0 }, 4],
    ['tools without stage 4 behaviour', { ...tooled, weeksWithPosts: 2, conversations: null }, 2],
    // 6: results shared on top of 5
    ['stage 5 and results shared', { ...tooled, resultsShared: 1 }, 6],
    ['results shared without the tools', { ...comfortable, resultsShared: 1 }, 4],
    // 3, the turn: automation low with first replies or check-ins
    ['stage 2: irregular, automated, no replies', trying, 2],
    ['automation 49% and a first reply', { ...trying, automatedShare: 0.49, conversations: { received: 5, answered: 1, medianResponseMs: 3 * hour } }, 3],
    ['automation 50% and a first reply', { ...trying, automatedShare: 0.5, conversations: { received: 5, answered: 1, medianResponseMs: 3 * hour } }, 2],
    ['no automation and a first check-in', { ...trying, automatedShare: 0, checkInsDone: 1 }, 3],
    ['no automation, routine set but no check-in', { ...trying, automatedShare: 0, checkInsDone: 0 }, 2],
    ['nothing posted yet, but answering people', { connectedAccounts: 1, conversations: { received: 3, answered: 1, medianResponseMs: hour } }, 3],
    // 3, "it doesn't work": steady posting (4 of 8 weeks) with flat or falling engagement
    ['4 of 8 weeks, engagement +9%', { connectedAccounts: 1, postsPublished: 8, weeksWithPosts: 4, automatedShare: 0, engagementTrend: 1.09 }, 3],
    ['4 of 8 weeks, engagement +10% (rising)', { connectedAccounts: 1, postsPublished: 8, weeksWithPosts: 4, automatedShare: 0, engagementTrend: 1.1 }, 2],
    ['3 of 8 weeks (irregular), engagement falling', { connectedAccounts: 1, postsPublished: 4, weeksWithPosts: 3, automatedShare: 0, engagementTrend: 0.7 }, 2],
    ['4 of 8 weeks, no engagement numbers', { connectedAccounts: 1, postsPublished: 8, weeksWithPosts: 4, automatedShare: 0, engagementTrend: null }, 2],
    // …unless held at 2 by a feed with almost no replies (under 10% answered)
    ['feed, 2 of 20 answered (10%), flat', { connectedAccounts: 1, postsPublished: 8, weeksWithPosts: 4, automatedShare: 0.6, engagementTrend: 1, conversations: { received: 20, answered: 2, medianResponseMs: 30 * hour } }, 3],
    ['feed, 1 of 20 answered (5%), flat', { connectedAccounts: 1, postsPublished: 8, weeksWithPosts: 4, automatedShare: 0.6, engagementTrend: 1, conversations: { received: 20, answered: 1, medianResponseMs: 30 * hour } }, 2],
    // a short window: "most weeks" is 3 of 4 when the first account was connected 4 weeks ago
    ['connected 4 weeks ago, posted in 3', { ...comfortable, weeksWithPosts: 3, weeksConnected: 4 }, 4],
    ['connected 4 weeks ago, posted in 2', { ...comfortable, weeksWithPosts: 2, weeksConnected: 4 }, 3],
  ]
  it.each(rows)('%s → stage %i', (_name, overrides, stage) => {
    expect(activityStage(buildSignals(overrides))).toBe(stage)
  })
})

describe('hasEnoughActivity', () => {
  const rows: Array<[string, Partial<CoachSignals>, boolean]> = [
    ['a new workspace', {}, false],
    ['accounts but nothing published here', { connectedAccounts: 2 }, false],
    ['an account and a post', { connectedAccounts: 1, postsPublished: 1 }, true],
    ['connected 3 weeks ago', { connectedAccounts: 1, postsPublished: 4, weeksConnected: 3 }, false],
    ['connected 4 weeks ago', { connectedAccounts: 1, postsPublished: 4, weeksConnected: 4 }, true],
  ]
  it.each(rows)('%s → %s', (_name, overrides, expected) => {
    expect(hasEnoughActivity(buildSignals(overrides))).toBe(expected)
  })
})

describe('assess: who decides when answers and activity disagree', () => {
  const rows: Array<[string, Stage, Partial<CoachSignals>, { stage: Stage; decidedBy: 'both' | 'answers' | 'activity'; key: string | null }]> = [
    ['they agree', 4, comfortable, { stage: 4, decidedBy: 'both', key: null }],
    ['no account connected here yet: answers', 4, {}, { stage: 4, decidedBy: 'answers', key: 'coach.disagreement.no_accounts' }],
    ['accounts but nothing published here: answers', 4, { connectedAccounts: 2 }, { stage: 4, decidedBy: 'answers', key: 'coach.disagreement.no_posts' }],
    ['connected 2 weeks ago: answers', 5, { ...comfortable, weeksConnected: 2 }, { stage: 5, decidedBy: 'answers', key: 'coach.disagreement.connected_recently' }],
    ['"it doesn\'t work, we want a more human way" while activity shows 2: answers', 3, trying, { stage: 3, decidedBy: 'answers', key: 'coach.disagreement.turn' }],
    ['answers say 4, activity shows 2: behaviour', 4, trying, { stage: 2, decidedBy: 'activity', key: 'coach.disagreement.behaviour' }],
    ['answers say 2, activity shows 4: behaviour', 2, comfortable, { stage: 4, decidedBy: 'activity', key: 'coach.disagreement.behaviour' }],
    ['answers say 3, activity shows 4: behaviour (the turn is behind them)', 3, comfortable, { stage: 4, decidedBy: 'activity', key: 'coach.disagreement.behaviour' }],
    ['answers say 6, activity shows 5: behaviour', 6, tooled, { stage: 5, decidedBy: 'activity', key: 'coach.disagreement.behaviour' }],
  ]
  it.each(rows)('%s', (_name, answered, overrides, expected) => {
    const answers = answersFor(answered)
    expect(answersStage(answers)).toBe(answered)
    const result = assess(answers, buildSignals(overrides))
    expect(result.stage).toBe(expected.stage)
    expect(result.decidedBy).toBe(expected.decidedBy)
    expect(result.disagreement?.key ?? null).toBe(expected.key)
    if (expected.key) expect(result.disagreement!.params).toEqual({ answers: result.answersStage!, activity: result.activityStage })
  })

  it('goes by the activity alone, and asks for more answers, with fewer than 6 answers', () => {
    const five = Object.fromEntries(Object.entries(answersFor(5)).slice(0, 5))
    const result = assess(five, buildSignals(trying))
    expect(result).toMatchObject({ stage: 2, answersStage: null, activityStage: 2, decidedBy: 'activity', disagreement: null })
    expect(result.waitingFor[0]).toEqual({ key: 'coach.waiting.answers', params: { count: 1 } })
    expect(result.evidence.some((e) => e.source === 'answers')).toBe(false)
  })
})

describe('assess: evidence', () => {
  const evidenceOf = (overrides: Partial<CoachSignals>, answers = answersFor(2)) => assess(answers, buildSignals(overrides))
  const find = (result: ReturnType<typeof assess>, key: string) => result.evidence.find((e) => e.message.key === `coach.evidence.${key}`)

  it('says how many weeks had posts, and how much went out blindly', () => {
    const result = evidenceOf(trying)
    expect(find(result, 'weeks_with_posts')).toEqual({ message: { key: 'coach.evidence.weeks_with_posts', params: { weeks: 3, count: 8 } }, pointsTo: 2, source: 'activity' })
    expect(find(result, 'automated_high')).toEqual({ message: { key: 'coach.evidence.automated_high', params: { percent: 80 } }, pointsTo: 2, source: 'activity' })
    expect(find(result, 'replies')?.message.params).toEqual({ answered: 0, count: 5, percent: 0 })
    expect(find(result, 'replies')?.pointsTo).toBe(2)
  })

  it('counts the weeks of a short window', () => {
    const result = evidenceOf({ ...comfortable, weeksWithPosts: 3, weeksConnected: 5 })
    expect(find(result, 'weeks_with_posts')?.message.params).toEqual({ weeks: 3, count: 5 })
  })

  it('reads replies, response time, check-ins and trends', () => {
    const result = evidenceOf({ ...comfortable, checkInsDone: 20, engagementTrend: 1.25, referralTrend: 0.8, heardViaSocial: 3 })
    expect(find(result, 'replies')).toMatchObject({ message: { params: { answered: 7, count: 10, percent: 70 } }, pointsTo: 4 })
    expect(find(result, 'response_hours')).toMatchObject({ message: { params: { count: 2 } }, pointsTo: 4 })
    expect(find(result, 'checkins')).toMatchObject({ message: { params: { count: 20 } }, pointsTo: 4 })
    expect(find(result, 'engagement_up')).toMatchObject({ message: { params: { percent: 25 } }, pointsTo: 4 })
    expect(find(result, 'referrals_down')?.message.params).toEqual({ percent: 20 })
    expect(find(result, 'heard_via_social')).toMatchObject({ message: { params: { count: 3 } }, pointsTo: 4 })
    expect(find(result, 'automated_low')?.message.params).toEqual({ percent: 10 })
  })

  it('gives slow answers in days and does not count them as within a day', () => {
    const result = evidenceOf({ ...comfortable, conversations: { received: 4, answered: 4, medianResponseMs: 72 * hour } })
    expect(find(result, 'response_days')).toEqual({ message: { key: 'coach.evidence.response_days', params: { count: 3 } }, source: 'activity' })
  })

  it('points a new workspace to stage 1', () => {
    const result = evidenceOf({})
    expect(find(result, 'no_accounts')?.pointsTo).toBe(1)
    expect(find(result, 'no_posts')).toMatchObject({ message: { params: { count: 8 } }, pointsTo: 1 })
  })

  it('lists the tools and sharing of stages 5 and 6', () => {
    const result = evidenceOf({ ...tooled, resultsShared: 2, teammates: 3 })
    expect(find(result, 'listening')?.message.params).toEqual({ count: 1 })
    expect(find(result, 'mentions_found')).toMatchObject({ message: { params: { count: 3 } }, pointsTo: 5 })
    expect(find(result, 'reports_viewed')?.pointsTo).toBe(5)
    expect(find(result, 'measures_tracked')?.pointsTo).toBe(5)
    expect(find(result, 'results_shared')).toMatchObject({ message: { params: { count: 2 } }, pointsTo: 6 })
    expect(find(result, 'teammates')?.message.params).toEqual({ count: 3 })
  })

  it('puts the answers first, with their count and stage', () => {
    const result = evidenceOf(trying, answersFor(3))
    expect(result.evidence[0]).toEqual({ message: { key: 'coach.evidence.answers', params: { count: 12, stage: 3 } }, pointsTo: 3, source: 'answers' })
  })

  it('waits for the signals that are null, and only for those', () => {
    const waiting = (overrides: Partial<CoachSignals>) => evidenceOf(overrides).waitingFor.map((m) => m.key)
    expect(waiting({})).toEqual([
      'coach.waiting.conversations',
      'coach.waiting.checkins',
      'coach.waiting.engagement',
      'coach.waiting.referrals',
      'coach.waiting.heard_via',
    ])
    expect(waiting({ conversations: { received: 0, answered: 0, medianResponseMs: null }, checkInsDone: 0, engagementTrend: 1, referralTrend: 1, heardViaSocial: 0 })).toEqual([
      'coach.waiting.no_conversations',
    ])
  })
})
