/**
 * Text helpers every renderer shares: cutting untrusted text to size without breaking a
 * character (grapheme clusters, never UTF-16 code units, so an emoji with a skin tone or a
 * Bengali conjunct is kept whole), and escaping for each medium (HTML, Slack mrkdwn, Discord
 * markdown).
 */

const ellipsis = '…'
const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' })

/** Joins lines and runs of spaces into single spaces: a quoted post reads as one line. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

/**
 * At most `maxGraphemes` user-perceived characters; a cut text ends with "…" (counted in the
 * limit) and loses trailing spaces before it.
 */
export function truncateGraphemes(text: string, maxGraphemes: number): string {
  if (maxGraphemes <= 0) return ''
  const graphemes: string[] = []
  for (const { segment } of segmenter.segment(text)) {
    graphemes.push(segment)
    if (graphemes.length > maxGraphemes) break
  }
  if (graphemes.length <= maxGraphemes) return text
  return graphemes.slice(0, maxGraphemes - 1).join('').trimEnd() + ellipsis
}

/**
 * At most `maxLength` UTF-16 code units (what JavaScript's `length` and most APIs' limits count;
 * never fewer code points), cut at a grapheme boundary and ending with "…" when cut. For limits
 * stated in "characters" by an API (Discord, Slack), counting code units is the safe side.
 */
export function truncateLength(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  if (maxLength <= 0) return ''
  let kept = ''
  for (const { segment } of segmenter.segment(text)) {
    if (kept.length + segment.length > maxLength - ellipsis.length) break
    kept += segment
  }
  return kept.trimEnd() + ellipsis
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c]!)
}

/**
 * Escapes text for Slack's mrkdwn: `&`, `<` and `>` are its control characters (`<!channel>`
 * would ping everyone, `<https://x|y>` makes a link), so they become entities, as Slack asks.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Escapes Discord markdown with backslashes, so a quoted post cannot bold, hide (spoilers),
 * quote, head or — above all — make a masked link `[text](url)`, which Discord honours in
 * webhook embeds, or a custom emoji `<:name:id>`. Mentions are disarmed separately by
 * `allowed_mentions`; `:smile:` shortcodes are not an issue (only clients expand them, not the API).
 */
export function escapeDiscord(text: string): string {
  return text.replace(/[\\*_~`|>#[\]()<-]/g, '\\$&')
}

/** The URL when it is an absolute http(s) URL, else undefined: nothing else becomes a link. */
export function safeHttpUrl(raw: string | undefined): string | undefined {
  if (!raw || !URL.canParse(raw)) return undefined
  const url = new URL(raw)
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
}
