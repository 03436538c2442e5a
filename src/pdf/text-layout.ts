/**
 * Paragraph layout: from a logical string to lines of shaped pieces in visual order.
 *
 * The order of work follows the Unicode bidi algorithm's own split between paragraph and line:
 * 1. each character gets a face (its script's font; neutrals stay with their neighbours) and a
 *    bidi embedding level for the whole paragraph (bidi-js, base direction from the document);
 * 2. the text is cut into words at spaces and each word into pieces of one face and one level,
 *    each shaped in logical order (fontkit joins Arabic and builds Bengali clusters);
 * 3. lines are filled on logical order, word by word;
 * 4. each line's pieces are put in visual order (rule L2: reverse runs from the highest level
 *    down to the lowest odd one), and fontkit has already put each right-to-left piece's glyphs
 *    in visual order, so the two never fight.
 * Characters no face can draw (emoji, unsupported scripts) are left out rather than drawn as boxes.
 */
import { bidi } from './bidi.js'
import { faceFor, latinFace, type Face, type FontWeight } from './fonts.js'
import { shapePiece, type ShapedPiece } from './shape.js'

/** Size (points) and weight of a run of text. */
export interface TextStyle {
  readonly size: number
  readonly weight: FontWeight
}

/** A shaped piece placed on a line; `x` in points from the line's left edge. */
export interface LinePiece {
  readonly piece: ShapedPiece
  readonly x: number
  readonly size: number
}

/** One line of text in visual order; `width` in points. */
export interface TextLine {
  readonly pieces: readonly LinePiece[]
  readonly width: number
}

interface Piece {
  readonly shaped: ShapedPiece
  readonly level: number
  readonly width: number
}

interface Word {
  readonly pieces: Piece[]
  readonly spaces: Piece[]
  readonly width: number
  /** No line break before this word (French "80 %", "« mot »", "Quoi ?"). */
  readonly glued?: boolean
}

/** Short words of punctuation that belong with the word before (closing) or after (opening). */
const CLOSING = /^[\p{Pe}\p{Pf}%‰:;!?.,…؟،؛]/u
const OPENING = /[\p{Ps}\p{Pi}]$/u
const SHORT = 3

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]/u
/** Spaces a line may break at. No-break spaces (U+00A0, U+2007, U+202F) keep their neighbours together. */
const BREAKING_SPACE = /^[ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]$/
const NO_BREAK_SPACE = /^[\u00a0\u2007\u202f]$/
const BIDI_CONTROL = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/

/** The text a paragraph will show, with one face per UTF-16 unit. */
interface Itemized {
  readonly text: string
  readonly faces: readonly Face[]
}

/** Chooses faces per grapheme and drops what no face can draw; collapses runs of spaces. */
function itemize(paragraph: string, weight: FontWeight): Itemized {
  const clusters = [...graphemes.segment(paragraph)].map((s) => s.segment)
  const strong: Array<Face | undefined> = clusters.map((cluster) => {
    const cp = cluster.codePointAt(0)!
    return NEUTRAL.test(cluster) ? undefined : faceFor(cp, weight)
  })
  const nextStrong: Array<Face | undefined> = []
  for (let i = clusters.length - 1; i >= 0; i--) nextStrong[i] = strong[i + 1] ?? nextStrong[i + 1]
  let text = ''
  const faces: Face[] = []
  let previousStrong: Face | undefined
  clusters.forEach((original, i) => {
    const isSpace = BREAKING_SPACE.test(original) || original === '\t'
    if (isSpace && (text === '' || text.endsWith(' '))) return
    let cluster = isSpace ? ' ' : original
    let face = strong[i]
    if (!face) {
      const prefer = previousStrong ?? nextStrong[i]
      face = faceFor(cluster.codePointAt(0)!, weight, prefer)
      // The fonts lack some no-break spaces (U+202F, which French number formatting uses).
      if (!face && NO_BREAK_SPACE.test(cluster)) {
        cluster = '\u00a0'
        face = faceFor(0xa0, weight, prefer)
      }
      // Bidi controls have no glyph but steer the bidi algorithm; the shaper draws them as nothing.
      if (!face && BIDI_CONTROL.test(cluster)) face = prefer ?? latinFace(weight)
    } else {
      previousStrong = face
    }
    if (!face) return
    text += cluster
    for (let k = 0; k < cluster.length; k++) faces.push(face)
  })
  const trimmed = text.replace(/ +$/, '')
  return { text: trimmed, faces: faces.slice(0, trimmed.length) }
}

