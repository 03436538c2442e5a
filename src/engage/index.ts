/**
 * Engaging: one inbox for the replies, mentions and quotes of every connected account (read by
 * the `sync-inbox` job), worked by the team (assign, notes, done, snooze), answered from the app,
 * with response times against the workspace's target. Other features and the server import this file only.
 */
import { scheduleRecurring, type JobQueue } from '../jobs/index.js'
import type { EngageContext } from './context.js'
import { syncInboxes, syncInboxEveryMs, syncInboxJobName } from './sync.js'

export { createEngageContext, type EngageActor, type EngageContext } from './context.js'
export { conversationKeyOf, inboxReadEveryMs, syncAccountInbox, syncInboxes, syncInboxJobName, type InboxSyncOutcome } from './sync.js'
export { addInboxNote, changeInboxItem, getInboxItem, inboxPageSize, listInbox, replyToItem, type InboxChange, type InboxItemDetail, type InboxItemView, type InboxPage } from './items.js'
export { responseTimes, type ResponseTimes } from './stats.js'
export { addSavedReply, changeSavedReply, removeSavedReply, savedReplies, type SavedReplyInput } from './saved-replies.js'

export async function registerEngageJobs(queue: JobQueue, ctx: EngageContext): Promise<void> {
  queue.register(syncInboxJobName, async () => {
    const outcomes = await syncInboxes(ctx)
    const stored = outcomes.reduce((n, o) => n + o.stored, 0)
    if (stored > 0) ctx.logger.info({ stored, accounts: outcomes.length }, 'sync-inbox: new items')
    await scheduleRecurring(queue, syncInboxJobName, syncInboxEveryMs, ctx.now())
  })
  await scheduleRecurring(queue, syncInboxJobName, syncInboxEveryMs, ctx.now())
}
