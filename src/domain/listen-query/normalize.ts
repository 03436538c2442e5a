/**
 * Text normalization for listening: the one function that turns a query's words and an item's
 * text into comparable form, so `Café`, `cafe` and `ＣＡＦＥ́` meet, and so do `أهلاً` and `اهلا`.
 *
 * Steps: NFKC; lower case (`toLowerCase`, locale-independent); then one pass over a fold table:
 * - Latin, Greek and Cyrillic letters lose their diacritics (é→e, ά→α, ё→е); `ß`→`ss`, `æ`→`ae`,
 *   `œ`→`oe`, `ø`→`o`, `ł`→`l`, `đ`→`d`, `ı`→`i`; final sigma `ς`→`σ`. Only the generic
 *   combining-diacritic blocks are dropped (U+0300–036F and friends): the marks of other scripts
 *   (Bengali vowel signs, virama, nukta…) are letters' parts and are kept.
 * - Arabic: harakat (U+064B–065F), superscript alef (U+0670), Quranic marks and tatweel (U+0640)
 *   removed; alef variants أ إ آ ٱ → ا; yeh variants ى ئ and Persian ی → ي; Persian ک → ك;
 *   teh marbuta ة → ه; waw with hamza ؤ → و.
 * - Hebrew: niqqud and cantillation marks (the combining marks of U+0591–05C7) removed; maqaf,
 *   paseq, sof pasuq, geresh and gershayim are punctuation and separate words.
 * - Digits of Arabic-Indic, Persian, Devanagari and Bengali → ASCII, so `১০০` matches `100`.
 * - Zero-width space becomes a space (it separates words); ZWJ, ZWNJ, word joiner, BOM, soft
 *   hyphen and bidi controls (U+200E/F, U+202A–202E, U+2066–2069, U+061C) are removed. In
 *   Bengali ZWJ/ZWNJ only choose a glyph (a visible hasanta, a half form), not a different word,
 *   so removing them lets both spellings meet; the one exception, `ত্` + ZWJ (the old encoding of
 *   khanda ta), becomes `ৎ` first.
 *
 * Words (tokens) are maximal runs of letters, marks and digits (`\p{L}\p{M}\p{N}`): apostrophes,
 * hyphens and all punctuation (Arabic ، ؛ ؟, Hebrew ׳ ״ ־, the danda ।) separate words, so `l'épicerie`
 * gives `l` `epicerie` and `joe's` gives `joe` `s`.
 *
 * Pure ASCII text takes a fast path (NFKC and the folds change nothing there).
 */

const IDENTITY = -1
const DELETE = -2
const MULTI = -3

/** Per UTF-16 code unit: IDENTITY, DELETE, MULTI (see `multiFold`) or the replacement code unit. */
const foldTable = new Int32Array(0x10000).fill(IDENTITY)
const multiFold = new Map<number, string>()
/** Code units that are, or turn into, part of a word: 1 = word character, 2 = high surrogate. */
const wordClass = new Uint8Array(0x10000)

/** The generic combining-diacritic blocks (used by Latin, Greek and Cyrillic, not by the scripts with marks of their own). */
const genericMarkRanges = [[0x0300, 0x036f], [0x0483, 0x0489], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f]] as const

function withoutGenericMarks(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (!genericMarkRanges.some(([from, to]) => code >= from && code <= to)) out += ch
  }
  return out
}
const isWordChar = /^[\p{L}\p{M}\p{N}]$/u
const isMark = /^\p{M}$/u

function setFold(code: number, to: string): void {
  if (to === String.fromCharCode(code)) return
  if (to === '') foldTable[code] = DELETE
  else if (to.length === 1) foldTable[code] = to.charCodeAt(0)
  else {
    foldTable[code] = MULTI
    multiFold.set(code, to)
  }
}

function range(from: number, to: number, each: (code: number) => void): void {
  for (let c = from; c <= to; c++) each(c)
}

function buildTables(): void {
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) wordClass[c] = 2
    else if (c < 0xdc00 || c > 0xdfff) wordClass[c] = isWordChar.test(String.fromCharCode(c)) ? 1 : 0
  }
  // Letters without a decomposition first, so that those with one fold through them (ǣ → æ → ae).
  const letters: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ŧ: 't', ı: 'i', ς: 'σ' }
  for (const [from, to] of Object.entries(letters)) {
    setFold(from.charCodeAt(0), to)
    setFold(from.toUpperCase().charCodeAt(0), to)
  }
  // Latin, Greek, Cyrillic precomposed letters: decompose, drop generic marks, recompose.
  const stripDiacritics = (code: number) => {
    if (foldTable[code] !== IDENTITY) return
    const ch = String.fromCharCode(code)
    const stripped = withoutGenericMarks(ch.normalize('NFD')).normalize('NFC').toLowerCase()
    // Only fold to letters (a symbol decomposing to a bare mark is left alone).
    if (stripped !== '' && isWordChar.test(stripped[0]!)) setFold(code, fold(stripped).text)
  }
  range(0x00c0, 0x024f, stripDiacritics)
  range(0x0370, 0x03ff, stripDiacritics)
  range(0x0400, 0x04ff, stripDiacritics)
  range(0x1e00, 0x1eff, stripDiacritics)
  range(0x1f00, 0x1fff, stripDiacritics)
  for (const [from, to] of genericMarkRanges) range(from, to, (c) => setFold(c, ''))
  // Hebrew: every combining mark of the block goes; its punctuation stays (and splits words).
  range(0x0591, 0x05c7, (c) => {
    if (isMark.test(String.fromCharCode(c))) setFold(c, '')
  })
  // Arabic.
  range(0x0610, 0x061a, (c) => setFold(c, ''))
  range(0x064b, 0x065f, (c) => setFold(c, ''))
  range(0x06d6, 0x06ed, (c) => {
    if (isMark.test(String.fromCharCode(c))) setFold(c, '')
  })
  for (const c of [0x0670, 0x0640, 0x061c]) setFold(c, '')
  for (const c of [0x0622, 0x0623, 0x0625, 0x0671]) setFold(c, '\u0627')
  for (const c of [0x0649, 0x0626, 0x06cc]) setFold(c, '\u064a')
  setFold(0x06a9, '\u0643')
  setFold(0x0629, '\u0647')
  setFold(0x0624, '\u0648')
  // Digits of the product's scripts (and Devanagari, whose danda Bengali shares) → ASCII.
  for (const zero of [0x0660, 0x06f0, 0x0966, 0x09e6]) range(zero, zero + 9, (c) => setFold(c, String(c - zero)))
  // Invisible format characters.
  setFold(0x200b, ' ')
  for (const c of [0x00ad, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff]) setFold(c, '')
  range(0x202a, 0x202e, (c) => setFold(c, ''))
  range(0x2066, 0x2069, (c) => setFold(c, ''))
}
buildTables()

