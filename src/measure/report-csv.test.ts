// The dashboard's CSV exports: read back with an RFC 4180 parser, as a spreadsheet would, to
// check quoting, formula-injection guards, scripts kept intact, translated headers and values
// left machine-readable.
import { describe, expect, it } from 'vitest'
import { translator } from '../i18n/index.js'
import { csvFileName, dashboardCsv, type CsvTable } from './report-csv.js'
import { sampleDashboard, samplePost, samplePosts } from './test-fixtures.js'
import type { MeasureDashboard } from './dashboard-types.js'

const names: Record<string, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', threads: 'Threads' }
const networkName = (id: string): string => names[id] ?? id

function csv(dashboard: MeasureDashboard, table: CsvTable, locale: 'en' | 'fr' = 'en'): string {
  return dashboardCsv(dashboard, table, { t: translator(locale), networkName })
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; anything else fails. */
function parse(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true)
  const rows: string[][] = []
  let row: string[] = []
  let i = 1
  while (i < text.length) {
    let value = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        const quote = text.indexOf('"', i)
        expect(quote).toBeGreaterThanOrEqual(0)
        value += text.slice(i, quote)
        i = quote + 1
        if (text[i] !== '"') break
        value += '"'
        i++
      }
    } else {
      const end = text.slice(i).search(/[,\r\n]/)
      value = end < 0 ? text.slice(i) : text.slice(i, i + end)
      expect(value).not.toContain('"')
      i += value.length
    }
    row.push(value)
    if (text[i] === ',') {
      i++
    } else {
      expect(text.slice(i, i + 2)).toBe('\r\n')
      i += 2
      rows.push(row)
      row = []
    }
  }
  expect(row).toEqual([])
  return rows
}

/** The rows as objects keyed by the (English) header. */
function records(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parse(text)
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])))
}

