/**
 * How networks measure a post: text length by each network's own rule, and media limits. The
 * connector contract states these per network; the composer, the API and the dispatcher all
 * check drafts with the same functions here.
 */

/** How a network counts the length of a post. */
export interface TextRules {
  maxLength: number
  /**
   * - graphemes: user-perceived characters (Bluesky: 300; Mastodon: 500 by default, per
   *   instance — its validator counts grapheme clusters);
   * - codepoints: Unicode code points (networks that count that way).
   */
  counting: 'graphemes' | 'codepoints'
  /** A cap on the text's UTF-8 size as well, when the network has one (Bluesky: 3000 bytes). */
  maxBytes?: number
  /** When set, every link counts as this many characters whatever its length (Mastodon: 23). */
  linkLength?: number
  /** When true, a remote mention `@name@server` counts as `@name` (Mastodon). */
  mentionsWithoutDomain?: boolean
}

export type MediaKind = 'image' | 'video' | 'gif'

export interface MediaRules {
  kinds: MediaKind[]
  /** Most attachments one post may carry. */
  maxCount: number
  /** Largest file per kind, in bytes. */
  maxBytes: Partial<Record<MediaKind, number>>
  mimeTypes: string[]
  /** Longest alt text, when the network limits it. */
  altTextMaxLength?: number
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

/** Web addresses as networks find them in text: scheme, then anything up to a space. */
const linkPattern = /https?:\/\/[^\s<>"]+/giu
/** Trailing punctuation is not part of a link ("see https://x.com/a." → the link ends before "."). */
const trailingPunctuation = /[.,;:!?)\]}'"»”’。、]+$/u
const remoteMention = /(^|[^\p{L}\p{N}_])(@[\p{L}\p{N}_]+)@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu

/** The links in a text, as networks that shorten them would find them. */
export function findLinks(text: string): string[] {
  return [...text.matchAll(linkPattern)].map((m) => m[0].replace(trailingPunctuation, ''))
}

/** Counts `text` the way a network with these rules does. */
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