const nonAscii = /[\u0080-\uffff]/
const khandaTa = /\u09a4\u09cd\u200d/g

/** Applies the fold table; returns the input itself when nothing changes. */
function fold(text: string): { text: string; droppedMark: boolean } {
  let out = ''
  let runStart = 0
  let droppedMark = false
  for (let i = 0; i < text.length; i++) {
    const f = foldTable[text.charCodeAt(i)]!
    if (f === IDENTITY) continue
    if (runStart < i) out += text.slice(runStart, i)
    runStart = i + 1
    if (f === DELETE) droppedMark = true
    else if (f === MULTI) out += multiFold.get(text.charCodeAt(i))!
    else out += String.fromCharCode(f)
  }
  if (runStart === 0) return { text, droppedMark: false }
  if (runStart < text.length) out += text.slice(runStart)
  return { text: out, droppedMark }
}

/**
 * The normalized form of `text` (see the module comment). Idempotent: normalizing a normalized
 * string gives it back unchanged.
 */
export function normalizeText(text: string): string {
  if (!nonAscii.test(text)) return text.toLowerCase()
  let t = text.normalize('NFKC').toLowerCase()
  if (t.includes('\u200d')) t = t.replace(khandaTa, '\u09ce')
  let folded = fold(t)
  // Dropping a mark can bring two characters together that NFKC composes (rare, never in
  // ordinary text): settle once more so the result is a fixed point.
  if (folded.droppedMark) {
    const again = folded.text.normalize('NFKC')
    if (again !== folded.text) folded = fold(again.toLowerCase())
  }
  return folded.text
}

const astralWords = new Map<number, boolean>()

/** Is the code point above U+FFFF a letter, mark or digit? (Rare: cached as met.) */
function isAstralWordChar(codePoint: number): boolean {
  let word = astralWords.get(codePoint)
  if (word === undefined) {
    word = isWordChar.test(String.fromCodePoint(codePoint))
    if (astralWords.size < 10_000) astralWords.set(codePoint, word)
  }
  return word
}

/**
 * The words of a normalized text as offsets, without making a string of each: writes start0,
 * end0, start1, end1… (UTF-16 offsets, end exclusive) into `spans` from index 0 and returns how
 * many entries it wrote (twice the number of words; entries after those are left as they were,
 * so one array serves item after item). A word is a maximal run of letters, marks and digits.
 * `tokenize` gives the same words as strings.
 */
export function wordSpans(normalized: string, spans: number[]): number {
  let count = 0
  const n = normalized.length
  let i = 0
  while (i < n) {
    // Between words: skip to the next word character.
    const cls = wordClass[normalized.charCodeAt(i)]!
    if (cls !== 1 && (cls === 0 || !isAstralWordCharAt(normalized, i))) {
      i += cls === 2 ? surrogateWidth(normalized, i) : 1
      continue
    }
    // In a word: run to its end.
    const start = i
    while (i < n) {
      const c = wordClass[normalized.charCodeAt(i)]!
      if (c === 1) i++
      else if (c === 2 && isAstralWordCharAt(normalized, i)) i += surrogateWidth(normalized, i)
      else break
    }
    spans[count++] = start
    spans[count++] = i
  }
  return count
}

function surrogateWidth(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1
}

function isAstralWordCharAt(text: string, i: number): boolean {
  return isAstralWordChar(text.codePointAt(i)!)
}

/** Is this UTF-16 code unit a letter, mark or digit (of the Basic Multilingual Plane)? */
export function isWordCode(code: number): boolean {
  return wordClass[code] === 1
}

const scratchSpans: number[] = []

/**
 * The words of a normalized text, in order: maximal runs of letters, marks and digits.
 * `tokenize(normalizeText(s))` is how both queries and items are split.
 */
export function tokenize(normalized: string): string[] {
  const count = wordSpans(normalized, scratchSpans)
  const tokens: string[] = new Array<string>(count / 2)
  for (let k = 0; k < count; k += 2) tokens[k / 2] = normalized.slice(scratchSpans[k]!, scratchSpans[k + 1]!)
  return tokens
}

/** Number of Unicode code points (a wildcard's prefix is measured in these). */
export function codePointLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) n++
  }
  return n
}
