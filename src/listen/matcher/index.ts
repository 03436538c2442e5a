/**
 * The compiled matcher: all active listening queries in one percolator-style index (see
 * matcher.ts). `createMatcher()` → `add(id, query)`, `remove(id)`, `match(item)` → ids.
 */
export { createMatcher, type Matcher, type MatcherOptions } from './matcher.js'
export { defaultTermFrequency, type TermFrequency } from './cost.js'
export type { TermKind } from './terms.js'
