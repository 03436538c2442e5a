/**
 * The Measure dashboard as a PDF report in the reader's language (right-to-left for Arabic and
 * Hebrew), the same look as the plan's PDF: the period's soft and hard numbers against the period
 * before, per network and per content type, the top posts, the best times to post, the "how did
 * you hear about us?" answers, and the influence and equity scores with what each part is made of;
 * how fast people who wrote were answered sits with the soft numbers.
 * Numbers, money, percents and dates are written the reader's way; a value not known yet is said
 * so, never printed as 0.
 */
import { changeRatio, type Locale } from '../domain/index.js'
import type { Translate } from '../i18n/index.js'
import { renderPdf, type PdfBlock } from '../pdf/index.js'
import type { DashboardResponses, DashboardTotals, MeasureDashboard, PostRow, ScorePart } from './dashboard-types.js'

export interface PdfReportOptions {
  locale: Locale
  t: Translate
  workspaceName: string
  /** A network's display name from its id (`bluesky` → `Bluesky`). */
  networkName(id: string): string
  /** When the report is made (epoch ms), printed under the title. */
  now: number
}

type Row = [string, string]

/** How one report writes its values: the reader's digits, separators, currency and dates. */
interface Formats {
  t: Translate
  /** A count or a score; null is "not known yet". */
  number(value: number | null): string
  money(value: number | null): string
  /** A rate given as a decimal (0.034 → 3.4%). */
  percent(value: number | null): string
  /** A relative change, signed (+12%). */
  change(value: number): string
  /** A signed count (+56, −3). */
  signed(value: number | null): string
  /** A wait in the reader's words and units ("1 hr 52 min"); `long` inside a sentence ("4 hours"). */
  duration(ms: number | null, display?: 'short' | 'long'): string
  /** A span of workspace days. */
  days(from: string, to: string): string
  /** An instant, in the workspace's time zone. */
  instant(ms: number): string
  weekday(weekday: number): string
  /** The hour from `hour`:00 to the next, in the reader's clock. */
  hour(hour: number): string
  networkName(id: string): string
}

/**
 * Days are calendar days already in the workspace's time zone, so they are formatted as UTC
 * midnights (formatting them in the workspace's zone could move them a day); instants are shown
 * in the workspace's time zone.
 */
function formatsFor(dashboard: MeasureDashboard, options: PdfReportOptions): Formats {
  const { locale, t } = options
  const unknown = t('measureReport.unknown')
  const known = (format: (value: number) => string) => (value: number | null) => (value === null || !Number.isFinite(value) ? unknown : format(value))
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const change = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' })
  const money = dashboard.currency ? new Intl.NumberFormat(locale, { style: 'currency', currency: dashboard.currency }) : count
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: dashboard.period.timeZone })
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
  const midnight = (iso: string) => new Date(`${iso}T00:00:00Z`)
  const at = (hour: number) => new Date(Date.UTC(2023, 0, 2, hour))
  return {
    t,
    number: known((v) => count.format(v)),
    money: known((v) => money.format(v)),
    percent: known((v) => percent.format(v)),
    change: (v) => change.format(v),
    signed: known((v) => isolated(signed.format(v))),
    duration: (ms, display = 'short') => (ms === null || !Number.isFinite(ms) ? unknown : formatDuration(ms, locale, display)),
    days: (from, to) => (from === to ? day.format(midnight(from)) : day.formatRange(midnight(from), midnight(to))),
    instant: (ms) => instant.format(new Date(ms)),
    // ISO weekdays (1 = Monday … 7 = Sunday): 2023-01-02 was a Monday.
    weekday: (wd) => weekday.format(new Date(Date.UTC(2023, 0, 1 + wd))),
    // A range across midnight would be written with both dates, so the last hour is two times.
    hour: (h) => (h < 23 ? clock.formatRange(at(h), at(h + 1)) : `${clock.format(at(h))} – ${clock.format(at(h + 1))}`),
    networkName: options.networkName,
  }
}

const minuteMs = 60_000

/**
 * A wait as at most its two largest whole units (2 hr 10 min, 1 day 3 hr, 40 sec): nobody acts on
 * seconds once hours have passed. A smaller unit that rounds to 0 is left out.
 */
