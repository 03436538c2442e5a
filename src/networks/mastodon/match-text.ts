/**
 * Comparing what we asked Mastodon to post with what it shows. The API gives a status's text
 * only as HTML `content` (the plain source needs a call per status), rendered by
 * app/lib/text_formatter.rb: text HTML-escaped, links wrapped in spans (the full URL survives,
 * split between an invisible prefix, the shown part and an invisible rest), hashtags and
 * mentions linked (a mention of a known account shows `@name`, its domain dropped), paragraphs
 * as `<p>` on blank lines and `<br />` on single newlines, surrounding whitespace stripped.
 *
 * So both sides are brought to one form: tags removed (line breaks and paragraphs become
 * whitespace), entities decoded, Unicode NFC, `@name@domain` → `@name`, every run of whitespace
 * one space, trimmed. Two texts that differ only in those respects compare equal; that is the
 * price of matching what Mastodon shows rather than what it stores.
 */

const word = '\\p{L}\\p{M}\\p{N}\\p{Pc}'
/** Account::MENTION_RE (app/models/account.rb), keeping the username and dropping the domain. */
const remoteMention = new RegExp(`(?<![=/${word}])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)@[${word}.-]+[${word}]+`, 'giu')

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity
    }
    return named[body.toLowerCase()] ?? entity
  })
}

/** Mastodon's status `content` as plain text. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  )
}

/** The form both sides are compared in (see the module comment). */
export function comparableText(text: string): string {
  return text.normalize('NFC').replace(remoteMention, '@$1').replace(/\s+/gu, ' ').trim()
}

/** Whether Mastodon's `content` shows `text`. */
export function contentShows(content: string, text: string): boolean {
  return comparableText(htmlToText(content)) === comparableText(text)
}
