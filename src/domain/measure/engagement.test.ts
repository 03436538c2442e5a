import { describe, expect, it } from 'vitest'
import { changeRatio, engagementOf, engagementRate } from './engagement.js'

describe('engagementOf', () => {
  it('adds likes, reposts, replies and quotes', () => {
    expect(engagementOf({ likes: 80, reposts: 8, replies: 10, quotes: 1 })).toBe(99)
    expect(engagementOf({ likes: 0, reposts: 0, replies: 0, quotes: 0 })).toBe(0)
  })
})

describe('engagementRate', () => {
  it.each<[string, number, number | null, number | null]>([
    ['engagement over reach', 99, 3000, 0.033],
    ['no engagement over a known reach', 0, 3000, 0],
    ['reach unknown (before the first sync)', 99, null, null],
    ['reach 0: a rate over nobody', 5, 0, null],
  ])('%s', (_case, engagement, reach, expected) => {
    expect(engagementRate(engagement, reach)).toBe(expected)
  })
})

describe('changeRatio', () => {
  it.each<[string, number | null, number | null, number | null]>([
    ['a rise', 125, 100, 0.25],
    ['a fall', 50, 200, -0.75],
    ['no change', 7, 7, 0],
    ['down to nothing', 0, 40, -1],
    ['from nothing: no ratio', 10, 0, null],
    ['before unknown', 10, null, null],
    ['now unknown', null, 10, null],
    ['a loss that shrinks reads as a rise', -5, -10, 0.5],
  ])('%s', (_case, now, before, expected) => {
    expect(changeRatio(now, before)).toBe(expected)
  })
})
