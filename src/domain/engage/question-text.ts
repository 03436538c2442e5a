/**
 * The text side of question detection: what is left of a message once links, @mentions and
 * hashtags are set aside, its sentences (with how each one ends), their clauses, and words in a
 * comparable form. The word rules of each language live in question-words.ts.
 */

/** Question marks of the product's scripts and their neighbours: ASCII, full-width, Arabic, doubled, interrobang, reversed. */
export const questionMarks = /[?？؟⁇⁈⁉‽⸮]/u

/**
 * A link: with a scheme or `www.`, a bare domain followed by a path or query (`shop.example/p?id=2`),
 * or a bare path with a query string. Its trailing punctuation belongs to the sentence, not to it.
 */
const linkPattern = /(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}[/?#]\S*|(?<!\S)\/\S*\?\S*/giu
const trailingPunctuation = /[.,;:!?！？؟،)\]}»”"'’]+$/u
/** @alice, @alice.bsky.social, @alice@mastodon.social; dots only between word characters, so a sentence's final dot stays. */
const mentionPattern = /(^|[^\p{L}\p{N}_@])@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*(?:@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*)?/gu
const hashtagPattern = /(^|[^\p{L}\p{N}_&])#[\p{L}\p{M}\p{N}_]+/gu

/** The message without links, @mentions and hashtags (each becomes a space; punctuation after a link is kept). */
export function withoutLinksAndMentions(text: string): string {
  return text
    .replace(linkPattern, (link) => ` ${trailingPunctuation.exec(link)?.[0] ?? ''}`)
    .replace(mentionPattern, '$1 ')
    .replace(hashtagPattern, '$1 ')
}

/** How a sentence ends: a full stop (a statement), an exclamation mark, or nothing decisive (end of text or line, an ellipsis). */
export type SentenceEnd = 'statement' | 'exclamation' | 'open'

export interface Sentence {
  /** Clauses in order, each as its words (see `words`). */
  clauses: string[][]
  end: SentenceEnd
}

/** Sentence ends other than question marks (which settle the matter before sentences are split). */
const sentenceEnd = /[.!！。।॥۔…]+|\n/gu
const letterOrDigit = /[\p{L}\p{N}]/u
const clauseSeparator = /[,،;؛:—–]|\s-\s/u

function endOf(run: string): SentenceEnd {
  if (run.includes('!') || run.includes('！')) return 'exclamation'
  if (run === '\n' || run.includes('…') || run.length > 1) return 'open'
  return 'statement'
}

/**
 * The sentences of a text (question marks already handled). A lone dot followed by a letter or
 * digit (2.5 kg, e.g., a domain) does not end a sentence.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  const push = (body: string, end: SentenceEnd) => {
    const clauses = body.split(clauseSeparator).map(words).filter((clause) => clause.length > 0)
    if (clauses.length > 0) out.push({ clauses, end })
  }
  for (const match of text.matchAll(sentenceEnd)) {
    const run = match[0]
    const after = text[match.index + run.length]
    if (run === '.' && after !== undefined && letterOrDigit.test(after)) continue
    push(text.slice(start, match.index), endOf(run))
    start = match.index + run.length
  }
  push(text.slice(start), 'open')
  return out
}

/** A word: letters, marks and digits, with inner apostrophes and hyphens kept (`where's`, `avez-vous`, `qu'est-ce`). */
const wordPattern = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu

/**
 * The words of a clause in comparable form: NFKC, lower case, one apostrophe (’ → '); Arabic
 * without harakat and tatweel, with one alef (أ إ آ ٱ → ا), ى and ئ → ي, ة → ه, ؤ → و; Hebrew
 * without niqqud; Bengali without ZWJ/ZWNJ. Latin letters keep their accents: French `où` ("where")
 * is not `ou` ("or").
 */
export function words(clause: string): string[] {
  return [...clause.matchAll(wordPattern)].map((m) => foldWord(m[0]))
}

export function foldWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/’/gu, "'")
    .replace(/[\u064b-\u065f\u0670\u0640]/gu, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/[ىئ]/gu, 'ي')
    .replace(/ة/gu, 'ه')
    .replace(/ؤ/gu, 'و')
    .replace(/[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]/gu, '')
    .replace(/[\u200c\u200d]/gu, '')
}

/** A Latin word without its accents (êtes → etes), for French lists written once. */
export function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').normalize('NFC')
}
