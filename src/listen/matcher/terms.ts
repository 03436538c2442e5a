/**
 * The matcher's shared vocabulary: one `Term` per distinct thing any query looks for (a word, a
 * wildcard prefix, a hashtag…), shared by every query that uses it and known by a small integer
 * id. While an item is matched, the term's slot in `epochs` is stamped with the item's epoch when
 * the item has it (and, for words inside phrases, the positions where it occurs are kept), so
 * verifying a query is a few integer comparisons in one compact array. Each term also counts the
 * items that had it, so the matcher learns which terms are common in the stream.
 */
import type { TermFrequency, TermKind } from './cost.js'
import { KeyTable } from './key-table.js'

export type { TermKind }

/** How many items' worth of weight the prior estimate of a term's frequency has. */
const priorWeight = 2000

/** Something one or more queries look for. */
export class Term {
  /** Where the word occurs in the current item (the first `positionCount` entries); kept only while a phrase uses it. */
  readonly positions: number[] = []
  positionCount = 0
  /** How many phrase uses need `positions`. */
  positionRefs = 0
  /** How many query uses hold this term (it is dropped at zero). */
  refs = 0
  /** Queries indexed under this term (their slots), each with its guard: the id of another term the query requires, or -1. */
  readonly anchoredSlots: number[] = []
  readonly anchoredGuards: number[] = []
  /** Items that had this term, since it entered the table… */
  hits = 0

  constructor(
    readonly id: number,
    readonly kind: TermKind,
    readonly key: string,
    /** …the number of items matched before it did… */
    readonly since: number,
    /** …and its estimated share of items before any was seen. */
    readonly prior: number,
  ) {}
}

/** Every term of every query, by kind and key, with their stamps and statistics. */
export class TermTable {
  /** Items matched so far (the clock terms' statistics are kept against). */
  items = 0
  /** Per term id, the epoch of the last item that had the term. Replaced (grown) as terms are added. */
  epochs = new Int32Array(1024)
  readonly tables: Record<TermKind, KeyTable<Term>> = {
    word: new KeyTable(),
    prefix: new KeyTable(),
    hashtag: new KeyTable(),
    mention: new KeyTable(),
    site: new KeyTable(),
    author: new KeyTable(),
    lang: new KeyTable(),
  }
  /** Per length (in code units), how many wildcard prefixes have it: a word is probed for its prefixes of those lengths only. */
  prefixLengths = new Uint32Array(16)
  /** The longest wildcard prefix (0 when there is none). */
  maxPrefixLength = 0
  private readonly freeIds: number[] = []
  private nextId = 0

  constructor(private readonly frequency: TermFrequency) {}

  /**
   * The share of items that have `term`: what was observed, smoothed towards the prior while
   * there are few observations (as if `priorWeight` items had shown the prior rate).
   */
  rate(term: Term): number {
    return (term.hits + term.prior * priorWeight) / (this.items - term.since + priorWeight)
  }

  /** The term for (kind, key), created on first use; counts one reference. */
  acquire(kind: TermKind, key: string): Term {
    const table = this.tables[kind]
    let term = table.get(key)
    if (term === undefined) {
      term = new Term(this.newId(), kind, key, this.items, this.frequency(kind, key))
      table.set(key, term)
      if (kind === 'prefix') this.countPrefixLength(key.length, 1)
    }
    term.refs++
    return term
  }

  /** Drops one reference; the term leaves the table with its last one. */
  release(term: Term): void {
    if (--term.refs > 0) return
    this.tables[term.kind].delete(term.key)
    if (term.kind === 'prefix') this.countPrefixLength(term.key.length, -1)
    this.epochs[term.id] = 0
    this.freeIds.push(term.id)
  }

  private newId(): number {
    const id = this.freeIds.pop() ?? this.nextId++
    if (id >= this.epochs.length) {
      const grown = new Int32Array(this.epochs.length * 2)
      grown.set(this.epochs)
      this.epochs = grown
    }
    return id
  }

  private countPrefixLength(length: number, delta: number): void {
    if (length >= this.prefixLengths.length) {
      const grown = new Uint32Array(Math.max(length + 1, this.prefixLengths.length * 2))
      grown.set(this.prefixLengths)
      this.prefixLengths = grown
    }
    this.prefixLengths[length]! += delta
    let max = Math.max(this.maxPrefixLength, delta > 0 ? length : 0)
    while (max > 0 && this.prefixLengths[max] === 0) max--
    this.maxPrefixLength = max
  }
}
