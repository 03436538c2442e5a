/**
 * Properties of the influence and equity scores over arbitrary figures: always within 0–100 (or
 * unknown), never lower when what a part rewards goes up, and unknown exactly when its figures are.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { equityScore, type EquityInputs } from './equity.js'
import { influenceScore, type InfluenceInputs } from './influence.js'

/** Counts from nothing to far past any real account. */
const count = fc.oneof(fc.nat({ max: 50 }), fc.nat({ max: 100_000 }), fc.constantFrom(0, 1, 2, Number.MAX_SAFE_INTEGER, 1e18))
const maybe = fc.option(count, { nil: null })

const influenceInputs: fc.Arbitrary<InfluenceInputs> = fc.record({
  followers: maybe, posts: count, reach: maybe, likes: count, reposts: count, replies: count, quotes: count, engagers: maybe,
})
const equityInputs: fc.Arbitrary<EquityInputs> = fc.record({
  posts: count, reach: maybe, followers: maybe, replies: count, reposts: count, quotes: count, likes: count,
  engagers: maybe, repeatEngagers: maybe, mentions: maybe, previousMentions: maybe, clicks: count, directClicks: count,
  conversions: count, revenue: count, previousConversions: count, previousRevenue: fc.option(count, { nil: undefined }), secondDegreeReach: maybe,
})

const isScore = (score: number | null) => score === null || (Number.isInteger(score) && score >= 0 && score <= 100)
const byKey = (parts: Array<{ key: string; score: number | null }>) => Object.fromEntries(parts.map((p) => [p.key, p.score]))
/** `after` is no lower than `before` and known whenever `before` was. */
const notLower = (before: number | null, after: number | null) => before === null || (after !== null && after >= before)

describe('influence properties', () => {
  it('every part and the total are whole numbers from 0 to 100, or unknown; the total is unknown only when every part is', () => {
    fc.assert(
      fc.property(influenceInputs, (input) => {
        const result = influenceScore(input)
        expect(result.parts.every((p) => isScore(p.score))).toBe(true)
        expect(isScore(result.score)).toBe(true)
        expect(result.score === null).toBe(result.parts.every((p) => p.score === null))
      }),
      { numRuns: 1000 },
    )
  })

  it('is unknown exactly when its figures are: reach needs reach and posts, quality a reach or engagers and followers, amplification posts', () => {
    fc.assert(
      fc.property(influenceInputs, (input) => {
        const s = byKey(influenceScore(input).parts)
        expect(s.reach === null).toBe(input.reach === null || input.posts === 0)
        expect(s.quality === null).toBe(!(input.reach !== null && input.reach > 0) && !(input.engagers !== null && input.followers !== null && input.followers > 0))
        expect(s.amplification === null).toBe(input.posts === 0)
      }),
      { numRuns: 1000 },
    )
  })

  it('never drops when likes, reposts, replies, quotes or engagers go up', () => {
    const field = fc.constantFrom('likes', 'reposts', 'replies', 'quotes', 'engagers' as const)
    fc.assert(
      fc.property(influenceInputs, field, fc.nat({ max: 1000 }), (input, name, more) => {
        const current = input[name]
        if (current === null) return
        const before = influenceScore(input)
        const after = influenceScore({ ...input, [name]: current + more })
        expect(notLower(before.score, after.score)).toBe(true)
        before.parts.forEach((part, i) => expect(notLower(part.score, after.parts[i]!.score)).toBe(true))
      }),
      { numRuns: 1000 },
    )
  })

  it('never scores reach lower for more reach, nor quality higher for more followers', () => {
    fc.assert(
      fc.property(influenceInputs, fc.nat({ max: 10_000 }), (input, more) => {
        if (input.reach !== null) expect(notLower(byKey(influenceScore(input).parts).reach!, byKey(influenceScore({ ...input, reach: input.reach + more }).parts).reach!)).toBe(true)
        if (input.followers !== null && input.followers > 0) {
          const before = byKey(influenceScore(input).parts).quality!
          expect(notLower(byKey(influenceScore({ ...input, followers: input.followers + more }).parts).quality!, before)).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('weighs replies, reposts and quotes at least as much as likes', () => {
    fc.assert(
      fc.property(influenceInputs, fc.constantFrom('replies', 'reposts', 'quotes' as const), (input, name) => {
        const asLikes = byKey(influenceScore(input).parts).quality!
        const moved = byKey(influenceScore({ ...input, likes: 0, [name]: input[name] + input.likes }).parts).quality!
        expect(notLower(asLikes, moved)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('equity properties', () => {
  it('every part is a whole number from 0 to 100, or unknown', () => {
    fc.assert(
      fc.property(equityInputs, (input) => {
        expect(equityScore(input).parts.every((p) => isScore(p.score))).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('never drops when what a part rewards goes up', () => {
    const rewards = {
      connection: ['repeatEngagers', 'replies'],
      familiarity: ['mentions', 'directClicks'],
      virality: ['reposts', 'quotes', 'secondDegreeReach'],
      value: ['conversions', 'revenue'],
    } as const
    const rewarded = fc.constantFrom(...Object.entries(rewards).flatMap(([key, names]) => names.map((name) => [key, name] as const)))
    fc.assert(
      fc.property(equityInputs, rewarded, fc.nat({ max: 1000 }), (input, [key, name], more) => {
        const current = input[name]
        if (current === null || current === undefined) return
        const before = byKey(equityScore(input).parts)[key]!
        const after = byKey(equityScore({ ...input, [name]: current + more }).parts)[key]!
        expect(notLower(before, after)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('never scores connection or familiarity higher for more engagers or clicks that did not come back or come direct', () => {
    fc.assert(
      fc.property(equityInputs, fc.nat({ max: 1000 }), (input, more) => {
        const before = byKey(equityScore(input).parts)
        if (input.engagers !== null && input.engagers > 0) expect(notLower(byKey(equityScore({ ...input, engagers: input.engagers + more }).parts).connection!, before.connection!)).toBe(true)
        if (input.clicks > 0) expect(notLower(byKey(equityScore({ ...input, clicks: input.clicks + more }).parts).familiarity!, before.familiarity!)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})
