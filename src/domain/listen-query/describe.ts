/**
 * What a query looks for, for the interface: the terms it wants and the terms it excludes (to
 * highlight them in matched items, or list them beside the query).
 */
import { printQuery, type QueryNode, type TermNode } from './ast.js'

export interface QueryTerms {
  /** Terms under an even number of negations, in the order written. */
  readonly include: readonly TermNode[]
  /** Terms under an odd number of negations. */
  readonly exclude: readonly TermNode[]
}

/** The terms of a query, split by whether it wants or excludes them. */
export function queryTerms(root: QueryNode): QueryTerms {
  const include: TermNode[] = []
  const exclude: TermNode[] = []
  const walk = (node: QueryNode, negated: boolean): void => {
    switch (node.kind) {
      case 'and':
      case 'or':
        for (const c of node.children) walk(c, negated)
        return
      case 'not':
        walk(node.child, !negated)
        return
      default:
        ;(negated ? exclude : include).push(node)
    }
  }
  walk(root, false)
  return { include, exclude }
}

/** The include and exclude terms as query text (`cafe`, `"joe s bakery"`, `#latte`, `lang:fr`). */
export function describeQuery(root: QueryNode): { include: string[]; exclude: string[] } {
  const { include, exclude } = queryTerms(root)
  const text = (terms: readonly TermNode[]) => [...new Set(terms.map((t) => printQuery(t)))]
  return { include: text(include), exclude: text(exclude) }
}
