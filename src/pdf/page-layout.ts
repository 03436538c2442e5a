/**
 * Page layout: blocks become units (a line, a table row, a heading) of known height, and units
 * are placed on A4 pages top to bottom. A heading is kept with what follows it, so it never ends
 * a page on its own; a unit taller than a page is cut into its lines.
 *
 * Right-to-left documents mirror the page: text is right-aligned, bullets sit on the right and
 * a table's labels take the right-hand column.
 */
import { layoutText, type TextLine, type TextStyle } from './text-layout.js'
import type { Rgb } from './draw.js'
import { directionOf } from '../domain/index.js'
import type { PdfBlock, PdfDocument, PdfLocale } from './types.js'

/** Something to draw, in points from the top-left corner of the page. */
export type Drawing =
  | { readonly kind: 'text'; readonly line: TextLine; readonly x: number; readonly baseline: number; readonly color: Rgb }
  | { readonly kind: 'rule'; readonly x1: number; readonly x2: number; readonly y: number; readonly color: Rgb }

/** A4 in points, and the page's frame. */
export const PAGE = { width: 595.28, height: 841.89, marginX: 56.7, top: 56.7, bottom: 70.9 } as const

export const COLORS = {
  text: [0.13, 0.14, 0.16],
  heading: [0.05, 0.16, 0.27],
  dim: [0.4, 0.42, 0.45],
  rule: [0.8, 0.82, 0.85],
} as const satisfies Record<string, Rgb>

/** Line height per size: Arabic and Bengali reach further above and below the baseline than Latin. */
const LINE_FACTOR: Record<PdfLocale, number> = { en: 1.45, fr: 1.45, he: 1.5, ar: 1.8, bn: 1.7 }

const STYLES = {
  title: { size: 20, weight: 700 },
  subtitle: { size: 11.5, weight: 400 },
  h1: { size: 15, weight: 700 },
  h2: { size: 12.5, weight: 700 },
  body: { size: 10.5, weight: 400 },
  label: { size: 10, weight: 700 },
  value: { size: 10, weight: 400 },
  note: { size: 9, weight: 400 },
} as const satisfies Record<string, TextStyle>

const LIST_INDENT = 16
const TABLE_LABEL_SHARE = 0.36
const TABLE_GAP = 12
const ROW_PADDING = 4

interface Unit {
  readonly height: number
  readonly spaceBefore: number
  readonly keepWithNext?: boolean
  draw(top: number): Drawing[]
}

/** The frame every block is laid out in, with the document's direction. */
interface Frame {
  readonly left: number
  readonly right: number
  readonly rtl: boolean
  readonly lineFactor: number
}

const contentWidth = PAGE.width - 2 * PAGE.marginX

function lineHeight(frame: Frame, style: TextStyle): number {
  return style.size * frame.lineFactor
}

/** Baseline from the top of a line box: the em box centred, a little low for descenders. */
function baselineIn(frame: Frame, style: TextStyle, top: number): number {
  return top + (lineHeight(frame, style) - style.size) / 2 + style.size * 0.78
}

/** The x where a line starts in the box [left, right]: flush right in a right-to-left document. */
function alignedX(line: TextLine, left: number, right: number, rtl: boolean): number {
  return rtl ? right - line.width : left
}

function lines(frame: Frame, text: string, style: TextStyle, width: number): TextLine[] {
  return layoutText(text, style, width, frame.rtl ? 'rtl' : 'ltr')
}

/** One unit per line, so a paragraph can continue on the next page. */
function lineUnits(frame: Frame, text: string, style: TextStyle, color: Rgb, spaceBefore: number, box = { left: frame.left, right: frame.right }): Unit[] {
  const lh = lineHeight(frame, style)
  return lines(frame, text, style, box.right - box.left).map((line, i) => ({
    height: lh,
    spaceBefore: i === 0 ? spaceBefore : 0,
    draw: (top) => [{ kind: 'text', line, x: alignedX(line, box.left, box.right, frame.rtl), baseline: baselineIn(frame, style, top), color }],
  }))
}

