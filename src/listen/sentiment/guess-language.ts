/**
 * A cheap language guess for posts that do not declare one: the dominant script settles Arabic,
 * Hebrew and Bengali; Latin text is English or French by a count of common function words (and
 * French accents). Good enough for `lang:` filters and for picking a sentiment lexicon; it is not
 * a general language identifier (Persian reads as Arabic, Yiddish as Hebrew, Spanish as nothing).
 */
import type { SentimentLanguage } from './types.js'

// Function words frequent in short posts and rare in the other language ("a", "on", "me", "de"
// and "en" are left out: both languages use them).
const ENGLISH = new Set(
  'the and is are was were to of in for it its this that with my i you they at not but have has had be been so just very from anyone does do did what how your our we an will would can could their them there here or if about got get really'.split(' '),
)
const FRENCH = new Set(
  "le la les des du un une et est pas je il elle nous vous ils elles pour avec dans sur au aux ce cette ces qui que mon ma mes ton ta tes son sa ses très mais ou ne plus chez sont était été être avoir fait c'est j'ai qu'il quelqu'un merci aussi trop bien tout toujours".split(' '),
)
const FRENCH_LETTERS = /[éèêëàâçùûîïôœ]/g
const ELISION = /\b(?:l|d|j|qu|c|n|s|m|t)['’]\p{L}/giu

type Script = 'latin' | 'arabic' | 'hebrew' | 'bengali'

function scriptOf(cp: number): Script | undefined {
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f)) return 'latin'
  if ((cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f) || (cp >= 0x8a0 && cp <= 0x8ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff)) return 'arabic'
  if ((cp >= 0x590 && cp <= 0x5ff) || (cp >= 0xfb1d && cp <= 0xfb4f)) return 'hebrew'
  if (cp >= 0x980 && cp <= 0x9ff) return 'bengali'
  return undefined
}

/**
 * Guesses a text's language among the five the app supports, or `undefined` when the text gives
 * no evidence (no letters, another script, or Latin text without English or French cues).
 * Handles, hashtags and links count like any other letters, so a long URL can tip a short post.
 */
export function guessLanguage(text: string): SentimentLanguage | undefined {
  const counts: Record<Script, number> = { latin: 0, arabic: 0, hebrew: 0, bengali: 0 }
  for (const ch of text) {
    const script = scriptOf(ch.codePointAt(0)!)
    if (script) counts[script] += 1
  }
  // Links and handles are Latin in every language: they should not outvote the words.
  const latinNoise = (text.match(/(?:https?:\/\/\S+|[@#][\p{L}\p{N}_.]+)/gu) ?? []).join('').replace(/[^A-Za-z]/g, '').length
  counts.latin = Math.max(0, counts.latin - latinNoise)
  const best = (Object.keys(counts) as Script[]).reduce((a, b) => (counts[b] > counts[a] ? b : a))
  if (counts[best] === 0) return undefined
  if (best === 'arabic') return 'ar'
  if (best === 'hebrew') return 'he'
  if (best === 'bengali') return 'bn'
  return guessLatin(text)
}

function guessLatin(text: string): SentimentLanguage | undefined {
  const lower = text.toLowerCase()
  let en = 0
  let fr = 0
  for (const word of lower.split(/[^\p{L}'’]+/u)) {
    const w = word.replace(/’/g, "'")
    if (ENGLISH.has(w)) en += 1
    if (FRENCH.has(w)) fr += 1
  }
  fr += (lower.match(ELISION) ?? []).length
  // Accented letters are strong evidence for French among these two, but one accented name
  // ("café") should not outweigh several English function words.
  fr += Math.min(3, (lower.match(FRENCH_LETTERS) ?? []).length) * 0.5
  if (en === fr) return undefined
  return en > fr ? 'en' : 'fr'
}
