/**
 * Inbox figures put into words through `Intl` alone, in the UI language: how long an answer took
 * ("2 hr 10 min": the two largest units, because nobody acts on seconds once hours have passed),
 * a share ("83%"), which ordinal form "the 3rd message" takes in a language, how long an answer
 * is, and handles written one way whatever the network.
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

/** A share from 0 to 1 as a whole percentage ("83%"). */
export function formatShare(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/** The ordinal forms the catalogs spell out, one key each (`inbox.author.nth.few`). */
export const ordinalForms = ['one', 'two', 'few', 'many', 'other'] as const
export type OrdinalForm = (typeof ordinalForms)[number]

/**
 * Which ordinal form a number takes in a language: English 1st/2nd/3rd/4th, French 1er/2e,
 * Bengali ১ম/২য়/৪র্থ/৬ষ্ঠ/১১তম. A language without ordinal forms (Arabic, Hebrew) always says
 * `other`, and so does an unknown language.
 */
export function ordinalForm(n: number, language: string): OrdinalForm {
  let category: string
  try {
    category = new Intl.PluralRules(language, { type: 'ordinal' }).select(n)
  } catch {
    return 'other'
  }
  return ordinalForms.find((form) => form === category) ?? 'other'
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' })

/** Characters as a reader counts them: an emoji with its modifiers, or a letter with its marks, is one. */
export function characterCount(text: string): number {
  return [...graphemes.segment(text)].length
}

/** A handle as people write it, with one `@` (Mastodon's come with theirs, Bluesky's without). */
export function atHandle(handle: string): string {
  return `@${handle.replace(/^@+/, '')}`
}
