/**
 * Text handling for the sentiment scorer: Unicode normalization, per-language folding of a word
 * into its lexicon key, and a tokenizer that keeps words of every script whole, keeps emoji as
 * tokens and marks clause breaks (where a negation's reach ends).
 */
import type { SentimentLanguage } from './types.js'

/** A token: a word, an emoji (or emoticon), or a clause break. */
export interface Token {
  kind: 'word' | 'emoji' | 'break'
  /** The lexicon key: folded word, or emoji without variation selectors and skin tones. */
  key: string
}

// Invisible characters that only steer shaping or direction: they never change a word's meaning.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u00AD]/g
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g
const HEBREW_MARKS = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7]/g
const COMBINING = /\p{M}/gu

/**
 * Folds one word into the form lexicon keys use, so spelling variants meet: lower case, no
 * invisible marks; Arabic without diacritics or tatweel and with alef, yeh and teh marbuta folded;
 * Hebrew without niqqud. French keeps its accents ("fermé" is not "ferme"): see `stripAccents`.
 */
export function foldWord(word: string, lang: SentimentLanguage): string {
  let w = word.normalize('NFKC').toLowerCase().replace(INVISIBLE, '').replace(/[’`´]/g, "'")
  switch (lang) {
    case 'ar':
      w = w.replace(ARABIC_MARKS, '').replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/ی/g, 'ي').replace(/ک/g, 'ك')
      break
    case 'he':
      w = w.replace(HEBREW_MARKS, '').replace(/\u05F3/g, "'").replace(/\u05F4/g, '"')
      break
    case 'fr':
      w = w.replace(/œ/g, 'oe').replace(/æ/g, 'ae')
      break
    default:
      break
  }
  return w
}

/** A word without accents, for French posts typed without them ("decu" for "déçu"). */
export function stripAccents(word: string): string {
  return word.normalize('NFD').replace(COMBINING, '').normalize('NFC')
}

/** An emoji's lexicon key: the base pictograph without variation selectors or skin tones. */
export function emojiKey(emoji: string): string {
  return emoji.replace(/\uFE0E|\uFE0F|\p{Emoji_Modifier}/gu, '').split('\u200D')[0] ?? emoji
}

/** An emoticon's lexicon key: ":-)" and ":))" are ":)", ":-D" is ":D". */
export function emoticonKey(emoticon: string): string {
  return emoticon.replace('-', '').replace(/([()])\1+$/, '$1').toUpperCase()
}

// One pass finds, in order of preference: emoticons, emoji (with modifiers and ZWJ sequences),
// words (letters, marks and digits, with inner apostrophes such as don't, l'équipe, פנצ'ר), and
// clause-breaking punctuation in the five languages' scripts.
const TOKEN =
  /(:-?\)+|:-?\(+|:-?D\b|;-?\)|<3|:'\()|(\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*)|([\p{L}\p{M}\p{N}]+(?:['’׳][\p{L}\p{M}]+)*)|([.!?;:,…\n،؛؟।|]+|\s[-–—]\s)/gu

/** Splits a text into tokens; every word is folded for `lang`. */
export function tokenize(text: string, lang: SentimentLanguage): Token[] {
  const tokens: Token[] = []
  for (const m of text.normalize('NFKC').matchAll(TOKEN)) {
    if (m[1] !== undefined) tokens.push({ kind: 'emoji', key: emoticonKey(m[1]) })
    else if (m[2] !== undefined) tokens.push({ kind: 'emoji', key: emojiKey(m[2]) })
    else if (m[3] !== undefined) tokens.push({ kind: 'word', key: foldWord(m[3], lang) })
    else tokens.push({ kind: 'break', key: m[4] ?? '' })
  }
  return tokens
}
