import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { printQuery } from './ast.js'
import { QueryError, queryErrorReasons } from './errors.js'
import { anchoredTreeArbitrary, rawWords } from './listen-query.contract.js'
import { normalizeText, tokenize } from './normalize.js'
import { parseQuery } from './parser.js'

/** Pieces a query is made of, and the ones that break it, mixed at random. */
const queryPieces = fc.constantFrom(
  ...rawWords, ' ', ' ', ' ', '(', ')', '"', '“', '”', '«', '»', '-', '*', '#', '@', ':', '.', 'AND', 'OR', 'NOT', 'and', 'site:', 'lang:', 'author:', 'foo:',
  'ـ', '\u064e', '\u05b7', '\u200d', '\u202e', 'é', 'ß', '😀', '\u0301',
)

/** Parses, and insists that a failure is a QueryError pointing inside the query. */
function parseOrTypedError(text: string): void {
  try {
    const parsed = parseQuery(text)
    // Whatever parses has a normal form: printing it and parsing that gives the same tree.
    expect(parseQuery(printQuery(parsed.root)).root).toEqual(parsed.root)
  } catch (error) {
    expect(error).toBeInstanceOf(QueryError)
    const e = error as QueryError
    expect(queryErrorReasons).toContain(e.reason)
    expect(e.position).toBeGreaterThanOrEqual(0)
    expect(e.position).toBeLessThanOrEqual(text.length)
    expect(e.column).toBeGreaterThanOrEqual(1)
  }
}

describe('query language properties', () => {
  it('parses a printed tree back to the same tree', () => {
    fc.assert(
      fc.property(anchoredTreeArbitrary, (tree) => {
        expect(parseQuery(printQuery(tree)).root).toEqual(tree)
      }),
      { numRuns: 500 },
    )
  })

  it('never fails on query-like text but with a QueryError', () => {
    fc.assert(
      fc.property(fc.array(queryPieces, { maxLength: 25 }).map((pieces) => pieces.join('')), parseOrTypedError),
      { numRuns: 1500 },
    )
  })

  it('never fails on arbitrary Unicode text but with a QueryError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), parseOrTypedError), { numRuns: 1000 })
  })

  it('normalizes idempotently, into words that are their own normal form', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.array(queryPieces, { maxLength: 12 }).map((p) => p.join(' '))), (text) => {
        const once = normalizeText(text)
        expect(normalizeText(once)).toBe(once)
        for (const token of tokenize(once)) {
          expect(normalizeText(token)).toBe(token)
          expect(tokenize(token)).toEqual([token])
        }
      }),
      { numRuns: 1000 },
    )
  })
})
