// The PDF layer end to end: documents in all five languages are rendered, read back with pdf.js
// (as a person's viewer or a search would) and checked word by word, plus pages, metadata,
// right-to-left placement and the line layout underneath.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { renderPdf, type PdfDocument, type PdfLocale } from './index.js'
import { layoutText } from './text-layout.js'
import { COLORS, paginate } from './page-layout.js'
import { woffToSfnt, isWoff } from './woff.js'

interface TextItem {
  readonly str: string
  readonly x: number
  readonly width: number
}

interface Extracted {
  readonly pages: TextItem[][]
  readonly title: unknown
  readonly language: unknown
}

async function extract(pdf: Buffer): Promise<Extracted> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: TextItem[][] = []
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent()
    pages.push(content.items.flatMap((item) => ('str' in item ? [{ str: item.str, x: item.transform[4] as number, width: item.width }] : [])))
  }
  const info = (await document.getMetadata()).info as Record<string, unknown>
  await document.destroy()
  return { pages, title: info['Title'], language: info['Language'] }
}

/**
 * Words as a reader gets them. pdf.js returns each run of one script and direction as an item
 * and puts a right-to-left item back in logical order, so what comes back intact is a run of one
 * script (a word, or a phrase of one script), not a whole mixed line: "ב-Stagecraft" comes back
 * as "ב-" and "Stagecraft", and "80%" in an Arabic line is drawn, correctly, as "%80". Words are
 * therefore cut at spaces, hyphens and changes of script, and punctuation is dropped.
 */
function wordsOf(text: string): string[] {
  const runs = /(?:[\p{Script=Arabic}\p{M}])+|(?:[\p{Script=Hebrew}\p{M}])+|(?:[\p{Script=Bengali}\p{M}])+|(?:[\p{Script=Latin}\p{M}])+|\p{Nd}+/gu
  return text.split(/[\s\u00a0\-\u2010\u2011]+/).flatMap((token) => token.match(runs) ?? [])
}

/** All text of some pages, items joined by spaces (as test/helpers/pdf.ts does). */
const allText = (pages: TextItem[][]): string => pages.flat().map((i) => i.str).join(' ')

const goals: Record<PdfLocale, { goal: string; sentence: string; phrases: string[] }> = {
  en: {
    goal: 'Answer 80% of questions in under 4 hours',
    sentence: 'We want customers to hear back quickly, on every network we use, including weekends.',
    phrases: ['Answer 80% of questions in under 4 hours'],
  },
  fr: {
    // With the narrow no-break space French number formatting puts before "%".
    goal: 'Répondre à 80\u202f% des questions en moins de 4 heures',
    sentence: 'Nos clients doivent obtenir une réponse rapidement, week-ends compris, sur tous nos réseaux.',
    phrases: ['Répondre à 80 % des questions en moins de 4 heures'],
  },
  ar: {
    goal: 'الرد على 80% من أسئلة عملاء Stagecraft في أقل من 4 ساعات',
    sentence: 'نريد أن يحصل عملاؤنا على ردّ سريع على كل الشبكات التي نستخدمها (بما فيها Bluesky وMastodon).',
    phrases: ['من أسئلة عملاء', 'نريد أن يحصل عملاؤنا على ردّ سريع'],
  },
  he: {
    goal: 'לענות על 80% מהשאלות ב-Stagecraft תוך פחות מ-4 שעות',
    sentence: 'אנחנו רוצים שלקוחות יקבלו מאיתנו תשובה מהר, כולל בסופי שבוע.',
    phrases: ['לענות על', 'אנחנו רוצים שלקוחות יקבלו מאיתנו תשובה מהר'],
  },
  bn: {
    goal: '৪ ঘণ্টার মধ্যে ৮০% প্রশ্নের উত্তর দেওয়া আমাদের লক্ষ্য',
    sentence: 'বিস্তারিত পরিকল্পনা প্রস্তুত: Stagecraft-এ দ্রুত উত্তর দেওয়া আমাদের প্রধান কর্তব্য, রক্ষা করাই শিক্ষা।',
    phrases: ['বিস্তারিত পরিকল্পনা প্রস্তুত', 'দ্রুত উত্তর দেওয়া আমাদের প্রধান কর্তব্য'],
  },
}

const titles: Record<PdfLocale, string> = {
  en: 'Strategic plan 2026',
  fr: 'Plan stratégique 2026',
  ar: 'الخطة الاستراتيجية 2026',
  he: 'תוכנית אסטרטגית 2026',
  bn: 'কৌশলগত পরিকল্পনা ২০২৬',
}

