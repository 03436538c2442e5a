/**
 * Where alerts go and what listening may do on its own: alert channels (e-mail addresses, Slack-,
 * Discord-compatible or plain JSON webhooks; sealed at rest, since a webhook URL is its own
 * secret), the daily digest, the crisis pause, and the in-app alert list.
 */
import { errors } from '../domain/index.js'
import { resumePublishing } from '../publish/index.js'
import {
  countUnreadAlerts,
  deleteAlertChannel,
  findWorkspace,
  insertAlertChannel,
  listAlertChannels,
  listAlerts,
  markAlertsRead,
  newId,
  updateWorkspace,
  type AlertChannel,
  type AlertRow,
} from '../store/index.js'
import { checkWebhookUrl } from './alerts/index.js'
import type { ListenActor, ListenContext } from './context.js'

export const maxChannels = 10
const emailPattern = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/

export type ChannelInput = { kind: 'email'; addresses: string[] } | { kind: 'webhook'; format: 'slack' | 'discord' | 'generic'; url: string }

export async function addChannel(ctx: ListenContext, actor: ListenActor, input: ChannelInput): Promise<AlertChannel> {
  if ((await listAlertChannels(ctx.db, actor.workspaceId)).length >= maxChannels) throw errors.conflict('listen_channel_limit', { max: maxChannels })
  let target: string
  let label: string
  if (input.kind === 'email') {
    const addresses = input.addresses.map((a) => a.trim()).filter(Boolean)
    const bad = addresses.find((a) => !emailPattern.test(a))
    if (addresses.length === 0 || bad) throw errors.badRequest('listen_channel_email_invalid', { address: bad ?? '' })
    target = addresses.join(',')
    label = addresses.join(', ')
  } else {
    // Refused with the reason in the person's language (a WebhookError is an AppError).
    const url = await checkWebhookUrl(input.url.trim(), ctx.allowPrivateUrls, input.format)
    target = url.toString()
    label = url.host
  }
  const now = ctx.now()
  const channel: AlertChannel = {
    id: newId(now),
    workspaceId: actor.workspaceId,
    kind: input.kind,
    format: input.kind === 'email' ? 'email' : input.format,
    target: ctx.secrets.seal(target),
    label,
    lastError: null,
    createdBy: actor.userId,
    createdAt: now,
  }
  await insertAlertChannel(ctx.db, channel)
  return channel
}

export async function removeChannel(ctx: ListenContext, actor: ListenActor, id: string): Promise<void> {
  if (!(await deleteAlertChannel(ctx.db, actor.workspaceId, id))) throw errors.notFound('listen_channel')
}

export interface ListenSettings {
  crisisPause: boolean
  digest: boolean
  /** Set while publishing is paused, with why. */
  publishingPaused: { at: number; reason: string } | null
  emailAvailable: boolean
}

export async function getSettings(ctx: ListenContext, actor: ListenActor): Promise<ListenSettings> {
  const workspace = await findWorkspace(ctx.db, actor.workspaceId)
  if (!workspace) throw errors.notFound('workspace')
  return {
    crisisPause: workspace.crisisPause === 1,
    digest: workspace.listenDigest === 1,
    publishingPaused: workspace.publishingPausedAt === null ? null : { at: workspace.publishingPausedAt, reason: workspace.publishingPausedReason ?? 'manual' },
    emailAvailable: ctx.mailer !== undefined,
  }
}

export async function changeSettings(ctx: ListenContext, actor: ListenActor, patch: { crisisPause?: boolean; digest?: boolean }): Promise<ListenSettings> {
  await updateWorkspace(ctx.db, actor.workspaceId, {
    ...(patch.crisisPause !== undefined ? { crisisPause: patch.crisisPause ? 1 : 0 } : {}),
    ...(patch.digest !== undefined ? { listenDigest: patch.digest ? 1 : 0 } : {}),
  })
  return getSettings(ctx, actor)
}

/** Someone looked: scheduled posts go again (those whose time passed go now). */
export async function resumeAfterCrisis(ctx: ListenContext, actor: ListenActor): Promise<number> {
  return resumePublishing(ctx.publish, actor.workspaceId)
}

export async function alertsOf(ctx: ListenContext, actor: ListenActor, limit: number): Promise<{ alerts: AlertRow[]; unread: number }> {
  return { alerts: await listAlerts(ctx.db, actor.workspaceId, limit), unread: await countUnreadAlerts(ctx.db, actor.workspaceId) }
}

export async function readAlerts(ctx: ListenContext, actor: ListenActor): Promise<void> {
  await markAlertsRead(ctx.db, actor.workspaceId, ctx.now())
}
