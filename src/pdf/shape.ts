/**
 * Shaping one piece of text (one face, one direction) into positioned glyphs, and deciding what
 * text each glyph gives back when the PDF is searched or copied.
 *
 * fontkit shapes a run given in logical order and, for a right-to-left run, returns the glyphs
 * already in visual (left-to-right drawing) order. Arabic joining, lam-alef ligatures and Bengali
 * conjuncts, reph and pre-base vowel signs all happen here.
 */
import { bidi } from './bidi.js'
import type { Face } from './fonts.js'
import type { FontkitGlyph } from './fontkit.js'

/** A glyph ready to draw, in 1/1000 em relative to the start of its piece. */
export interface PlacedGlyph {
  /** Glyph id in the face's font. */
  readonly gid: number
  /**
   * What the glyph extracts as, in visual order like the glyphs themselves (extractors read the
   * page left to right and reorder right-to-left text back). Empty: the glyph carries no text of
   * its own (an Arabic dot drawn as a separate glyph, the tail of a reordered cluster).
   */
  readonly text: string
  /** The advance the PDF records for this glyph. */
  readonly width: number
  /** Where the glyph is drawn: pen position plus the shaper's offset. */
  readonly x: number
  /** Vertical offset, upwards. */
  readonly y: number
}

/** A shaped piece of text. */
export interface ShapedPiece {
  readonly face: Face
  readonly glyphs: readonly PlacedGlyph[]
  /** Total advance in 1/1000 em. */
  readonly advance: number
}

const cache = new Map<string, ShapedPiece>()
const CACHE_LIMIT = 20_000
/** How far back (1/1000 em) a glyph may be drawn before extractors take it for a new chunk of text. */
const BACKWARD = 150
const HAS_MARK = /\p{Mn}/u

/** Thousandths of a unit: what the PDF keeps, so equal glyphs share one code. */
const round = (value: number): number => Math.round(value * 1000) / 1000

function reverseCodePoints(text: string): string {
  return [...text].reverse().join('')
}

/**
 * The right-to-left counterpart of spreadForExtractors. Visual order puts a word's final vowel
 * mark (the shadda of "ردّ") on its leftmost glyph, where no redistribution can help: the whole
 * piece's text then goes on that glyph, which extractors treat as zero-width and so never split.
 */
function keepMarkedWordWhole(texts: string[]): void {
  const first = texts.findIndex((t) => t !== '')
  if (first < 0 || !HAS_MARK.test(texts[first]!)) return
  texts[first] = texts.join('')
  texts.forEach((_, i) => {
    if (i !== first) texts[i] = ''
  })
}

/** Mirrors brackets and similar characters, as a right-to-left run must draw them (the fonts have no `rtlm`). */
function mirror(text: string): string {
  let out = ''
  for (const ch of text) out += bidi.getMirroredCharacter(ch) ?? ch
  return out
}

/**
 * The text each glyph gives back, in drawing order.
 *
 * Glyphs are grouped, in logical order, into the smallest clusters whose code points are exactly
 * a stretch of the text: usually one glyph per character or ligature, but a Bengali "কি" (vowel
 * sign drawn first) or a reph moved behind its syllable makes one cluster of several glyphs.
 * A cluster's text, in logical order (reversed for right-to-left, like the glyphs), goes on the
 * cluster's first glyph in drawing order; the others give back nothing. If the code points cannot
 * be matched at all, the whole piece's text goes on its first glyph.
 */
function clusterTexts(text: string, shaped: string, glyphs: readonly FontkitGlyph[], rtl: boolean): string[] {
  const chars = [...text]
  const wanted = [...shaped].map((c) => c.codePointAt(0)!)
  const order = glyphs.map((_, i) => i)
  if (rtl) order.reverse()
  const texts = glyphs.map(() => '')
  const visual = (slice: string): string => (rtl ? reverseCodePoints(slice) : slice)

  const balance = new Map<number, number>()
  const bump = (cp: number, by: number): void => {
    const next = (balance.get(cp) ?? 0) + by
    if (next === 0) balance.delete(cp)
    else balance.set(cp, next)
  }
  let at = 0
  let group: number[] = []
  for (const i of order) {
    group.push(i)
    for (const cp of glyphs[i]!.codePoints) {
      bump(cp, 1)
      if (at < wanted.length) bump(wanted[at++]!, -1)
    }
    if (balance.size > 0) continue
    const start = at - group.reduce((n, g) => n + glyphs[g]!.codePoints.length, 0)
    // The carrier is the cluster's first glyph in drawing order (its last in logical order when right to left).
    const carrier = rtl ? group[group.length - 1]! : group[0]!
    texts[carrier] = visual(chars.slice(start, at).join(''))
    group = []
  }
  if (balance.size > 0 || at !== wanted.length) {
    texts.fill('')
    if (texts.length > 0) texts[0] = visual(text)
  }
  return texts
}

