/**
 * An alert put into words in one language: the subject, one summary sentence, labelled figures,
 * the quoted mentions and the digest's table, every number and date formatted with `Intl` in the
 * workspace's time zone. Text here is still unescaped: each medium (e-mail HTML and text, Slack,
 * Discord) escapes it its own way, so the wording lives in one place only.
 */
import { directionOf, isTimeZone, type Locale } from '../../domain/index.js'
import { translator } from '../../i18n/index.js'
import { collapseWhitespace, safeHttpUrl, truncateGraphemes } from './text.js'
import type { Alert, AlertSentiment } from './types.js'

/** One mention as shown: cut to size, with its sentiment named and its time formatted. */
export interface ContentMention {
  text: string
  url?: string
  author?: string
  sentiment?: AlertSentiment
  sentimentLabel?: string
  time: string
}

/** An alert's words in one language, before escaping for a medium. */
export interface AlertContent {
  locale: Locale
  dir: 'ltr' | 'rtl'
  subject: string
  intro: string
  /** Labelled figures; `line` is both as one line ("Mentions in the past hour: 42"). */
  facts: Array<{ label: string; value: string; line: string }>
  mentionsHeading: string
  mentions: ContentMention[]
  /** "and 7 more" when mentions were left out. */
  moreMentions?: string
  /** The digest's per-query table. */
  table?: {
    headers: [string, string, string]
    rows: Array<{ query: string; count: string; negative: string; figures: string; line: string }>
  }
  openLabel: string
  viewOriginalLabel: string
  /** The app page, when it is an http(s) URL. */
  link?: string
  footer: string
}

/** How much of an alert to show. */
export interface ContentOptions {
  /** Mentions quoted before "and N more" (default 10). */
  maxMentions?: number
  /** Graphemes kept of each mention's text (default 280). */
  mentionGraphemes?: number
}

/**
 * Words for `alert` in `locale`. Dates and times use the alert's `timeZone` (UTC when it is not
 * a zone this runtime knows, rather than failing to deliver).
 */
export function alertContent(alert: Alert, locale: Locale, options: ContentOptions = {}): AlertContent {
  const t = translator(locale)
  const maxMentions = options.maxMentions ?? 10
  const mentionGraphemes = options.mentionGraphemes ?? 280
  const timeZone = isTimeZone(alert.timeZone) ? alert.timeZone : 'UTC'
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone })

  const query = collapseWhitespace(alert.queryName ?? '')
  const workspace = collapseWhitespace(alert.workspaceName)
  const count = alert.count ?? alert.mentions.length
  const date = day.format(alert.periodStart ?? alert.at)
  const vars = { query, workspace, count, date }
  const facts: Array<{ label: string; value: string }> = []
  let subject: string
  let intro: string
  switch (alert.kind) {
    case 'spike':
      subject = t('listen.alerts.subject_spike', vars)
      intro = t('listen.alerts.intro_spike', vars)
      facts.push({ label: t('listen.alerts.fact_mentions_hour'), value: number.format(count) })
      break
    case 'negative_burst':
      subject = t('listen.alerts.subject_negative_burst', vars)
      intro = t('listen.alerts.intro_negative_burst', vars)
      facts.push({ label: t('listen.alerts.fact_negative_hour'), value: number.format(count) })
      if (alert.total !== undefined && alert.total > 0)
        facts.push({ label: t('listen.alerts.fact_negative_share'), value: percent.format(count / alert.total) })
      break
    case 'priority_match':
      subject = t('listen.alerts.subject_priority_match', vars)
      intro = t('listen.alerts.intro_priority_match', vars)
      break
    case 'digest':
      subject = t('listen.alerts.subject_digest', vars)
      intro = count === 0 ? t('listen.alerts.digest_quiet', vars) : t('listen.alerts.intro_digest', vars)
      break
  }
  if (alert.baseline !== undefined) facts.push({ label: t('listen.alerts.fact_baseline'), value: number.format(alert.baseline) })
  if (alert.threshold !== undefined) facts.push({ label: t('listen.alerts.fact_threshold'), value: number.format(alert.threshold) })
  if (alert.kind !== 'digest') facts.push({ label: t('listen.alerts.fact_time'), value: dateTime.format(alert.at) })

  const sentimentLabels: Record<AlertSentiment, string> = {
    positive: t('listen.alerts.sentiment_positive'),
    neutral: t('listen.alerts.sentiment_neutral'),
    negative: t('listen.alerts.sentiment_negative'),
  }
  const mentions = alert.mentions.slice(0, maxMentions).map((m): ContentMention => {
    const url = safeHttpUrl(m.url)
    const author = m.authorHandle ? collapseWhitespace(m.authorHandle) : ''
    return {
      text: truncateGraphemes(collapseWhitespace(m.text), mentionGraphemes),
      ...(url ? { url } : {}),
      ...(author ? { author } : {}),
      ...(m.sentiment ? { sentiment: m.sentiment, sentimentLabel: sentimentLabels[m.sentiment] } : {}),
      time: dateTime.format(m.publishedAt),
    }
  })
  const left = alert.mentions.length - mentions.length

  const link = safeHttpUrl(alert.link)
  const content: AlertContent = {
    locale,
    dir: directionOf(locale),
    subject,
    intro,
    facts: facts.map((f) => ({ ...f, line: t('listen.alerts.fact_line', f) })),
    mentionsHeading: alert.kind === 'digest' ? t('listen.alerts.top_mentions_heading') : t('listen.alerts.mentions_heading'),
    mentions,
    ...(left > 0 ? { moreMentions: t('listen.alerts.more_mentions', { count: left }) } : {}),
    openLabel: t('listen.alerts.open_in_app'),
    viewOriginalLabel: t('listen.alerts.view_original'),
    ...(link ? { link } : {}),
    footer: t('listen.alerts.footer', { workspace }),
  }
  if (alert.kind === 'digest' && alert.perQuery && alert.perQuery.length > 0) {
    content.table = {
      headers: [t('listen.alerts.column_query'), t('listen.alerts.column_mentions'), t('listen.alerts.column_negative')],
      rows: alert.perQuery.map((row) => {
        const name = collapseWhitespace(row.queryName)
        const formatted = { query: name, count: number.format(row.count), negative: number.format(row.negative) }
        const figures = t('listen.alerts.digest_figures', { mentions: formatted.count, negative: formatted.negative })
        return { ...formatted, figures, line: `${name} — ${figures}` }
      }),
    }
  }
  return content
}
