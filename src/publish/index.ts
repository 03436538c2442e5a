/**
 * Publishing: connected accounts, posts composed once and adapted per account, scheduling (now,
 * at a time, next queue slot), approval, and the dispatcher that delivers each post to each
 * network exactly once. Other features import this file only.
 */
import { scheduleRecurring, type JobQueue } from '../jobs/index.js'
import type { PublishContext } from './context.js'
import { dispatch } from './dispatch.js'
import { publishJobName, type PublishJob } from './enqueue.js'
import { recurring } from './maintenance.js'

export { createPublishContext, type LinkTracker, type PublishActor, type PublishContext } from './context.js'
export { capabilitiesOf, checkServerAddresses, connectAccount, toConnected, disconnectAccount, listAccounts, readWithAccount, type AccountView } from './accounts.js'
export { contentTypes, createPost, deletePost, findPosts, getPost, previewDraft, updatePost, type ContentType, type DraftInput, type PostView, type TargetView } from './posts.js'
export { approvePost, retryTarget, schedulePost, unschedulePost, type ScheduleRequest } from './schedule.js'
export { checkAccounts, sweep } from './maintenance.js'
export { addFeed, changeFeed, pollFeed, removeFeed } from './blog-feeds.js'
export { dispatch } from './dispatch.js'
export { maxAltTextLength, maxUploadBytes, setAltText, uploadMedia } from './media.js'
export { publishJobName } from './enqueue.js'
export { pausePublishing, resumePublishing, workspacePausedKind, type PauseReason } from './pause.js'

/** Registers publishing's job handlers and queues the first runs of its recurring jobs. */
export async function registerPublishJobs(queue: JobQueue, ctx: PublishContext): Promise<void> {
  // Publishing waits on networks, not the CPU: it may use every slot of the process.
  queue.register<PublishJob>(publishJobName, (job) => dispatch(ctx, job))
  for (const job of recurring) {
    queue.register(job.name, async () => {
      await job.run(ctx)
      await scheduleRecurring(queue, job.name, job.every, ctx.now())
    })
    await scheduleRecurring(queue, job.name, job.every, ctx.now())
  }
}