function headingUnit(frame: Frame, text: string, style: TextStyle, spaceBefore: number): Unit[] {
  const lh = lineHeight(frame, style)
  const all = lines(frame, text, style, frame.right - frame.left)
  if (all.length === 0) return []
  return [
    {
      height: lh * all.length,
      spaceBefore,
      keepWithNext: true,
      draw: (top) =>
        all.map((line, i) => ({
          kind: 'text',
          line,
          x: alignedX(line, frame.left, frame.right, frame.rtl),
          baseline: baselineIn(frame, style, top + i * lh),
          color: COLORS.heading,
        })),
    },
  ]
}

function listUnits(frame: Frame, items: readonly string[], spaceBefore: number): Unit[] {
  const style = STYLES.body
  const box = frame.rtl ? { left: frame.left, right: frame.right - LIST_INDENT } : { left: frame.left + LIST_INDENT, right: frame.right }
  const [bullet] = lines(frame, '•', style, LIST_INDENT)
  return items.flatMap((item, index) => {
    const units = lineUnits(frame, item, style, COLORS.text, index === 0 ? spaceBefore : 3, box)
    const first = units[0]
    if (!first || !bullet) return units
    const bulletX = frame.rtl ? frame.right - 4 - bullet.width : frame.left + 4
    units[0] = {
      ...first,
      draw: (top) => [...first.draw(top), { kind: 'text', line: bullet, x: bulletX, baseline: baselineIn(frame, style, top), color: COLORS.dim }],
    }
    return units
  })
}

function tableUnits(frame: Frame, rows: ReadonlyArray<readonly [string, string]>, spaceBefore: number): Unit[] {
  const width = frame.right - frame.left
  const labelWidth = width * TABLE_LABEL_SHARE
  const valueWidth = width - labelWidth - TABLE_GAP
  const labelBox = frame.rtl ? { left: frame.right - labelWidth, right: frame.right } : { left: frame.left, right: frame.left + labelWidth }
  const valueBox = frame.rtl ? { left: frame.left, right: frame.left + valueWidth } : { left: frame.right - valueWidth, right: frame.right }
  const lh = lineHeight(frame, STYLES.value)
  const rule = (y: number): Drawing => ({ kind: 'rule', x1: frame.left, x2: frame.right, y, color: COLORS.rule })

  return rows.flatMap(([label, value], rowIndex) => {
    const labelLines = lines(frame, label, STYLES.label, labelWidth)
    const valueLines = lines(frame, value, STYLES.value, valueWidth)
    const slots = Math.max(labelLines.length, valueLines.length, 1)
    const drawSlots = (from: number, to: number, top: number): Drawing[] => {
      const out: Drawing[] = []
      for (let i = from; i < to; i++) {
        const lineTop = top + (i - from) * lh
        const l = labelLines[i]
        const v = valueLines[i]
        if (l) out.push({ kind: 'text', line: l, x: alignedX(l, labelBox.left, labelBox.right, frame.rtl), baseline: baselineIn(frame, STYLES.label, lineTop), color: COLORS.text })
        if (v) out.push({ kind: 'text', line: v, x: alignedX(v, valueBox.left, valueBox.right, frame.rtl), baseline: baselineIn(frame, STYLES.value, lineTop), color: COLORS.text })
      }
      return out
    }
    const before = rowIndex === 0 ? spaceBefore : 0
    const height = slots * lh + 2 * ROW_PADDING
    if (height <= PAGE.height - PAGE.top - PAGE.bottom) {
      return [
        {
          height,
          spaceBefore: before,
          draw: (top) => [...(rowIndex === 0 ? [rule(top)] : []), ...drawSlots(0, slots, top + ROW_PADDING), rule(top + height)],
        },
      ]
    }
    // A row taller than a page: its lines become units of their own.
    return Array.from({ length: slots }, (_, i) => ({ height: lh, spaceBefore: i === 0 ? before : 0, draw: (top: number) => drawSlots(i, i + 1, top) }))
  })
}

