/** Readings of the dashboard's figures: emptiness, answer shares, part weights, gaps in daily lines. */
import { describe, expect, it } from 'vitest'
import type { DashboardTotals, ScorePart } from '../../../app/measure-types'
import { answerShares, emptiness, knownExtent, knownRuns, shareOfMax, weightShares } from './dashboard-figures'

const zero: DashboardTotals = {
  posts: 0,
  followers: null,
  followersChange: null,
  reach: null,
  views: null,
  likes: 0,
  reposts: 0,
  replies: 0,
  quotes: 0,
  engagement: 0,
  engagementRate: null,
  clicks: 0,
  botClicks: 0,
  visitors: 0,
  conversions: 0,
  revenue: 0,
  hearAnswers: 0,
  hearSocial: 0,
}

describe('emptiness', () => {
  it('is empty on both counts before anything happened', () => {
    expect(emptiness({ totals: zero, previousTotals: zero })).toEqual({ noPosts: true, nothingTracked: true })
  })

  it('has posts when either period has one, and tracking when anything was counted', () => {
    expect(emptiness({ totals: zero, previousTotals: { ...zero, posts: 1 } })).toEqual({ noPosts: false, nothingTracked: true })
    expect(emptiness({ totals: { ...zero, conversions: 1 }, previousTotals: zero }).nothingTracked).toBe(false)
    expect(emptiness({ totals: zero, previousTotals: { ...zero, hearAnswers: 2 } }).nothingTracked).toBe(false)
    // Even a bot's click proves the links are tracked.
    expect(emptiness({ totals: { ...zero, botClicks: 1 }, previousTotals: zero }).nothingTracked).toBe(false)
  })
})

describe('shareOfMax', () => {
  it('is a share of the largest, kept between 0 and 1', () => {
    expect(shareOfMax(5, 20)).toBe(0.25)
    expect(shareOfMax(5, 0)).toBe(0)
    expect(shareOfMax(30, 20)).toBe(1)
  })
})

describe('answerShares', () => {
  it('puts the most given answer first, each with its share', () => {
    expect(answerShares([{ answer: 'friend', count: 1 }, { answer: 'bluesky', count: 3 }, { answer: 'other', count: 0 }])).toEqual([
      { answer: 'bluesky', count: 3, share: 0.75 },
      { answer: 'friend', count: 1, share: 0.25 },
    ])
    expect(answerShares([])).toEqual([])
  })
})

describe('weightShares', () => {
  const part = (key: string, weight: number): ScorePart => ({ key, score: null, weight, inputs: [] })

  it('reads weights as shares whether they are written as fractions or percentages', () => {
    expect(weightShares([part('reach', 0.5), part('quality', 0.3), part('amplification', 0.2)]).get('quality')).toBeCloseTo(0.3)
    expect(weightShares([part('reach', 50), part('quality', 30), part('amplification', 20)]).get('quality')).toBeCloseTo(0.3)
    expect(weightShares([part('reach', 0)]).get('reach')).toBe(0)
  })
})

describe('knownRuns', () => {
  it('splits a line where a day is not known', () => {
    expect(knownRuns([null, 1, 2, null, 3])).toEqual([
      [
        { index: 1, value: 1 },
        { index: 2, value: 2 },
      ],
      [{ index: 4, value: 3 }],
    ])
    expect(knownRuns([null, null])).toEqual([])
  })

  it('knows the extent of the known values only', () => {
    expect(knownExtent([null, 1210, 1200, null])).toEqual({ min: 1200, max: 1210 })
    expect(knownExtent([null])).toBeNull()
  })
})
