/** Which messages a change clears, and the list helpers the steps share. */
import { describe, expect, it } from 'vitest'
import { clears, removeAt, replaceAt } from './step-props'

describe('clears', () => {
  it('clears the fields a change names', () => {
    expect(clears(['goals.0.text'], 'goals.0.text')).toBe(true)
    expect(clears(['goals.0.text'], 'goals.0.due')).toBe(false)
    expect(clears(['goals'], 'goals.1.text')).toBe(false)
  })

  it('clears everything under a path ending in .*', () => {
    expect(clears(['goals', 'goals.*'], 'goals')).toBe(true)
    expect(clears(['goals', 'goals.*'], 'goals.3.target')).toBe(true)
    expect(clears(['goals.*'], 'goalsExtra')).toBe(false)
    expect(clears(['goals.*'], 'limits')).toBe(false)
  })
})

describe('list helpers', () => {
  it('replace and remove one item, leaving the original alone', () => {
    const items = ['a', 'b', 'c']
    expect(replaceAt(items, 1, 'x')).toEqual(['a', 'x', 'c'])
    expect(removeAt(items, 0)).toEqual(['b', 'c'])
    expect(items).toEqual(['a', 'b', 'c'])
  })
})
