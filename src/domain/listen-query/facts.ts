/**
 * An item's facts other than its words, normalized: the hashtags, mentioned handles and linked
 * hosts found in its text or given beside it, its author and its language; and the keys a
 * handle or a host answers to (`@alice` matches `alice.bsky.social`, `site:example.com`
 * matches `shop.example.com`).
 */
import { isWordCode, normalizeText } from './normalize.js'

/** An item to match, as a listening source yields it. */
export interface MatchItem {
  text: string
  /** BCP 47 tag (`ar`, `en-GB`); only its primary subtag counts. */
  lang?: string
  /** With or without a leading `@`. */
  authorHandle?: string
  /** The item's own address (its host counts for `site:`). */
  url?: string
  /** Hashtags known apart from the text (with or without `#`); those in the text are found too. */
  hashtags?: string[]
  /** Addresses the item links to; `http(s)://` and `www.` links in the text are found too. */
  links?: string[]
  /** Handles mentioned, known apart from the text (with or without `@`); `@handle`s in the text are found too. */
  mentions?: string[]
}

/** What an item says besides its words, normalized and deduplicated. */
export interface ItemFacts {
  /** Without `#`. */
  readonly hashtags: readonly string[]
  /** Handles mentioned, without `@` (each answers to its `handleKeys`). */
  readonly handles: readonly string[]
  /** Hosts of the item's address and links (each answers to its `hostKeys`). */
  readonly hosts: readonly string[]
  /** The author's handle without `@`, or ''. */
  readonly author: string
  /** Primary language subtag, lower case, or undefined. */
  readonly lang: string | undefined
}

const wordChars = '\\p{L}\\p{M}\\p{N}_'
/** A handle: words joined by single dots or hyphens, optionally `@` and an instance (Mastodon). */
const handleBody = `[${wordChars}]+(?:[.-][${wordChars}]+)*(?:@[${wordChars}]+(?:[.-][${wordChars}]+)*)?`
export const handlePattern = new RegExp(`^${handleBody}$`, 'u')
export const hashtagPattern = new RegExp(`^[${wordChars}]+$`, 'u')
/** A host name: labels of letters, digits and hyphens joined by dots. */
export const hostPattern = /^[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)*$/u

// Sticky: tried only where `#`, `@`, `http` or `www.` occurs, after a look at the character before.
const hashtagAt = new RegExp(`#([${wordChars}]+)`, 'uy')
const mentionAt = new RegExp(`@(${handleBody})`, 'uy')
const linkAt = /(?:https?:\/\/|www\.)[^\s<>"'`]+/y
const schemePattern = /^[a-z][a-z0-9+.-]*:\/\//i
/** The authority ends at the path, or at whatever cannot be in one (a bracket or comma of the sentence around a link). */
const authorityEnd = /[^\p{L}\p{M}\p{N}._~%@:[\]-]/gu
const legacyLanguages = new Map([['iw', 'he'], ['in', 'id'], ['ji', 'yi']])

/**
 * Where the keys of a handle end: the whole handle, and before each `.` or `@` in it, so
 * `alice.bsky.social` answers to alice.bsky.social, alice.bsky and alice, and
 * `bob@mastodon.social` to itself, bob@mastodon and bob. Writes the ends into `ends` from
 * index 0 and returns how many.
 */
export function handleKeyEnds(handle: string, ends: number[]): number {
  let count = 0
  ends[count++] = handle.length
  for (let i = handle.length - 1; i > 0; i--) {
    const c = handle.charCodeAt(i)
    if (c === 0x2e || c === 0x40) ends[count++] = i
  }
  return count
}

/**
 * Where the keys of a host start: `shop.example.com` answers to itself, example.com and com.
 * Writes the starts into `starts` from index 0 and returns how many.
 */
export function hostKeyStarts(host: string, starts: number[]): number {
  let count = 0
  starts[count++] = 0
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) starts[count++] = i + 1
  return count
}

/** The keys a handle answers to (see `handleKeyEnds`). */
export function handleKeys(handle: string): string[] {
  const ends: number[] = []
  return ends.slice(0, handleKeyEnds(handle, ends)).map((end) => handle.slice(0, end))
}

/** The keys a host answers to (see `hostKeyStarts`). */
export function hostKeys(host: string): string[] {
  const starts: number[] = []
  return starts.slice(0, hostKeyStarts(host, starts)).map((start) => host.slice(start))
}

