/** The document model callers hand to the PDF layer: plain text blocks, already translated. */
import type { Locale } from '../domain/index.js'

/** One block of content, in reading order. */
export type PdfBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** Label / value pairs, e.g. a goal's target and deadline. */
  | { kind: 'table'; rows: Array<[string, string]> }
  /** Smaller, dimmed text: a caveat or a source. */
  | { kind: 'note'; text: string }

/** The languages documents are written in (Stagecraft's own); Arabic and Hebrew run right to left. */
export type PdfLocale = Locale

/** A whole document. Text may mix scripts and directions; newlines in a text start a new line. */
export interface PdfDocument {
  locale: PdfLocale
  /** Shown on the first page and stored as the file's title. */
  title: string
  subtitle?: string
  blocks: PdfBlock[]
  /** Shown at the foot of every page, beside the page number. */
  footer?: string
}
