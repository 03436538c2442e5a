/**
 * Counting a post the way its network does, so the composer's counter moves with every keystroke
 * and agrees with what the server will check (`count-text.test.ts` holds it to the server's own
 * rule on a mixed-script corpus). The rule comes from the network's `capabilities.text`:
 * graphemes (what a reader sees as one character) or code points; links counted as a fixed
 * length (Mastodon: 23); remote mentions counted without their domain; and a UTF-8 byte cap.
 */
import type { TextRules } from '../../app/publish-types'

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

/** Web addresses as networks find them: a scheme, then anything up to a space. */
const linkPattern = /https?:\/\/[^\s<>"]+/giu
/** Trailing punctuation is not part of a link ("see https://x.com/a." ends before "."). */
const trailingPunctuation = /[.,;:!?)\]}'"»”’。、]+$/u
const remoteMention = /(^|[^\p{L}\p{N}_])(@[\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu

/** The links in a text, as a network that shortens them finds them. */
export function findLinks(text: string): string[] {
  return [...text.matchAll(linkPattern)].map((match) => match[0].replace(trailingPunctuation, ''))
}

/** The length of `text` by the network's rule. */
export function countText(text: string, rules: TextRules): number {
  let counted = text
  let extra = 0
  if (rules.mentionsWithoutDomain) counted = counted.replace(remoteMention, '$1$2')
  if (rules.linkLength !== undefined) {
    for (const link of findLinks(counted)) {
      counted = counted.replace(link, '')
      extra += rules.linkLength
    }
  }
  const length = rules.counting === 'graphemes' ? [...graphemes.segment(counted)].length : [...counted].length
  return length + extra
}

/** The size of `text` in UTF-8, as networks with a byte cap measure it. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length
}

export interface TextMeasure {
  length: number
  maxLength: number
  bytes: number
  maxBytes: number | undefined
  /** Over the character limit or the byte cap. */
  over: boolean
  /** Characters left (negative when over). */
  remaining: number
}

/** Everything the counter shows for one account's text. */
export function measureText(text: string, rules: TextRules): TextMeasure {
  const length = countText(text, rules)
  const bytes = utf8Length(text)
  const overBytes = rules.maxBytes !== undefined && bytes > rules.maxBytes
  return {
    length,
    maxLength: rules.maxLength,
    bytes,
    maxBytes: rules.maxBytes,
    over: length > rules.maxLength || overBytes,
    remaining: rules.maxLength - length,
  }
}
