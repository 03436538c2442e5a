import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hashRange, hashString, KeyTable } from './key-table.js'

describe('KeyTable', () => {
  it('finds keys by slices of a larger text, and by a head plus a slice', () => {
    const table = new KeyTable<number>()
    table.set('cafe', 1)
    table.set('القهوه', 2)
    const text = 'the cafe, للقهوه'
    expect(table.getRange(text, 4, 8, hashRange(text, 4, 8))).toBe(1)
    expect(table.getRange(text, 4, 7, hashRange(text, 4, 7))).toBeUndefined()
    expect(table.getHeaded('ال', text, 12, 16, hashRange(text, 12, 16, hashString('ال')))).toBe(2)
    expect(hashRange('xcafex', 1, 5)).toBe(hashString('cafe'))
  })

  it('behaves like a Map through inserts, updates and deletes, across growth', () => {
    // Few distinct keys of few letters: many collisions in probe runs, and many deletions in them.
    const operation = fc.tuple(fc.boolean(), fc.stringMatching(/^[ab]{0,6}$/), fc.integer())
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const table = new KeyTable<number>(2)
        const model = new Map<string, number>()
        for (const [insert, key, value] of operations) {
          if (insert) {
            table.set(key, value)
            model.set(key, value)
          } else {
            expect(table.delete(key)).toBe(model.delete(key))
          }
          expect(table.size).toBe(model.size)
        }
        for (const key of ['', 'a', 'b', 'ab', 'ba', 'aab', 'abab', 'bbbbbb']) expect(table.get(key)).toBe(model.get(key))
        expect([...table.valuesIterator()].sort()).toEqual([...model.values()].sort())
      }),
      { numRuns: 300 },
    )
  })
})
