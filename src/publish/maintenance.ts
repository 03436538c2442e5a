/**
 * Recurring publishing work, each a durable job that schedules its own next run under a
 * time-bucket key (so however many workers run, each run happens once):
 * - the sweeper (every minute) makes sure every due target has a publish job — a process that
 *   died between saving a schedule and enqueuing its jobs loses nothing;
 * - the connection check (daily) asks each network whether each account still works, so an
 *   expiring token or a restricted account shows before a post fails.
 */
import { AuthExpired, ConnectorError } from '../networks/index.js'
import { listConnectedAccounts, listDueTargets, updateAccount } from '../store/index.js'
import { connectorFor, pauseAccount, saveConnected, toConnected } from './accounts.js'
import type { PublishContext } from './context.js'
import { feedPollEveryMs, pollDueFeeds } from './blog-feeds.js'
import { abandonedAfterMs } from './dispatch.js'
import { enqueueTarget } from './enqueue.js'

export const sweepJobName = 'publish-sweep'
export const healthJobName = 'accounts-health'
export const feedsJobName = 'feeds-poll'
const sweepEveryMs = 60_000
const healthEveryMs = 24 * 3600_000
/** A due target gets this long for its own job to run before the sweeper steps in. */
const sweepGraceMs = 30_000

/** Enqueues jobs for due targets that lack one. Returns how many it asked for. */
export async function sweep(ctx: PublishContext): Promise<number> {
  const now = ctx.now()
  const due = await listDueTargets(ctx.db, now - sweepGraceMs, 500)
  let asked = 0
  for (const target of due) {
    if (target.status === 'publishing' && now - target.updatedAt <= abandonedAfterMs) continue
    const runAt = target.nextAttemptAt ?? target.scheduledAt ?? now
    // The same key as the job that should exist: a no-op unless it is really missing.
    await enqueueTarget(ctx, { targetId: target.id, version: target.scheduleVersion, attempt: target.attempts - (target.status === 'publishing' ? 1 : 0), runAt })
    asked++
  }
  return asked
}

/** Checks every connected account with its network and records what it found. */
export async function checkAccounts(ctx: PublishContext): Promise<void> {
  for (const account of await listConnectedAccounts(ctx.db)) {
    if (!ctx.networks.has(account.network)) continue
    const connected = toConnected(ctx, account)
    const now = ctx.now()
    try {
      const refreshed = await connectorFor(ctx, account.network).refresh(connected)
      await saveConnected(ctx, account.id, refreshed)
      const health = await connectorFor(ctx, account.network).check(refreshed)
      if (health.account) await saveConnected(ctx, account.id, { ...refreshed, account: health.account })
      await updateAccount(ctx.db, account.id, {
        status: health.status === 'restricted' ? 'restricted' : 'active',
        statusReason: health.status === 'ok' ? null : (health.reason ?? health.status),
        expiresAt: health.expiresAt ?? refreshed.expiresAt ?? null,
        checkedAt: now,
        updatedAt: now,
      })
    } catch (error) {
      if (error instanceof AuthExpired) await pauseAccount(ctx, account.id, error.message)
      else if (error instanceof ConnectorError) ctx.logger.warn({ account: account.id, error: error.message }, 'accounts-health: check failed; will try again tomorrow')
      else throw error
      await updateAccount(ctx.db, account.id, { checkedAt: now })
    }
  }
}

export const recurring = [
  { name: sweepJobName, every: sweepEveryMs, run: sweep },
  { name: healthJobName, every: healthEveryMs, run: checkAccounts },
  { name: feedsJobName, every: feedPollEveryMs / 2, run: pollDueFeeds },
] as const
