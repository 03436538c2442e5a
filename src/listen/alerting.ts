/**
 * Raising alerts and sending them. Three rules (stated in alerts/README.md): a query's hour well
 * over its usual level (spike), a burst of negative mentions, any match of a high-priority query;
 * and a daily digest. Each alert is stored once (a dedupe key per query and hour, per mention, per
 * day), shown in the app, and sent to each of the workspace's channels by its own durable job, so
 * a channel that is down is retried without sending twice to the others. A negative burst pauses
 * the workspace's publishing when the owner turned the crisis pause on.
 */
import { DateTime } from 'luxon'
import { isLocale } from '../domain/index.js'
import { pausePublishing } from '../publish/index.js'
import {
  countMatchesByQuery,
  findAlert,
  findListenQuery,
  findWorkspace,
  hourlyMatchCounts,
  hourlyMentionCounts,
  insertAlertOnce,
  listAlertChannels,
  listListenQueries,
  listMentions,
  listWorkspaces,
  newId,
  updateAlertChannelError,
  updateListenQuery,
  type AlertRow,
  type Mention,
  type Workspace,
} from '../store/index.js'
import { alertCooldownMs, detectNegativeBurst, detectSpike, renderAlert, sendWebhook, type Alert, type AlertMention } from './alerts/index.js'
import type { ListenContext } from './context.js'

export const deliverJobName = 'listen-alert-deliver'
const hourMs = 3600_000
const baselineHours = 7 * 24

interface DeliverJob extends Record<string, unknown> {
  alertId: string
  channelId: string
}

function mentionOf(m: Pick<Mention, 'text' | 'url' | 'authorHandle' | 'sentiment' | 'publishedAt'>): AlertMention {
  return { text: m.text, ...(m.url ? { url: m.url } : {}), ...(m.authorHandle ? { authorHandle: m.authorHandle } : {}), sentiment: m.sentiment, publishedAt: m.publishedAt }
}

function linkTo(ctx: ListenContext, path: string): string {
  return new URL(path, ctx.publicUrl).toString()
}

/** Stores an alert once and asks for its delivery to every channel. */
async function raise(ctx: ListenContext, workspace: Workspace, kind: AlertRow['kind'], dedupeKey: string, alert: Alert, queryId: string | null): Promise<boolean> {
  const now = ctx.now()
  const row: AlertRow = { id: newId(now), workspaceId: workspace.id, kind, queryId, dedupeKey, payload: JSON.stringify(alert), createdAt: now, readAt: null }
  if (!(await insertAlertOnce(ctx.db, row))) return false
  const channels = await listAlertChannels(ctx.db, workspace.id)
  for (const channel of channels) {
    await ctx.jobs.enqueue<DeliverJob>(deliverJobName, { alertId: row.id, channelId: channel.id }, { key: `${row.id}:${channel.id}`, retries: 5, retryDelayMs: 60_000 })
  }
  return true
}

function baseAlert(ctx: ListenContext, workspace: Workspace, kind: Alert['kind'], path: string): Alert {
  return { kind, workspaceName: workspace.name, mentions: [], link: linkTo(ctx, path), at: ctx.now(), timeZone: workspace.timeZone }
}

/** Any match of a high-priority query is an alert of its own. */
export async function raisePriorityAlert(ctx: ListenContext, mention: Mention, queryId: string): Promise<void> {
  const workspace = await findWorkspace(ctx.db, mention.workspaceId)
  const query = await findListenQuery(ctx.db, mention.workspaceId, queryId)
  if (!workspace || !query) return
  const alert: Alert = { ...baseAlert(ctx, workspace, 'priority_match', `/listen?query=${queryId}`), queryName: query.name, count: 1, mentions: [mentionOf(mention)] }
  await raise(ctx, workspace, 'priority_match', `match:${queryId}:${mention.id}`, alert, queryId)
}

/** Per-hour series ending with the current (partial) hour, zeros for quiet hours, from `since`. */
function series<T>(counts: Map<number, T>, since: number, now: number, pick: (v: T | undefined) => number): number[] {
  const first = Math.max(Math.floor(since / hourMs), Math.floor(now / hourMs) - baselineHours)
  const last = Math.floor(now / hourMs)
  const out: number[] = []
  for (let h = first; h <= last; h++) out.push(pick(counts.get(h)))
  return out
}

