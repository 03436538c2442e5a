/**
 * An item's analysis, computed once per item and shared by every query the reference evaluator
 * runs: its words with their positions (and the extra forms of Arabic and Hebrew words without
 * attached prefixes), and its facts with every key they answer to.
 */
import { cliticForms } from './clitics.js'
import { handleKeys, hostKeys, itemFacts, none, type MatchItem } from './facts.js'
import { normalizeText, tokenize } from './normalize.js'

/** An item's analysis: everything a query looks at, normalized. */
export interface AnalyzedItem {
  /** The text's words, in order; a word's position is its index. */
  readonly tokens: readonly string[]
  /** Extra forms of some words (without attached Arabic/Hebrew prefixes)… */
  readonly forms: readonly string[]
  /** …and the position of the word each one belongs to. */
  readonly formPositions: readonly number[]
  /** Without `#`, normalized. */
  readonly hashtags: readonly string[]
  /** Keys of the handles mentioned (see `handleKeys`). */
  readonly mentions: readonly string[]
  /** Keys of the hosts of the item's address and links (see `hostKeys`). */
  readonly hosts: readonly string[]
  /** Keys of the author's handle. */
  readonly authors: readonly string[]
  /** Primary language subtag, lower case, or undefined. */
  readonly lang: string | undefined
}

/** True for the Hebrew and Arabic letters that can start a word with attached prefixes. */
export function mayHaveClitics(firstCode: number): boolean {
  return firstCode >= 0x05d0 && firstCode <= 0x064a
}

/** Analyzes an item once for every query. */
export function analyzeItem(item: MatchItem): AnalyzedItem {
  const text = normalizeText(item.text)
  const tokens = tokenize(text)
  const forms: string[] = []
  const formPositions: number[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!mayHaveClitics(tokens[i]!.charCodeAt(0))) continue
    for (const f of cliticForms(tokens[i]!) ?? []) {
      forms.push(f)
      formPositions.push(i)
    }
  }
  const facts = itemFacts(item, text)
  const keys = (values: readonly string[], expand: (v: string) => string[]) => (values.length === 0 ? none : [...new Set(values.flatMap(expand))])
  return {
    tokens,
    forms,
    formPositions,
    hashtags: facts.hashtags,
    mentions: keys(facts.handles, handleKeys),
    hosts: keys(facts.hosts, hostKeys),
    authors: facts.author === '' ? none : handleKeys(facts.author),
    lang: facts.lang,
  }
}
