/**
 * Attached prefixes (proclitics) of Arabic and Hebrew. Both scripts write "and", "the", "in",
 * "to"… glued to the next word: والقهوة is "and the coffee", בקפה is "in the café". So that a
 * query word meets these forms, each text word starting with such a prefix also counts as the
 * word without it: `قهوة` matches `والقهوة`, `בקפה` and `הקפה` match query `קפה`.
 *
 * Only text words get these extra forms, never query words: a query `القهوة` (with the article)
 * matches `والقهوة` and `بالقهوة` but not bare `قهوة`. The remaining stem must keep at least two
 * letters. The price is the occasional false match where a word merely begins with those letters
 * (query `לום` also matches `שלום`); a second word in the query (AND) settles those.
 *
 * Arabic prefixes: an optional conjunction (و, ف), an optional preposition (ب, ل, ك) and an
 * optional article (ال), with ل + ال written لل; a word starting (و|ف)?لل also counts as ال + stem
 * (للقهوة, "for the coffee", matches `القهوة` as well as `قهوة`).
 * Hebrew prefixes: an optional ו, an optional ש or כש, an optional מ, an optional ה/ב/ל/כ, three
 * letters at most in all.
 */

function combine(parts: ReadonlyArray<ReadonlyArray<string>>, maxLength: number): string[] {
  let out = ['']
  for (const options of parts) out = out.flatMap((p) => ['', ...options].map((o) => p + o))
  return [...new Set(out)].filter((p) => p !== '' && p.length <= maxLength)
}

// ل + ال is written لل, never لال.
const arabicPrefixes = [...new Set(combine([['و', 'ف'], ['ب', 'ل', 'ك'], ['ال']], 4).map((p) => p.replace('لال', 'لل')))]
const hebrewPrefixes = combine([['ו'], ['ש', 'כש'], ['מ'], ['ה', 'ב', 'ל', 'כ']], 3)

const minStem = 2

/** A trie of the prefixes by code unit; `end` marks a whole prefix. */
interface PrefixNode {
  end: boolean
  next: Map<number, PrefixNode>
}
const prefixTrie: PrefixNode = { end: false, next: new Map() }
for (const p of [...arabicPrefixes, ...hebrewPrefixes]) {
  let node = prefixTrie
  for (let i = 0; i < p.length; i++) {
    let child = node.next.get(p.charCodeAt(i))
    if (child === undefined) node.next.set(p.charCodeAt(i), (child = { end: false, next: new Map() }))
    node = child
  }
  node.end = true
}
const lam = 0x0644

/**
 * The forms of the word `text[start, end)` without attached prefixes, as offsets: writes
 * stemStart0, article0, stemStart1, article1… into `out` from index 0, where a form is
 * `text[stemStart, end)`, preceded by `ال` when `article` is 1 (لل = ل + ال). Returns how many
 * entries it wrote (twice the number of forms).
 */
export function cliticStems(text: string, start: number, end: number, out: number[]): number {
  let count = 0
  let node: PrefixNode | undefined = prefixTrie
  for (let i = start; i < end - minStem; i++) {
    node = node.next.get(text.charCodeAt(i))
    if (node === undefined) break
    if (!node.end) continue
    out[count++] = i + 1
    out[count++] = 0
    if (i > start && text.charCodeAt(i) === lam && text.charCodeAt(i - 1) === lam) {
      out[count++] = i + 1
      out[count++] = 1
    }
  }
  return count
}

/**
 * The extra forms a normalized text word also counts as (without its attached prefixes), or
 * `undefined` when it has none. Never includes the word itself.
 */
export function cliticForms(token: string): string[] | undefined {
  const stems: number[] = []
  const count = cliticStems(token, 0, token.length, stems)
  if (count === 0) return undefined
  const forms: string[] = []
  for (let k = 0; k < count; k += 2) forms.push((stems[k + 1] === 1 ? 'ال' : '') + token.slice(stems[k]!))
  return forms
}

/** The prefix lists, for the documentation and tests. */
export const attachedPrefixes = { arabic: arabicPrefixes, hebrew: hebrewPrefixes } as const
