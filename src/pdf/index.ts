/**
 * PDF documents in every language Stagecraft speaks (English, French, Arabic, Hebrew, Bengali):
 * headings, paragraphs, lists, label/value tables and notes on A4 pages, with shaped Arabic and
 * Bengali, right-to-left layout for Arabic and Hebrew, mixed-direction lines, and text that
 * extracts back to the original words. A lower layer: it knows nothing of features.
 */
export { renderPdf } from './render.js'
export type { PdfBlock, PdfDocument, PdfLocale } from './types.js'
