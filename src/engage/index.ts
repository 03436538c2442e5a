/**
 * Engaging: one inbox for the replies, mentions and quotes of every connected account (read by
 * the `sync-inbox` job), worked by the team (assign, notes, done, snooze), answered from the app,
 * with response times against the workspace's target, and the daily check-in routine (blocks,
 * each block's check-in prepared by the `check-in` job, its reminder e-mails, completion).
 * Other features and the server import this file only.
 */
import { scheduleRecurring, type JobQueue } from '../jobs/index.js'
import { sendCheckInReminder } from './check-in-mail.js'
import { checkInEveryMs, checkInJobName, checkInReminderJobName, prepareDueCheckIns } from './check-ins.js'
import type { EngageContext } from './context.js'
import { syncInboxes, syncInboxEveryMs, syncInboxJobName } from './sync.js'

export { createEngageContext, type EngageActor, type EngageContext } from './context.js'
export { conversationKeyOf, inboxReadEveryMs, syncAccountInbox, syncInboxes, syncInboxJobName, type InboxSyncOutcome } from './sync.js'
export { addInboxNote, changeInboxItem, countInbox, getInboxItem, inboxPageSize, listInbox, replyToItem, type InboxChange, type InboxItemDetail, type InboxItemView, type InboxPage } from './items.js'
export { responseTimes, type ResponseTimes } from './stats.js'
export { goneFromNetwork, recheckAccount, recheckEveryMs, threadAbove, type ThreadAbove, type ThreadMessageView } from './threads.js'
export { addSavedReply, changeSavedReply, removeSavedReply, savedReplies, type SavedReplyInput } from './saved-replies.js'
export {
  checkInBlocks,
  checkInJobName,
  checkInReminderJobName,
  checkInToday,
  completeCheckIn,
  prepareDueCheckIns,
  saveCheckInBlocks,
  type CheckInBlocks,
  type CheckInToday,
  type PersonToTalkTo,
  type ScheduledToday,
} from './check-ins.js'

export async function registerEngageJobs(queue: JobQueue, ctx: EngageContext): Promise<void> {
  queue.register(syncInboxJobName, async () => {
    const outcomes = await syncInboxes(ctx)
    const stored = outcomes.reduce((n, o) => n + o.stored, 0)
    if (stored > 0) ctx.logger.info({ stored, accounts: outcomes.length }, 'sync-inbox: new items')
    await scheduleRecurring(queue, syncInboxJobName, syncInboxEveryMs, ctx.now())
  })
  await scheduleRecurring(queue, syncInboxJobName, syncInboxEveryMs, ctx.now())

  queue.register<{ checkInId: string; userId: string }>(checkInReminderJobName, (job) => sendCheckInReminder(ctx, job))
  queue.register(checkInJobName, async () => {
    await prepareDueCheckIns(ctx, queue)
    await scheduleRecurring(queue, checkInJobName, checkInEveryMs, ctx.now())
  })
  await scheduleRecurring(queue, checkInJobName, checkInEveryMs, ctx.now())
}
