/**
 * Status text the way Mastodon handles it:
 * - Length (app/validators/status_length_validator.rb): `spoiler_text` plus `countable_text`,
 *   counted in grapheme clusters (`str.each_grapheme_cluster.size`); every URL counts as
 *   URL_PLACEHOLDER_CHARS = 23, and a mention `@name@domain` counts as `@name`.
 * - Entities: URLs with a protocol (`extract_url_without_protocol: false`), hashtags
 *   (Tag::HASHTAG_RE), mentions (Account::MENTION_RE in app/models/account.rb). twitter-text's
 *   URL grammar is larger than this one (TLD lists, balanced parentheses); this is the common case.
 * - HTML (app/lib/text_formatter.rb): text escaped, links as `<a><span class="invisible">https://
 *   </span><span>…</span></a>` with the display part cut at 30 characters, hashtags and known
 *   accounts linked (a mention shows `@name` without domain), then Rails' `simple_format`
 *   (paragraphs on blank lines, `<br />` on single newlines) with newlines removed. A quote
 *   (4.5.0) whose text does not link the quoted status starts with `<p class="quote-inline">RE:
 *   <link></p>` (docs.joinmastodon.org/client/quotes), for clients that do not show quotes.
 */

/** StatusLengthValidator::URL_PLACEHOLDER_CHARS */
export const urlPlaceholderChars = 23

const word = '\\p{L}\\p{M}\\p{N}\\p{Pc}'
const usernamePattern = '[a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?'
/** Account::MENTION_RE: `(?<![=/[:word:]])@((USERNAME_RE)(?:@[[:word:].-]+[[:word:]]+)?)`, /i. */
const mentionPattern = `(?<![=/${word}])@(${usernamePattern}(?:@[${word}.-]+[${word}]+)?)`
const urlPattern = 'https?://[^\\s<>"\']+'
const hashtagPattern = `(?<![/)${word}])#([${word}]*[\\p{L}_][${word}]*)`
const trailingPunctuation = /[.,;:!?'")\]]+$/u

/** A URL, hashtag or mention found in a text, with its UTF-16 offsets. */
export interface Entity {
  kind: 'url' | 'hashtag' | 'mention'
  start: number
  end: number
  /** The URL, the tag without `#`, or the mention without `@` (`name` or `name@domain`). */
  value: string
}

/** Entities in order, overlapping ones removed (Extractor.remove_overlapping_entities). */
export function extractEntities(text: string): Entity[] {
  const found: Entity[] = []
  for (const m of text.matchAll(new RegExp(urlPattern, 'giu'))) {
    const value = m[0].replace(trailingPunctuation, '')
    found.push({ kind: 'url', start: m.index, end: m.index + value.length, value })
  }
  for (const m of text.matchAll(new RegExp(hashtagPattern, 'giu'))) {
    found.push({ kind: 'hashtag', start: m.index, end: m.index + m[0].length, value: m[1]! })
  }
  for (const m of text.matchAll(new RegExp(mentionPattern, 'giu'))) {
    found.push({ kind: 'mention', start: m.index, end: m.index + m[0].length, value: m[1]! })
  }
  found.sort((a, b) => a.start - b.start)
  const kept: Entity[] = []
  for (const entity of found) {
    const last = kept.at(-1)
    if (!last || entity.start >= last.end) kept.push(entity)
  }
  return kept
}

function rewrite(text: string, escape: (s: string) => string, replace: (entity: Entity) => string): string {
  let out = ''
  let index = 0
  for (const entity of extractEntities(text)) {
    out += escape(text.slice(index, entity.start)) + replace(entity)
    index = entity.end
  }
  return out + escape(text.slice(index))
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

/** StatusLengthValidator#countable_length(combined_text(status)). */
export function countableLength(text: string, spoilerText = ''): number {
  const countable = text.trim() === ''
    ? ''
    : rewrite(text, (s) => s, (e) => (e.kind === 'url' ? 'x'.repeat(urlPlaceholderChars) : e.kind === 'mention' ? `@${e.value.split('@')[0]}` : text.slice(e.start, e.end)))
  return [...graphemes.segment(spoilerText + countable)].length
}

/** ERB::Util.h */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

function linkToUrl(url: string): string {
  const prefix = /^(https?:\/\/(www\.)?|xmpp:)/.exec(url)?.[0] ?? ''
  const rest = url.slice(prefix.length)
  const cutoff = rest.length > 30
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener noreferrer" translate="no">` +
    `<span class="invisible">${escapeHtml(prefix)}</span><span class="${cutoff ? 'ellipsis' : ''}">${escapeHtml(rest.slice(0, 30))}</span>` +
    `<span class="invisible">${escapeHtml(rest.slice(30))}</span></a>`
  )
}

/** The paragraph a quote's HTML starts with when its text does not link the quoted status. */
export function quoteInlineParagraph(url: string): string {
  return `<p class="quote-inline">RE: ${linkToUrl(url)}</p>`
}

/** An account a mention resolves to: its profile URL and the name shown. */
export type MentionLookup = (name: string, domain: string | null) => { url: string; username: string } | undefined

/** TextFormatter#to_s for a local status. */
export function formatContent(text: string, base: string, lookup: MentionLookup): string {
  if (text.trim() === '') return ''
  const html = rewrite(text, escapeHtml, (entity) => {
    if (entity.kind === 'url') return linkToUrl(entity.value)
    if (entity.kind === 'hashtag') {
      return `<a href="${escapeHtml(`${base}/tags/${entity.value}`)}" class="mention hashtag" rel="tag">#<span>${escapeHtml(entity.value)}</span></a>`
    }
    const [name = '', domain = null] = entity.value.split('@')
    const account = lookup(name, domain)
    if (!account) return `@${escapeHtml(entity.value)}`
    return `<span class="h-card" translate="no"><a href="${escapeHtml(account.url)}" class="u-url mention">@<span>${escapeHtml(account.username)}</span></a></span>`
  })
  // Rails' simple_format, then Mastodon's `.delete("\n")`.
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\n+/)
    .map((paragraph) => `<p>${paragraph.replace(/([^\n])\n(?=[^\n])/g, '$1<br />')}</p>`)
    .join('')
    .replace(/\n/g, '')
}
