/**
 * The sentiment scorer's contract. Listening depends only on this shape, so a better model can
 * replace the default lexicon scorer without touching the rest of the feature.
 */

/** The three classes a mention is sorted into. */
export type SentimentLabel = 'positive' | 'neutral' | 'negative'

/** The languages the default scorer has lexicons for (the app's five). */
export type SentimentLanguage = 'en' | 'fr' | 'ar' | 'he' | 'bn'

/** The list of supported languages, in the app's order. */
export const sentimentLanguages: readonly SentimentLanguage[] = ['en', 'fr', 'ar', 'he', 'bn']

/** One text's sentiment: its class and a signed strength in -1..1 (0 when nothing was found). */
export interface SentimentResult {
  label: SentimentLabel
  score: number
}

/** Scores short texts (posts, reviews, comments). Implementations must be synchronous and fast. */
export interface SentimentScorer {
  /** A stable name with the model or lexicon version, stored nowhere but shown in diagnostics. */
  readonly name: string
  /**
   * Scores one text. `lang` is a BCP 47 tag from the source (`fr`, `fr-CA`, `iw`…); when it is
   * missing the scorer guesses it from the text.
   */
  score(text: string, lang?: string): SentimentResult
}
