/**
 * The matcher benchmark's baseline and referee: the naive loop (every query evaluated by the
 * reference evaluator on every item, the item analyzed once) and the count of items on which
 * the compiled matcher answers differently.
 */
import { analyzeItem, evaluateNode, parseQuery, type MatchItem, type ParsedQuery } from '../../src/domain/listen-query/index.js'
import type { Matcher } from '../../src/listen/matcher/index.js'

export interface NaiveQuery {
  id: string
  parsed: ParsedQuery
}

export function parseAll(queries: ReadonlyArray<{ id: string; text: string }>): NaiveQuery[] {
  return queries.map((q) => ({ id: q.id, parsed: parseQuery(q.text) }))
}

/** Ids of the queries `item` matches, by evaluating each one. */
export function naiveMatch(queries: readonly NaiveQuery[], item: MatchItem): string[] {
  const analyzed = analyzeItem(item)
  const ids: string[] = []
  for (const q of queries) if (evaluateNode(q.parsed.root, analyzed)) ids.push(q.id)
  return ids
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const sorted = [...b].sort()
  return [...a].sort().every((id, i) => id === sorted[i])
}

/** Items of `items` on which `matcher` and the naive answers (`expected[i]`) disagree. */
export function countMismatches(matcher: Matcher, items: readonly MatchItem[], expected: ReadonlyArray<readonly string[]>): number {
  let mismatches = 0
  for (let i = 0; i < items.length; i++) if (!sameIds(matcher.match(items[i]!), expected[i]!)) mismatches++
  return mismatches
}
