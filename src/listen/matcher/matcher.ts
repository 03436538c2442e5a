/**
 * The percolator: every active query of every workspace in one index, each item checked only
 * against the queries it could match. Each query is indexed under a few anchor terms (one of
 * which every item it matches has; see compile.ts), each with a guard (another term that part of
 * the query requires). An item's text is normalized once and scanned once (scan.ts): each term
 * it has is stamped; the queries anchored under those terms whose guard was stamped too become
 * candidates, and each candidate's compiled tree is verified against the stamps. Adding or
 * removing a query touches only its own terms. Every so often, queries that turn out to be
 * candidates too often move to rarer anchors, by the term frequencies the stream has shown.
 */
import { isAnchored, itemFacts, normalizeText, parseQuery, type AnalyzedItem, type MatchItem, type ParsedQuery } from '../../domain/listen-query/index.js'
import { compileQuery, opAnd, opNot, opOr, opPhrase, opTerm, placementOf, type CompiledQuery, type VNode } from './compile.js'
import { defaultTermFrequency, type TermFrequency } from './cost.js'
import { ItemScanner } from './scan.js'
import { TermTable, type Term } from './terms.js'

/** Every active query in one index. */
export interface Matcher {
  /** Adds (or replaces) a query; a string is parsed first (and may throw a QueryError). */
  add(id: string, query: ParsedQuery | string): void
  /** Removes a query; false when there was none with this id. */
  remove(id: string): boolean
  has(id: string): boolean
  /** Ids of the queries `item` matches, in no particular order. */
  match(item: MatchItem): string[]
  /** The same for an item already analyzed with `analyzeItem` (slower than `match`; for callers that have one). */
  matchAnalyzed(item: AnalyzedItem): string[]
  /** Number of queries. */
  readonly size: number
}

export interface MatcherOptions {
  /** Prior estimate of the share of items containing a term, used to pick the rarest anchors until the stream has shown how common each term is (default: by length and stop words). */
  termFrequency?: TermFrequency
  /** Items between two re-anchorings (default: after 4,096 items, then doubling up to every 65,536). */
  rebalanceEvery?: number
  /** Items after which the stamps are cleared and counted again from 1 (default 2^31 − 1, what an Int32Array holds; smaller in tests). */
  maxEpoch?: number
}

interface Entry extends CompiledQuery {
  readonly id: string
  /** Its index in `slots` (and in the scanner's candidate stamps). */
  readonly slot: number
  /** Terms it is indexed under: every item it matches has one of them… */
  anchors: Term[]
  /** …and under each, the id of the guard term (or -1). */
  guards: number[]
  /** The last rebalance that looked at it… */
  checked: number
  /** …and the summed rate of its anchors then (0 before any). */
  checkedCost: number
}

/** A query that is a candidate for fewer items than this share is left where it is. */
const hotRate = 0.0005

function occursAt(term: Term, position: number): boolean {
  for (let i = 0; i < term.positionCount; i++) if (term.positions[i] === position) return true
  return false
}

