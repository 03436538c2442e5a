/**
 * Drawing laid-out lines into a pdfkit document with our own font objects.
 *
 * Text goes straight into the content stream: pdfkit's `text()` would re-shape it with its own
 * fonts and give each glyph a single code (see pdf-font.ts).
 */
// pdfkit's type declarations bring the global PDFKit namespace used below.
import type {} from 'pdfkit'
import { PdfFont, pdfNumber, type PdfKitInternals } from './pdf-font.js'
import type { TextLine } from './text-layout.js'
import type { Face } from './fonts.js'

/** An sRGB colour, each channel 0..1. */
export type Rgb = readonly [number, number, number]

/** Draws text lines on the current page of a document and embeds the fonts at the end. */
export class TextPainter {
  private readonly fonts = new Map<string, PdfFont>()
  private readonly internals: PdfKitInternals

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.internals = doc as unknown as PdfKitInternals
  }

  /** The document's font for a face, registered in the current page's resources. */
  private fontFor(face: Face): PdfFont {
    let font = this.fonts.get(face.key)
    if (!font) {
      font = new PdfFont(this.internals, face, `SC${this.fonts.size + 1}`)
      this.fonts.set(face.key, font)
    }
    this.internals.page.fonts[font.id] = font.ref()
    return font
  }

  /**
   * Draws one line with its left edge at `x` and its baseline at `baseline` (points from the top
   * of the page, like the rest of pdfkit's coordinates).
   *
   * Glyphs that carry text are written as one stream of relative moves (`TJ` adjustments and text
   * rise), never absolute jumps: extractors such as pdf.js treat any glyph whose text contains a
   * combining mark as having no width, so they only stay in step if every move is relative. Glyphs
   * without text (Arabic dots, the tail of a reordered cluster) follow in a second text object at
   * absolute positions, where they cannot disturb that stream.
   */
  drawLine(line: TextLine, x: number, baseline: number, color: Rgb): void {
    if (line.pieces.length === 0) return
    const pageHeight = this.doc.page.height
    const y = pageHeight - baseline
    const ops: string[] = ['q', `1 0 0 -1 0 ${pdfNumber(pageHeight)} cm`, `${color.map(pdfNumber).join(' ')} rg`]
    const textOps: string[] = ['BT', `1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm`]
    const silentOps: string[] = []
    let font: PdfFont | undefined
    let fontSize = 0
    let silentFont: PdfFont | undefined
    let silentSize = 0
    let rise = 0
    let pen = 0
    let elements: string[] = []
    const flush = (): void => {
      if (elements.length > 0) textOps.push(`[${elements.join(' ')}] TJ`)
      elements = []
    }
    for (const { piece, x: pieceX, size } of line.pieces) {
      const pdfFont = this.fontFor(piece.face)
      const scale = size / 1000
      for (const glyph of piece.glyphs) {
        const gx = pieceX + glyph.x * scale
        const gy = glyph.y * scale
        if (!glyph.text) {
          if (pdfFont !== silentFont || size !== silentSize) {
            silentOps.push(`/${pdfFont.id} ${pdfNumber(size)} Tf`)
            silentFont = pdfFont
            silentSize = size
          }
          silentOps.push(`1 0 0 1 ${pdfNumber(x + gx)} ${pdfNumber(y + gy)} Tm <${pdfFont.code(glyph)}> Tj`)
          continue
        }
        if (pdfFont !== font || size !== fontSize) {
          flush()
          textOps.push(`/${pdfFont.id} ${pdfNumber(size)} Tf`)
          font = pdfFont
          fontSize = size
        }
        if (Math.abs(gy - rise) > 0.001) {
          flush()
          textOps.push(`${pdfNumber(gy)} Ts`)
          rise = gy
        }
        const move = ((gx - pen) * 1000) / size
        if (Math.abs(move) > 0.01) elements.push(pdfNumber(-move))
        elements.push(`<${pdfFont.code(glyph)}>`)
        pen = gx + glyph.width * scale
      }
    }
    flush()
    textOps.push('ET')
    ops.push(...textOps)
    // Text rise outlives ET, so the absolute glyphs start from none.
    if (silentOps.length > 0) ops.push('BT', ...(rise !== 0 ? ['0 Ts'] : []), ...silentOps, 'ET')
    ops.push('Q')
    this.internals.addContent(ops.join('\n'))
  }

  /** Writes every font used; call once after the last line, before `doc.end()`. */
  finish(): void {
    for (const font of this.fonts.values()) font.embed()
  }
}
