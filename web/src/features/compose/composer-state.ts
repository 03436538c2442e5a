/**
 * The composer's state and how it becomes what the API takes: one text, the chosen accounts
 * (each may have its own version), images in order, the 4E, and when it should go out.
 */
import type { ContentType, Draft, Media, Post, ScheduleRequest, WallTime } from '../../app/publish-types'
import { wallTimeOf } from '../../i18n/zoned-time'

export type ScheduleChoice = { mode: 'now' } | { mode: 'at'; at: WallTime } | { mode: 'queue' }

export interface ComposerState {
  text: string
  accountIds: string[]
  /** Accounts with their own version of the text, by account id. */
  custom: Record<string, string>
  media: Media[]
  contentType: ContentType | null
  /** Whether this post's links become tracked short links (when the workspace tracks links). */
  trackLinks: boolean
  /** The campaign the post serves (a plan goal, a promotion): its tracked links' utm_campaign. */
  campaign: string
  schedule: ScheduleChoice
}

const hourMs = 3_600_000

/** A sensible first suggestion: the next full hour after the coming one, on the workspace's clocks. */
export function suggestedTime(now: number, zone: string): WallTime {
  const { date, time } = wallTimeOf(Math.ceil((now + hourMs) / hourMs) * hourMs, zone)
  return { date, time }
}

/** A fresh composer, or one holding an existing post (its own schedule kept as a date and time). */
export function initialState(props: { post?: Post; zone: string; now: number; accountIds?: string[] }): ComposerState {
  const { post, zone, now } = props
  if (!post) {
    return { text: '', accountIds: props.accountIds ?? [], custom: {}, media: [], contentType: null, trackLinks: true, campaign: '', schedule: { mode: 'at', at: suggestedTime(now, zone) } }
  }
  const custom: Record<string, string> = {}
  for (const target of post.targets) if (target.customText) custom[target.account.id] = target.text
  const at = post.scheduledAt !== null && post.scheduledAt > now ? wallTimeOf(post.scheduledAt, zone) : suggestedTime(now, zone)
  return {
    text: post.text,
    accountIds: post.targets.filter((target) => target.status !== 'cancelled').map((target) => target.account.id),
    custom,
    media: post.media,
    contentType: post.contentType,
    trackLinks: post.trackLinks,
    campaign: post.campaign ?? '',
    schedule: { mode: 'at', at: { date: at.date, time: at.time } },
  }
}

/** The text one account will publish. */
export function textFor(state: Pick<ComposerState, 'text' | 'custom'>, accountId: string): string {
  return state.custom[accountId] ?? state.text
}

export function draftOf(state: ComposerState): Draft {
  return {
    text: state.text,
    targets: state.accountIds.map((accountId) => (accountId in state.custom ? { accountId, text: state.custom[accountId] } : { accountId })),
    mediaIds: state.media.map((media) => media.id),
    contentType: state.contentType,
    trackLinks: state.trackLinks,
    campaign: state.campaign.trim() || null,
  }
}

export function scheduleRequestOf(choice: ScheduleChoice): ScheduleRequest {
  return choice.mode === 'at' ? { mode: 'at', at: choice.at } : { mode: choice.mode }
}

/**
 * What saving an existing post must ask after its text is saved: nothing when its time stays
 * the same, else the new schedule.
 */
export function scheduleChange(post: Post, choice: ScheduleChoice, zone: string): ScheduleRequest | null {
  const onCalendar = post.status === 'scheduled' || post.status === 'awaiting_approval'
  if (choice.mode === 'at' && onCalendar && post.scheduledAt !== null) {
    const current = wallTimeOf(post.scheduledAt, zone)
    if (current.date === choice.at.date && current.time === choice.at.time) return null
  }
  return scheduleRequestOf(choice)
}

/** Moves one item of a list by `step` places (within the list's bounds). */
export function moveItem<T>(items: readonly T[], index: number, step: number): T[] {
  const to = Math.min(items.length - 1, Math.max(0, index + step))
  const moved = [...items]
  const [item] = moved.splice(index, 1)
  if (item !== undefined) moved.splice(to, 0, item)
  return moved
}
