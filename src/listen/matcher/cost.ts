/**
 * How often a term is expected to occur in an item, roughly: the matcher indexes each query
 * under its rarest required terms, so that common words ("the", "في", "של") never make a query a
 * candidate for every post. Without statistics, length is a fair proxy for rarity; the function
 * words of the five product languages are listed (in normalized form).
 */
import { codePointLength } from '../../domain/listen-query/index.js'

/** The kinds of keys an item exposes; a term lives in the table of its kind. */
export type TermKind = 'word' | 'prefix' | 'hashtag' | 'mention' | 'site' | 'author' | 'lang'

/** Estimated share of items containing a term (0–1); lower is rarer. */
export type TermFrequency = (kind: TermKind, key: string) => number

const stopWords = new Set(
  [
    // English
    'the a an and or of to in is it for on with this that i you we my our at be are was s t not but so just have',
    // French
    'le la les de des du un une et est en que qui pour pas dans sur au aux a ce il je c l d j qu n mais plus tres avec',
    // Arabic (normalized: ى→ي, ة→ه, أ/إ→ا)
    'في من علي الي ان عن مع هذا هذه كان لا ما هو هي و او ثم قد كل بعد انا',
    // Hebrew
    'של את על זה לא עם הוא היא גם כי אני מה יש אבל אם או רק כל הם',
    // Bengali
    'এবং ও আমি আমার এই যে না কি করে হয় থেকে জন্য সাথে একটি তার আর খুব এটা',
  ]
    .join(' ')
    .split(' '),
)

/** The default estimate: function words are common, short words commoner than long ones. */
export const defaultTermFrequency: TermFrequency = (kind, key) => {
  switch (kind) {
    case 'word': {
      if (stopWords.has(key)) return 0.5
      if (/^[0-9]+$/.test(key)) return 0.05
      const length = codePointLength(key)
      return length <= 2 ? 0.1 : length === 3 ? 0.03 : length === 4 ? 0.01 : length <= 6 ? 0.005 : 0.002
    }
    case 'prefix': {
      const length = codePointLength(key)
      return length <= 2 ? 0.5 : length === 3 ? 0.1 : length === 4 ? 0.03 : 0.01
    }
    case 'lang':
      return 0.2
    case 'site':
      return 0.003
    default:
      return 0.001
  }
}
