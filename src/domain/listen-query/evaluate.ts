/**
 * The reference evaluator: a plain recursive walk of a query's tree over one analyzed item. It is
 * the definition of what a query matches; the compiled matcher (src/listen/matcher) must agree
 * with it on every item, and the property tests hold it to that. Simple on purpose, not fast.
 */
import type { ParsedQuery, QueryNode } from './ast.js'
import type { MatchItem } from './facts.js'
import { analyzeItem, type AnalyzedItem } from './item.js'
import { parseQuery } from './parser.js'

/** Does the word at `position` (or one of its forms without attached prefixes) satisfy `test`? */
function wordAt(item: AnalyzedItem, position: number, test: (word: string) => boolean): boolean {
  if (position >= item.tokens.length) return false
  if (test(item.tokens[position]!)) return true
  for (let k = 0; k < item.forms.length; k++) {
    if (item.formPositions[k] === position && test(item.forms[k]!)) return true
  }
  return false
}

function anyWord(item: AnalyzedItem, test: (word: string) => boolean): boolean {
  for (let i = 0; i < item.tokens.length; i++) if (wordAt(item, i, test)) return true
  return false
}

/** Evaluates a query tree on an analyzed item. */
export function evaluateNode(node: QueryNode, item: AnalyzedItem): boolean {
  switch (node.kind) {
    case 'word':
      return anyWord(item, (w) => w === node.value)
    case 'prefix':
      return anyWord(item, (w) => w.startsWith(node.value))
    case 'phrase':
      for (let start = 0; start + node.tokens.length <= item.tokens.length; start++) {
        if (node.tokens.every((t, j) => wordAt(item, start + j, (w) => w === t))) return true
      }
      return false
    case 'hashtag':
      return item.hashtags.includes(node.value)
    case 'mention':
      return item.mentions.includes(node.value)
    case 'site':
      return item.hosts.includes(node.value)
    case 'author':
      return item.authors.includes(node.value)
    case 'lang':
      return item.lang === node.value
    case 'and':
      return node.children.every((c) => evaluateNode(c, item))
    case 'or':
      return node.children.some((c) => evaluateNode(c, item))
    case 'not':
      return !evaluateNode(node.child, item)
  }
}

/**
 * Does `query` match `item`? Takes a query's text or its parsed form, and an item or its
 * analysis (analyze once with `analyzeItem` when testing many queries on one item).
 */
export function evaluateQuery(query: ParsedQuery | string, item: MatchItem | AnalyzedItem): boolean {
  const parsed = typeof query === 'string' ? parseQuery(query) : query
  const analyzed = 'tokens' in item ? item : analyzeItem(item)
  return evaluateNode(parsed.root, analyzed)
}
