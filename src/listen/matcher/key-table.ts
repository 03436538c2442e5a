/**
 * A hash table from strings to values that can be probed with a slice of a larger string
 * (`text[start, end)`) without making that slice: an item's words are looked up straight from
 * its normalized text, so a word no query uses never becomes a string of its own. Open
 * addressing with linear probing; FNV-1a over UTF-16 code units; deletion by backward shift, so
 * queries can come and go without tombstones piling up. A 16 KB bit filter in front (kept in
 * step by counters) turns most words that are no key away before they touch the larger, colder
 * table.
 */

const fnvOffset = 0x811c9dc5 | 0
const fnvPrime = 0x01000193
/** The filter has 2^17 slots, indexed by the high hash bits: one bit each to read, one counter each to keep it. */
const filterShift = 15
const filterSaturated = 255

/** FNV-1a hash of `text[start, end)`, continuing from `seed` (the hash of what comes before it). */
export function hashRange(text: string, start: number, end: number, seed = fnvOffset): number {
  let h = seed
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), fnvPrime)
  return h
}

/** FNV-1a hash of a whole string. */
export function hashString(key: string): number {
  return hashRange(key, 0, key.length)
}

export class KeyTable<V> {
  private keys: Array<string | undefined>
  private hashes: Int32Array
  private values: Array<V | undefined>
  private mask: number
  private count = 0
  /** Per filter slot, how many keys hash there (saturating: a full counter is never decremented)… */
  private readonly filterCounts = new Uint8Array(1 << (32 - filterShift))
  /** …and whether any does, one bit per slot. */
  private readonly filterBits = new Int32Array(1 << (32 - filterShift - 5))

  constructor(capacity = 16) {
    const size = 1 << Math.max(4, Math.ceil(Math.log2(capacity * 2)))
    this.keys = new Array<string | undefined>(size).fill(undefined)
    this.values = new Array<V | undefined>(size).fill(undefined)
    this.hashes = new Int32Array(size)
    this.mask = size - 1
  }

  get size(): number {
    return this.count
  }

  /** The value under the key equal to `text[start, end)` whose hash is `hash`. */
  /** Could a key have this hash? (False means certainly not.) */
  mayHave(hash: number): boolean {
    const slot = hash >>> filterShift
    return (this.filterBits[slot >>> 5]! & (1 << (slot & 31))) !== 0
  }

  getRange(text: string, start: number, end: number, hash: number): V | undefined {
    if (!this.mayHave(hash)) return undefined
    const length = end - start
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const key = this.keys[i]
      if (key === undefined) return undefined
      if (this.hashes[i] !== hash || key.length !== length) continue
      let same = true
      for (let j = 0; j < length; j++) {
        if (key.charCodeAt(j) !== text.charCodeAt(start + j)) {
          same = false
          break
        }
      }
      if (same) return this.values[i]
    }
  }

  /** The value under the key equal to `head + text[start, end)`; `hash` covers both. */
  getHeaded(head: string, text: string, start: number, end: number, hash: number): V | undefined {
    if (!this.mayHave(hash)) return undefined
    const length = head.length + end - start
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const key = this.keys[i]
      if (key === undefined) return undefined
      if (this.hashes[i] !== hash || key.length !== length || !key.startsWith(head)) continue
      let same = true
      for (let j = head.length; j < length; j++) {
        if (key.charCodeAt(j) !== text.charCodeAt(start + j - head.length)) {
          same = false
          break
        }
      }
      if (same) return this.values[i]
    }
  }

  get(key: string): V | undefined {
    return this.getRange(key, 0, key.length, hashString(key))
  }

  set(key: string, value: V): void {
    const hash = hashString(key)
    let i = hash & this.mask
    for (; this.keys[i] !== undefined; i = (i + 1) & this.mask) {
      if (this.hashes[i] === hash && this.keys[i] === key) {
        this.values[i] = value
        return
      }
    }
    this.keys[i] = key
    this.hashes[i] = hash
    this.values[i] = value
    this.filterAdd(hash)
    if (++this.count * 2 > this.keys.length) this.resize(this.keys.length * 2)
  }

  delete(key: string): boolean {
    const hash = hashString(key)
    let i = hash & this.mask
    for (; ; i = (i + 1) & this.mask) {
      if (this.keys[i] === undefined) return false
      if (this.hashes[i] === hash && this.keys[i] === key) break
    }
    this.filterRemove(hash)
    // Backward shift: pull later entries of the probe run into the hole when their home slot
    // is not between the hole and where they sit.
    let hole = i
    for (let j = (hole + 1) & this.mask; this.keys[j] !== undefined; j = (j + 1) & this.mask) {
      const home = this.hashes[j]! & this.mask
      const between = hole <= j ? hole < home && home <= j : hole < home || home <= j
      if (between) continue
      this.keys[hole] = this.keys[j]
      this.hashes[hole] = this.hashes[j]!
      this.values[hole] = this.values[j]
      hole = j
    }
    this.keys[hole] = undefined
    this.values[hole] = undefined
    this.count--
    return true
  }

  /** Every value (in no order). */
  *valuesIterator(): IterableIterator<V> {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== undefined) yield this.values[i]!
  }

  private filterAdd(hash: number): void {
    const slot = hash >>> filterShift
    if (this.filterCounts[slot]! < filterSaturated) this.filterCounts[slot]!++
    this.filterBits[slot >>> 5]! |= 1 << (slot & 31)
  }

  private filterRemove(hash: number): void {
    const slot = hash >>> filterShift
    const count = this.filterCounts[slot]!
    if (count === filterSaturated) return
    this.filterCounts[slot] = count - 1
    if (count === 1) this.filterBits[slot >>> 5]! &= ~(1 << (slot & 31))
  }

  private resize(size: number): void {
    const { keys, values } = this
    this.keys = new Array<string | undefined>(size).fill(undefined)
    this.values = new Array<V | undefined>(size).fill(undefined)
    this.hashes = new Int32Array(size)
    this.mask = size - 1
    this.count = 0
    this.filterCounts.fill(0)
    this.filterBits.fill(0)
    for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.set(keys[i]!, values[i]!)
  }
}
