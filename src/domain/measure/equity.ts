/**
 * Social media equity (METHODOLOGY.md B step 5): what a presence is worth beyond its follower
 * count, as four parts, each 0–100 with its formula shown, and no total (a strong part does not
 * make up for a missing one). Each part is the mean of its terms whose figures are known:
 * - connection: 100 × (1 − e^(−repeatEngagers ÷ engagers ÷ repeatScale)) and 100 × (1 − e^(−replies ÷ posts ÷ depthScale));
 * - familiarity: 100 × mentions ÷ (mentions + previousMentions) and 100 × (1 − e^(−directClicks ÷ clicks ÷ directScale));
 * - virality: 100 × (1 − e^(−(reposts + quotes) ÷ posts ÷ sharesScale)) and 100 × (1 − e^(−secondDegreeReach ÷ posts ÷ secondDegreeScale));
 * - value: 100 × (1 − e^(−conversions ÷ conversionScale)), 100 × conversions ÷ (conversions + previousConversions)
 *   and 100 × revenue ÷ (revenue + previousRevenue).
 * The period-over-period terms read 50 when nothing changed, and are unknown when both periods are 0.
 */
import { formulaConstants } from './formula-constants.js'
import { meanOfKnown, periodShare, ratio, saturating, type ScorePart } from './score-part.js'

export interface EquityInputs {
  posts: number
  reach: number | null
  followers: number | null
  replies: number
  reposts: number
  quotes: number
  likes: number
  /** Distinct people who engaged (mentions/replies), and those who did so at least twice. */
  engagers: number | null
  repeatEngagers: number | null
  /** Brand mentions found by listening in the period and the period before. */
  mentions: number | null
  previousMentions: number | null
  /** People's clicks; those with no referrer (typed, QR, apps). */
  clicks: number
  directClicks: number
  conversions: number
  revenue: number
  previousConversions: number
  /** Revenue in the period before, in the same currency; absent or null when not known. */
  previousRevenue?: number | null
  /**
   * People reached beyond the accounts' own followers (views past the follower count, on networks
   * that count views); absent or null when not known, as on networks without view counts.
   */
  secondDegreeReach?: number | null
}

export interface EquityScore {
  parts: ScorePart[]
}

const c = formulaConstants.equity

function part(key: string, terms: Array<number | null>, inputs: Record<string, number | null | undefined>, formulaValues: Record<string, number>): ScorePart {
  return {
    key,
    score: meanOfKnown(terms),
    weight: c.weight,
    inputs: Object.entries(inputs).map(([name, value]) => ({ name, value: value ?? null })),
    formulaValues: { ...formulaValues },
  }
}

/** The four equity parts of a period; see the file comment for their formulas. */
export function equityScore(input: EquityInputs): EquityScore {
  const { posts, replies, reposts, quotes, engagers, repeatEngagers, mentions, previousMentions, clicks, directClicks } = input
  const { conversions, previousConversions, revenue, previousRevenue, secondDegreeReach } = input
  return {
    parts: [
      part(
        'connection',
        [saturating(ratio(repeatEngagers, engagers), c.connection.repeatScale), saturating(ratio(replies, posts), c.connection.depthScale)],
        { repeatEngagers, engagers, replies, posts },
        c.connection,
      ),
      part(
        'familiarity',
        [periodShare(mentions, previousMentions), saturating(ratio(directClicks, clicks), c.familiarity.directScale)],
        { mentions, previousMentions, directClicks, clicks },
        c.familiarity,
      ),
      part(
        'virality',
        [saturating(ratio(reposts + quotes, posts), c.virality.sharesScale), saturating(ratio(secondDegreeReach, posts), c.virality.secondDegreeScale)],
        { reposts, quotes, posts, secondDegreeReach },
        c.virality,
      ),
      part(
        'value',
        [saturating(conversions, c.value.conversionScale), periodShare(conversions, previousConversions), periodShare(revenue, previousRevenue)],
        { conversions, previousConversions, revenue, previousRevenue },
        c.value,
      ),
    ],
  }
}