/** A new, empty matcher. */
export function createMatcher(options: MatcherOptions = {}): Matcher {
  const table = new TermTable(options.termFrequency ?? defaultTermFrequency)
  const scanner = new ItemScanner(table, options.maxEpoch)
  const rate = (term: Term) => table.rate(term)
  const entries = new Map<string, Entry>()
  /** Entries by slot; freed slots are reused. */
  const slots: Array<Entry | undefined> = []
  const freeSlots: number[] = []
  /** Terms with queries anchored under them. */
  const anchorTerms = new Set<Term>()
  let nextRebalance = options.rebalanceEvery ?? 4096
  let rebalances = 0

  const phraseAt = (terms: readonly Term[], epochs: Int32Array, epoch: number): boolean => {
    for (let j = 0; j < terms.length; j++) if (epochs[terms[j]!.id] !== epoch) return false
    const first = terms[0]!
    next: for (let s = 0; s < first.positionCount; s++) {
      const start = first.positions[s]!
      for (let j = 1; j < terms.length; j++) if (!occursAt(terms[j]!, start + j)) continue next
      return true
    }
    return false
  }

  const verify = (node: VNode, epochs: Int32Array, epoch: number): boolean => {
    switch (node.op) {
      case opTerm:
        return epochs[node.termId] === epoch
      case opPhrase:
        return phraseAt(node.phrase!, epochs, epoch)
      case opAnd: {
        const children = node.children!
        for (let i = 0; i < children.length; i++) if (!verify(children[i]!, epochs, epoch)) return false
        return true
      }
      case opOr: {
        const children = node.children!
        for (let i = 0; i < children.length; i++) if (verify(children[i]!, epochs, epoch)) return true
        return false
      }
      case opNot:
        return !verify(node.children![0]!, epochs, epoch)
      default:
        throw new Error(`unknown operator ${node.op}`)
    }
  }

  const attach = (entry: Entry): void => {
    entry.anchors.forEach((anchor, i) => {
      anchor.anchoredSlots.push(entry.slot)
      anchor.anchoredGuards.push(entry.guards[i]!)
      if (anchor.anchoredSlots.length === 1) anchorTerms.add(anchor)
    })
  }

  const detach = (entry: Entry): void => {
    for (const anchor of entry.anchors) {
      const { anchoredSlots: list, anchoredGuards: guards } = anchor
      const at = list.indexOf(entry.slot)
      list[at] = list[list.length - 1]!
      guards[at] = guards[guards.length - 1]!
      list.pop()
      guards.pop()
      if (list.length === 0) anchorTerms.delete(anchor)
    }
  }

  /**
   * Moves queries that turn out to be candidates too often to rarer anchors and guards, now that
   * the stream has shown how common each term really is (a brand's word may be rarer than its
   * trade's, or the other way round, whatever their lengths say).
   */
  const rebalance = (): void => {
    const stamp = ++rebalances
    for (const term of anchorTerms) {
      // A query that is often a candidate has a common anchor; only those are worth a look.
      if (rate(term) < hotRate / 4) continue
      for (const slot of [...term.anchoredSlots]) {
        const entry = slots[slot]!
        if (entry.checked === stamp) continue
        entry.checked = stamp
        let current = 0
        for (const anchor of entry.anchors) current += rate(anchor)
        if (current < hotRate) continue
        // Rates settle as the stream goes on: a query whose anchors are about as common as when
        // it was last placed stays where it is.
        if (current < entry.checkedCost * 1.5 && current > entry.checkedCost / 1.5) continue
        entry.checkedCost = current
        const best = placementOf(entry.root, rate)!
        const sameAnchors = best.anchors.length === entry.anchors.length && best.anchors.every((t, i) => t === entry.anchors[i])
        // Move only to clearly rarer anchors; under the same ones, refresh guards that changed.
        if (!sameAnchors && best.cost >= current / 2) continue
        if (sameAnchors && best.guards.every((g, i) => g === entry.guards[i])) continue
        detach(entry)
        entry.anchors = best.anchors
        entry.guards = best.guards
        entry.checkedCost = best.cost
        attach(entry)
      }
    }
    nextRebalance = table.items + (options.rebalanceEvery ?? Math.min(table.items, 65_536))
  }

  /** Starts an item: the statistics clock, a rebalance when due, a new stamp. */
  const begin = (): void => {
    if (++table.items >= nextRebalance) rebalance()
    scanner.begin()
  }

  /** The candidates whose tree holds on the stamps of the current item. */
  const verified = (): string[] => {
    scanner.collectCandidates()
    const { candidates, candidateCount, epoch } = scanner
    const epochs = table.epochs
    const matched: string[] = []
    for (let i = 0; i < candidateCount; i++) {
      const entry = slots[candidates[i]!]!
      if (verify(entry.root, epochs, epoch)) matched.push(entry.id)
    }
    return matched
  }

  const remove = (id: string): boolean => {
    const entry = entries.get(id)
    if (entry === undefined) return false
    entries.delete(id)
    detach(entry)
    slots[entry.slot] = undefined
    freeSlots.push(entry.slot)
    for (const term of entry.positionUses) term.positionRefs--
    for (const term of entry.uses) table.release(term)
    return true
  }

  const newSlot = (): number => {
    const slot = freeSlots.pop() ?? slots.length
    if (slot >= scanner.entryEpochs.length) {
      const grown = new Int32Array(scanner.entryEpochs.length * 2)
      grown.set(scanner.entryEpochs)
      scanner.entryEpochs = grown
    }
    scanner.entryEpochs[slot] = 0
    return slot
  }

  return {
    add(id, query) {
      const parsed = typeof query === 'string' ? parseQuery(query) : query
      if (!isAnchored(parsed.root)) throw new Error(`Query ${id} has no content term to index it by (parseQuery refuses such queries).`)
      // Compile before removing the old version, so the terms both use stay in the table.
      const compiled = compileQuery(parsed.root, table)
      remove(id)
      const placement = placementOf(compiled.root, rate)!
      const entry: Entry = { ...compiled, id, slot: newSlot(), anchors: placement.anchors, guards: placement.guards, checked: 0, checkedCost: 0 }
      slots[entry.slot] = entry
      entries.set(id, entry)
      attach(entry)
    },
    remove,
    has: (id) => entries.has(id),
    match(item) {
      const text = normalizeText(item.text)
      begin()
      scanner.scanText(text)
      scanner.scanFacts(itemFacts(item, text))
      return verified()
    },
    matchAnalyzed(item) {
      begin()
      scanner.scanAnalyzed(item)
      return verified()
    },
    get size() {
      return entries.size
    },
  }
}
