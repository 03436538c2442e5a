/**
 * Plan figures put into words and colours: calendar days (yyyy-mm-dd) in the reader's language
 * without a time zone shifting them by one, progress as a whole percent, a goal's live value in
 * its metric's unit, the colour of each goal status, and the networks a plan can name.
 */
import type { GoalLive, GoalMetric } from '../../app/coach-types'

/**
 * A calendar day in the UI language. Read and written in UTC on purpose: a due date is a day, not
 * an instant, and the workspace's zone would move "1 March" to "28 February" west of Greenwich.
 */
export function formatDay(day: string, language: string, style: 'medium' | 'long' = 'medium'): string {
  const date = new Date(`${day}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(date)
}

/** A progress fraction (0–1, may overshoot) as a whole percent for a bar: 0 to 100. */
export function progressPercent(progress: number | null): number {
  if (progress === null || !Number.isFinite(progress)) return 0
  return Math.min(100, Math.max(0, Math.round(progress * 100)))
}

/** How a metric's numbers read: rates are percents (0–100), times are hours. */
export type MetricUnit = 'percent' | 'hours' | 'count'

const metricUnits: Partial<Record<GoalMetric, MetricUnit>> = {
  reply_rate: 'percent',
  engagement_rate: 'percent',
  heard_via_social: 'percent',
  median_response_hours: 'hours',
}

export function metricUnit(metric: GoalMetric): MetricUnit {
  return metricUnits[metric] ?? 'count'
}

/** A goal's value (live or target) in its metric's unit, in the UI language. */
export function formatMetricValue(value: number, metric: GoalMetric, language: string): string {
  const unit = metricUnit(metric)
  if (unit === 'percent') return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100)
  if (unit === 'hours') return new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)
}

/** The badge colour of a goal's status. */
export function statusColor(status: GoalLive['status']): string {
  switch (status) {
    case 'met':
      return 'teal'
    case 'on_track':
      return 'blue'
    case 'behind':
      return 'orange'
    case 'waiting':
      return 'gray'
  }
}

/** The networks the plan offers to choose from; their names are in the catalog. */
export const knownNetworks = ['bluesky', 'mastodon', 'facebook', 'instagram', 'linkedin', 'x', 'threads', 'youtube', 'tiktok'] as const
export type KnownNetwork = (typeof knownNetworks)[number]

export function isKnownNetwork(value: string): value is KnownNetwork {
  return (knownNetworks as readonly string[]).includes(value)
}
