/** The alert rules at each boundary: below, at and above the threshold, flat and empty baselines, warm-up, cooldown. */
import { describe, expect, it } from 'vitest'
import { alertCooldownMs, detectNegativeBurst, detectSpike, negativeBurstRule, priorityMatch, shouldAlertAgain, spikeRule } from './rules.js'

const week = spikeRule.baselineHours
const repeat = (value: number, hours = week) => Array.from({ length: hours }, () => value)
const alternate = (a: number, b: number, hours = week) => Array.from({ length: hours }, (_, i) => (i % 2 === 0 ? a : b))

describe('detectSpike', () => {
  it('states its rule in its constants', () => {
    expect(spikeRule).toEqual({ baselineHours: 168, minBaselineHours: 24, minCount: 5, stdDevFactor: 3, meanFactor: 3 })
  })

  const cases: Array<{ name: string; baseline: number[]; current: number; threshold: number; spike: boolean }> = [
    { name: 'all-zero baseline, just below the floor of 5', baseline: repeat(0), current: 4, threshold: 5, spike: false },
    { name: 'all-zero baseline, at the floor', baseline: repeat(0), current: 5, threshold: 5, spike: true },
    { name: 'all-zero baseline, above the floor', baseline: repeat(0), current: 6, threshold: 5, spike: true },
    { name: 'flat baseline (σ = 0), just below 3 × mean', baseline: repeat(2), current: 5, threshold: 6, spike: false },
    { name: 'flat baseline (σ = 0), at 3 × mean', baseline: repeat(2), current: 6, threshold: 6, spike: true },
    { name: 'flat busy baseline, a 10 % rise is not a spike', baseline: repeat(100), current: 110, threshold: 300, spike: false },
    { name: 'flat busy baseline, just below 3 × mean', baseline: repeat(100), current: 299, threshold: 300, spike: false },
    { name: 'flat busy baseline, at 3 × mean', baseline: repeat(100), current: 300, threshold: 300, spike: true },
    { name: 'noisy baseline (mean 5, σ 5), just below mean + 3σ', baseline: alternate(0, 10), current: 19, threshold: 20, spike: false },
    { name: 'noisy baseline (mean 5, σ 5), at mean + 3σ', baseline: alternate(0, 10), current: 20, threshold: 20, spike: true },
    { name: 'fractional threshold rounds up (3 × 3.5 = 10.5 → 11), below', baseline: alternate(3, 4), current: 10, threshold: 11, spike: false },
    { name: 'fractional threshold rounds up (3 × 3.5 = 10.5 → 11), at', baseline: alternate(3, 4), current: 11, threshold: 11, spike: true },
    { name: 'quiet query (mean 0.5): the floor decides', baseline: alternate(0, 1), current: 4, threshold: 5, spike: false },
  ]
  it.each(cases)('$name', ({ baseline, current, threshold, spike }) => {
    const result = detectSpike({ hourlyCounts: [...baseline, current] })
    expect(result).toMatchObject({ current, threshold, spike, baselineHours: week, warmingUp: false })
  })

  it('reports the baseline it measured', () => {
    const result = detectSpike({ hourlyCounts: [...alternate(0, 10), 3] })
    expect(result.baselineMean).toBeCloseTo(5)
    expect(result.baselineStdDev).toBeCloseTo(5)
  })

  it('measures only the last week before the current hour, never the current hour itself', () => {
    const oldStorm = repeat(1000, 300)
    expect(detectSpike({ hourlyCounts: [...oldStorm, ...repeat(0), 5] })).toMatchObject({ spike: true, threshold: 5, baselineMean: 0, baselineHours: week })
    // A huge current hour does not raise its own threshold.
    expect(detectSpike({ hourlyCounts: [...repeat(1), 10_000] })).toMatchObject({ spike: true, threshold: 5 })
  })

  it('uses what history there is between 24 hours and a week', () => {
    expect(detectSpike({ hourlyCounts: [...repeat(4, 24), 12] })).toMatchObject({ spike: true, threshold: 12, baselineHours: 24, warmingUp: false })
  })

  it('never spikes a young query (less than 24 hours of baseline), however high, but still reports its figures', () => {
    expect(detectSpike({ hourlyCounts: [...repeat(0, 23), 500] })).toMatchObject({ spike: false, warmingUp: true, threshold: 5, baselineHours: 23, current: 500 })
    expect(detectSpike({ hourlyCounts: [500] })).toMatchObject({ spike: false, warmingUp: true, baselineHours: 0 })
    expect(detectSpike({ hourlyCounts: [] })).toMatchObject({ spike: false, current: 0, warmingUp: true })
    expect(detectSpike({ hourlyCounts: [...repeat(0, 24), 500] })).toMatchObject({ spike: true, warmingUp: false })
  })

  it('takes overrides of its constants', () => {
    expect(detectSpike({ hourlyCounts: [...repeat(0), 2], rule: { minCount: 2 } })).toMatchObject({ spike: true, threshold: 2 })
  })

  it('refuses counts that cannot be counts', () => {
    expect(() => detectSpike({ hourlyCounts: [1, -1, 2] })).toThrow(RangeError)
    expect(() => detectSpike({ hourlyCounts: [1, Number.NaN] })).toThrow(RangeError)
    expect(() => detectSpike({ hourlyCounts: [Number.POSITIVE_INFINITY, 1] })).toThrow(RangeError)
  })
})