function planDocument(locale: PdfLocale): PdfDocument {
  const { goal, sentence } = goals[locale]
  return {
    locale,
    title: titles[locale],
    subtitle: 'Northwind · 2026',
    footer: 'Stagecraft',
    blocks: [
      { kind: 'heading', level: 1, text: titles[locale] },
      { kind: 'paragraph', text: sentence },
      { kind: 'list', items: [goal, 'Bluesky · Mastodon 🎉'] },
      { kind: 'table', rows: [[goal, '30/06/2026']] },
      { kind: 'note', text: goal },
    ],
  }
}

// Set PDF_SAMPLES_DIR to keep the rendered files for a look.
const samplesDir = process.env.PDF_SAMPLES_DIR

describe('renderPdf', () => {
  for (const locale of Object.keys(goals) as PdfLocale[]) {
    it(`${locale}: the plan's words come back from the PDF, with title and language`, async () => {
      const pdf = await renderPdf(planDocument(locale))
      if (samplesDir) fs.writeFileSync(path.join(samplesDir, `${locale}.pdf`), pdf)
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const { pages, title, language } = await extract(pdf)
      expect(title).toBe(titles[locale])
      expect(language).toBe(locale)

      const text = allText(pages)
      const found = new Set(wordsOf(text))
      const { goal, sentence, phrases } = goals[locale]
      const missing = wordsOf(`${goal} ${sentence}`).filter((w) => !found.has(w))
      expect(missing).toEqual([])
      // Runs of one script come back whole and in reading order, not in drawing order.
      for (const phrase of phrases) expect(text.replace(/\s/g, ' ')).toContain(phrase)
      // Nothing undrawable or unmapped leaks into the text; the emoji was left out quietly.
      expect(text).not.toMatch(/[\p{Cc}\ufffd]|\p{Extended_Pictographic}/u)
      expect(found.has('Bluesky')).toBe(true)
    })
  }

  it('returns right-to-left words in reading order, never in drawing order', async () => {
    const { pages } = await extract(await renderPdf(planDocument('ar')))
    const found = new Set(wordsOf(allText(pages)))
    const reversed = (w: string): string => [...w].reverse().join('')
    expect(found.has('أسئلة')).toBe(true)
    expect(found.has(reversed('أسئلة'))).toBe(false)
    expect(found.has(reversed('Stagecraft'))).toBe(false)
  })

  it('gives each Arabic letter back even when letters share one drawn glyph', async () => {
    // Noto Sans Arabic draws the initial forms of ب ت ن ي from one dotless glyph plus dots; a
    // glyph-to-text map built from the glyph alone would read all four words with one letter.
    const words = ['تمر', 'بحر', 'نهر', 'يوم', 'ثوم']
    const pdf = await renderPdf({ locale: 'ar', title: 'كلمات', blocks: [{ kind: 'paragraph', text: words.join(' ') }] })
    const found = new Set(wordsOf(allText((await extract(pdf)).pages)))
    expect(words.filter((w) => !found.has(w))).toEqual([])
  })

  it('mirrors right-to-left pages: text flush right, bullets on the right', async () => {
    const margin = 56.7
    const right = 595.28 - margin
    const { pages } = await extract(await renderPdf({ locale: 'he', title: 'כותרת', blocks: [{ kind: 'list', items: ['פריט ראשון ברשימה'] }] }))
    const items = pages[0]!.filter((i) => i.str.trim() !== '')
    const bullet = items.find((i) => i.str === '•')!
    const item = items.find((i) => i.str.includes('פריט'))!
    expect(bullet.x).toBeGreaterThan(item.x + item.width)
    expect(bullet.x + bullet.width).toBeGreaterThan(right - 10)
    const heading = items.find((i) => i.str === 'כותרת')!
    expect(heading.x + heading.width).toBeCloseTo(right, 0)
  })

  for (const locale of ['fr', 'he'] as const) {
    it(`${locale}: breaks a long document over pages, numbered "n / total" on every page`, async () => {
      const blocks = Array.from({ length: 30 }, (_, i) => [
        { kind: 'heading' as const, level: 2 as const, text: `${titles[locale]} ${i + 1}` },
        { kind: 'paragraph' as const, text: `${goals[locale].sentence} ${goals[locale].goal}. `.repeat(3) },
      ]).flat()
      blocks.push({ kind: 'paragraph', text: goals[locale].goal })
      const { pages } = await extract(await renderPdf({ locale, title: titles[locale], footer: 'Stagecraft', blocks }))
      expect(pages.length).toBeGreaterThan(1)
      const lastPage = new Set(wordsOf(allText(pages.slice(-1))))
      expect(wordsOf(goals[locale].goal).filter((w) => !lastPage.has(w))).toEqual([])
      // The counter reads left to right in a right-to-left document too.
      pages.forEach((page, i) => expect(allText([page])).toContain(`${i + 1} / ${pages.length}`))
    })
  }

  it('never leaves a heading alone at the bottom of a page', () => {
    const blocks = Array.from({ length: 40 }, (_, i) => [
      { kind: 'heading' as const, level: 1 as const, text: `Heading ${i}` },
      { kind: 'paragraph' as const, text: 'One line of text under the heading.' },
      { kind: 'paragraph' as const, text: goals.en.sentence },
    ]).flat()
    const pages = paginate({ locale: 'en', title: 'Headings', blocks })
    expect(pages.length).toBeGreaterThan(2)
    for (const page of pages.slice(0, -1)) {
      const texts = page.filter((d) => d.kind === 'text')
      expect(texts[texts.length - 1]!.color).not.toBe(COLORS.heading)
    }
  })

  it('survives empty blocks, emoji-only text and unknown scripts', async () => {
    const pdf = await renderPdf({
      locale: 'en',
      title: '😀',
      blocks: [
        { kind: 'paragraph', text: '' },
        { kind: 'paragraph', text: '👍🏽❤️‍🔥' },
        { kind: 'list', items: [] },
        { kind: 'table', rows: [['', '']] },
        { kind: 'paragraph', text: '中文 and 한국어 then ok' },
        { kind: 'paragraph', text: 'x'.repeat(500) },
      ],
    })
    const text = allText((await extract(pdf)).pages)
    expect(text).toContain('and')
    expect(text).toContain('then ok')
    expect(text.replace(/\s/g, '')).toContain('x'.repeat(500))
  })
})

