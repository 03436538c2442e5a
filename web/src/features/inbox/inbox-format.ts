/**
 * Inbox figures put into words through `Intl` alone, in the UI language: how long an answer took
 * ("2 hr 10 min": the two largest units, because nobody acts on seconds once hours have passed),
 * a share ("83%"), which ordinal form "the 3rd message" takes in a language, how long an answer
 * is, and handles written one way whatever the network.
 */

export { durationParts, formatDuration, formatTarget, type DurationUnit } from '../../i18n/duration'

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