/** A normalized handle without its leading `@`s. */
export function normalizeHandle(handle: string): string {
  const normalized = normalizeText(handle.trim())
  return normalized.charCodeAt(0) === 0x40 ? normalized.replace(/^@+/, '') : normalized
}

/** The normalized host of an address (`https://user@Shop.Example.com:8080/x` → `shop.example.com`), or '' when it has none. */
export function hostOf(address: string): string {
  const text = address.trim()
  let start = 0
  if (text.startsWith('https://')) start = 8
  else if (text.startsWith('http://')) start = 7
  else if (text.startsWith('//')) start = 2
  else start = schemePattern.exec(text)?.[0].length ?? 0
  authorityEnd.lastIndex = start
  const end = authorityEnd.exec(text)?.index ?? text.length
  let rest = normalizeText(text.slice(start, end))
  const at = rest.lastIndexOf('@')
  if (at >= 0) rest = rest.slice(at + 1)
  if (rest.startsWith('[')) return rest.slice(0, rest.indexOf(']') + 1)
  const port = rest.lastIndexOf(':')
  if (port >= 0) rest = rest.slice(0, port)
  return rest.endsWith('.') ? rest.replace(/\.+$/, '') : rest
}

/** Items carry few distinct language tags: each is worked out once. */
const languageCache = new Map<string, string>()

/** The primary subtag of a BCP 47 tag, lower case (`en-GB` → `en`; legacy `iw` → `he`). */
export function primaryLanguage(tag: string): string {
  let primary = languageCache.get(tag)
  if (primary === undefined) {
    const subtag = tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''
    primary = legacyLanguages.get(subtag) ?? subtag
    if (languageCache.size >= 1000) languageCache.clear()
    languageCache.set(tag, primary)
  }
  return primary
}

/** True when the character before `index` is one of `also` or a letter, mark, digit or `_`. */
function afterWordOr(text: string, index: number, also: string): boolean {
  if (index === 0) return false
  const code = text.charCodeAt(index - 1)
  return code === 0x5f || isWordCode(code) || also.includes(text[index - 1]!)
}

/**
 * Each match of the sticky `pattern` at the occurrences of `marker` in `text` that do not follow
 * a word character or one of `notAfter` (so `a#b`, `bob@example.com` and `x.www.y` are not
 * hashtags, mentions or links).
 */
function* occurrences(text: string, marker: string, notAfter: string, pattern: RegExp): Generator<RegExpExecArray> {
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
    if (afterWordOr(text, at, notAfter)) continue
    pattern.lastIndex = at
    const match = pattern.exec(text)
    if (match !== null) yield match
  }
}

/** Shared by every item that has none of something (saves an allocation per item and kind). */
export const none: readonly string[] = Object.freeze([])

function add(list: string[] | undefined, value: string): string[] {
  if (list === undefined) return [value]
  if (!list.includes(value)) list.push(value)
  return list
}

/** The facts of `item`, whose text normalizes to `normalizedText`. */
export function itemFacts(item: MatchItem, normalizedText: string): ItemFacts {
  const text = normalizedText
  let hashtags: string[] | undefined
  if (text.includes('#')) for (const m of occurrences(text, '#', '&#/', hashtagAt)) hashtags = add(hashtags, m[1]!)
  if (item.hashtags) for (const h of item.hashtags) hashtags = add(hashtags, normalizeText(h.trim()).replace(/^#+/, ''))

  let handles: string[] | undefined
  if (text.includes('@')) for (const m of occurrences(text, '@', '.@/+-', mentionAt)) handles = add(handles, m[1]!)
  if (item.mentions) for (const h of item.mentions) handles = add(handles, normalizeHandle(h))

  let hosts: string[] | undefined
  const addHost = (address: string) => {
    const host = hostOf(address)
    if (host !== '') hosts = add(hosts, host)
  }
  if (item.url) addHost(item.url)
  if (item.links) for (const link of item.links) addHost(link)
  if (text.includes('http')) for (const m of occurrences(text, 'http', '', linkAt)) addHost(m[0])
  if (text.includes('www.')) for (const m of occurrences(text, 'www.', '.@/-', linkAt)) addHost(m[0])

  return {
    hashtags: hashtags ?? none,
    handles: handles ?? none,
    hosts: hosts ?? none,
    author: item.authorHandle ? normalizeHandle(item.authorHandle) : '',
    lang: item.lang ? primaryLanguage(item.lang) || undefined : undefined,
  }
}
