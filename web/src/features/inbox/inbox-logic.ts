/**
 * The inbox's rules, kept apart from React so they can be tested alone: threads from a flat list
 * of items, the snooze choices on the workspace's clock, the order saved replies are offered in,
 * and what an answer's statuses mean to the person who sent it.
 */
import type { InboxAnswer, InboxDetail, InboxItem, SavedReply } from '../../app/inbox-types'
import { addDays, instantOf, wallTimeOf } from '../../i18n/zoned-time'

export interface Conversation {
  key: string
  /** Oldest first, so a thread reads top to bottom. */
  items: InboxItem[]
  /** When its newest item was written. */
  latestAt: number
}

/**
 * Items of one thread together, the thread with the newest item first. Pages of the list may
 * split a thread; grouping all loaded items mends it.
 */
export function groupByConversation(items: readonly InboxItem[]): Conversation[] {
  const groups = new Map<string, InboxItem[]>()
  for (const item of items) {
    const group = groups.get(item.conversationKey)
    if (group) group.push(item)
    else groups.set(item.conversationKey, [item])
  }
  const byTime = (a: InboxItem, b: InboxItem) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)
  return [...groups]
    .map(([key, group]) => {
      const sorted = [...group].sort(byTime)
      return { key, items: sorted, latestAt: sorted.at(-1)!.createdAt }
    })
    .sort((a, b) => b.latestAt - a.latestAt || b.key.localeCompare(a.key))
}

export type SnoozeChoice = 'hour' | 'tomorrow' | 'nextWeek'
export const snoozeChoices: readonly SnoozeChoice[] = ['hour', 'tomorrow', 'nextWeek']

/** When each snooze choice wakes the item: in an hour, tomorrow at 9:00, next Monday at 9:00. */
export function snoozeUntil(choice: SnoozeChoice, now: number, timeZone: string): number {
  if (choice === 'hour') return now + 3_600_000
  const today = wallTimeOf(now, timeZone)
  // "Tomorrow" and "next week" are the business's days, so the workspace's zone decides them.
  const date = choice === 'tomorrow' ? addDays(today.date, 1) : addDays(today.date, 8 - today.weekday)
  return instantOf({ date, time: '09:00' }, timeZone)
}

/** The base language of a tag (`fr-CA` → `fr`). */
function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0]!
}

/**
 * Saved replies in the order the picker offers them: those in the preferred languages first (the
 * language the item was written in, then the reader's), each language's by title, then the
 * others by language and title.
 */
export function orderSavedReplies(replies: readonly SavedReply[], preferred: ReadonlyArray<string | null | undefined>): SavedReply[] {
  const ranks = [...new Set(preferred.filter((tag): tag is string => Boolean(tag)).map(baseLanguage))]
  const rank = (reply: SavedReply) => {
    const index = ranks.indexOf(baseLanguage(reply.language))
    return index === -1 ? ranks.length : index
  }
  return [...replies].sort((a, b) => rank(a) - rank(b) || a.language.localeCompare(b.language) || a.title.localeCompare(b.title))
}

/** What became of an answer, as the person who sent it thinks of it. */
export type AnswerOutcome = 'published' | 'failed' | 'draft' | 'awaiting_approval' | 'sending' | 'waiting'

export function answerOutcome(answer: Pick<InboxAnswer, 'status' | 'targetStatus'>): AnswerOutcome {
  if (answer.targetStatus === 'published') return 'published'
  if (answer.targetStatus === 'failed' || answer.status === 'failed') return 'failed'
  // Held back, not lost: the account needs reconnecting, or publishing is paused.
  if (answer.targetStatus === 'waiting') return 'waiting'
  if (answer.status === 'draft') return 'draft'
  if (answer.status === 'awaiting_approval') return 'awaiting_approval'
  return 'sending'
}

/** Why an answer waits, in words the person can act on. */
export function waitingReason(errorKind: string | null): 'account' | 'paused' | 'other' {
  if (errorKind === 'workspace_paused') return 'paused'
  if (errorKind === 'auth_expired' || errorKind?.startsWith('account_')) return 'account'
  return 'other'
}

/** Whether an answer is still on its way, so the item is worth looking at again soon. */
export function isOnItsWay(answer: Pick<InboxAnswer, 'status' | 'targetStatus'>): boolean {
  return answerOutcome(answer) === 'sending'
}

/** The text of the answer the server kept as a draft (refused earlier), to put back in the box. */
export function draftAnswerText(detail: Pick<InboxDetail, 'item' | 'replies'>): string {
  const pending = detail.item.pendingReplyId
  if (!pending) return ''
  return detail.replies.find((answer) => answer.postId === pending && answer.status === 'draft')?.text ?? ''
}