/** Checks every query for a spike and every workspace for a negative burst. */
export async function evaluateAlerts(ctx: ListenContext): Promise<void> {
  const now = ctx.now()
  const hour = Math.floor(now / hourMs)
  const from = (hour - baselineHours) * hourMs
  for (const workspace of await listWorkspaces(ctx.db)) {
    const queries = (await listListenQueries(ctx.db, workspace.id)).filter((q) => q.active === 1)
    if (queries.length === 0) continue
    for (const query of queries) {
      const counts = await hourlyMatchCounts(ctx.db, query.id, from)
      const result = detectSpike({ hourlyCounts: series(counts, query.createdAt, now, (v) => v ?? 0) })
      if (!result.spike) continue
      if (query.lastAlertAt !== null && now - query.lastAlertAt < alertCooldownMs.spike) continue
      const recent = await listMentions(ctx.db, { workspaceId: workspace.id, queryId: query.id, from: hour * hourMs }, { limit: 5 })
      const alert: Alert = {
        ...baseAlert(ctx, workspace, 'spike', `/listen?query=${query.id}`),
        queryName: query.name,
        count: result.current,
        threshold: result.threshold,
        baseline: result.baselineMean,
        mentions: recent.map(mentionOf),
      }
      if (await raise(ctx, workspace, 'spike', `spike:${query.id}:${hour}`, alert, query.id)) await updateListenQuery(ctx.db, query.id, { lastAlertAt: now })
    }
    await checkNegativeBurst(ctx, workspace, now)
  }
}

async function checkNegativeBurst(ctx: ListenContext, workspace: Workspace, now: number): Promise<void> {
  const hour = Math.floor(now / hourMs)
  const counts = await hourlyMentionCounts(ctx.db, workspace.id, (hour - baselineHours) * hourMs)
  const negatives = series(counts, workspace.createdAt, now, (v) => v?.negative ?? 0)
  const current = counts.get(hour) ?? { total: 0, negative: 0 }
  const result = detectNegativeBurst({ recent: current, baselineHourlyNegative: negatives.slice(0, -1) })
  if (!result.burst) return
  const recent = await listMentions(ctx.db, { workspaceId: workspace.id, sentiment: 'negative', from: hour * hourMs }, { limit: 5 })
  const alert: Alert = {
    ...baseAlert(ctx, workspace, 'negative_burst', '/listen?sentiment=negative'),
    count: result.negative,
    total: result.total,
    threshold: result.threshold,
    baseline: result.baselineMean,
    mentions: recent.map(mentionOf),
  }
  const raised = await raise(ctx, workspace, 'negative_burst', `negative:${hour}`, alert, null)
  if (raised && workspace.crisisPause === 1) await pausePublishing(ctx.publish, workspace.id, 'crisis')
}

/** The daily digest of each workspace that wants one: yesterday in its own time zone. */
export async function sendDigests(ctx: ListenContext): Promise<void> {
  const now = ctx.now()
  for (const workspace of await listWorkspaces(ctx.db)) {
    if (workspace.listenDigest !== 1) continue
    const queries = await listListenQueries(ctx.db, workspace.id)
    if (queries.length === 0) continue
    const today = DateTime.fromMillis(now, { zone: workspace.timeZone }).startOf('day')
    const start = today.minus({ days: 1 }).toMillis()
    const end = today.toMillis()
    const counts = await countMatchesByQuery(ctx.db, workspace.id, start, end)
    const perQuery = queries.map((q) => ({
      queryName: q.name,
      count: counts.filter((c) => c.queryId === q.id).reduce((n, c) => n + c.n, 0),
      negative: counts.filter((c) => c.queryId === q.id && c.sentiment === 'negative').reduce((n, c) => n + c.n, 0),
    }))
    const top = await listMentions(ctx.db, { workspaceId: workspace.id, from: start, to: end }, { limit: 5 })
    const alert: Alert = {
      ...baseAlert(ctx, workspace, 'digest', '/listen'),
      count: perQuery.reduce((n, q) => n + q.count, 0),
      perQuery,
      periodStart: start,
      periodEnd: end,
      mentions: top.map(mentionOf),
    }
    await raise(ctx, workspace, 'digest', `digest:${today.toISODate()}`, alert, null)
  }
}

/** Sends one alert to one channel (a durable job: a failure is retried, then recorded). */
export async function deliverAlert(ctx: ListenContext, job: DeliverJob): Promise<void> {
  const alertRow = await findAlert(ctx.db, job.alertId)
  if (!alertRow) return
  const channel = (await listAlertChannels(ctx.db, alertRow.workspaceId)).find((c) => c.id === job.channelId)
  const workspace = await findWorkspace(ctx.db, alertRow.workspaceId)
  if (!channel || !workspace) return
  const alert = JSON.parse(alertRow.payload) as Alert
  const locale = isLocale(workspace.locale) ? workspace.locale : 'en'
  const target = ctx.secrets.open(channel.target)
  try {
    if (channel.kind === 'email') {
      if (!ctx.mailer) throw new Error('no SMTP server is configured (SMTP_URL)')
      const message = renderAlert(alert, locale)
      await ctx.mailer.send({ to: target.split(',').map((a) => a.trim()).filter(Boolean), ...message })
    } else {
      await sendWebhook({ url: target, format: channel.format === 'email' ? 'generic' : channel.format, alert, locale, allowPrivate: ctx.allowPrivateUrls })
    }
    if (channel.lastError) await updateAlertChannelError(ctx.db, channel.id, null)
  } catch (error) {
    await updateAlertChannelError(ctx.db, channel.id, error instanceof Error ? error.message : String(error))
    throw error
  }
}
