/** Reads the text back out of a PDF with pdf.js, page by page, for tests that check what a PDF says. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of every page, items joined by spaces and pages by newlines. */
export async function pdfText(data: Uint8Array | Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n)
    const content = await page.getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await document.destroy()
  return pages.join('\n')
}