describe('detectNegativeBurst', () => {
  it('states its rule in its constants', () => {
    expect(negativeBurstRule).toEqual({ baselineHours: 168, minBaselineHours: 24, minNegative: 5, meanFactor: 3, minShare: 0.4 })
  })

  const cases: Array<{ name: string; baseline: number[]; negative: number; total: number; threshold: number; burst: boolean }> = [
    { name: 'quiet baseline, just below the floor of 5', baseline: repeat(0), negative: 4, total: 4, threshold: 5, burst: false },
    { name: 'quiet baseline, at the floor, share 5/12 ≥ 40 %', baseline: repeat(0), negative: 5, total: 12, threshold: 5, burst: true },
    { name: 'quiet baseline, at the floor, share 5/13 just below 40 %', baseline: repeat(0), negative: 5, total: 13, threshold: 5, burst: false },
    { name: 'share exactly 40 % (6/15)', baseline: repeat(0), negative: 6, total: 15, threshold: 5, burst: true },
    { name: 'usual 3 negative per hour: just below 3 × mean', baseline: repeat(3), negative: 8, total: 10, threshold: 9, burst: false },
    { name: 'usual 3 negative per hour: at 3 × mean', baseline: repeat(3), negative: 9, total: 10, threshold: 9, burst: true },
    { name: 'usual 3 negative per hour: above, but a launch (mostly positive) is no crisis', baseline: repeat(3), negative: 30, total: 100, threshold: 9, burst: false },
    { name: 'usual 1.5 per hour: 3 × mean = 4.5 stays under the floor', baseline: alternate(1, 2), negative: 5, total: 6, threshold: 5, burst: true },
    { name: 'no mention at all', baseline: repeat(0), negative: 0, total: 0, threshold: 5, burst: false },
  ]
  it.each(cases)('$name', ({ baseline, negative, total, threshold, burst }) => {
    const result = detectNegativeBurst({ recent: { negative, total }, baselineHourlyNegative: baseline })
    expect(result).toMatchObject({ negative, total, threshold, burst, warmingUp: false })
    expect(result.share).toBeCloseTo(total === 0 ? 0 : negative / total)
  })

  it('still fires for a young query, on the floor alone, and says it is warming up', () => {
    expect(detectNegativeBurst({ recent: { negative: 5, total: 5 }, baselineHourlyNegative: [] })).toMatchObject({ burst: true, warmingUp: true, threshold: 5, baselineHours: 0 })
    expect(detectNegativeBurst({ recent: { negative: 4, total: 4 }, baselineHourlyNegative: repeat(0, 3) })).toMatchObject({ burst: false, warmingUp: true })
  })

  it('measures only the last week', () => {
    const result = detectNegativeBurst({ recent: { negative: 5, total: 5 }, baselineHourlyNegative: [...repeat(50, 100), ...repeat(0)] })
    expect(result).toMatchObject({ burst: true, baselineMean: 0, baselineHours: week })
  })

  it('refuses impossible counts', () => {
    expect(() => detectNegativeBurst({ recent: { negative: 6, total: 5 }, baselineHourlyNegative: [] })).toThrow(RangeError)
    expect(() => detectNegativeBurst({ recent: { negative: -1, total: 5 }, baselineHourlyNegative: [] })).toThrow(RangeError)
    expect(() => detectNegativeBurst({ recent: { negative: 1, total: 5 }, baselineHourlyNegative: [Number.NaN] })).toThrow(RangeError)
  })
})

describe('priorityMatch', () => {
  it.each([
    { highPriority: true, newMatches: 1, expected: true },
    { highPriority: true, newMatches: 0, expected: false },
    { highPriority: false, newMatches: 50, expected: false },
  ])('high priority $highPriority, $newMatches new → $expected', ({ highPriority, newMatches, expected }) => {
    expect(priorityMatch({ highPriority, newMatches })).toBe(expected)
  })
})

describe('shouldAlertAgain', () => {
  const hour = 3_600_000
  const last = Date.UTC(2026, 4, 3, 12)
  it.each([
    { name: 'never alerted', lastAlertAt: null, now: last, expected: true },
    { name: 'never alerted (undefined)', lastAlertAt: undefined, now: last, expected: true },
    { name: 'just alerted', lastAlertAt: last, now: last, expected: false },
    { name: 'one millisecond before the cooldown ends', lastAlertAt: last, now: last + 6 * hour - 1, expected: false },
    { name: 'exactly when the cooldown ends', lastAlertAt: last, now: last + 6 * hour, expected: true },
    { name: 'long after', lastAlertAt: last, now: last + 48 * hour, expected: true },
    { name: 'last alert in the future (clock skew)', lastAlertAt: last + hour, now: last, expected: false },
  ])('$name', ({ lastAlertAt, now, expected }) => {
    expect(shouldAlertAgain(lastAlertAt, now, alertCooldownMs.spike)).toBe(expected)
  })

  it('suggests a shorter cooldown for negative bursts than for spikes', () => {
    expect(alertCooldownMs).toEqual({ spike: 6 * hour, negative_burst: 3 * hour })
  })
})
