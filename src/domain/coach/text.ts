/**
 * Text helpers for the value check: folding a post to a comparable form (case, Latin diacritics,
 * Arabic harakat, tatweel and letter variants, Hebrew niqqud, native digits), splitting it into
 * words, and finding its links, mentions and hashtags.
 *
 * A small local fold rather than listening's normalizer: domain folders do not import each other,
 * and a hint only needs keywords to meet, not listening's exact guarantees.
 */

/** Marks that are spelling aids, not letters: Latin/Greek/Cyrillic diacritics, Hebrew niqqud and cantillation, Arabic harakat and Quranic marks. */
const droppedMarks = /[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]/g
/** Invisible format characters (zero-width joiners, bidi controls, soft hyphen, tatweel). */
const invisible = /[\u00ad\u061c\u0640\u200c-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g
const letterFolds: Record<string, string> = {
  '\u0649': '\u064a', // alef maksura → yeh
  '\u06cc': '\u064a', // Persian yeh → yeh
  '\u06a9': '\u0643', // Persian keheh → kaf
  '\u0629': '\u0647', // teh marbuta → heh
  '\u066a': '%', // Arabic percent sign
  '\u2212': '-', // minus sign
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
}
const letterFoldPattern = new RegExp(`[${Object.keys(letterFolds).join('')}]`, 'g')
/** Zeros of the digit sets our languages write: Arabic-Indic, Persian, Bengali. */
const digitZeros = [0x0660, 0x06f0, 0x09e6]
const nativeDigits = /[\u0660-\u0669\u06f0-\u06f9\u09e6-\u09ef]/g

/**
 * Folds `text` so spellings that mean the same meet: `SOLDES`/`soldes`, `Réduction`/`reduction`,
 * `أُعرض`/`اعرض`, `הֲנָחָה`/`הנחה`, `৫০`/`50`. Bengali vowel signs and nukta are letters' parts and are kept.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u200b/g, ' ')
    .replace(invisible, '')
    .normalize('NFD')
    .replace(droppedMarks, '')
    .normalize('NFC')
    .replace(letterFoldPattern, (ch) => letterFolds[ch] ?? ch)
    .replace(nativeDigits, (ch) => {
      const code = ch.codePointAt(0)!
      const zero = digitZeros.find((z) => code >= z && code <= z + 9)!
      return String(code - zero)
    })
}

/** The words of already folded text: runs of letters, marks and digits. */
export function wordsOf(folded: string): string[] {
  return folded.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w !== '')
}

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu
/** `@name`, `@name.bsky.social`, `@name@instance.social`; not the `@` of an e-mail address. */
const mentionPattern = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?/gu
/** `#word` in any script; `#1` alone is a number, not a hashtag. */
const hashtagPattern = /(?<![\p{L}\p{N}_&#/])#[\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*/gu

/** A post split into its links, mentions, hashtags and the prose left once they are taken out. */
export interface PostParts {
  urls: string[]
  mentions: string[]
  hashtags: string[]
  /** The text without links, mentions and hashtags. */
  prose: string
}

/** Splits a post into links, mentions, hashtags and prose (links first: they may hold `#` and `@`). */
export function postParts(text: string): PostParts {
  const urls: string[] = []
  const mentions: string[] = []
  const hashtags: string[] = []
  const takeInto = (into: string[]) => (match: string) => {
    into.push(match)
    return ' '
  }
  const prose = text.replace(urlPattern, takeInto(urls)).replace(mentionPattern, takeInto(mentions)).replace(hashtagPattern, takeInto(hashtags))
  return { urls, mentions, hashtags, prose }
}

/** Words of `text` that hold at least one letter (a bare number or emoji is not a word). */
export function proseWords(text: string): string[] {
  return wordsOf(foldText(text)).filter((w) => /\p{L}/u.test(w))
}
