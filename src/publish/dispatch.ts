/**
 * The dispatcher: the `publish` job handler, run once per (post, account) at its time. The
 * target row, not the job, is the authority, so a post goes out exactly once:
 * - a job for an older schedule version, or for an attempt already made, does nothing;
 * - a target is claimed with a conditional update (status and attempt count), so two workers
 *   never both publish it;
 * - an attempt that may have reached the network (a worker died before recording it) is retried
 *   only after asking the network whether the post is there (`findPublished`); connectors also
 *   pass an idempotency key the network itself honours.
 * One retry policy, written against the four connector errors:
 * Transient → retry with backoff; RateLimited → retry after the network's wait; Rejected → the
 * target fails with the network's reason; AuthExpired → the account pauses, its posts wait.
 */
import { countText, findLinks } from '../domain/index.js'
import { ConnectorError, RateLimited, Rejected, type ConnectedAccount, type Connector, type MediaAttachment, type PostRequest, type RemotePostRef } from '../networks/index.js'
import {
  claimTarget,
  findDispatchRow,
  loadMediaOfPost,
  refreshPostStatus,
  takeRateUnit,
  transitionTarget,
  updateTarget,
  type Account,
  type DispatchRow,
  type PostTarget,
} from '../store/index.js'
import { capabilitiesOf, connectorFor, pauseAccount, saveConnected, toConnected } from './accounts.js'
import type { PublishContext } from './context.js'
import { enqueueTarget, type PublishJob } from './enqueue.js'
import { workspacePausedKind } from './pause.js'
import { statusFromTargets } from './status.js'

/** How often a transient failure is retried before the target fails. */
export const maxTransientAttempts = 6
const transientBaseDelayMs = 30_000
const transientMaxDelayMs = 3600_000
/** A target left "publishing" this long by a worker that vanished may be taken over. */
export const abandonedAfterMs = 10 * 60_000

