/**
 * The daily check-in routine (METHODOLOGY.md, stage 3): the owner sets blocks of time on the
 * workspace's clock; at each block the `check-in` job prepares "Today's check-in" once — the
 * inbox items to answer (questions first, the oldest first, as many as fit in the block, by the
 * domain's sizing) — and queues one reminder e-mail per teammate who answers the inbox. The
 * check-in page adds the people to talk to (who wrote most lately; who asked a question in
 * listening results) and what is scheduled that day. Completing it records who, when and how
 * many of its items got an answer: the coach reads it as a stage signal.
 */
import { DateTime } from 'luxon'
import {
  AppError,
  checkInBlockProblems,
  checkInEstimate,
  currentCheckIn,
  isQuestion,
  isTimeZone,
  nextCheckIn,
  sizeCheckIn,
  type CheckInBlock,
  type CheckInOccurrence,
} from '../domain/index.js'
import type { JobQueue } from '../jobs/index.js'
import {
  checkInRecipients,
  completeCheckInRow,
  countWaitingItems,
  findCheckIn,
  findCheckInAt,
  findInboxItem,
  findWorkspace,
  insertCheckInOnce,
  listAllCheckInBlocks,
  listCheckInBlocks,
  listPosts,
  newId,
  recentInboxAuthors,
  recentMentionsWithAuthor,
  replaceCheckInBlocks,
  waitingItemsInOrder,
  type CheckInRow,
  type InboxItemWithAnswer,
} from '../store/index.js'
import type { EngageActor, EngageContext } from './context.js'
import { viewsOf, type InboxItemView } from './items.js'

export const checkInJobName = 'check-in'
export const checkInReminderJobName = 'check-in-remind'
/** How often the job runs, and so how far ahead it prepares a block: a minute before it starts. */
export const checkInEveryMs = 60_000

const dayMs = 24 * 3600_000
/** The people to talk to: who wrote to the inbox in the last two weeks, who asked in listening results this week. */
const inboxPeopleMs = 14 * dayMs
const listeningPeopleMs = 7 * dayMs
const peopleShown = 10
/** Recent mentions read to find the questions among them. */
const mentionsScanned = 200

export interface CheckInBlocks {
  timeZone: string
  blocks: CheckInBlock[]
}

export interface PersonToTalkTo {
  /** `inbox`: they wrote to us; `listening`: they asked a question where listening found us. */
  source: 'inbox' | 'listening'
  /** The network (inbox) or the listening source kind (`feed`, `bluesky`, `mastodon`). */
  network: string
  handle: string
  name: string
  url: string | null
  avatarUrl: string | null
  followsUs: boolean | null
  /** Inbox items they sent, or questions they asked, in the period. */
  items: number
  lastAt: number
  /** Their latest question, for people found by listening. */
  question: { mentionId: string; text: string; url: string | null } | null
}

export interface ScheduledToday {
  postId: string
  text: string
  scheduledAt: number
}

export interface CheckInToday {
  timeZone: string
  /** The block running now, or else the next one; null without blocks. */
  block: (CheckInBlock & { startsAt: number; endsAt: number; running: boolean }) | null
  /** That block's check-in, once prepared (a minute before it starts). */
  checkIn: CheckInRow | null
  /** The check-in's items as they are now, or, before it is prepared, those that would be picked now. */
  items: InboxItemView[]
  estimatedMinutes: number
  /** Items waiting for an answer that do not fit in the block. */
  itemsLeft: number
  people: PersonToTalkTo[]
  /** Posts scheduled on the block's day (today without a block), replies aside. */
  scheduled: ScheduledToday[]
}

export async function checkInBlocks(ctx: EngageContext, workspaceId: string): Promise<CheckInBlocks> {
  const workspace = await findWorkspace(ctx.db, workspaceId)
  return { timeZone: workspace?.timeZone ?? 'UTC', blocks: await listCheckInBlocks(ctx.db, workspaceId) }
}

/** Replaces the workspace's blocks; refused as a whole, with each problem on its field, when the domain finds any. */
export async function saveCheckInBlocks(ctx: EngageContext, actor: EngageActor, blocks: CheckInBlock[]): Promise<CheckInBlocks> {
  const problems = checkInBlockProblems(blocks)
  if (problems.length > 0) throw new AppError('validation', 'check_in_blocks', {}, problems)
  await replaceCheckInBlocks(
    ctx.db,
    actor.workspaceId,
    blocks.map((b) => ({ weekday: b.weekday, time: b.time, minutes: b.minutes })),
  )
  return checkInBlocks(ctx, actor.workspaceId)
}

