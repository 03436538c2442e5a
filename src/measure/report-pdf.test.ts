// The dashboard's PDF report, read back with pdf.js as a viewer or a search would: what it says
// in English, Hebrew and Bengali, how it writes numbers, money, dates and unknown values, and how
// a long report breaks over numbered pages.
import { describe, expect, it } from 'vitest'
import { influenceScore, type Locale } from '../domain/index.js'
import { translator } from '../i18n/index.js'
import { pdfText } from '../../test/helpers/pdf.js'
import { dashboardPdf } from './report-pdf.js'
import { sampleDashboard, samplePost, samplePosts } from './test-fixtures.js'
import type { MeasureDashboard } from './dashboard-types.js'

const names: Record<string, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', threads: 'Threads' }
const now = Date.UTC(2026, 10, 24, 9, 0)

async function report(locale: Locale, dashboard: MeasureDashboard = sampleDashboard()): Promise<string> {
  const pdf = await dashboardPdf(dashboard, { locale, t: translator(locale), workspaceName: 'Northwind Bakery', networkName: (id) => names[id] ?? id, now })
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  return pdfText(pdf)
}

/**
 * Words as a reader gets them back: pdf.js returns each run of one script whole, and a
 * right-to-left line's runs in drawing order, so a mixed line is compared word by word.
 */
function wordsOf(text: string): string[] {
  const runs = /(?:[\p{Script=Arabic}\p{M}])+|(?:[\p{Script=Hebrew}\p{M}])+|(?:[\p{Script=Bengali}\p{M}])+|(?:[\p{Script=Latin}\p{M}])+|\p{Nd}+/gu
  return text.split(/[\s\u00a0\-\u2010\u2011]+/).flatMap((token) => token.match(runs) ?? [])
}

function missingWords(text: string, expected: string): string[] {
  const found = new Set(wordsOf(text))
  return wordsOf(expected).filter((w) => !found.has(w))
}

/** Text without spaces and bidi marks, for figures that pdf.js splits into pieces ("১ , ২৪০"). */
const squash = (text: string): string => text.replace(/[\s\u200e\u200f\u2066-\u2069]/g, '')

