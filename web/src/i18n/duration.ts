/**
 * How long something took, in words, through `Intl` alone in the UI language: at most the two
 * largest units ("2 hr 10 min"), because nobody acts on seconds once hours have passed. The inbox
 * (answered in…, the workspace's target) and the dashboard's response time say it alike.
 */

const minuteMs = 60_000
const hourMs = 60 * minuteMs

export type DurationUnit = 'day' | 'hour' | 'minute' | 'second'

/**
 * A duration as at most two whole units, largest first, the smaller one dropped when it rounds
 * to zero: 40 s → 40 seconds; 2 h 9 min 40 s → 2 hours 10 minutes; 26 h 50 min → 1 day 3 hours.
 */
export function durationParts(ms: number): Array<{ unit: DurationUnit; value: number }> {
  const safe = Math.max(0, ms)
  if (safe < minuteMs - 500) return [{ unit: 'second', value: Math.round(safe / 1000) }]
  const minutes = Math.round(safe / minuteMs)
  if (minutes < 60) return [{ unit: 'minute', value: minutes }]
  if (minutes < 24 * 60) {
    const parts = [{ unit: 'hour' as const, value: Math.floor(minutes / 60) }]
    return minutes % 60 === 0 ? parts : [...parts, { unit: 'minute', value: minutes % 60 }]
  }
  const hours = Math.round(safe / hourMs)
  const parts = [{ unit: 'day' as const, value: Math.floor(hours / 24) }]
  return hours % 24 === 0 ? parts : [...parts, { unit: 'hour', value: hours % 24 }]
}

/**
 * A duration in words: `short` for figures on a busy page ("2 hr 10 min"), `long` where it is
 * read as part of a sentence ("within 4 hours").
 */
export function formatDuration(ms: number, language: string, display: 'short' | 'long' = 'short'): string {
  const words = durationParts(ms).map(({ unit, value }) => new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: display }).format(value))
  return new Intl.ListFormat(language, { type: 'unit', style: display === 'long' ? 'long' : 'narrow' }).format(words)
}

/** The workspace's response target ("4 hours") from its minutes. */
export function formatTarget(targetMinutes: number, language: string): string {
  return formatDuration(targetMinutes * minuteMs, language, 'long')
}