function durationParts(ms: number): Array<{ unit: 'day' | 'hour' | 'minute' | 'second'; value: number }> {
  const safe = Math.max(0, ms)
  if (safe < minuteMs - 500) return [{ unit: 'second', value: Math.round(safe / 1000) }]
  const minutes = Math.round(safe / minuteMs)
  if (minutes < 60) return [{ unit: 'minute', value: minutes }]
  if (minutes < 24 * 60) {
    const hours = [{ unit: 'hour' as const, value: Math.floor(minutes / 60) }]
    return minutes % 60 === 0 ? hours : [...hours, { unit: 'minute', value: minutes % 60 }]
  }
  const hours = Math.round(safe / (60 * minuteMs))
  const days = [{ unit: 'day' as const, value: Math.floor(hours / 24) }]
  return hours % 24 === 0 ? days : [...days, { unit: 'hour', value: hours % 24 }]
}

function formatDuration(ms: number, locale: Locale, display: 'short' | 'long'): string {
  const words = durationParts(ms).map(({ unit, value }) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: display }).format(value))
  return new Intl.ListFormat(locale, { type: 'unit', style: display === 'long' ? 'long' : 'narrow' }).format(words)
}

/**
 * A signed figure kept left to right, so a right-to-left line shows "+56" and not "56+" (the sign
 * is a neutral character the bidi algorithm would otherwise put on the right-to-left side).
 */
function isolated(text: string): string {
  return `\u2066${text}\u2069`
}

/**
 * People's own text (a post, a handle) in its own direction: an English post in a Hebrew report
 * keeps its full stop at its end, and a date beside a handle stays whole.
 */
function ownDirection(text: string): string {
  return `\u2068${text}\u2069`
}

/** "Label: value" in the language's punctuation (French puts a space before the colon). */
function pair(f: Formats, label: string, value: string): string {
  return f.t('measureReport.pair', { label, value })
}

/** A value with the previous period's beside it, and the relative change when it means something. */
function withPrevious(f: Formats, current: number | null, previous: number | null, format: (value: number | null) => string, relative = true): string {
  // A change from 0 is infinite, and a rate's or a gain's change is better read from the two values themselves.
  const change = relative ? changeRatio(current, previous) : null
  const before =
    change === null ? f.t('measureReport.change.previous', { value: format(previous) }) : f.t('measureReport.change.previous_change', { value: format(previous), change: f.change(change) })
  return `${format(current)} · ${before}`
}

/** A field's catalog key: `engagementRate` → `engagement_rate`. */
function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

function totalsLabel(f: Formats, field: keyof DashboardTotals): string {
  return f.t(`measureReport.totals.${snakeCase(field)}`)
}

/**
 * How fast people who wrote were answered: the median wait against the period before, and the
 * share answered within the workspace's target with how many were answered. Said plainly when
 * nobody wrote.
 */
function responseRows(f: Formats, responses: DashboardResponses): Row[] {
  const label = f.t('measureReport.responses.median')
  const { overall, previousOverall, targetMinutes } = responses
  if (overall === null) return [[label, f.t('measureReport.responses.none')]]
  const target = f.duration(targetMinutes * minuteMs, 'long')
  const answered = f.t('measureReport.responses.answered', { answered: f.number(overall.answered), items: f.number(overall.items) })
  return [
    [label, withPrevious(f, overall.medianMs, previousOverall?.medianMs ?? null, (ms) => f.duration(ms), false)],
    [f.t('measureReport.responses.within_target', { target }), `${f.percent(overall.shareWithinTarget)} · ${answered}`],
  ]
}

function totalsBlocks(f: Formats, now: DashboardTotals, before: DashboardTotals, responses: DashboardResponses): PdfBlock[] {
  const row = (field: keyof DashboardTotals, format = f.number, relative = true): Row => [totalsLabel(f, field), withPrevious(f, now[field], before[field], format, relative)]
  const engagementParts = (['likes', 'reposts', 'replies', 'quotes'] as const).map((field) => pair(f, totalsLabel(f, field), f.number(now[field])))
  const soft: Row[] = [
    row('posts'),
    row('followers'),
    row('followersChange', f.signed, false),
    row('reach'),
    row('views'),
    row('engagement'),
    [f.t('measureReport.totals.engagement_detail'), engagementParts.join(' · ')],
    row('engagementRate', f.percent, false),
    ...responseRows(f, responses),
  ]
  const hard: Row[] = [row('clicks'), row('visitors'), row('conversions'), row('revenue', f.money), row('hearAnswers'), row('hearSocial')]
  return [
    { kind: 'heading', level: 1, text: f.t('measureReport.sections.totals') },
    { kind: 'heading', level: 2, text: f.t('measureReport.sections.soft') },
    { kind: 'table', rows: soft },
    { kind: 'heading', level: 2, text: f.t('measureReport.sections.hard') },
    { kind: 'table', rows: hard },
    ...(now.botClicks > 0 ? [{ kind: 'note', text: f.t('measureReport.totals.bots', { count: now.botClicks }) } as const] : []),
  ]
}

