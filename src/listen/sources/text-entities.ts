/**
 * Hashtags, links and mentions found in plain text, for sources that do not mark them up
 * themselves (feeds). Bluesky says where they are (facets) and Mastodon lists them (tags,
 * mentions); those are read from there instead. Scripts: hashtags and mentions take letters,
 * marks and digits of any script, so `#مقهى`, `#קפה` and `#ক্যাফে` are hashtags.
 */

const word = '\\p{L}\\p{M}\\p{N}_'
/** A `#` not inside a word or URL, then a tag with at least one letter (`#1` is not a tag). */
const hashtagPattern = new RegExp(`(?<![${word}/&#])#([${word}]*\\p{L}[${word}]*)`, 'gu')
/** `@name`, `@name@domain` or `@handle.domain`, not inside an e-mail address or URL. */
const mentionPattern = new RegExp(`(?<![${word}/.@])@([${word}](?:[${word}.-]*[${word}])?(?:@[${word}-]+(?:\\.[${word}-]+)+)?)`, 'gu')
const urlPattern = /\bhttps?:\/\/[^\s<>"'`]+/giu
const trailingPunctuation = /[.,;:!?'")\]}»”’]+$/u

/** Keeps the first occurrence of each value, in order. */
export function unique(values: Iterable<string>): string[] {
  return [...new Set(values)]
}

/** Absolute http(s) URLs in the text, trailing punctuation left out. */
export function linksIn(text: string): string[] {
  const links: string[] = []
  for (const match of text.matchAll(urlPattern)) {
    const candidate = match[0].replace(trailingPunctuation, '')
    if (URL.canParse(candidate)) links.push(new URL(candidate).href)
  }
  return unique(links)
}

/** Hashtags without `#`, lower-cased. */
export function hashtagsIn(text: string): string[] {
  const withoutUrls = text.replace(urlPattern, ' ')
  return unique([...withoutUrls.matchAll(hashtagPattern)].map((m) => m[1]!.toLowerCase()))
}

/** Mentions without `@`, lower-cased. */
export function mentionsIn(text: string): string[] {
  const withoutUrls = text.replace(urlPattern, ' ')
  return unique([...withoutUrls.matchAll(mentionPattern)].map((m) => m[1]!.toLowerCase()))
}