const dayRange = (locale: Locale, from: string, to: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`))

describe('dashboardPdf', () => {
  for (const locale of ['en', 'he', 'bn'] as const) {
    it(`${locale}: names the workspace and period, and gives the totals, a top post and the score parts`, async () => {
      const dashboard = sampleDashboard()
      const t = translator(locale)
      const text = await report(locale, dashboard)
      expect(text).toContain('Northwind Bakery')
      expect(missingWords(text, t('measureReport.title', { workspace: 'Northwind Bakery' }))).toEqual([])
      expect(missingWords(text, dayRange(locale, '2026-10-25', '2026-11-23'))).toEqual([])
      expect(missingWords(text, dayRange(locale, '2026-09-25', '2026-10-24'))).toEqual([])
      expect(text).toContain('Behind the counter at 5 a.m.: a time-lapse of the first batch.')

      const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
      for (const value of [1240, 18_450, 1284, 47, 1184]) expect(squash(text)).toContain(squash(number.format(value)))
      expect(squash(text)).toContain(squash(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(0.0458)))

      for (const part of dashboard.influence.parts) expect(missingWords(text, t(`measureReport.influence.parts.${part.key}.title`))).toEqual([])
      for (const part of dashboard.equity.parts) expect(missingWords(text, t(`measureReport.equity.parts.${part.key}.title`))).toEqual([])
      // No untranslated key, no placeholder, nothing undrawable or unmapped (pages end in a newline).
      expect(text).not.toMatch(/measureReport\.|\{\{|[^\P{Cc}\n]|[\u2066-\u2069\ufffd]/u)
    })
  }

  it('writes figures in the reader\'s digits and money in the dashboard\'s currency', async () => {
    const bengali = squash(await report('bn'))
    expect(bengali).toContain('১,২৪০')
    expect(bengali).toContain('২,৩১৫.৫০€')
    expect(bengali).not.toContain('1,240')
    const english = await report('en')
    expect(english).toContain('€2,315.50 · previous period: €1,710.00 (+35%)')
    expect(english).toContain('+56 · previous period: +38')
  })

  it('shows each score part with its formula, the constants the code used and its figures', async () => {
    const dashboard = sampleDashboard()
    const text = await report('en', dashboard)
    const [reach, quality] = dashboard.influence.parts
    expect(text).toContain(`Reach: ${reach!.score}`)
    expect(text).toContain('on a logarithmic scale where 100,000 people per post scores 100')
    expect(text).toContain(`Quality of engagement: ${quality!.score}`)
    expect(text).toMatch(/Weight in the score\s+40%/)
    expect(text).toMatch(/People who engaged\s+212/)
    expect(text).toMatch(/Revenue, previous period\s+€1,710\.00/)
    expect(text).toMatch(new RegExp(`Influence score, out of 100\\s+${dashboard.influence.score}`))
  })

  it('puts times in the workspace\'s time zone and the best hours in words', async () => {
    const text = squash(await report('en'))
    // Published at 07:30 UTC on 2 November: 08:30 in Paris.
    expect(text).toContain(squash('Bluesky · @northwind.bakery · Nov 2, 2026, 8:30 AM'))
    expect(text).toContain(squash('Tuesday, 8:00 – 9:00 AM'))
    expect(text).toContain(squash('Friday, 5:00 – 6:00 PM'))
    // The last hour of the day is written without dates.
    const late = sampleDashboard({ bestTimes: { ...sampleDashboard().bestTimes, best: [{ weekday: 7, hour: 23 }] } })
    expect(squash(await report('en', late))).toContain(squash('Sunday, 11:00 PM – 12:00 AM'))
    expect(text).toContain(squash('From a friend or family member 14 · 22.2%'))
  })

  it('says "not known yet" for what is not known, in the reader\'s language, never 0', async () => {
    const base = sampleDashboard()
    const unknown = { ...base.totals, followers: null, followersChange: null, reach: null, views: null, engagementRate: null }
    const dashboard = sampleDashboard({
      totals: unknown,
      previousTotals: { ...unknown, posts: 0 },
      byNetwork: [{ network: 'bluesky', posts: 3, followers: null, reach: null, engagement: 12, engagementRate: null, clicks: 4, conversions: 0, revenue: 0 }],
      influence: influenceScore({ posts: 0, followers: null, reach: null, likes: 0, reposts: 0, replies: 0, quotes: 0, engagers: null }),
      freshness: { metricsAt: null, rolledUntil: null },
    })
    const english = await report('en', dashboard)
    expect(english).toMatch(/Followers\s+not known yet · previous period: not known yet/)
    expect(english).toMatch(/Potential reach\s+not known yet/)
    expect(english).toContain('Followers: not known yet')
    expect(english).toMatch(/Influence score, out of 100\s+not known yet/)
    expect(english).toContain('Reach: not known yet')
    expect(english).toContain('Counts have not been read from the networks yet')
    expect(english).not.toMatch(/Followers\s+0\b/)

    const hebrew = await report('he', dashboard)
    expect(hebrew).toContain('עדיין לא ידוע')
    expect(hebrew.split('עדיין לא ידוע').length).toBeGreaterThan(8)
  })

  it('gives the response time with the period before, and says so when nobody wrote', async () => {
    const english = squash(await report('en'))
    // 112 min against 190 min; 35 of the 43 whose outcome is known within four hours.
    expect(english).toContain(squash('Median time to a first answer 1 hr 52 min · previous period: 3 hr 10 min'))
    expect(english).toContain(squash('Answered within 4 hours 81.4% · 41 of 46 answered'))
    const quiet = sampleDashboard({ responses: { targetMinutes: 240, overall: null, previousOverall: null, byNetwork: [] } })
    const text = await report('en', quiet)
    expect(text).toMatch(/Median time to a first answer\s+No replies, mentions or quotes came in during this period\./)
    expect(text).not.toContain('Answered within')
  })

  it('breaks a report of 40 posts over numbered pages, posts in order of conversions', async () => {
    const posts = samplePosts(40).reverse()
    const pages = (await report('en', sampleDashboard({ topPosts: [samplePost({ postId: 'none', text: 'A post nobody clicked.', conversions: 0, clicks: 0, engagement: 0 }), ...posts] }))).split('\n')
    const shortPages = (await report('en')).split('\n')
    expect(pages.length).toBeGreaterThan(shortPages.length)
    pages.forEach((page, i) => expect(page).toContain(`${i + 1} / ${pages.length}`))
    const all = pages.join(' ')
    const positions = [1, 2, 20, 40].map((n) => all.indexOf(`Post number ${n}:`))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(all.indexOf('A post nobody clicked.')).toBeGreaterThan(positions[3]!)
  })

  it('numbers the pages in Bengali digits in a Bengali report', async () => {
    const pages = (await report('bn', sampleDashboard({ topPosts: samplePosts(40) }))).split('\n')
    const digits = new Intl.NumberFormat('bn')
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, i) => expect(squash(page)).toContain(`${digits.format(i + 1)}/${digits.format(pages.length)}`))
  })
})
