// The matcher benchmark's data and referee at a small size: the compiled matcher must answer
// exactly as the naive loop on the generated stream (no timing is asserted).
import { describe, expect, it } from 'vitest'
import { createMatcher } from '../src/listen/matcher/index.js'
import { createPostStream, generateQueries } from './support/match-corpus.js'
import { countMismatches, naiveMatch, parseAll } from './support/match-naive.js'

describe('bench:match data', () => {
  it('has no post on which the compiled matcher and the naive loop disagree', () => {
    const data = generateQueries(200, 7)
    const matcher = createMatcher({ rebalanceEvery: 500 })
    for (const q of data.queries) matcher.add(q.id, q.text)
    const next = createPostStream(data.brands, 8)
    const posts = Array.from({ length: 2000 }, next)
    const parsed = parseAll(data.queries)
    const expected = posts.map((post) => naiveMatch(parsed, post))
    // Not vacuous: some posts match some queries.
    expect(expected.filter((ids) => ids.length > 0).length).toBeGreaterThan(20)
    expect(countMismatches(matcher, posts, expected)).toBe(0)
  })

  it('generates the same queries and posts from the same seed', () => {
    expect(generateQueries(50, 3)).toEqual(generateQueries(50, 3))
    const a = createPostStream(generateQueries(50, 3).brands, 4)
    const b = createPostStream(generateQueries(50, 3).brands, 4)
    for (let i = 0; i < 20; i++) expect(a()).toEqual(b())
  })
})