function transientDelay(attempts: number): number {
  const floor = Math.min(transientMaxDelayMs, transientBaseDelayMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(floor * (1 + Math.random() * 0.2))
}

/** Whether this job may act on the target as it is now. */
function mayAct(job: PublishJob, post: DispatchRow['post'], target: PostTarget, now: number): boolean {
  if (post.scheduleVersion !== job.version) return false
  if (!['scheduled', 'publishing', 'partly_published'].includes(post.status)) return false
  if (target.status === 'pending') return target.attempts === job.attempt
  // Publishing: the same job run again after its worker died, or an abandoned attempt.
  if (target.status === 'publishing') return target.attempts === job.attempt + 1 || now - target.updatedAt > abandonedAfterMs
  return false
}

/** Server key for per-server limits: the account's PDS or instance. */
function serverOf(account: Account): string {
  const settings = JSON.parse(account.settings) as Record<string, unknown>
  const server = settings.server ?? settings.service ?? settings.instanceUrl ?? account.network
  return `${account.network}:${String(server)}`
}

/** Takes a unit of each rate limit; returns when to come back if one is used up. */
async function rateLimitedUntil(ctx: PublishContext, account: Account, now: number): Promise<number | undefined> {
  const { rateLimits } = capabilitiesOf(ctx, account)
  const perAccount = await takeRateUnit(ctx.db, `account:${account.id}`, rateLimits.publishPerAccount.max, rateLimits.publishPerAccount.windowMs, now)
  if (perAccount !== undefined) return perAccount
  if (!rateLimits.requestsPerServer) return undefined
  return takeRateUnit(ctx.db, `server:${serverOf(account)}`, rateLimits.requestsPerServer.max, rateLimits.requestsPerServer.windowMs, now)
}

async function mediaOf(ctx: PublishContext, postId: string): Promise<MediaAttachment[]> {
  return (await loadMediaOfPost(ctx.db, postId)).map((m) => ({
    kind: m.kind,
    mimeType: m.mimeType,
    bytes: new Uint8Array(m.data),
    altText: m.altText,
    ...(m.width !== null && m.height !== null ? { width: m.width, height: m.height } : {}),
  }))
}

async function defer(ctx: PublishContext, target: PostTarget, post: DispatchRow['post'], at: number, patch: Partial<PostTarget> = {}): Promise<void> {
  await updateTarget(ctx.db, target.id, { status: 'pending', nextAttemptAt: at, updatedAt: ctx.now(), ...patch })
  await enqueueTarget(ctx, { targetId: target.id, version: post.scheduleVersion, attempt: target.attempts, runAt: at })
}

/** Runs one publish job. Unexpected errors are thrown so the job itself retries. */
export async function dispatch(ctx: PublishContext, job: PublishJob): Promise<void> {
  const now = ctx.now()
  const row = await findDispatchRow(ctx.db, job.targetId)
  if (!row || !mayAct(job, row.post, row.target, now)) return
  const { target, post, account } = row
  const single = row.targetCount === 1
  if (row.workspacePausedAt !== null) {
    // Publishing is paused (a crisis): the post waits, and goes when someone resumes.
    await transitionTarget(ctx.db, target.id, ['pending', 'publishing'], { status: 'waiting', errorKind: workspacePausedKind, errorReason: null, updatedAt: now })
    return refreshPostStatus(ctx.db, post.id, now, statusFromTargets, single ? 'waiting' : undefined)
  }
  if (account.status !== 'active') {
    const status: PostTarget['status'] = account.status === 'disconnected' ? 'cancelled' : 'waiting'
    const patch = status === 'cancelled' ? { status, updatedAt: now } : { status, errorKind: 'account_' + account.status, errorReason: account.statusReason, updatedAt: now }
    await transitionTarget(ctx.db, target.id, ['pending', 'publishing'], patch)
    return refreshPostStatus(ctx.db, post.id, now, statusFromTargets, single ? status : undefined)
  }
  if (target.status === 'pending') {
    const until = await rateLimitedUntil(ctx, account, now)
    if (until !== undefined) return defer(ctx, target, post, until)
  }
  if (!(await claimTarget(ctx.db, target, now))) return
  const claimed: PostTarget = { ...target, status: 'publishing', attempts: target.attempts + 1, firstAttemptAt: target.firstAttemptAt ?? now, updatedAt: now }
  await attempt(ctx, row, claimed)
}

/**
 * The text to send: the target's own or the post's, with its links made tracked short links when
 * tracking is on. A short link can be longer than the address it replaces; when that would take
 * the post over the network's limit, the post goes out with its links as written rather than fail.
 */
async function publishedText(ctx: PublishContext, row: DispatchRow, connector: Connector, connected: ConnectedAccount): Promise<string> {
  const text = row.target.text ?? row.post.text
  if (!ctx.trackLinks || !row.trackLinks || findLinks(text).length === 0) return text
  const tracked = await ctx.trackLinks({ workspaceId: row.account.workspaceId, postId: row.post.id, targetId: row.target.id, network: row.account.network, text, campaign: row.post.campaign })
  const rules = connector.capabilities(connected).text
  return countText(tracked, rules) <= rules.maxLength ? tracked : text
}

async function attempt(ctx: PublishContext, row: DispatchRow, target: PostTarget): Promise<void> {
  const { post, account } = row
  const connector = connectorFor(ctx, account.network)
  const connected = toConnected(ctx, account)
  const before = JSON.stringify(connected.credentials)
  const request: PostRequest = {
    text: await publishedText(ctx, row, connector, connected),
    media: row.mediaCount > 0 ? await mediaOf(ctx, post.id) : [],
    idempotencyKey: target.id,
    createdAt: target.firstAttemptAt ?? ctx.now(),
    ...(post.replyTo ? { replyTo: JSON.parse(post.replyTo) as RemotePostRef } : {}),
  }
  let outcome: PostTarget['status'] | undefined
  try {
    // An earlier attempt may have reached the network before its worker died.
    const earlier = target.attempts > 1 ? await connector.findPublished(connected, request) : undefined
    const published = earlier ?? (await connector.publish(connected, request))
    await updateTarget(ctx.db, target.id, {
      status: 'published',
      remoteId: published.remoteId,
      remoteCid: published.cid ?? null,
      remoteUrl: published.url,
      publishedAt: published.publishedAt,
      nextAttemptAt: null,
      errorKind: null,
      errorReason: null,
      updatedAt: ctx.now(),
    })
    outcome = 'published'
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    outcome = await handleFailure(ctx, post, target, account, error)
  } finally {
    // Connectors refresh tokens in place; keep what they renewed.
    if (JSON.stringify(connected.credentials) !== before) await saveConnected(ctx, account.id, connected)
  }
  await refreshPostStatus(ctx.db, post.id, ctx.now(), statusFromTargets, row.targetCount === 1 ? outcome : undefined)
}

async function handleFailure(ctx: PublishContext, post: DispatchRow['post'], target: PostTarget, account: Account, error: ConnectorError): Promise<PostTarget['status']> {
  const now = ctx.now()
  const logged = { target: target.id, post: post.id, account: account.id, network: account.network, attempt: target.attempts, error: error.message }
  switch (error.kind) {
    case 'auth_expired':
      ctx.logger.warn(logged, 'publish: credentials no longer work; account paused')
      await pauseAccount(ctx, account.id, error.message)
      await updateTarget(ctx.db, target.id, { status: 'waiting', errorKind: 'auth_expired', errorReason: error.message, updatedAt: now })
      return 'waiting'
    case 'rate_limited': {
      const wait = error instanceof RateLimited ? error.retryAfterMs : 60_000
      ctx.logger.warn({ ...logged, retryInMs: wait }, 'publish: rate limited by the network')
      await defer(ctx, target, post, now + wait, { errorKind: 'rate_limited', errorReason: error.message })
      return 'pending'
    }
    case 'transient':
      if (target.attempts < maxTransientAttempts) {
        ctx.logger.warn(logged, 'publish: transient failure; will retry')
        await defer(ctx, target, post, now + transientDelay(target.attempts), { errorKind: 'transient', errorReason: error.message })
        return 'pending'
      }
      ctx.logger.error(logged, 'publish: transient failures exhausted the retries')
      await updateTarget(ctx.db, target.id, { status: 'failed', errorKind: 'transient', errorReason: error.message, updatedAt: now })
      return 'failed'
    case 'rejected':
      ctx.logger.warn(logged, 'publish: rejected by the network')
      await updateTarget(ctx.db, target.id, {
        status: 'failed',
        errorKind: 'rejected',
        errorReason: error instanceof Rejected ? error.reason : error.message,
        updatedAt: now,
      })
      return 'failed'
  }
}
