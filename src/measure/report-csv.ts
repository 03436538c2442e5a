/**
 * The Measure dashboard's tables as CSV files a spreadsheet opens as they are: headers in the
 * reader's language, values left machine-readable (plain numbers with a `.` decimal point, rates
 * as decimals, ISO days and UTC times) so that sums and charts work in any spreadsheet locale.
 * RFC 4180 quoting with CRLF line ends, and a byte order mark so Arabic, Hebrew and Bengali text
 * is read as UTF-8 rather than the spreadsheet's local code page.
 */
import type { Translate } from '../i18n/index.js'
import type { MeasureDashboard } from './dashboard-types.js'

/** The tables that can be exported. */
export type CsvTable = 'posts' | 'daily' | 'networks'

export interface CsvOptions {
  /** Translates the header row into the reader's language. */
  t: Translate
  /** A network's display name from its id (`bluesky` → `Bluesky`). */
  networkName(id: string): string
}

/** A cell: text, a number, or nothing (an unknown value stays empty, never 0). */
type Cell = string | number | null

const bom = '\uFEFF'
const lineEnd = '\r\n'

/**
 * Text a spreadsheet would run as a formula (or whose leading control character it would drop)
 * gets a leading apostrophe, so a post that starts with "=HYPERLINK(…)" or "-50%" stays text.
 */
const formulaStart = /^[=+\-@\t\r]/

/** Plain digits with a `.` point; float noise (0.30000000000000004) rounded off at six decimals. */
function numberCell(value: number): string {
  if (!Number.isFinite(value)) return ''
  return String(Number.isInteger(value) ? value : Number(value.toFixed(6)))
}

function textCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value
}

/** One field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(cell: Cell): string {
  const text = cell === null ? '' : typeof cell === 'number' ? numberCell(cell) : textCell(cell)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function toCsv(rows: readonly Cell[][]): string {
  return bom + rows.map((row) => row.map(field).join(',') + lineEnd).join('')
}

/** An instant as ISO 8601 in UTC, to the second (`2026-11-02T14:05:00Z`). */
function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function header(t: Translate, column: string): string {
  return t(`measureReport.columns.${column}`)
}

function revenueHeader(t: Translate, currency: string | null): string {
  return currency ? t('measureReport.columns.revenue_in', { currency }) : t('measureReport.columns.revenue')
}

function postsRows(dashboard: MeasureDashboard, { t, networkName }: CsvOptions): Cell[][] {
  const columns = ['published_at', 'network', 'handle', 'content_type', 'text', 'url', 'likes', 'reposts', 'replies', 'quotes', 'views', 'engagement', 'engagement_rate', 'clicks', 'conversions']
  return [
    [...columns.map((c) => header(t, c)), revenueHeader(t, dashboard.currency), header(t, 'post_id')],
    ...dashboard.topPosts.map((p) => [
      isoTime(p.publishedAt),
      networkName(p.network),
      p.handle,
      p.contentType ? t(`coach.labels.content_types.${p.contentType}`) : null,
      p.text,
      p.url,
      p.likes,
      p.reposts,
      p.replies,
      p.quotes,
      p.views,
      p.engagement,
      p.engagementRate,
      p.clicks,
      p.conversions,
      p.revenue,
      p.postId,
    ]),
  ]
}

function dailyRows(dashboard: MeasureDashboard, { t }: CsvOptions): Cell[][] {
  const columns = ['day', 'posts', 'followers', 'engagement', 'clicks', 'bot_clicks', 'visitors', 'conversions']
  return [
    [...columns.map((c) => header(t, c)), revenueHeader(t, dashboard.currency)],
    ...dashboard.daily.map((d) => [d.day, d.posts, d.followers, d.engagement, d.clicks, d.botClicks, d.visitors, d.conversions, d.revenue]),
  ]
}

/** A wait in minutes to the tenth (a spreadsheet sums and charts minutes more readily than milliseconds). */
function minutesOf(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 6000) / 10
}

/**
 * One row per network: the posts' figures, then how fast the people who wrote there were
 * answered. A network people wrote on without any post or count in the period gets a row too,
 * its figures as the dashboard has them for a network with nothing (none, or not known).
 */
function networkRows(dashboard: MeasureDashboard, { t, networkName }: CsvOptions): Cell[][] {
  const columns = ['network', 'posts', 'followers', 'reach', 'engagement', 'engagement_rate', 'clicks', 'conversions']
  const { responses } = dashboard
  const timed = new Map(responses.byNetwork.map((r) => [r.network, r.stats]))
  const posted = new Set(dashboard.byNetwork.map((n) => n.network))
  const rows = [
    ...dashboard.byNetwork,
    ...responses.byNetwork
      .filter((r) => !posted.has(r.network))
      .map((r) => ({ network: r.network, posts: 0, followers: null, reach: null, engagement: 0, engagementRate: null, clicks: 0, conversions: 0, revenue: 0 })),
  ]
  return [
    [...columns.map((c) => header(t, c)), revenueHeader(t, dashboard.currency), header(t, 'median_response_minutes'), t('measureReport.columns.within_target', { minutes: responses.targetMinutes })],
    ...rows.map((n) => {
      const stats = timed.get(n.network)
      return [networkName(n.network), n.posts, n.followers, n.reach, n.engagement, n.engagementRate, n.clicks, n.conversions, n.revenue, minutesOf(stats?.medianMs ?? null), stats?.shareWithinTarget ?? null]
    }),
  ]
}

/**
 * One table of the dashboard as a CSV file: `posts` (every post in `dashboard.topPosts`, however
 * many the caller put there), `daily` (one row per day) or `networks` (one row per network).
 */
export function dashboardCsv(dashboard: MeasureDashboard, table: CsvTable, options: CsvOptions): string {
  switch (table) {
    case 'posts':
      return toCsv(postsRows(dashboard, options))
    case 'daily':
      return toCsv(dailyRows(dashboard, options))
    case 'networks':
      return toCsv(networkRows(dashboard, options))
  }
}

/** The download's name: `stagecraft-posts-2026-10-25_2026-11-23.csv`. */
export function csvFileName(table: CsvTable, period: { from: string; to: string }): string {
  return `stagecraft-${table}-${period.from}_${period.to}.csv`
}
