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
 *
 * A worker runs dozens of these at once, so the hot path's database work is shared between the
 * runs of one moment (`createBatcher`): their rows are read in one query, their rate units taken
 * and targets claimed in a few set statements, and their publications recorded in one
 * statement. Each run still decides alone, on its own rows, with the same conditions.
 */
import { countText, findLinks } from '../domain/index.js'
import { createBatcher, type Batcher } from '../jobs/index.js'
import { ConnectorError, RateLimited, Rejected, type ConnectedAccount, type Connector, type MediaAttachment, type PostRequest, type RemotePostRef } from '../networks/index.js'
import {
  claimTargets,
  dialectOf,
  findDispatchRows,
  loadMediaOfPost,
  recordPublications,
  refreshPostStatus,
  takeRateUnits,
  transitionTarget,
  updateTarget,
  type Account,
  type Dialect,
  type DispatchRow,
  type PostTarget,
  type RateUnitRequest,
  type RecordedPublication,
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

/** What a run asks before it may publish: a unit of its rate limits (if pending) and the claim. */
interface StartRequest {
  row: DispatchRow
  now: number
}

/** Either when to come back (a rate limit is used up) or whether this run claimed the target. */
type StartResult = { deferUntil: number } | { claimed: boolean }

interface DispatchBatchers {
  rows: Batcher<string, DispatchRow | undefined>
  starts: Batcher<StartRequest, StartResult>
  published: Batcher<RecordedPublication, undefined>
}

/**
 * How long a publication waits for others to be recorded with it. Network answers arrive one by
 * one, so without a wait each statement records a handful. On PostgreSQL every statement is a
 * round trip and a plan: waiting 20 ms made the dispatch benchmark's workers about 20% faster
 * (bigger batches, fewer statements). On SQLite a statement costs microseconds in process, and
 * the wait would only hold the run's slot longer.
 */
const publishedGatherMs: Record<Dialect, number> = { postgres: 20, sqlite: 0 }

const batchersOf = new WeakMap<PublishContext, DispatchBatchers>()

function batchers(ctx: PublishContext): DispatchBatchers {
  let found = batchersOf.get(ctx)
  if (!found) {
    found = {
      rows: createBatcher(async (ids) => {
        const rows = await findDispatchRows(ctx.db, ids)
        return ids.map((id) => rows.get(id))
      }),
      starts: createBatcher((requests) => start(ctx, requests)),
      published: createBatcher(
        async (records) => {
          await recordPublished(ctx, records)
          return records.map(() => undefined)
        },
        { gatherMs: publishedGatherMs[dialectOf(ctx.db)] },
      ),
    }
    batchersOf.set(ctx, found)
  }
  return found
}

/**
 * For the runs of one moment: a unit of the account's limit for each pending target, then of
 * the server's for those that got one, then the claims of those not deferred. A full window
 * defers the run to its end; a unit taken by a run whose claim then loses stays taken, as it did
 * when runs went one by one.
 */
async function start(ctx: PublishContext, requests: StartRequest[]): Promise<StartResult[]> {
  const results: Array<StartResult | undefined> = requests.map(() => undefined)
  const limited = requests.flatMap((r, i) => (r.row.target.status === 'pending' ? [i] : []))
  const limitsOf = (i: number) => capabilitiesOf(ctx, requests[i]!.row.account).rateLimits
  const take = async (indexes: number[], request: (i: number) => RateUnitRequest | undefined): Promise<number[]> => {
    const asked = indexes.flatMap((i) => {
      const r = request(i)
      return r ? [{ i, r }] : []
    })
    const until = await takeRateUnits(ctx.db, asked.map((a) => a.r), requests[0]!.now)
    asked.forEach((a, k) => {
      if (until[k] !== undefined) results[a.i] = { deferUntil: until[k]! }
    })
    return asked.flatMap((a, k) => (until[k] === undefined ? [a.i] : []))
  }
  const perAccount = await take(limited, (i) => {
    const { publishPerAccount } = limitsOf(i)
    return { key: `account:${requests[i]!.row.account.id}`, max: publishPerAccount.max, windowMs: publishPerAccount.windowMs }
  })
  await take(perAccount, (i) => {
    const perServer = limitsOf(i).requestsPerServer
    return perServer && { key: `server:${serverOf(requests[i]!.row.account)}`, max: perServer.max, windowMs: perServer.windowMs }
  })
  const claiming = requests.flatMap((r, i) => (results[i] === undefined ? [r] : []))
  const claimed = await claimTargets(ctx.db, claiming.map((r) => r.row.target), requests[0]!.now)
  // A target asked for twice in one moment (the same job run twice) is claimed by the first only.
  return requests.map((r, i) => {
    const result = results[i]
    if (result) return result
    const won = claimed.delete(r.row.target.id)
    return { claimed: won }
  })
}

/**
 * Publications of one moment: their targets, and the posts they are the only target of, at once.
 * Posts with other targets are refreshed by their own runs (`refreshPostStatus`).
 */
async function recordPublished(ctx: PublishContext, records: RecordedPublication[]): Promise<void> {
  await recordPublications(ctx.db, records, statusFromTargets(['published']), ctx.now())
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
  const row = await batchers(ctx).rows.add(job.targetId)
  const now = ctx.now()
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
  const started = await batchers(ctx).starts.add({ row, now })
  if ('deferUntil' in started) return defer(ctx, target, post, started.deferUntil)
  if (!started.claimed) return
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
  let record: RecordedPublication | undefined
  try {
    // An earlier attempt may have reached the network before its worker died.
    const earlier = target.attempts > 1 ? await connector.findPublished(connected, request) : undefined
    const published = earlier ?? (await connector.publish(connected, request))
    record = {
      id: target.id,
      remoteId: published.remoteId,
      remoteCid: published.cid ?? null,
      remoteUrl: published.url,
      publishedAt: published.publishedAt,
      updatedAt: ctx.now(),
      postId: post.id,
      soleTarget: row.targetCount === 1,
    }
    outcome = 'published'
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    outcome = await handleFailure(ctx, post, target, account, error)
  } finally {
    // Connectors refresh tokens in place; keep what they renewed.
    if (JSON.stringify(connected.credentials) !== before) await saveConnected(ctx, account.id, connected)
  }
  if (record) {
    // An error here fails the job, which runs again and asks the network before trying (step 4).
    await batchers(ctx).published.add(record)
    if (record.soleTarget) return
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
