/**
 * Our hand-written additions to the package's word lists, and the place that says how they were
 * made (see also README.md). They are small lists of ours, not a model and not a published
 * lexicon:
 * - the same list of about sixty review concepts (taste, freshness, service, price, speed,
 *   cleanliness, noise, verdicts, feelings, recommendation) written out in each language with
 *   its common inflections and colloquial forms, where the translated AFINN list lacks them;
 * - corrections (value 0 removes an entry) for package entries that misfire on ordinary words,
 *   found on the dev sets (`fixtures/dev-*.json`), never on the held-out sets;
 * - emoji the 2015 Emoji Sentiment Ranking lacks or scores weakly for reviews.
 * Values use the AFINN scale (-5..5).
 */
import { supplementAr } from './supplement-ar.js'
import { supplementBn } from './supplement-bn.js'
import { supplementEn } from './supplement-en.js'
import { supplementFr } from './supplement-fr.js'
import { supplementHe } from './supplement-he.js'
import type { SentimentLanguage } from './types.js'

/** Emoji values of ours: missing from the ranking (🙄 🤬 🥰…) or too weak there for reviews (😡 👎). */
export const supplementEmoji: Readonly<Record<string, number>> = {
  '🙄': -2,
  '😡': -3,
  '👎': -2,
  '🤬': -4,
  '🤮': -3,
  '🤢': -3,
  '🤦': -2,
  '😢': -2,
  '🙃': -1,
  '🥰': 3,
  '🤩': 3,
  '🥳': 3,
  '🤗': 2,
  '🫶': 3,
  '💯': 2,
  '🔥': 2,
  '😐': 0,
  '😑': -1,
}

/** Text emoticons (keys as `emoticonKey` writes them); the ranking covers only emoji. */
export const supplementEmoticons: Readonly<Record<string, number>> = {
  ':)': 2,
  ':D': 3,
  ';)': 1,
  '<3': 3,
  ':(': -2,
  ":'(": -2,
}

/** Words and phrases per language. */
export const supplementWords: Readonly<Record<SentimentLanguage, Readonly<Record<string, number>>>> = {
  en: supplementEn,
  fr: supplementFr,
  ar: supplementAr,
  he: supplementHe,
  bn: supplementBn,
}
