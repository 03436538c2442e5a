import { describe, expect, it } from 'vitest'
import { formulaConstants } from './formula-constants.js'
import { influenceScore, type InfluenceInputs } from './influence.js'

/** A bakery's month: 300 followers, 10 posts each seen by its followers, a few replies and reposts. */
const bakery: InfluenceInputs = { followers: 300, posts: 10, reach: 3000, likes: 80, reposts: 8, replies: 10, quotes: 1, engagers: 15 }

const partScores = (input: InfluenceInputs) => Object.fromEntries(influenceScore(input).parts.map((p) => [p.key, p.score]))

describe('influenceScore: the bakery lands mid-range, and every part can be recomputed by hand', () => {
  it('scores each part by its formula', () => {
    const { fullReach } = formulaConstants.influence.reach
    const q = formulaConstants.influence.quality
    // reach: 300 people per post on a log scale reaching 100 at 100,000
    const reach = (100 * Math.log10(1 + 300)) / Math.log10(1 + fullReach)
    // quality: (80 + 3 × 10 + 2 × (8 + 1)) ÷ 3000 = 4.3% weighted, and 15 of 300 followers engaged (5%)
    const rate = 100 * (1 - Math.exp(-((80 + q.replyWeight * 10 + q.shareWeight * 9) / 3000) / q.rateScale))
    const engaged = 100 * (1 - Math.exp(-(15 / 300) / q.engagedScale))
    // amplification: 9 reposts and quotes over 10 posts
    const amplification = 100 * (1 - Math.exp(-0.9 / formulaConstants.influence.amplification.sharesScale))
    expect(partScores(bakery)).toEqual({ reach: Math.round(reach), quality: Math.round((rate + engaged) / 2), amplification: Math.round(amplification) })
    expect(partScores(bakery)).toEqual({ reach: 50, quality: 60, amplification: 36 })
    expect(influenceScore(bakery).score).toBe(50)
  })

  it('shows the figures each part used, in order, and its constants', () => {
    const parts = influenceScore(bakery).parts
    expect(parts.map((p) => [p.key, p.weight, p.inputs.map((i) => i.name)])).toEqual([
      ['reach', 0.3, ['reach', 'posts']],
      ['quality', 0.4, ['likes', 'replies', 'reposts', 'quotes', 'reach', 'engagers', 'followers']],
      ['amplification', 0.3, ['reposts', 'quotes', 'posts']],
    ])
    expect(parts[1]!.inputs.map((i) => i.value)).toEqual([80, 10, 8, 1, 3000, 15, 300])
    expect(parts.map((p) => p.formulaValues)).toEqual([
      { fullReach: 100_000 },
      { replyWeight: 3, shareWeight: 2, rateScale: 0.05, engagedScale: 0.05 },
      { sharesScale: 2 },
    ])
    expect(parts.reduce((sum, p) => sum + p.weight, 0)).toBeCloseTo(1, 10)
  })
})

describe('influenceScore: boundaries', () => {
  const rows: Array<[string, InfluenceInputs, Record<string, number | null>, number | null]> = [
    ['0 posts, nothing known: no score, not 0', { followers: null, posts: 0, reach: null, likes: 0, reposts: 0, replies: 0, quotes: 0, engagers: null }, { reach: null, quality: null, amplification: null }, null],
    ['0 posts and 0 reach: still nothing to score', { followers: 300, posts: 0, reach: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, engagers: null }, { reach: null, quality: null, amplification: null }, null],
    ['0 posts, but people talked with the business', { ...bakery, posts: 0, reach: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, engagers: 6 }, { reach: null, quality: 33, amplification: null }, 33],
    ['followers unknown: quality from the weighted rate alone', { ...bakery, followers: null }, { reach: 50, quality: 57, amplification: 36 }, 49],
    ['engagers unknown: quality from the weighted rate alone', { ...bakery, engagers: null }, { reach: 50, quality: 57, amplification: 36 }, 49],
    ['reach unknown (before the first sync): re-weighted over what is known', { ...bakery, reach: null }, { reach: null, quality: 63, amplification: 36 }, 51],
    ['only amplification known', { ...bakery, reach: null, engagers: null }, { reach: null, quality: null, amplification: 36 }, 36],
    ['posts nobody saw or touched', { followers: 0, posts: 3, reach: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, engagers: 0 }, { reach: 0, quality: null, amplification: 0 }, 0],
    ['a first follower, a first post, a first like', { followers: 1, posts: 1, reach: 1, likes: 1, reposts: 0, replies: 0, quotes: 0, engagers: null }, { reach: 6, quality: 100, amplification: 0 }, 42],
    ['huge numbers stay at 100', { followers: 1e12, posts: 1, reach: 1e15, likes: 1e15, reposts: 1e15, replies: 1e15, quotes: 1e15, engagers: 1e12 }, { reach: 100, quality: 100, amplification: 100 }, 100],
    ['more people engaged than follow: saturates, not past 100', { ...bakery, engagers: 3000 }, { reach: 50, quality: 79, amplification: 36 }, 57],
  ]
  it.each(rows)('%s', (_case, input, parts, total) => {
    expect(partScores(input)).toEqual(parts)
    expect(influenceScore(input).score).toBe(total)
  })
})

describe('influenceScore: what it rewards', () => {
  it('weighs replies and reposts more than likes', () => {
    const base = { ...bakery, likes: 0, reposts: 0, replies: 0, quotes: 0, engagers: null }
    const likes = partScores({ ...base, likes: 30 }).quality!
    expect(partScores({ ...base, replies: 30 }).quality).toBeGreaterThan(likes)
    expect(partScores({ ...base, reposts: 30 }).quality).toBeGreaterThan(likes)
    expect(partScores({ ...base, quotes: 30 }).quality).toBeGreaterThan(likes)
  })

  it('rewards engaged followers, not the follower count', () => {
    // 100 followers who talk with you beat 10,000 who ignore you.
    const small = partScores({ ...bakery, followers: 100, engagers: 20 }).quality!
    const large = partScores({ ...bakery, followers: 10_000, engagers: 20 }).quality!
    expect(small).toBeGreaterThan(large)
  })

  it('does not grow with the length of the period: two months like this one score the same', () => {
    const twice = { ...bakery, posts: 20, reach: 6000, likes: 160, reposts: 16, replies: 20, quotes: 2, engagers: null }
    const once = { ...bakery, engagers: null }
    expect(partScores(twice)).toEqual(partScores(once))
    expect(influenceScore(twice).score).toBe(influenceScore(once).score)
  })
})
