/**
 * One embedded font in one PDF: a TrueType subset as a Type0/CIDFontType2 font whose codes are
 * ours, not glyph ids.
 *
 * pdfkit's own embedding gives each glyph exactly one code, so its ToUnicode map can only say
 * "this glyph is these characters". That breaks text extraction for shaped scripts: a Bengali
 * pre-base vowel sign is drawn before its consonant (extraction would read "িক" for "কি"), a
 * reph has no characters of its own, and Noto's Arabic dots are separate glyphs with none at all.
 * Here a code is a (glyph, text, width) triple: the same glyph can extract as different text in
 * different places, the first glyph of a reordered cluster carries the whole cluster's text, and
 * the other glyphs of that cluster extract as nothing. A CIDToGIDMap stream maps codes to glyphs.
 */
import type { Face } from './fonts.js'
import type { PlacedGlyph } from './shape.js'

/** The parts of a pdfkit reference (an indirect object) we write to. */
export interface PdfRef {
  data: Record<string, unknown>
  end(chunk?: Uint8Array | string): void
}

/** The internals of a pdfkit document needed to add fonts and raw content. */
export interface PdfKitInternals {
  ref(data?: Record<string, unknown>): PdfRef
  addContent(data: string): unknown
  page: { fonts: Record<string, PdfRef> }
}

/**
 * What a glyph that carries no text of its own extracts as: WORD JOINER, an invisible format
 * character. Extractors drop it (pdf.js skips format characters) and, pasted, it neither shows nor
 * breaks the word. An empty mapping would be better in theory, but readers take it for a missing
 * one and fall back to the raw code, which pastes as control characters.
 */
const NO_TEXT = '\u2060'

interface CodeEntry {
  readonly gid: number
  readonly text: string
  readonly width: number
}

/** Bytes for a PDF string object (pdfkit writes Uint8Array values as hex strings). */
function pdfString(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'))
}

/** Six capital letters unique per resource id: the subset prefix the PDF spec asks for. */
function subsetTag(id: string): string {
  let n = [...id].reduce((acc, ch) => (acc * 31 + ch.charCodeAt(0)) % 308_915_776, 7)
  let tag = ''
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (n % 26))
    n = Math.floor(n / 26)
  }
  return tag
}

function utf16Hex(text: string): string {
  let hex = ''
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0')
  return hex
}

/** Round to what PDF content needs; keeps the files small and the output deterministic. */
export function pdfNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/** A font embedded in one document; codes are allocated as glyphs are drawn, the font is written at the end. */
export class PdfFont {
  private readonly subset
  private readonly codes = new Map<string, number>()
  private readonly entries: CodeEntry[] = [{ gid: 0, text: '', width: 0 }]
  private dictionary: PdfRef | undefined

  constructor(
    private readonly doc: PdfKitInternals,
    private readonly face: Face,
    /** The resource name used in content streams, e.g. `SC1`. */
    readonly id: string,
  ) {
    this.subset = face.font.createSubset()
  }

  /** The code that draws this glyph with this text and advance, as 4 hex digits (Identity-H). */
  code(glyph: PlacedGlyph): string {
    const key = `${glyph.gid}|${glyph.width}|${glyph.text}`
    let code = this.codes.get(key)
    if (code === undefined) {
      code = this.entries.length
      if (code > 0xffff) throw new Error('Too many distinct glyphs for one PDF font')
      this.entries.push({ gid: this.subset.includeGlyph(glyph.gid), text: glyph.text, width: glyph.width })
      this.codes.set(key, code)
    }
    return code.toString(16).padStart(4, '0')
  }

  /** The font dictionary, for a page's resources. */
  ref(): PdfRef {
    this.dictionary ??= this.doc.ref()
    return this.dictionary
  }

  /** Writes the subset, widths, code-to-glyph map and ToUnicode map; call once, before the document ends. */
  embed(): void {
    if (!this.dictionary) return
    const font = this.face.font
    const scale = 1000 / font.unitsPerEm
    const name = `${subsetTag(this.id)}+${font.postscriptName.replaceAll(' ', '_')}`

    const fontData = this.subset.encode()
    const fontFile = this.doc.ref({ Length1: fontData.length })
    fontFile.end(fontData)

    const { bbox } = font
    const descriptor = this.doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: 4,
      FontBBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => Math.round(v * scale)),
      ItalicAngle: font.italicAngle,
      Ascent: Math.round(font.ascent * scale),
      Descent: Math.round(font.descent * scale),
      CapHeight: Math.round((font.capHeight || font.ascent) * scale),
      XHeight: Math.round((font.xHeight || 0) * scale),
      StemV: 0,
      FontFile2: fontFile,
    })
    descriptor.end()

    const cidToGid = Buffer.alloc(this.entries.length * 2)
    this.entries.forEach((entry, cid) => cidToGid.writeUInt16BE(entry.gid, cid * 2))
    const cidToGidRef = this.doc.ref()
    cidToGidRef.end(new Uint8Array(cidToGid))

    const descendant = this.doc.ref({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: pdfString('Adobe'), Ordering: pdfString('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, this.entries.map((entry) => Math.round(entry.width * 1000) / 1000)],
      CIDToGIDMap: cidToGidRef,
    })
    descendant.end()

    this.dictionary.data = {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [descendant],
      ToUnicode: this.toUnicode(),
    }
    this.dictionary.end()
  }

  private toUnicode(): PdfRef {
    const lines: string[] = []
    for (let start = 1; start < this.entries.length; start += 100) {
      const chunk = this.entries.slice(start, start + 100)
      lines.push(`${chunk.length} beginbfchar`)
      chunk.forEach((entry, i) => {
        const code = (start + i).toString(16).padStart(4, '0')
        lines.push(`<${code}> <${utf16Hex(entry.text || NO_TEXT)}>`)
      })
      lines.push('endbfchar')
    }
    const cmap = this.doc.ref()
    cmap.end(
      [
        '/CIDInit /ProcSet findresource begin',
        '12 dict begin',
        'begincmap',
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
        '/CMapName /Adobe-Identity-UCS def',
        '/CMapType 2 def',
        '1 begincodespacerange',
        '<0000> <ffff>',
        'endcodespacerange',
        ...lines,
        'endcmap',
        'CMapName currentdict /CMap defineresource pop',
        'end',
        'end',
      ].join('\n'),
    )
    return cmap
  }
}
