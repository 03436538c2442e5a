/**
 * The one rule you can't ignore, "provide value" (METHODOLOGY.md C), as gentle hints on a draft:
 * never a block, each a `coach.value.*` message. The rules: no content type chosen; a third sales
 * post in a row; a link (or hashtags) with almost no words; shouting in capitals; too many hashtags or
 * mentions; a post off the plan's 4E mix.
 */
import { message, percentOf } from './message.js'
import { isPromotional } from './promotional.js'
import { postParts, proseWords } from './text.js'
import type { ContentType, ValueHint } from './types.js'

/** The limits the hints use. */
export const valueThresholds = {
  /** Fewer prose words than this around links or hashtags is "almost no words" (mentions, URLs and hashtags are not counted as words). */
  linkOnlyWords: 3,
  /** Capitals are judged only with at least this many letters of cased scripts. */
  capsMinLetters: 10,
  /** Share of capitals among cased letters that reads as shouting. */
  capsShare: 0.7,
  /** More hashtags (or mentions) than this is stuffing… */
  tagsMax: 3,
  /** …and so is this many or more when they are at least `tagsShare` of the post's words. */
  tagsMinForShare: 3,
  tagsShare: 0.5,
  /** Typed recent posts needed before their mix is compared with the plan's. */
  mixMinRecent: 5,
  /** Percentage points above the plan's share that count as "well above". */
  mixPointsAbove: 20,
} as const

const t = valueThresholds

/** A draft to check. */
export interface ValueDraft {
  text: string
  contentType: ContentType | null
}

/** What the draft is checked against: recent posts, newest first (about the last 10), and the plan's mix. */
export interface ValueContext {
  recent: Array<{ contentType: ContentType | null; text: string }>
  planMix?: Partial<Record<ContentType, number>>
}

/** True when the text's cased letters (Latin, Greek, Cyrillic) are mostly capitals; scripts without case never are. */
export function isShouting(prose: string): boolean {
  let upper = 0
  let lower = 0
  let letters = 0
  for (const ch of prose) {
    if (/\p{Lu}|\p{Lt}/u.test(ch)) upper++
    else if (/\p{Ll}/u.test(ch)) lower++
    if (/\p{L}/u.test(ch)) letters++
  }
  const cased = upper + lower
  // Arabic, Hebrew and Bengali letters have no case: a post mostly in them is never shouting.
  if (cased < t.capsMinLetters || cased * 2 < letters) return false
  return upper / cased >= t.capsShare
}

function stuffed(tags: number, words: number): boolean {
  return tags > t.tagsMax || (tags >= t.tagsMinForShare && tags / (tags + words) >= t.tagsShare)
}

function offMix(draft: ValueDraft, context: ValueContext): ValueHint | null {
  const plan = context.planMix
  const type = draft.contentType
  if (!plan || type === null || !Object.values(plan).some((share) => (share ?? 0) > 0)) return null
  const planned = plan[type] ?? 0
  if (planned <= 0) return { rule: 'off_mix', message: message('coach.value.off_mix_not_in_plan', { type }) }
  const typed = context.recent.filter((post) => post.contentType !== null)
  if (typed.length < t.mixMinRecent) return null
  const percent = percentOf(typed.filter((post) => post.contentType === type).length, typed.length)
  if (percent - planned < t.mixPointsAbove) return null
  return { rule: 'off_mix', message: message('coach.value.off_mix_above_plan', { type, percent, plan: planned }) }
}

/** Gentle hints on `draft`, in a fixed order; an empty list when it gives people something of value. */
export function checkValue(draft: ValueDraft, context: ValueContext): ValueHint[] {
  const hints: ValueHint[] = []
  const hint = (rule: ValueHint['rule'], key: string, params: Record<string, string | number> = {}) =>
    hints.push({ rule, message: message(key, params) })
  const parts = postParts(draft.text)
  const words = proseWords(parts.prose).length

  if (draft.contentType === null) hint('no_content_type', 'coach.value.no_content_type')
  const [last, beforeLast] = context.recent
  if (last && beforeLast && isPromotional(draft.text) && isPromotional(last.text) && isPromotional(beforeLast.text)) {
    hint('promotional_streak', 'coach.value.promotional_streak')
  }
  // Mentions alone do not count: "@anna thank you!" is a short reply, not a bare link.
  const linkedOrTagged = parts.urls.length + parts.hashtags.length > 0
  if (linkedOrTagged && words < t.linkOnlyWords) hint('link_only', 'coach.value.link_only')
  if (isShouting(parts.prose)) hint('all_caps', 'coach.value.all_caps')
  if (stuffed(parts.hashtags.length, words)) hint('hashtag_stuffing', 'coach.value.hashtag_stuffing', { count: parts.hashtags.length })
  if (stuffed(parts.mentions.length, words)) hint('mention_stuffing', 'coach.value.mention_stuffing', { count: parts.mentions.length })
  const mix = offMix(draft, context)
  if (mix) hints.push(mix)
  return hints
}