/** The waiting items that fit in a block of `minutes` at `now`, with the estimate and what is left. */
async function sizedItems(ctx: EngageContext, workspaceId: string, minutes: number, now: number) {
  // Every item takes at least `minutesPerItem`, so no more than this many can fit.
  const most = Math.max(1, Math.floor(minutes / checkInEstimate.minutesPerItem))
  const [candidates, waiting] = await Promise.all([waitingItemsInOrder(ctx.db, workspaceId, now, most), countWaitingItems(ctx.db, workspaceId, now)])
  const sized = sizeCheckIn(
    // How long a person has been waiting counts from when they wrote, not from when the inbox read it.
    candidates.map((c) => ({ id: c.id, receivedAt: c.createdAt, question: c.question === 1, answered: false, snoozedUntil: null, done: false, textLength: [...c.text].length })),
    minutes,
    now,
  )
  return { itemIds: sized.itemIds, estimatedMinutes: sized.estimatedMinutes, itemsLeft: waiting - sized.itemIds.length }
}

/** The check-in of `occurrence`: the stored one, or a new one — stored once whoever prepares it at the same time. */
async function prepareCheckIn(ctx: EngageContext, workspaceId: string, occurrence: CheckInOccurrence): Promise<CheckInRow> {
  const existing = await findCheckInAt(ctx.db, workspaceId, occurrence.start)
  if (existing) return existing
  const now = ctx.now()
  const sized = await sizedItems(ctx, workspaceId, occurrence.block.minutes, now)
  const row: CheckInRow = {
    id: newId(now),
    workspaceId,
    startsAt: occurrence.start,
    endsAt: occurrence.end,
    itemIds: JSON.stringify(sized.itemIds),
    estimatedMinutes: sized.estimatedMinutes,
    itemsLeft: sized.itemsLeft,
    preparedAt: now,
    remindedAt: null,
    completedAt: null,
    completedBy: null,
    answered: null,
  }
  if (await insertCheckInOnce(ctx.db, row)) return row
  return (await findCheckInAt(ctx.db, workspaceId, occurrence.start))!
}

/** The blocks to prepare at `now`: the one running (a late or restarted worker), and the next if it starts within the job's period. */
function dueOccurrences(blocks: CheckInBlock[], now: number, timeZone: string): CheckInOccurrence[] {
  const current = currentCheckIn(blocks, now, timeZone)
  const next = nextCheckIn(blocks, now, timeZone)
  const due = [current, next && next.start - now <= checkInEveryMs ? next : undefined].filter((o): o is CheckInOccurrence => o !== undefined)
  return due.filter((o, i) => due.findIndex((other) => other.start === o.start) === i)
}

/**
 * Queues a reminder for each teammate who answers the inbox, keyed by check-in and person: queued
 * again by the next run or another worker, it is still sent once.
 */
async function queueReminders(ctx: EngageContext, queue: Pick<JobQueue, 'enqueueMany'>, checkIn: CheckInRow): Promise<void> {
  if (!ctx.mailer || !ctx.publicUrl) return
  const recipients = await checkInRecipients(ctx.db, checkIn.workspaceId)
  if (recipients.length === 0) return
  await queue.enqueueMany(
    recipients.map((r) => ({
      name: checkInReminderJobName,
      payload: { checkInId: checkIn.id, userId: r.userId },
      options: { key: `${checkIn.id}:${r.userId}`, retries: 4, retryDelayMs: 30_000 },
    })),
  )
}

/**
 * The `check-in` job's pass: prepares the check-in of every block starting within the next
 * minute (or running and not prepared yet) and queues its reminders until one is sent. Returns
 * the check-ins it saw.
 */
export async function prepareDueCheckIns(ctx: EngageContext, queue: Pick<JobQueue, 'enqueueMany'>): Promise<CheckInRow[]> {
  const now = ctx.now()
  const byWorkspace = new Map<string, CheckInBlocks>()
  for (const { workspaceId, timeZone, ...block } of await listAllCheckInBlocks(ctx.db)) {
    const entry = byWorkspace.get(workspaceId) ?? { timeZone, blocks: [] }
    entry.blocks.push(block)
    byWorkspace.set(workspaceId, entry)
  }
  const seen: CheckInRow[] = []
  for (const [workspaceId, { timeZone, blocks }] of byWorkspace) {
    if (!isTimeZone(timeZone)) continue
    for (const occurrence of dueOccurrences(blocks, now, timeZone)) {
      const checkIn = await prepareCheckIn(ctx, workspaceId, occurrence)
      if (checkIn.remindedAt === null && checkIn.completedAt === null) await queueReminders(ctx, queue, checkIn)
      seen.push(checkIn)
    }
  }
  return seen
}

/** The check-in's items as they are now, in its order (an item whose account was removed is gone). */
async function itemsOf(ctx: EngageContext, checkIn: CheckInRow): Promise<InboxItemWithAnswer[]> {
  const ids = JSON.parse(checkIn.itemIds) as string[]
  const items = await Promise.all(ids.map((id) => findInboxItem(ctx.db, checkIn.workspaceId, id)))
  return items.filter((item): item is InboxItemWithAnswer => item !== undefined)
}

