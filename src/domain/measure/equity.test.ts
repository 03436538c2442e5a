import { describe, expect, it } from 'vitest'
import { equityScore, type EquityInputs } from './equity.js'
import { formulaConstants } from './formula-constants.js'

/** The bakery's month: a few regulars, a handful of mentions, clicks from a flyer's QR code, three online orders. */
const bakery: EquityInputs = {
  posts: 10, reach: 3000, followers: 300, replies: 10, reposts: 8, quotes: 1, likes: 80,
  engagers: 15, repeatEngagers: 5,
  mentions: 6, previousMentions: 4,
  clicks: 40, directClicks: 8,
  conversions: 3, revenue: 90, previousConversions: 2, previousRevenue: 60,
}

const scores = (input: EquityInputs) => Object.fromEntries(equityScore(input).parts.map((p) => [p.key, p.score]))
const saturating = (x: number, k: number) => 100 * (1 - Math.exp(-x / k))

describe('equityScore: the bakery lands mid-range, and every part can be recomputed by hand', () => {
  it('scores each part by its formula', () => {
    const c = formulaConstants.equity
    expect(scores(bakery)).toEqual({
      // 5 of 15 engagers came back; one reply per post
      connection: Math.round((saturating(5 / 15, c.connection.repeatScale) + saturating(10 / 10, c.connection.depthScale)) / 2),
      // 6 mentions against 4 before; 8 of 40 clicks direct
      familiarity: Math.round(((100 * 6) / 10 + saturating(8 / 40, c.familiarity.directScale)) / 2),
      // 9 reposts and quotes over 10 posts; reach beyond the followers not known
      virality: Math.round(saturating(9 / 10, c.virality.sharesScale)),
      // 3 conversions; 3 against 2 before; 90 of revenue against 60
      value: Math.round((saturating(3, c.value.conversionScale) + (100 * 3) / 5 + (100 * 90) / 150) / 3),
    })
    expect(scores(bakery)).toEqual({ connection: 53, familiarity: 54, virality: 36, value: 49 })
  })

  it('shows the figures each part used, in order, and its constants; each part weighs a quarter', () => {
    const parts = equityScore(bakery).parts
    expect(parts.map((p) => [p.key, p.weight, p.inputs.map((i) => i.name)])).toEqual([
      ['connection', 0.25, ['repeatEngagers', 'engagers', 'replies', 'posts']],
      ['familiarity', 0.25, ['mentions', 'previousMentions', 'directClicks', 'clicks']],
      ['virality', 0.25, ['reposts', 'quotes', 'posts', 'secondDegreeReach']],
      ['value', 0.25, ['conversions', 'previousConversions', 'revenue', 'previousRevenue']],
    ])
    expect(parts.map((p) => p.inputs.map((i) => i.value))).toEqual([[5, 15, 10, 10], [6, 4, 8, 40], [8, 1, 10, null], [3, 2, 90, 60]])
    expect(parts.map((p) => p.formulaValues)).toEqual([{ repeatScale: 0.3, depthScale: 2 }, { directScale: 0.3 }, { sharesScale: 2, secondDegreeScale: 100 }, { conversionScale: 10 }])
  })
})

describe('equityScore: boundaries', () => {
  const nothing: EquityInputs = {
    posts: 0, reach: null, followers: null, replies: 0, reposts: 0, quotes: 0, likes: 0, engagers: null, repeatEngagers: null,
    mentions: null, previousMentions: null, clicks: 0, directClicks: 0, conversions: 0, revenue: 0, previousConversions: 0,
  }
  const rows: Array<[string, EquityInputs, Record<string, number | null>]> = [
    ['a new workspace: only value is known (no conversions is a known 0)', nothing, { connection: null, familiarity: null, virality: null, value: 0 }],
    ['0 posts, but regulars and mentions', { ...bakery, posts: 0, replies: 0, reposts: 0, quotes: 0 }, { connection: 67, familiarity: 54, virality: null, value: 49 }],
    ['engagers unknown: connection from conversation depth alone', { ...bakery, engagers: null, repeatEngagers: null }, { connection: 39, familiarity: 54, virality: 36, value: 49 }],
    ['nobody engaged: the repeat share is left out', { ...bakery, engagers: 0, repeatEngagers: 0, replies: 0 }, { connection: 0, familiarity: 54, virality: 36, value: 49 }],
    ['no listening: familiarity from direct clicks alone', { ...bakery, mentions: null, previousMentions: null }, { connection: 53, familiarity: 49, virality: 36, value: 49 }],
    ['no listening and no clicks: familiarity unknown', { ...bakery, mentions: null, previousMentions: null, clicks: 0, directClicks: 0 }, { connection: 53, familiarity: null, virality: 36, value: 49 }],
    ['no mentions in either period, no clicks: no growth to speak of', { ...bakery, mentions: 0, previousMentions: 0, clicks: 0, directClicks: 0 }, { connection: 53, familiarity: null, virality: 36, value: 49 }],
    ['first mentions ever', { ...bakery, mentions: 3, previousMentions: 0, clicks: 0, directClicks: 0 }, { connection: 53, familiarity: 100, virality: 36, value: 49 }],
    ['mentions gone', { ...bakery, mentions: 0, previousMentions: 4, clicks: 0, directClicks: 0 }, { connection: 53, familiarity: 0, virality: 36, value: 49 }],
    ['as many mentions as before: 50', { ...bakery, mentions: 4, previousMentions: 4, clicks: 0, directClicks: 0 }, { connection: 53, familiarity: 50, virality: 36, value: 49 }],
    ['reach beyond the followers known', { ...bakery, secondDegreeReach: 500 }, { connection: 53, familiarity: 54, virality: 38, value: 49 }],
    ['previous revenue not passed: value without the revenue term', { ...bakery, previousRevenue: undefined }, { connection: 53, familiarity: 54, virality: 36, value: 43 }],
    ['no conversions in either period', { ...bakery, conversions: 0, previousConversions: 0, revenue: 0, previousRevenue: 0 }, { connection: 53, familiarity: 54, virality: 36, value: 0 }],
    [
      // A share is at most 1, so the repeat and direct terms top out at 100 × (1 − e^(−1 ÷ 0.3)) = 96.
      'huge numbers stay at or under 100',
      { ...bakery, posts: 1, replies: 1e15, reposts: 1e15, quotes: 1e15, engagers: 1e12, repeatEngagers: 1e12, mentions: 1e15, previousMentions: 0, clicks: 1e15, directClicks: 1e15, conversions: 1e15, revenue: 1e18, previousConversions: 0, previousRevenue: 0, secondDegreeReach: 1e15 },
      { connection: 98, familiarity: 98, virality: 100, value: 100 },
    ],
  ]
  it.each(rows)('%s', (_case, input, expected) => {
    expect(scores(input)).toEqual(expected)
  })
})
