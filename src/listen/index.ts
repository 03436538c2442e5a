/**
 * Listening: brand-mention monitoring. Workspaces write queries in a small boolean language
 * (docs/listen-query.md) and choose sources (feeds, a Bluesky firehose, Mastodon hashtags); one
 * compiled matcher checks every item against every active query; matches are stored as mentions
 * with their sentiment; spikes, negative bursts and high-priority matches raise alerts (in the
 * app, by e-mail, by webhook), a daily digest sums up, and a negative burst can pause publishing.
 * Other features import this file only.
 */
import { scheduleRecurring, type JobQueue } from '../jobs/index.js'
import { deliverAlert, deliverJobName, evaluateAlerts, sendDigests } from './alerting.js'
import type { ListenContext } from './context.js'
import { pollDueStreams } from './readers.js'
import { capRecentItems, listListenStreamKeys, pruneRecentItems } from '../store/index.js'

export { createListenContext, type ListenActor, type ListenContext } from './context.js'
export { createQuery, deleteQuery, maxQueriesPerWorkspace, maxQueryLength, parseOrReject, testQuery, updateQuery, type QueryInput, type QueryTest } from './queries.js'
export { addSource, removeSource, type SourceInput } from './source-admin.js'
export { findMentions, listenReport, maxReportDays, type ListenReport, type MentionPage } from './reports.js'
export { addChannel, alertsOf, changeSettings, getSettings, readAlerts, removeChannel, resumeAfterCrisis, type ChannelInput, type ListenSettings } from './settings.js'
export { evaluateAlerts, sendDigests } from './alerting.js'
export { ingest } from './ingest.js'
export { replyToMention } from './replies.js'
export { LiveStreams, pollDueStreams, pollStream } from './readers.js'
export { createMailer, type Mailer } from './alerts/index.js'
export type { ListenItem } from './sources/index.js'

const minute = 60_000
/**
 * The recent sample keeps a week, and at most this many items per stream: a firehose brings
 * millions of posts a day, a feed a few. The tester's rate stays right either way (it divides by
 * the span the kept items cover).
 */
const recentKeptMs = 7 * 24 * 3600_000
const recentKeptPerStream = 50_000

/** Trims the recent sample by age and, per stream, by count. */
async function pruneRecentSample(ctx: ListenContext): Promise<void> {
  await pruneRecentItems(ctx.db, ctx.now() - recentKeptMs)
  for (const key of await listListenStreamKeys(ctx.db)) await capRecentItems(ctx.db, key, recentKeptPerStream)
}

const recurring = [
  { name: 'listen-poll', every: minute, run: async (ctx: ListenContext) => void (await pollDueStreams(ctx)) },
  { name: 'listen-alerts', every: 5 * minute, run: evaluateAlerts },
  { name: 'listen-digest', every: 24 * 60 * minute, run: sendDigests },
  { name: 'listen-prune', every: 10 * minute, run: pruneRecentSample },
] as const

/** Registers listening's job handlers and queues the first runs of its recurring jobs. */
export async function registerListenJobs(queue: JobQueue, ctx: ListenContext): Promise<void> {
  queue.register<{ alertId: string; channelId: string }>(deliverJobName, (job) => deliverAlert(ctx, job))
  for (const job of recurring) {
    queue.register(job.name, async () => {
      await job.run(ctx)
      await scheduleRecurring(queue, job.name, job.every, ctx.now())
    })
    await scheduleRecurring(queue, job.name, job.every, ctx.now())
  }
}
export { createSentimentScorer, type SentimentScorer } from './sentiment/index.js'
