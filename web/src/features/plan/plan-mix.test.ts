/** The 4E mix: completing, totalling, scaling to 100 and the planned-against-actual rows. */
import { describe, expect, it } from 'vitest'
import { completeMix, mixRows, mixTotal, normalizeMix } from './plan-mix'

describe('completeMix', () => {
  it('gives every E a whole percent, missing or odd ones 0', () => {
    expect(completeMix({ educate: 40.4, engage: 60 })).toEqual({ educate: 40, entertain: 0, engage: 60, empower: 0 })
    expect(completeMix({ educate: -5, entertain: Number.NaN })).toEqual({ educate: 0, entertain: 0, engage: 0, empower: 0 })
  })
})

describe('mixTotal', () => {
  it('adds what is there', () => {
    expect(mixTotal({ educate: 30, engage: 50 })).toBe(80)
    expect(mixTotal({})).toBe(0)
  })
})

describe('normalizeMix', () => {
  it('keeps a mix that already adds up', () => {
    expect(normalizeMix({ educate: 40, entertain: 10, engage: 30, empower: 20 })).toEqual({ educate: 40, entertain: 10, engage: 30, empower: 20 })
  })

  it('scales to exactly 100 in whole percents', () => {
    const mix = normalizeMix({ educate: 1, entertain: 1, engage: 1 })
    expect(mixTotal(mix)).toBe(100)
    expect(mix).toEqual({ educate: 34, entertain: 33, engage: 33, empower: 0 })
    expect(normalizeMix({ educate: 30, engage: 30 })).toEqual({ educate: 50, entertain: 0, engage: 50, empower: 0 })
  })

  it('gives leftover points to the largest remainders', () => {
    // 10/60 = 16.67, 20/60 = 33.33, 30/60 = 50: the 0.67 gets the extra point.
    expect(normalizeMix({ educate: 10, entertain: 20, engage: 30 })).toEqual({ educate: 17, entertain: 33, engage: 50, empower: 0 })
  })

  it('turns an empty mix into an even one', () => {
    expect(normalizeMix({})).toEqual({ educate: 25, entertain: 25, engage: 25, empower: 25 })
  })
})

describe('mixRows', () => {
  it('sets each planned share beside the actual one', () => {
    expect(mixRows({ educate: 60, engage: 40 }, { educate: 20, engage: 79.6 })).toEqual([
      { type: 'educate', planned: 60, actual: 20 },
      { type: 'entertain', planned: 0, actual: 0 },
      { type: 'engage', planned: 40, actual: 80 },
      { type: 'empower', planned: 0, actual: 0 },
    ])
  })

  it('has no actual side when recent posts carry no E', () => {
    expect(mixRows({ educate: 100 }, {}).map((row) => row.actual)).toEqual([null, null, null, null])
    expect(mixRows({ educate: 100 }, null).every((row) => row.actual === null)).toBe(true)
  })
})
