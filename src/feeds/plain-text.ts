/**
 * Feed text is HTML more often than not, escaped once or twice. Everything leaves this module
 * as plain text: tags and invisible elements removed, entities decoded, whitespace collapsed.
 * Not a sanitizer for rendering HTML: the output is meant to be shown as text.
 */

/** Elements whose content is never visible text. */
const hiddenOpening = /<(script|style|template|svg|head|noscript)\b/gi
const comments = /<!--[\s\S]*?(?:-->|$)/g
const cdataMarkers = /<!\[CDATA\[|\]\]>/g
/**
 * A tag starts with a letter, `/`, `!` or `?`; a lone `<` in text ("1 < 2") is kept. `[^<>]`
 * keeps this linear on hostile input (many `<a` with no `>`).
 */
const tags = /<(?:\/?([a-zA-Z][a-zA-Z0-9-]*)|[!?])[^<>]*>/g
/** Tags inside a line of text: removed without a space, so "<b>back</b>." reads "back.". */
const inlineTags: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
])
const entities = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g

/** The named entities worth knowing in feed text; the library below us already decoded one pass of all of them. */
const namedEntities: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  hellip: '…', mdash: '—', ndash: '–', minus: '−', bull: '•', middot: '·',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', deg: '°', euro: '€', pound: '£', yen: '¥', cent: '¢',
  times: '×', divide: '÷', para: '¶', sect: '§', shy: '\u00ad', zwnj: '\u200c', zwj: '\u200d',
  lrm: '\u200e', rlm: '\u200f', iexcl: '¡', iquest: '¿',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', szlig: 'ß',
  ugrave: 'ù', uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ', oelig: 'œ',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø',
  Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', OElig: 'Œ',
}

function decodeEntity(match: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
    // Surrogates, NUL and out-of-range code points are not characters; leave the text as written.
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    return valid ? String.fromCodePoint(code) : match
  }
  return namedEntities[body] ?? match
}

/** Decodes numeric character references and the common named entities; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(entities, decodeEntity)
}

/**
 * Drops hidden elements with their content. A loop rather than one regex with a lazy body, so
 * an unclosed `<script` costs one scan to the end instead of one per opening tag.
 */
function removeHiddenElements(html: string): string {
  const lower = html.toLowerCase()
  let out = ''
  let position = 0
  hiddenOpening.lastIndex = 0
  for (let open = hiddenOpening.exec(html); open; open = hiddenOpening.exec(html)) {
    out += `${html.slice(position, open.index)} `
    const close = lower.indexOf(`</${open[1]!.toLowerCase()}`, hiddenOpening.lastIndex)
    const end = close === -1 ? -1 : lower.indexOf('>', close)
    if (end === -1) {
      // Unclosed: most likely text about a tag ("use the &lt;script&gt; tag"), already decoded
      // by the parser. Keep the text; only the tag itself goes, with the other tags.
      out += html.slice(open.index)
      return out
    }
    position = end + 1
    hiddenOpening.lastIndex = position
  }
  return out + html.slice(position)
}

/**
 * HTML (or text that may contain some) to one line of plain text. Returns `''` for nothing
 * visible. Direction marks and joiners (needed by Arabic, Hebrew, Bengali…) are kept.
 */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return ''
  const text = removeHiddenElements(html.replace(comments, ' ').replace(cdataMarkers, ''))
    // Other tags become a space so "<p>a</p><p>b</p>" reads "a b", not "ab"; collapsed below.
    .replace(tags, (_tag, name: string | undefined) => (name && inlineTags.has(name.toLowerCase()) ? '' : ' '))
  return decodeEntities(text).replace(/\s+/g, ' ').trim()
}

const imgSrc = /<img\b[^<>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i

/** The `src` of the first `<img>` in some HTML, entities decoded; unresolved. */
export function firstImageSource(html: string | null | undefined): string | undefined {
  if (!html) return undefined
  const match = imgSrc.exec(html)
  const src = match?.[1] ?? match?.[2] ?? match?.[3]
  return src ? decodeEntities(src.trim()) : undefined
}
