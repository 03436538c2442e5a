/**
 * The matcher's pass over one item: every word of its normalized text (and each form of an
 * Arabic or Hebrew word without attached prefixes) is hashed once, and with the same running
 * hash its wildcard prefixes of the lengths in use are probed; then its hashtags, mentions,
 * hosts, author and language. A term found is stamped with the item's epoch. Words are looked
 * up as slices of the text, so no string is made for a word no query uses. Afterwards the
 * queries anchored under the terms found become candidates, unless their guard (another term
 * they require) is missing.
 */
import { cliticStems, hostKeyStarts, mayHaveClitics, wordSpans, type AnalyzedItem, type ItemFacts } from '../../domain/listen-query/index.js'
import { hashRange, hashString, type KeyTable } from './key-table.js'
import type { Term, TermTable } from './terms.js'

/** The Arabic article a word starting لل also counts with (see clitics.ts). */
const article = 'ال'
const articleHash = hashString(article)
const fnvPrime = 0x01000193
const fnvOffset = hashString('')

export class ItemScanner {
  /** Stamp of the current item. */
  epoch = 0
  /** Per entry slot, the epoch of the last item it was a candidate for. Grown by the matcher. */
  entryEpochs = new Int32Array(1024)
  /** Slots of the current item's candidates (the first `candidateCount`). */
  readonly candidates: number[] = []
  candidateCount = 0
  /** The term stamps, as of `begin` (the table may replace its array when it grows). */
  private epochs: Int32Array
  /** Anchor terms the current item has (the first `hitCount`). */
  private readonly hits: Term[] = []
  private hitCount = 0
  private readonly spans: number[] = []
  private readonly stems: number[] = []
  private readonly keys: number[] = []

  constructor(
    private readonly table: TermTable,
    /** The last epoch before every stamp is cleared and epochs start again from 1. */
    private readonly maxEpoch = 0x7fffffff,
  ) {
    this.epochs = table.epochs
  }

  /** Starts a new item. */
  begin(): void {
    // Stamps live in Int32Arrays: before the epoch would overflow them, every stamp is cleared.
    if (this.epoch >= this.maxEpoch) {
      this.table.epochs.fill(0)
      this.entryEpochs.fill(0)
      this.epoch = 0
    }
    this.epoch++
    this.epochs = this.table.epochs
    this.hitCount = 0
    this.candidateCount = 0
  }

  /** The item has `term` at `position` (-1 for non-words). */
  private found(term: Term | undefined, position: number): void {
    if (term === undefined) return
    if (this.epochs[term.id] !== this.epoch) {
      this.epochs[term.id] = this.epoch
      term.hits++
      term.positionCount = 0
      if (term.anchoredSlots.length > 0) this.hits[this.hitCount++] = term
    }
    if (term.positionRefs > 0) term.positions[term.positionCount++] = position
  }

