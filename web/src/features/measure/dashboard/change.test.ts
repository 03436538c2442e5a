/** Changes against the previous period: percent for counts, points for rates, nothing when unknown. */
import { describe, expect, it } from 'vitest'
import { countChange, deltaChange, rateChange } from './change'

describe('countChange', () => {
  it('gives the direction and the relative size', () => {
    expect(countChange(125, 100)).toEqual({ trend: 'up', kind: 'percent', amount: 0.25 })
    expect(countChange(50, 200)).toEqual({ trend: 'down', kind: 'percent', amount: 0.75 })
  })

  it('says nothing when either side is unknown', () => {
    expect(countChange(null, 10)).toEqual({ trend: 'unknown' })
    expect(countChange(10, null)).toEqual({ trend: 'unknown' })
  })

  it('has no percentage for a rise from zero, and calls zero to zero flat', () => {
    expect(countChange(4, 0)).toEqual({ trend: 'up', kind: 'fromZero' })
    expect(countChange(0, 0)).toEqual({ trend: 'flat' })
  })

  it('calls a change that rounds to 0 % flat', () => {
    expect(countChange(1001, 1000)).toEqual({ trend: 'flat' })
    expect(countChange(1010, 1000)).toEqual({ trend: 'up', kind: 'percent', amount: expect.closeTo(0.01) })
  })
})

describe('rateChange', () => {
  it('moves by percentage points, not by percent of the rate', () => {
    const change = rateChange(0.03, 0.02)
    expect(change).toMatchObject({ trend: 'up', kind: 'points' })
    expect(change.trend === 'up' && change.kind === 'points' && change.amount).toBeCloseTo(1)
    expect(rateChange(0.02, 0.035)).toMatchObject({ trend: 'down', kind: 'points' })
  })

  it('is flat under a twentieth of a point and unknown without both rates', () => {
    expect(rateChange(0.0341, 0.034)).toEqual({ trend: 'flat' })
    expect(rateChange(0.03, null)).toEqual({ trend: 'unknown' })
  })
})

describe('deltaChange', () => {
  it('reads a gain or a loss as it is', () => {
    expect(deltaChange(12)).toEqual({ trend: 'up', kind: 'count', amount: 12 })
    expect(deltaChange(-3)).toEqual({ trend: 'down', kind: 'count', amount: 3 })
    expect(deltaChange(0)).toEqual({ trend: 'flat' })
    expect(deltaChange(null)).toEqual({ trend: 'unknown' })
  })
})
