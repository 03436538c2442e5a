/**
 * Compiles a query tree for the matcher: leaves become shared `Term`s of the table, children of
 * AND/OR are ordered so the one most likely to decide comes first, and each node knows its
 * required terms (every item it is true on has all of them). Where the query is indexed is
 * worked out here too: its anchors, a few terms one of which every matching item must have (for
 * an AND the rarest child's anchors, for an OR the union of its children's), and under each
 * anchor a guard, the rarest other term that part of the query requires.
 */
import type { QueryNode } from '../../domain/listen-query/index.js'
import type { Term, TermTable } from './terms.js'

export const opTerm = 0
export const opPhrase = 1
export const opAnd = 2
export const opOr = 3
export const opNot = 4

/** A node of a compiled query; one object shape for every operator (keeps verification monomorphic). */
export interface VNode {
  readonly op: number
  /** For a term: its id (stamps are read by id, without touching the term) and the term. */
  readonly termId: number
  readonly term: Term | null
  readonly phrase: readonly Term[] | null
  readonly children: readonly VNode[] | null
  /** Estimated share of items on which this node is true (from the terms' priors). */
  readonly frequency: number
  /** Terms present in every item this node is true on: an AND's children's together, an OR's children's in common. */
  readonly required: readonly Term[]
}

/** A compiled query and the terms it holds in the table. */
export interface CompiledQuery {
  readonly root: VNode
  /** Every term use (a term used twice appears twice), to release them on removal. */
  readonly uses: readonly Term[]
  /** Terms whose positions it needs (words of its phrases), one entry per use. */
  readonly positionUses: readonly Term[]
}

function leaf(op: number, term: Term | null, phrase: Term[] | null, frequency: number): VNode {
  const required = term !== null ? [term] : [...new Set(phrase)]
  return { op, termId: term === null ? -1 : term.id, term, phrase, children: null, frequency, required }
}

function branch(op: number, children: VNode[], frequency: number): VNode {
  let required: Term[] = []
  if (op === opAnd) required = [...new Set(children.flatMap((c) => c.required))]
  if (op === opOr) required = children[0]!.required.filter((t) => children.every((c) => c.required.includes(t)))
  return { op, termId: -1, term: null, phrase: null, children, frequency, required }
}

/** Compiles `root`, acquiring its terms from `table`. */
export function compileQuery(root: QueryNode, table: TermTable): CompiledQuery {
  const uses: Term[] = []
  const positionUses: Term[] = []
  const compile = (node: QueryNode): VNode => {
    switch (node.kind) {
      case 'and': {
        // Most likely false first: AND stops at the first false child.
        const children = node.children.map(compile).sort((a, b) => a.frequency - b.frequency)
        return branch(opAnd, children, children[0]!.frequency)
      }
      case 'or': {
        // Most likely true first: OR stops at the first true child.
        const children = node.children.map(compile).sort((a, b) => b.frequency - a.frequency)
        return branch(opOr, children, Math.min(1, children.reduce((sum, c) => sum + c.frequency, 0)))
      }
      case 'not': {
        const child = compile(node.child)
        return branch(opNot, [child], 1 - child.frequency)
      }
      case 'phrase': {
        const terms = node.tokens.map((t) => table.acquire('word', t))
        for (const t of terms) t.positionRefs++
        uses.push(...terms)
        positionUses.push(...terms)
        return leaf(opPhrase, null, terms, Math.min(...terms.map((t) => t.prior)))
      }
      default: {
        const term = table.acquire(node.kind, node.value)
        uses.push(term)
        return leaf(opTerm, term, null, term.prior)
      }
    }
  }
  return { root: compile(root), uses, positionUses }
}

/** A term a query is indexed under, and what every item that matches it by this anchor has. */
interface Anchor {
  term: Term
  /** Terms present whenever the part of the query this anchor stands for is true. */
  required: readonly Term[]
}

/** Anchors of a query and their summed rate (the share of items that make it a candidate). */
interface Anchors {
  cost: number
  anchors: Anchor[]
}

/**
 * The cheapest set of anchors, one of which is in every item the node is true on, by `rate`
 * (each term's share of items), or null when there is none (NOT, `lang:`, an OR with such a
 * child). For an AND, the rarest child's; for an OR, the union of its children's.
 */
function anchorsOf(node: VNode, rate: (term: Term) => number): Anchors | null {
  switch (node.op) {
    case opTerm:
      return node.term!.kind === 'lang' ? null : { cost: rate(node.term!), anchors: [{ term: node.term!, required: node.required }] }
    case opPhrase: {
      // Any one word of a phrase will do; the rarest lets the fewest items through.
      let best = node.phrase![0]!
      for (const t of node.phrase!) if (rate(t) < rate(best)) best = t
      return { cost: rate(best), anchors: [{ term: best, required: node.required }] }
    }
    case opAnd: {
      let best: Anchors | null = null
      for (const child of node.children!) {
        const a = anchorsOf(child, rate)
        if (a !== null && (best === null || a.cost < best.cost)) best = a
      }
      // When the AND is true, all its children's required terms are there too.
      return best && { cost: best.cost, anchors: best.anchors.map((a) => ({ term: a.term, required: [...new Set([...a.required, ...node.required])] })) }
    }
    case opOr: {
      const union: Anchors = { cost: 0, anchors: [] }
      for (const child of node.children!) {
        const a = anchorsOf(child, rate)
        if (a === null) return null
        union.cost += a.cost
        for (const anchor of a.anchors) {
          const same = union.anchors.findIndex((u) => u.term === anchor.term)
          // The same anchor for two alternatives: only what both require can guard it.
          if (same < 0) union.anchors.push(anchor)
          else union.anchors[same] = { term: anchor.term, required: union.anchors[same]!.required.filter((t) => anchor.required.includes(t)) }
        }
      }
      return union
    }
    default:
      return null
  }
}

/** Where a query is indexed: its anchors, and under each its guard (a term id, or -1). */
export interface Placement {
  cost: number
  anchors: Term[]
  guards: number[]
}

/**
 * Where to index a compiled query: its cheapest anchors, and for each the rarest other term the
 * part of the query it stands for requires (its guard), so an item that has the anchor but not
 * the guard is turned away before the query is looked at. Null for a query without content.
 */
export function placementOf(root: VNode, rate: (term: Term) => number): Placement | null {
  const found = anchorsOf(root, rate)
  if (found === null) return null
  const guards = found.anchors.map(({ term, required }) => {
    let guard: Term | undefined
    for (const t of required) if (t !== term && (guard === undefined || rate(t) < rate(guard))) guard = t
    return guard === undefined ? -1 : guard.id
  })
  return { cost: found.cost, anchors: found.anchors.map((a) => a.term), guards }
}