type Figure = 'posts' | 'followers' | 'reach' | 'engagement' | 'engagementRate' | 'clicks' | 'conversions' | 'revenue'

/** The figures of a network, a content type or a post as "label: value" pairs, in the order given (the CSV's short column names). */
function figures(f: Formats, values: Partial<Record<Figure, number | null>>): string {
  return (Object.entries(values) as Array<[Figure, number | null]>)
    .map(([field, value]) => {
      const format = field === 'revenue' ? f.money : field === 'engagementRate' ? f.percent : f.number
      return pair(f, f.t(`measureReport.columns.${snakeCase(field)}`), format(value))
    })
    .join(' · ')
}

function networksBlocks(f: Formats, dashboard: MeasureDashboard): PdfBlock[] {
  const heading: PdfBlock = { kind: 'heading', level: 1, text: f.t('measureReport.sections.networks') }
  if (dashboard.byNetwork.length === 0) return [heading, { kind: 'note', text: f.t('measureReport.nothing') }]
  return [
    heading,
    {
      kind: 'table',
      rows: dashboard.byNetwork.map((n): Row => [f.networkName(n.network), figures(f, { posts: n.posts, followers: n.followers, reach: n.reach, engagement: n.engagement, engagementRate: n.engagementRate, clicks: n.clicks, conversions: n.conversions, revenue: n.revenue })]),
    },
  ]
}

function contentTypeBlocks(f: Formats, dashboard: MeasureDashboard): PdfBlock[] {
  const heading: PdfBlock = { kind: 'heading', level: 1, text: f.t('measureReport.sections.content_types') }
  if (dashboard.byContentType.length === 0) return [heading, { kind: 'note', text: f.t('measureReport.nothing') }]
  return [
    heading,
    {
      kind: 'table',
      rows: dashboard.byContentType.map((c): Row => [
        c.contentType === 'none' ? f.t('measureReport.no_content_type') : f.t(`coach.labels.content_types.${c.contentType}`),
        figures(f, { posts: c.posts, engagement: c.engagement, engagementRate: c.engagementRate, clicks: c.clicks, conversions: c.conversions, revenue: c.revenue }),
      ]),
    },
  ]
}

/** Most conversions first, then clicks, then engagement (the dashboard's own order). */
function byConversions(a: PostRow, b: PostRow): number {
  return b.conversions - a.conversions || b.clicks - a.clicks || b.engagement - a.engagement
}

/**
 * Each post as its text, then a dimmed line with where and when it was published and what it
 * earned; the text keeps the whole width, so a reader (or a search) gets it back in one piece.
 */
function topPostBlocks(f: Formats, dashboard: MeasureDashboard): PdfBlock[] {
  const heading: PdfBlock = { kind: 'heading', level: 1, text: f.t('measureReport.sections.top_posts') }
  if (dashboard.topPosts.length === 0) return [heading, { kind: 'note', text: f.t('measureReport.nothing') }]
  return [
    heading,
    { kind: 'note', text: f.t('measureReport.top_posts_note') },
    ...[...dashboard.topPosts].sort(byConversions).flatMap((p): PdfBlock[] => [
      { kind: 'paragraph', text: ownDirection(p.text) },
      {
        kind: 'note',
        text: [
          `${ownDirection(`${f.networkName(p.network)} · ${p.handle}`)} · ${f.instant(p.publishedAt)}`,
          figures(f, { conversions: p.conversions, revenue: p.revenue, clicks: p.clicks, engagement: p.engagement, engagementRate: p.engagementRate }),
        ].join('\n'),
      },
    ]),
  ]
}

function bestTimesBlocks(f: Formats, dashboard: MeasureDashboard): PdfBlock[] {
  const { bestTimes, period } = dashboard
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 1, text: f.t('measureReport.sections.best_times') }]
  if (bestTimes.best.length === 0) return [...blocks, { kind: 'paragraph', text: f.t('measureReport.best_times.not_enough') }]
  blocks.push(
    { kind: 'paragraph', text: f.t('measureReport.best_times.intro', { count: bestTimes.posts }) },
    { kind: 'list', items: bestTimes.best.map((slot) => f.t('measureReport.best_times.slot', { weekday: f.weekday(slot.weekday), hours: f.hour(slot.hour) })) },
    { kind: 'note', text: f.t('measureReport.best_times.time_zone', { timeZone: period.timeZone }) },
  )
  return blocks
}