  /**
   * The word `head + text[start, end)`: its wildcard prefixes (probed with the running hash at
   * each length some prefix has), then the word itself.
   */
  private word(head: string, text: string, start: number, end: number, position: number): void {
    const { prefixLengths, maxPrefixLength, tables } = this.table
    let hash = head === '' ? fnvOffset : head === article ? articleHash : hashString(head)
    if (maxPrefixLength > 0 && head !== '') {
      for (let length = 1; length <= head.length && length <= maxPrefixLength; length++) {
        if (prefixLengths[length]! > 0) this.found(tables.prefix.get(head.slice(0, length)), -1)
      }
    }
    for (let i = start; i < end; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), fnvPrime)
      const length = head.length + i + 1 - start
      if (length <= maxPrefixLength && prefixLengths[length]! > 0) this.found(this.probe(tables.prefix, head, text, start, i + 1, hash), -1)
    }
    this.found(this.probe(tables.word, head, text, start, end, hash), position)
  }

  private probe(table: KeyTable<Term>, head: string, text: string, start: number, end: number, hash: number): Term | undefined {
    if (table.size === 0) return undefined
    return head === '' ? table.getRange(text, start, end, hash) : table.getHeaded(head, text, start, end, hash)
  }

  /** The words of a normalized text. */
  scanText(text: string): void {
    const spans = this.spans
    const count = wordSpans(text, spans)
    for (let k = 0; k < count; k += 2) {
      const start = spans[k]!
      const end = spans[k + 1]!
      this.word('', text, start, end, k >> 1)
      if (mayHaveClitics(text.charCodeAt(start))) this.forms(text, start, end, k >> 1)
    }
  }

  private forms(text: string, start: number, end: number, position: number): void {
    const stems = this.stems
    const count = cliticStems(text, start, end, stems)
    for (let j = 0; j < count; j += 2) this.word(stems[j + 1] === 1 ? article : '', text, stems[j]!, end, position)
  }

  /** Hashtags, mentions, hosts, author and language. */
  scanFacts(facts: ItemFacts): void {
    const { hashtag, mention, site, author, lang } = this.table.tables
    if (hashtag.size > 0) for (const tag of facts.hashtags) this.found(hashtag.get(tag), -1)
    if (mention.size > 0) for (const handle of facts.handles) this.handleKeys(mention, handle)
    if (site.size > 0) {
      for (const host of facts.hosts) {
        const count = hostKeyStarts(host, this.keys)
        for (let k = 0; k < count; k++) {
          const start = this.keys[k]!
          this.found(site.getRange(host, start, host.length, hashRange(host, start, host.length)), -1)
        }
      }
    }
    if (author.size > 0 && facts.author !== '') this.handleKeys(author, facts.author)
    if (lang.size > 0 && facts.lang !== undefined) this.found(lang.get(facts.lang), -1)
  }

  /** The keys of a handle (see `handleKeyEnds`: the handle and its parts before each `.` or `@`), hashed in one pass. */
  private handleKeys(table: KeyTable<Term>, handle: string): void {
    let hash = fnvOffset
    for (let i = 0; i < handle.length; i++) {
      const c = handle.charCodeAt(i)
      if (i > 0 && (c === 0x2e || c === 0x40)) this.found(table.getRange(handle, 0, i, hash), -1)
      hash = Math.imul(hash ^ c, fnvPrime)
    }
    this.found(table.getRange(handle, 0, handle.length, hash), -1)
  }

  /** An item already analyzed by `analyzeItem` (words and keys as strings). */
  scanAnalyzed(item: AnalyzedItem): void {
    const { hashtag, mention, site, author, lang } = this.table.tables
    for (let k = 0; k < item.tokens.length; k++) this.word('', item.tokens[k]!, 0, item.tokens[k]!.length, k)
    for (let k = 0; k < item.forms.length; k++) this.word('', item.forms[k]!, 0, item.forms[k]!.length, item.formPositions[k]!)
    for (const [table, keys] of [[hashtag, item.hashtags], [mention, item.mentions], [site, item.hosts], [author, item.authors]] as const) {
      for (const key of keys) this.found(table.get(key), -1)
    }
    if (item.lang !== undefined) this.found(lang.get(item.lang), -1)
  }

  /** The queries anchored under the terms found whose guard was found too, each once. */
  collectCandidates(): void {
    const { epochs, epoch, entryEpochs, candidates } = this
    for (let h = 0; h < this.hitCount; h++) {
      const term = this.hits[h]!
      const slots = term.anchoredSlots
      const guards = term.anchoredGuards
      for (let k = 0; k < slots.length; k++) {
        const guard = guards[k]!
        if (guard >= 0 && epochs[guard] !== epoch) continue
        const slot = slots[k]!
        if (entryEpochs[slot] === epoch) continue
        entryEpochs[slot] = epoch
        candidates[this.candidateCount++] = slot
      }
    }
  }
}
