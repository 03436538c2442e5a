/**
 * The slice of fontkit (the OpenType engine inside pdfkit) this layer uses: parsing font files,
 * shaping runs and subsetting glyphs for embedding.
 *
 * fontkit is pdfkit's own dependency, not ours, so it is loaded from pdfkit's install location;
 * that way we get exactly the copy pdfkit was built against, wherever npm placed it. fontkit ships
 * no type declarations, hence the small interfaces below (only what we call).
 */
import { createRequire } from 'node:module'

/** A glyph as fontkit returns it from shaping. */
export interface FontkitGlyph {
  readonly id: number
  /** The code points this glyph stands for, as fontkit tracked them through substitutions. */
  readonly codePoints: number[]
  readonly advanceWidth: number
}

/** Where to draw one glyph, in font units. */
export interface FontkitPosition {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
}

/** The result of shaping: glyphs in visual (left-to-right drawing) order. */
export interface FontkitGlyphRun {
  readonly glyphs: FontkitGlyph[]
  readonly positions: FontkitPosition[]
  readonly direction: 'ltr' | 'rtl'
}

/** A subset being built for embedding: glyph ids in, a TrueType file out. */
export interface FontkitSubset {
  /** Adds a glyph (by original id) and returns its id inside the subset. */
  includeGlyph(glyphId: number): number
  encode(): Uint8Array
}

/** A parsed font file. */
export interface FontkitFont {
  readonly postscriptName: string
  readonly unitsPerEm: number
  readonly ascent: number
  readonly descent: number
  readonly capHeight: number
  readonly xHeight: number
  readonly italicAngle: number
  readonly bbox: { minX: number; minY: number; maxX: number; maxY: number }
  /** Present when the font has OpenType layout tables (fontkit then reverses RTL runs itself). */
  readonly GSUB?: unknown
  readonly GPOS?: unknown
  hasGlyphForCodePoint(codePoint: number): boolean
  layout(text: string, features?: string[], script?: string, language?: string, direction?: 'ltr' | 'rtl'): FontkitGlyphRun
  createSubset(): FontkitSubset
}

interface FontkitModule {
  create(data: Uint8Array): FontkitFont
}

const requireFromPdfkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))

/** fontkit, as installed for pdfkit. */
export const fontkit = requireFromPdfkit('fontkit') as FontkitModule

interface GlyphFactory {
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph
}

/**
 * Makes shaping report the characters each glyph really stands for.
 *
 * fontkit caches glyph objects by id together with the code points of their first use, so a
 * glyph shared by several characters reports the first one ever seen: Noto Sans Arabic draws
 * ب ت ث ن ي from one dotless base glyph, and after "ت" every "ب" would extract as "ت" (pdfkit's
 * own embedding has this flaw). Glyphs requested with code points, which is what the layout
 * engine does, are therefore made fresh; other lookups keep using the cache.
 */
export function withExactCodePoints(font: FontkitFont): FontkitFont {
  const factory = font as unknown as GlyphFactory
  const cached = factory.getGlyph.bind(font)
  const GlyphClass = cached(0).constructor as new (id: number, codePoints: number[], font: FontkitFont) => FontkitGlyph
  factory.getGlyph = (id, codePoints = []) => (codePoints.length > 0 ? new GlyphClass(id, codePoints, font) : cached(id, codePoints))
  return font
}