/**
 * Moves text between the glyphs of a left-to-right piece so that extractors read it back whole.
 *
 * pdf.js (like other extractors) rebuilds words from glyph positions: a glyph with text drawn
 * well behind the one before reads as a new chunk, and a glyph whose text contains a combining
 * mark counts as zero-width, so a word starting with one gets a stray space after its first
 * letters. Hence: the text of a glyph tucked behind its neighbour joins the glyph before, and
 * the first glyph keeps only what precedes its first combining mark (the virama of "স্", the
 * "্র" of "দ্র" move on to the next glyph drawn further right).
 */
function spreadForExtractors(texts: string[], xs: readonly number[]): void {
  let carrier = -1
  texts.forEach((own, i) => {
    if (!own) return
    if (carrier >= 0 && xs[i]! < xs[carrier]! - BACKWARD && !HAS_MARK.test(own)) {
      texts[carrier] += own
      texts[i] = ''
    } else {
      carrier = i
    }
  })
  // The first glyph must have text free of combining marks and a width of its own: whatever it
  // or the glyphs drawn at or behind it carry from the first mark on goes to the next glyph right of it.
  const first = texts.findIndex((t) => t !== '')
  if (first < 0) return
  const next = xs.findIndex((x, i) => i > first && x > xs[first]!)
  if (next < 0) return
  const mark = texts[first]!.search(HAS_MARK)
  let moved = mark > 0 ? texts[first]!.slice(mark) : ''
  if (mark > 0) texts[first] = texts[first]!.slice(0, mark)
  for (let i = first + 1; i < next; i++) {
    moved += texts[i]!
    texts[i] = ''
  }
  texts[next] = moved + texts[next]!
}

/**
 * Shapes `text` (logical order, one face, one direction) at 1000 units per em.
 *
 * Each glyph also gets the text it gives back when the PDF is searched or copied (see
 * clusterTexts); glyphs left without text (their recorded width is 0) are drawn apart by the
 * painter.
 */
export function shapePiece(face: Face, text: string, rtl: boolean): ShapedPiece {
  const key = `${face.key}|${rtl ? 'r' : 'l'}|${text}`
  const cached = cache.get(key)
  if (cached) return cached

  const font = face.font
  const scale = 1000 / font.unitsPerEm
  const shaped = rtl ? mirror(text) : text
  const run = font.layout(shaped, undefined, undefined, undefined, rtl ? 'rtl' : 'ltr')
  let glyphs = run.glyphs
  let positions = run.positions
  // fontkit reverses right-to-left runs only in its OpenType engine; a font without layout tables
  // comes back in logical order.
  if (rtl && !font.GSUB && !font.GPOS) {
    glyphs = [...glyphs].reverse()
    positions = [...positions].reverse()
  }

  const texts = clusterTexts(text, shaped, glyphs, rtl)

  const xs: number[] = []
  let pen = 0
  positions.forEach((pos) => {
    xs.push(pen + pos.xOffset * scale)
    pen += pos.xAdvance * scale
  })
  if (rtl) keepMarkedWordWhole(texts)
  else spreadForExtractors(texts, xs)

  // Each glyph with text spans up to the next one with text (or the end of the piece): the text
  // then flows like plain left-to-right text, with no jumps for extractors to mistake for spaces.
  const placed: PlacedGlyph[] = []
  let nextX = pen
  for (let i = glyphs.length - 1; i >= 0; i--) {
    const own = texts[i]!
    const width = own ? round(Math.max(0, nextX - xs[i]!)) : 0
    placed[i] = { gid: glyphs[i]!.id, text: own, width, x: round(xs[i]!), y: round(positions[i]!.yOffset * scale) }
    if (own) nextX = xs[i]!
  }

  const piece: ShapedPiece = { face, glyphs: placed, advance: pen }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, piece)
  return piece
}