/** Splits [start, end) into runs of one face and one level and shapes each. */
function piecesOf(item: Itemized, levels: Uint8Array, start: number, end: number, size: number): Piece[] {
  const pieces: Piece[] = []
  let runStart = start
  for (let i = start + 1; i <= end; i++) {
    if (i < end && item.faces[i] === item.faces[runStart] && levels[i] === levels[runStart]) continue
    const level = levels[runStart]!
    const shaped = shapePiece(item.faces[runStart]!, item.text.slice(runStart, i), level % 2 === 1)
    pieces.push({ shaped, level, width: (shaped.advance * size) / 1000 })
    runStart = i
  }
  return pieces
}

const widthOf = (pieces: readonly Piece[]): number => pieces.reduce((sum, p) => sum + p.width, 0)

/** Cuts a word wider than a line into grapheme chunks that fit. */
function splitWord(item: Itemized, levels: Uint8Array, start: number, end: number, size: number, maxWidth: number): Array<[number, number]> {
  const bounds = [...graphemes.segment(item.text.slice(start, end))].map((s) => start + s.index)
  const chunks: Array<[number, number]> = []
  let chunkStart = start
  for (let i = 1; i <= bounds.length; i++) {
    const next = i < bounds.length ? bounds[i]! : end
    if (next === end) break
    const afterNext = i + 1 < bounds.length ? bounds[i + 1]! : end
    if (widthOf(piecesOf(item, levels, chunkStart, afterNext, size)) > maxWidth) {
      chunks.push([chunkStart, next])
      chunkStart = next
    }
  }
  chunks.push([chunkStart, end])
  return chunks
}

function words(item: Itemized, levels: Uint8Array, size: number, maxWidth: number): Word[] {
  const result: Word[] = []
  const re = /([^ ]+)( *)/g
  let previousText = ''
  for (const match of item.text.matchAll(re)) {
    const glued = (match[1]!.length <= SHORT && CLOSING.test(match[1]!)) || (previousText.length <= SHORT && OPENING.test(previousText))
    previousText = match[1]!
    const start = match.index
    const wordEnd = start + match[1]!.length
    const spaceEnd = wordEnd + match[2]!.length
    let pieces = piecesOf(item, levels, start, wordEnd, size)
    if (widthOf(pieces) > maxWidth) {
      const chunks = splitWord(item, levels, start, wordEnd, size, maxWidth)
      chunks.slice(0, -1).forEach(([s, e]) => {
        const chunk = piecesOf(item, levels, s, e, size)
        result.push({ pieces: chunk, spaces: [], width: widthOf(chunk) })
      })
      const [s, e] = chunks[chunks.length - 1]!
      pieces = piecesOf(item, levels, s, e, size)
    }
    const spaces = spaceEnd > wordEnd ? piecesOf(item, levels, wordEnd, spaceEnd, size) : []
    result.push({ pieces, spaces, width: widthOf(pieces), glued })
  }
  return result
}

/** Rule L2 of the bidi algorithm over pieces (each piece has a single level). */
function visualOrder<T extends { level: number }>(pieces: T[]): T[] {
  const out = [...pieces]
  const levels = out.map((p) => p.level)
  const highest = Math.max(...levels)
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1)
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; ) {
      if (out[i]!.level < level) {
        i++
        continue
      }
      let j = i
      while (j < out.length && out[j]!.level >= level) j++
      out.splice(i, j - i, ...out.slice(i, j).reverse())
      i = j
    }
  }
  return out
}

function toLine(lineWords: readonly Word[], size: number): TextLine {
  // Trailing spaces of the line are not drawn (rule L1 would give them the paragraph's level).
  const logical = lineWords.flatMap((w, i) => (i === lineWords.length - 1 ? w.pieces : [...w.pieces, ...w.spaces]))
  let x = 0
  const pieces = visualOrder(logical).map((p) => {
    const placed = { piece: p.shaped, x, size }
    x += p.width
    return placed
  })
  return { pieces, width: x }
}

/**
 * Lays out text in lines no wider than `maxWidth` points, in visual order. Newlines start new
 * paragraphs (each with its own bidi resolution); blank text gives no lines.
 */
export function layoutText(text: string, style: TextStyle, maxWidth: number, direction: 'ltr' | 'rtl'): TextLine[] {
  const lines: TextLine[] = []
  for (const paragraph of text.normalize('NFC').split(/\r\n|\r|\n|\u2029/)) {
    const item = itemize(paragraph, style.weight)
    if (item.text === '') continue
    const { levels } = bidi.getEmbeddingLevels(item.text, direction)
    let current: Word[] = []
    let width = 0
    for (const word of words(item, levels, style.size, maxWidth)) {
      const previous = current[current.length - 1]
      const added = (previous ? widthOf(previous.spaces) : 0) + word.width
      if (previous && width + added > maxWidth && !word.glued) {
        lines.push(toLine(current, style.size))
        current = [word]
        width = word.width
      } else {
        current.push(word)
        width += added
      }
    }
    if (current.length > 0) lines.push(toLine(current, style.size))
  }
  return lines
}