/** Who wrote to us most lately, then who asked a question in listening results (one entry per person). */
async function peopleToTalkTo(ctx: EngageContext, workspaceId: string, now: number): Promise<PersonToTalkTo[]> {
  const [authors, mentions] = await Promise.all([
    recentInboxAuthors(ctx.db, workspaceId, now - inboxPeopleMs, peopleShown),
    recentMentionsWithAuthor(ctx.db, workspaceId, now - listeningPeopleMs, mentionsScanned),
  ])
  const people: PersonToTalkTo[] = authors.map((a) => ({ source: 'inbox', network: a.network, handle: a.handle, name: a.name, url: a.url, avatarUrl: a.avatarUrl, followsUs: a.followsUs, items: a.items, lastAt: a.lastAt, question: null }))
  const askers = new Map<string, PersonToTalkTo>()
  for (const m of mentions) {
    if (!isQuestion(m.text, m.lang)) continue
    const key = `${m.sourceKind}:${m.authorHandle}`
    const known = askers.get(key)
    if (known) {
      known.items += 1
      continue
    }
    if (askers.size === peopleShown) continue
    askers.set(key, {
      source: 'listening',
      network: m.sourceKind,
      handle: m.authorHandle,
      name: m.authorName ?? m.authorHandle,
      url: m.authorUrl,
      avatarUrl: null,
      followsUs: null,
      items: 1,
      lastAt: m.publishedAt,
      question: { mentionId: m.id, text: m.text, url: m.url },
    })
  }
  return [...people, ...askers.values()]
}

/** Posts scheduled on the day of `at` in `timeZone`, soonest first; replies are not content to plan around. */
async function scheduledOn(ctx: EngageContext, workspaceId: string, at: number, timeZone: string): Promise<ScheduledToday[]> {
  const day = DateTime.fromMillis(at, { zone: timeZone }).startOf('day')
  const posts = await listPosts(ctx.db, workspaceId, { from: day.toMillis(), to: day.plus({ days: 1 }).toMillis(), statuses: ['scheduled'], limit: 100 })
  return posts.filter((p) => p.source !== 'inbox' && p.source !== 'listen').map((p) => ({ postId: p.id, text: p.text, scheduledAt: Number(p.scheduledAt) }))
}

/** "Today's check-in": the block running now or the next one, with its content and whether it is done. */
export async function checkInToday(ctx: EngageContext, workspaceId: string): Promise<CheckInToday> {
  const now = ctx.now()
  const { timeZone, blocks } = await checkInBlocks(ctx, workspaceId)
  const occurrence = currentCheckIn(blocks, now, timeZone) ?? nextCheckIn(blocks, now, timeZone)
  const checkIn = occurrence ? ((await findCheckInAt(ctx.db, workspaceId, occurrence.start)) ?? null) : null
  const [people, scheduled] = await Promise.all([peopleToTalkTo(ctx, workspaceId, now), scheduledOn(ctx, workspaceId, occurrence?.start ?? now, timeZone)])
  const base = {
    timeZone,
    block: occurrence ? { ...occurrence.block, startsAt: occurrence.start, endsAt: occurrence.end, running: occurrence.start <= now && now < occurrence.end } : null,
    checkIn,
    people,
    scheduled,
  }
  if (checkIn) return { ...base, items: await viewsOf(ctx, workspaceId, await itemsOf(ctx, checkIn)), estimatedMinutes: checkIn.estimatedMinutes, itemsLeft: checkIn.itemsLeft }
  if (!occurrence) return { ...base, items: [], estimatedMinutes: 0, itemsLeft: 0 }
  const preview = await sizedItems(ctx, workspaceId, occurrence.block.minutes, now)
  const items = await Promise.all(preview.itemIds.map((id) => findInboxItem(ctx.db, workspaceId, id)))
  return {
    ...base,
    items: await viewsOf(ctx, workspaceId, items.filter((item): item is InboxItemWithAnswer => item !== undefined)),
    estimatedMinutes: preview.estimatedMinutes,
    itemsLeft: preview.itemsLeft,
  }
}

/**
 * Records a check-in as done by `actor`, with how many of its items have an answer from the app.
 * Completing it again changes nothing: the first completion stands.
 */
export async function completeCheckIn(ctx: EngageContext, actor: EngageActor, id: string): Promise<CheckInRow> {
  const checkIn = await findCheckIn(ctx.db, id, actor.workspaceId)
  if (!checkIn) throw new AppError('not_found', 'not_found_check_in')
  if (checkIn.completedAt !== null) return checkIn
  const answered = (await itemsOf(ctx, checkIn)).filter((item) => item.firstResponseAt !== null).length
  await completeCheckInRow(ctx.db, actor.workspaceId, id, { completedAt: ctx.now(), completedBy: actor.userId, answered })
  return (await findCheckIn(ctx.db, id, actor.workspaceId))!
}
