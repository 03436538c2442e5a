/**
 * The influence score (METHODOLOGY.md, "tools the stages name"): a transparent 0–100 score in
 * place of the old black-box ones. Three parts, each shown with its formula and figures:
 * - reach: 100 × log₁₀(1 + reach ÷ posts) ÷ log₁₀(1 + fullReach), at most 100;
 * - quality: the mean of 100 × (1 − e^(−(likes + replyWeight × replies + shareWeight × (reposts + quotes)) ÷ reach ÷ rateScale))
 *   and 100 × (1 − e^(−engagers ÷ followers ÷ engagedScale)), over those known;
 * - amplification: 100 × (1 − e^(−(reposts + quotes) ÷ posts ÷ sharesScale)).
 * The total is their weighted mean, re-weighted over the parts that have a score. Every part is
 * per post or per person, so the score does not grow just because the period is longer.
 */
import { formulaConstants } from './formula-constants.js'
import { logScale, meanOfKnown, ratio, saturating, weightedTotal, type ScorePart } from './score-part.js'

export interface InfluenceInputs {
  followers: number | null
  posts: number
  reach: number | null
  likes: number
  reposts: number
  replies: number
  quotes: number
  /** Distinct people who engaged in the period, when known. */
  engagers: number | null
}

export interface InfluenceScore {
  /** The weighted mean of the known parts (re-weighted); null when none is known. */
  score: number | null
  parts: ScorePart[]
}

const c = formulaConstants.influence

/** The influence score of a period's posts; see the file comment for each part's formula. */
export function influenceScore(input: InfluenceInputs): InfluenceScore {
  const { followers, posts, reach, likes, reposts, replies, quotes, engagers } = input
  const weighted = likes + c.quality.replyWeight * replies + c.quality.shareWeight * (reposts + quotes)
  const parts: ScorePart[] = [
    {
      key: 'reach',
      score: meanOfKnown([logScale(ratio(reach, posts), c.reach.fullReach)]),
      weight: c.weights.reach,
      inputs: [
        { name: 'reach', value: reach },
        { name: 'posts', value: posts },
      ],
      formulaValues: { ...c.reach },
    },
    {
      key: 'quality',
      score: meanOfKnown([saturating(ratio(weighted, reach), c.quality.rateScale), saturating(ratio(engagers, followers), c.quality.engagedScale)]),
      weight: c.weights.quality,
      inputs: [
        { name: 'likes', value: likes },
        { name: 'replies', value: replies },
        { name: 'reposts', value: reposts },
        { name: 'quotes', value: quotes },
        { name: 'reach', value: reach },
        { name: 'engagers', value: engagers },
        { name: 'followers', value: followers },
      ],
      formulaValues: { ...c.quality },
    },
    {
      key: 'amplification',
      score: meanOfKnown([saturating(ratio(reposts + quotes, posts), c.amplification.sharesScale)]),
      weight: c.weights.amplification,
      inputs: [
        { name: 'reposts', value: reposts },
        { name: 'quotes', value: quotes },
        { name: 'posts', value: posts },
      ],
      formulaValues: { ...c.amplification },
    },
  ]
  return { score: weightedTotal(parts), parts }
}