describe('layoutText', () => {
  const style = { size: 10, weight: 400 } as const
  const glyphText = (line: ReturnType<typeof layoutText>[number]): string[] =>
    line.pieces.map((p) => p.piece.glyphs.map((g) => g.text).join('')).filter((t) => t.trim() !== '')

  it('orders a right-to-left line with a Latin name and digits visually, right to left', () => {
    const [line] = layoutText('שלום Stagecraft 80 עולם', style, 500, 'rtl')
    // Drawing order (left to right): the last Hebrew word, then "Stagecraft 80" (digits after a
    // Latin word join its left-to-right run), then the first Hebrew word; Hebrew glyph text is
    // itself in drawing order.
    expect(glyphText(line!)).toEqual(['םלוע', 'Stagecraft', '80', 'םולש'])
    const [arabic] = layoutText('الرد على 80% من الأسئلة', style, 500, 'rtl')
    // After Arabic letters, digits are Arabic numbers and the percent sign follows the Arabic run.
    expect(glyphText(arabic!)).toEqual(['ةلئسألا', 'نم', '%', '80', 'ىلع', 'درلا'])
  })

  it('keeps left-to-right order for a Hebrew name inside an English sentence', () => {
    const [line] = layoutText('Meet שלום עולם today', style, 500, 'ltr')
    expect(glyphText(line!)).toEqual(['Meet', 'םלוע', 'םולש', 'today'])
  })

  it('joins Arabic letters: a word uses other glyphs than its letters written apart', () => {
    const letterGlyphs = (text: string): number[] =>
      layoutText(text, style, 500, 'rtl')[0]!.pieces.flatMap((p) => p.piece.glyphs.filter((g) => g.text.trim() !== '').map((g) => g.gid))
    const joined = letterGlyphs('بكم')
    const apart = letterGlyphs('ب ك م')
    expect(joined).toHaveLength(3)
    expect(joined.filter((id) => apart.includes(id))).toEqual([])
  })

  it('wraps on words within the width, in either direction', () => {
    for (const [text, dir] of [
      [goals.fr.sentence, 'ltr'],
      [goals.ar.sentence, 'rtl'],
      [goals.bn.sentence, 'ltr'],
    ] as const) {
      const lines = layoutText(text, style, 120, dir)
      expect(lines.length).toBeGreaterThan(2)
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(120.01)
    }
  })

  it('keeps French punctuation with its word at a line end', () => {
    const lines = layoutText('Objectif atteint à 80 %', style, 98, 'ltr')
    expect(glyphText(lines[lines.length - 1]!).join(' ')).not.toBe('%')
  })
})

describe('woffToSfnt', () => {
  it('unpacks a WOFF font into a plain font with the same tables', () => {
    const file = fs.readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff'))
    expect(isWoff(file)).toBe(true)
    const sfnt = woffToSfnt(file)
    const view = new DataView(sfnt.buffer)
    expect(view.getUint16(4)).toBe(new DataView(file.buffer, file.byteOffset).getUint16(12))
    expect(isWoff(sfnt)).toBe(false)
    expect(() => woffToSfnt(sfnt)).toThrow('Not a WOFF file')
  })
})