describe('dashboardCsv', () => {
  it('starts with a byte order mark and ends every record with CRLF, never a bare line feed', () => {
    const text = csv(sampleDashboard(), 'daily')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    expect(parse(text)).toHaveLength(31)
  })

  it('quotes commas, quotes and line breaks so they come back exactly', () => {
    const tricky = 'Fresh "pain au chocolat", warm;\nsecond line\r\nthird, "quoted"'
    const text = csv(sampleDashboard({ topPosts: [samplePost({ text: tricky, url: 'https://example.com/a,b' })] }), 'posts')
    expect(text).toContain('"Fresh ""pain au chocolat"", warm;\nsecond line\r\nthird, ""quoted"""')
    const [post] = records(text)
    expect(post!['Text']).toBe(tricky)
    expect(post!['Link to the post']).toBe('https://example.com/a,b')
  })

  it('keeps text that a spreadsheet would run as a formula as text, and leaves numbers alone', () => {
    const starts = ['=HYPERLINK("https://evil.example","Click")', '+33 1 42 00 00 00', '-50% on croissants', '@SUM(A1:A9)', '\tindented', '\rcarriage']
    const posts = starts.map((text, i) => samplePost({ postId: `p${i}`, text, revenue: 12.5 }))
    const rows = records(csv(sampleDashboard({ topPosts: [...posts, samplePost({ postId: 'plain', text: 'Plain text, 100% butter' })] }), 'posts'))
    expect(rows.slice(0, starts.length).map((r) => r['Text'])).toEqual(starts.map((s) => `'${s}`))
    expect(rows[starts.length]!['Text']).toBe('Plain text, 100% butter')
    // A handle starts with "@" too.
    expect(rows[0]!['Account']).toBe("'@northwind.bakery")
    expect(rows[0]!['Revenue (EUR)']).toBe('12.5')
    expect(rows[0]!['Post ID']).toBe('p0')
  })

  it('keeps Arabic, Hebrew and Bengali text intact in UTF-8', () => {
    const texts = ['خبز طازج كل صباح، تعالوا مبكرًا!', 'לחם טרי כל בוקר, בואו מוקדם', 'প্রতিদিন সকালে তাজা রুটি, তাড়াতাড়ি আসুন।']
    const text = csv(sampleDashboard({ topPosts: texts.map((t, i) => samplePost({ postId: `p${i}`, text: t })) }), 'posts')
    expect(records(text).map((r) => r['Text'])).toEqual(texts)
    const bytes = Buffer.from(text, 'utf8')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    for (const t of texts) expect(bytes.includes(Buffer.from(t, 'utf8'))).toBe(true)
  })

  it('writes the header in French for a French reader, with numbers, dates and times left machine-readable', () => {
    const dashboard = sampleDashboard({ topPosts: [samplePost({ revenue: 2315.5, engagementRate: 0.0863, views: null, clicks: 12_345 })] })
    const [header, row] = parse(csv(dashboard, 'posts', 'fr'))
    expect(header).toEqual([
      'Publié le (UTC)',
      'Réseau',
      'Compte',
      'Type de contenu',
      'Texte',
      'Lien vers le post',
      "J'aime",
      'Partages',
      'Réponses',
      'Citations',
      'Vues',
      'Engagement',
      "Taux d'engagement",
      'Clics',
      'Conversions',
      "Chiffre d'affaires (EUR)",
      'Identifiant du post',
    ])
    const cell = (name: string) => row![header!.indexOf(name)]
    expect(cell('Publié le (UTC)')).toBe('2026-11-02T07:30:00Z')
    expect(cell('Réseau')).toBe('Bluesky')
    expect(cell('Type de contenu')).toBe('Éduquer')
    expect(cell("Taux d'engagement")).toBe('0.0863')
    expect(cell("Chiffre d'affaires (EUR)")).toBe('2315.5')
    expect(cell('Clics')).toBe('12345')
    // Unknown stays empty, never 0.
    expect(cell('Vues')).toBe('')
  })

  it('exports every day and every network, unknown followers left empty', () => {
    const daily = sampleDashboard().daily.map((d, i) => (i === 0 ? { ...d, followers: null, revenue: 0.1 + 0.2 } : d))
    const days = records(csv(sampleDashboard({ daily }), 'daily'))
    expect(days.map((d) => d['Day'])).toEqual(daily.map((d) => d.day))
    expect(days[0]).toMatchObject({ Day: '2026-10-25', Followers: '', 'Revenue (EUR)': '0.3', Posts: '2' })
    expect(days[1]!['Followers']).toBe('1186')

    const networks = records(csv(sampleDashboard({ currency: null }), 'networks'))
    expect(networks.map((n) => n['Network'])).toEqual(['Bluesky', 'Mastodon', 'Threads'])
    expect(networks[0]).toMatchObject({ Posts: '16', 'Potential reach': '7900', 'Engagement rate': '0.0509', Revenue: '1402.5' })
  })

  it('gives each network\'s median response in minutes and its share within the target, a network people only wrote on included', () => {
    const base = sampleDashboard()
    const dashboard = sampleDashboard({
      byNetwork: base.byNetwork.filter((n) => n.network !== 'threads'),
      responses: {
        ...base.responses,
        byNetwork: [
          { network: 'bluesky', stats: { items: 3, answered: 2, medianMs: 95 * 60_000 + 20_000, withinTarget: 2, shareWithinTarget: 1 } },
          { network: 'threads', stats: { items: 2, answered: 0, medianMs: null, withinTarget: 0, shareWithinTarget: null } },
        ],
      },
    })
    const networks = records(csv(dashboard, 'networks'))
    expect(networks.map((n) => n['Network'])).toEqual(['Bluesky', 'Mastodon', 'Threads'])
    expect(networks[0]).toMatchObject({ 'Median time to answer (minutes)': '95.3', 'Answered within target (240 min)': '1' })
    // Nobody wrote on Mastodon, and nobody on Threads is answered yet: unknown, never 0.
    expect(networks[1]).toMatchObject({ 'Median time to answer (minutes)': '', 'Answered within target (240 min)': '' })
    expect(networks[2]).toMatchObject({ Posts: '0', Followers: '', 'Potential reach': '', 'Median time to answer (minutes)': '', 'Answered within target (240 min)': '' })
  })

  it('exports every post it is given, not only a top ten', () => {
    const rows = records(csv(sampleDashboard({ topPosts: samplePosts(40) }), 'posts'))
    expect(rows).toHaveLength(40)
    expect(rows[39]!['Post ID']).toBe('post-40')
  })
})

describe('csvFileName', () => {
  it('names the table and the period', () => {
    expect(csvFileName('posts', { from: '2026-10-25', to: '2026-11-23' })).toBe('stagecraft-posts-2026-10-25_2026-11-23.csv')
    expect(csvFileName('networks', sampleDashboard().period)).toBe('stagecraft-networks-2026-10-25_2026-11-23.csv')
  })
})