function blockUnits(frame: Frame, block: PdfBlock, previous: PdfBlock | undefined): Unit[] {
  // Text right after a heading sits close to it; blocks after body text get a paragraph gap.
  const gap = previous?.kind === 'heading' ? 4 : 9
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? headingUnit(frame, block.text, STYLES.h1, 18) : headingUnit(frame, block.text, STYLES.h2, 12)
    case 'paragraph':
      return lineUnits(frame, block.text, STYLES.body, COLORS.text, gap)
    case 'list':
      return listUnits(frame, block.items, gap)
    case 'table':
      return tableUnits(frame, block.rows, gap + 2)
    case 'note':
      return lineUnits(frame, block.text, STYLES.note, COLORS.dim, gap)
  }
}

function titleUnits(frame: Frame, doc: PdfDocument): Unit[] {
  const units = [...headingUnit(frame, doc.title, STYLES.title, 0)]
  if (doc.subtitle) units.push(...lineUnits(frame, doc.subtitle, STYLES.subtitle, COLORS.dim, 4))
  units.push({ height: 1, spaceBefore: 10, draw: (top) => [{ kind: 'rule', x1: frame.left, x2: frame.right, y: top, color: COLORS.rule }] })
  return units
}

/** The frame for a locale: the page's text box and the document's direction. */
export function frameFor(locale: PdfLocale): Frame {
  return { left: PAGE.marginX, right: PAGE.marginX + contentWidth, rtl: directionOf(locale) === 'rtl', lineFactor: LINE_FACTOR[locale] }
}

/** Lays out a document into pages of drawings (footers are added by the renderer, which knows the page count). */
export function paginate(doc: PdfDocument): Drawing[][] {
  const frame = frameFor(doc.locale)
  const units = [...titleUnits(frame, doc), ...doc.blocks.flatMap((block, i) => blockUnits(frame, block, doc.blocks[i - 1]))]
  const pages: Drawing[][] = [[]]
  const bottom = PAGE.height - PAGE.bottom
  let y = PAGE.top
  units.forEach((unit, i) => {
    const next = units[i + 1]
    let before = y === PAGE.top ? 0 : unit.spaceBefore
    const needed = before + unit.height + (unit.keepWithNext && next ? next.spaceBefore + next.height : 0)
    if (y > PAGE.top && y + needed > bottom) {
      pages.push([])
      y = PAGE.top
      before = 0
    }
    pages[pages.length - 1]!.push(...unit.draw(y + before))
    y += before + unit.height
  })
  return pages
}

/** The footer line for a page: the document's footer on the start side, "n / total" on the end side. */
export function footerDrawings(doc: PdfDocument, pageNumber: number, pageCount: number): Drawing[] {
  const frame = frameFor(doc.locale)
  const style = STYLES.note
  const baseline = PAGE.height - PAGE.bottom + 34
  const numbers = new Intl.NumberFormat(doc.locale)
  // Isolated left to right, so a right-to-left page shows "2 / 3" and not "3 / 2".
  const [counter] = lines(frame, `\u2066${numbers.format(pageNumber)} / ${numbers.format(pageCount)}\u2069`, style, 120)
  const out: Drawing[] = [{ kind: 'rule', x1: frame.left, x2: frame.right, y: baseline - 16, color: COLORS.rule }]
  const counterWidth = counter ? counter.width + 16 : 0
  const [text] = doc.footer ? lines(frame, doc.footer, style, contentWidth - counterWidth) : []
  if (text) out.push({ kind: 'text', line: text, x: alignedX(text, frame.left, frame.right, frame.rtl), baseline, color: COLORS.dim })
  if (counter) out.push({ kind: 'text', line: counter, x: frame.rtl ? frame.left : frame.right - counter.width, baseline, color: COLORS.dim })
  return out
}