/** A form answer in words: a network's name, or one of the form's fixed choices. */
function answerLabel(f: Formats, answer: string): string {
  return ['friend', 'search', 'other'].includes(answer) ? f.t(`measure.form.choices.${answer}`) : f.networkName(answer)
}

function hearBlocks(f: Formats, dashboard: MeasureDashboard): PdfBlock[] {
  const heading: PdfBlock = { kind: 'heading', level: 1, text: f.t('measureReport.sections.hear') }
  const total = dashboard.hearAnswers.reduce((sum, a) => sum + a.count, 0)
  if (total === 0) return [heading, { kind: 'note', text: f.t('measureReport.hear_none') }]
  return [
    heading,
    { kind: 'table', rows: [...dashboard.hearAnswers].sort((a, b) => b.count - a.count).map((a): Row => [answerLabel(f, a.answer), `${f.number(a.count)} · ${f.percent(a.count / total)}`]) },
  ]
}

/** Inputs that are sums of money, printed in the dashboard's currency. */
const moneyInputs: ReadonlySet<string> = new Set(['revenue', 'previousRevenue'])

/**
 * One part of a score: its title and score, its formula with the constants the code ran it with
 * (the part's `formulaValues`), its weight in the influence total, and the figures it used.
 */
function partBlocks(f: Formats, score: 'influence' | 'equity', part: ScorePart): PdfBlock[] {
  const key = `measureReport.${score}.parts.${part.key}`
  const formula = f.t(`${key}.formula`, { ...part.formulaValues, defaultValue: '' })
  const rows = part.inputs.map((input): Row => [
    f.t(`measureReport.inputs.${input.name}`, { defaultValue: input.name }),
    moneyInputs.has(input.name) ? f.money(input.value) : f.number(input.value),
  ])
  // Equity parts have no total to weigh in, so their weight would say nothing.
  if (score === 'influence') rows.unshift([f.t('measureReport.score.weight'), f.percent(part.weight)])
  return [
    { kind: 'heading', level: 2, text: pair(f, f.t(`${key}.title`, { defaultValue: part.key }), f.number(part.score)) },
    ...(formula ? [{ kind: 'paragraph', text: formula } as const] : []),
    { kind: 'table', rows },
  ]
}

function scoreBlocks(f: Formats, dashboard: MeasureDashboard): PdfBlock[] {
  const { influence, equity } = dashboard
  return [
    { kind: 'heading', level: 1, text: f.t('measureReport.sections.influence') },
    { kind: 'table', rows: [[f.t('measureReport.score.overall'), f.number(influence.score)]] },
    { kind: 'note', text: f.t('measureReport.score.how') },
    ...influence.parts.flatMap((part) => partBlocks(f, 'influence', part)),
    { kind: 'heading', level: 1, text: f.t('measureReport.sections.equity') },
    { kind: 'note', text: f.t('measureReport.score.equity_intro') },
    ...equity.parts.flatMap((part) => partBlocks(f, 'equity', part)),
  ]
}

/** Renders the dashboard as an A4 report in `options.locale`. */
export async function dashboardPdf(dashboard: MeasureDashboard, options: PdfReportOptions): Promise<Buffer> {
  const f = formatsFor(dashboard, options)
  const { t } = options
  const { period, previous, freshness } = dashboard
  const subtitle = [
    t('measureReport.period', { period: f.days(period.from, period.to), previous: f.days(previous.from, previous.to) }),
    t('measureReport.made_on', { date: f.instant(options.now) }),
  ].join('\n')
  return renderPdf({
    locale: options.locale,
    title: t('measureReport.title', { workspace: options.workspaceName }),
    subtitle,
    blocks: [
      {
        kind: 'note',
        text: freshness.metricsAt === null ? t('measureReport.metrics_never') : t('measureReport.metrics_at', { date: f.instant(freshness.metricsAt) }),
      },
      ...totalsBlocks(f, dashboard.totals, dashboard.previousTotals, dashboard.responses),
      ...networksBlocks(f, dashboard),
      ...contentTypeBlocks(f, dashboard),
      ...topPostBlocks(f, dashboard),
      ...bestTimesBlocks(f, dashboard),
      ...hearBlocks(f, dashboard),
      ...scoreBlocks(f, dashboard),
    ],
    footer: t('measureReport.footer'),
  })
}
