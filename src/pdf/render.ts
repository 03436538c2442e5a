/**
 * renderPdf: a document model in, a finished PDF file out.
 *
 * pdfkit writes the file (pages, compression, metadata, cross-reference table); everything about
 * text (fonts, shaping, direction, line breaks) is ours, see text-layout.ts and draw.ts.
 */
import PDFDocument from 'pdfkit'
import { TextPainter } from './draw.js'
import { footerDrawings, paginate, PAGE, type Drawing } from './page-layout.js'
import type { PdfDocument } from './types.js'

function draw(doc: PDFKit.PDFDocument, painter: TextPainter, drawings: readonly Drawing[]): void {
  for (const drawing of drawings) {
    if (drawing.kind === 'text') {
      painter.drawLine(drawing.line, drawing.x, drawing.baseline, drawing.color)
    } else {
      doc
        .save()
        .lineWidth(0.6)
        .strokeColor(drawing.color.map((c) => Math.round(c * 255)) as [number, number, number])
        .moveTo(drawing.x1, drawing.y)
        .lineTo(drawing.x2, drawing.y)
        .stroke()
        .restore()
    }
  }
}

/**
 * Renders a document to PDF bytes: A4, in the document's language and direction, with its title
 * and language in the file's metadata. Text can be searched and copied in logical order.
 */
export async function renderPdf(input: PdfDocument): Promise<Buffer> {
  const pages = paginate(input)
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: input.locale,
    displayTitle: true,
    info: { Title: input.title, Creator: 'Stagecraft', Producer: 'Stagecraft' },
  })
  const chunks: Buffer[] = []
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const painter = new TextPainter(doc)
  pages.forEach((drawings, index) => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 })
    draw(doc, painter, drawings)
    draw(doc, painter, footerDrawings(input, index + 1, pages.length))
  })
  painter.finish()
  doc.end()
  return finished
}
