/**
 * The `sync-metrics` job: every hour, each connected account's counts (followers, following,
 * posts) and the counts of its posts of the last 30 days are read from its network and stored
 * (the latest per post, a snapshot when they changed, followers per workspace day). Posts older
 * than that change little; they keep their last counts. An account whose network cannot be read
 * (rate limited, down, credentials gone) is skipped until the next run without holding up the
 * others; expired credentials pause it, as publishing would.
 */
import { ConnectorError, RateLimited, type RemotePostRef } from '../networks/index.js'
import { readWithAccount, type PublishContext } from '../publish/index.js'
import { findWorkspace, listConnectedAccounts, publishedTargetsOf, saveAccountCounts, savePostCounts, type Account } from '../store/index.js'
import { dayOf } from './days.js'

export const syncMetricsJobName = 'sync-metrics'
export const syncMetricsEveryMs = 3600_000
/** Posts whose counts are read again on each run. */
export const metricsWindowMs = 30 * 24 * 3600_000
/** At most this many posts per account and run (the newest): within a Mastodon token's 300 calls per 5 minutes even where statuses are read one by one. */
const maxPostsPerRun = 200

export interface SyncOutcome {
  accounts: number
  posts: number
  /** Posts whose counts changed. */
  changed: number
  /** Accounts skipped this time, with the network's reason. */
  skipped: Array<{ accountId: string; reason: string }>
}

/** Reads one account's counts and its recent posts' counts; throws the connector's errors. */
export async function syncAccountMetrics(ctx: PublishContext, account: Account): Promise<{ posts: number; changed: number }> {
  const connector = ctx.networks.get(account.network)
  if (!connector) return { posts: 0, changed: 0 }
  const workspace = await findWorkspace(ctx.db, account.workspaceId)
  if (!workspace) return { posts: 0, changed: 0 }
  const now = ctx.now()
  let posts = 0
  let changed = 0
  if (connector.fetchAccountMetrics) {
    const counts = await readWithAccount(ctx, account, (c, connected) => c.fetchAccountMetrics!(connected))
    await saveAccountCounts(ctx.db, { accountId: account.id, workspaceId: account.workspaceId, day: dayOf(now, workspace.timeZone), ...counts, at: now })
  }
  if (connector.fetchPostMetrics) {
    const targets = await publishedTargetsOf(ctx.db, account.id, now - metricsWindowMs, maxPostsPerRun)
    if (targets.length > 0) {
      const refs: RemotePostRef[] = targets.map((t) => ({ remoteId: t.remoteId, ...(t.remoteCid ? { cid: t.remoteCid } : {}), ...(t.remoteUrl ? { url: t.remoteUrl } : {}) }))
      const metrics = await readWithAccount(ctx, account, (c, connected) => c.fetchPostMetrics!(connected, refs))
      const byRemote = new Map(targets.map((t) => [t.remoteId, t.targetId]))
      const counts = metrics.flatMap((m) => {
        const targetId = byRemote.get(m.remoteId)
        if (!targetId) return []
        return [{ targetId, likes: m.likes ?? 0, reposts: m.reposts ?? 0, replies: m.replies ?? 0, quotes: m.quotes ?? 0, views: m.views ?? null }]
      })
      changed = await savePostCounts(ctx.db, account.workspaceId, now, counts)
      posts = counts.length
    }
  }
  return { posts, changed }
}

/** One run over every connected, usable account. */
export async function syncAllMetrics(ctx: PublishContext): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { accounts: 0, posts: 0, changed: 0, skipped: [] }
  for (const account of await listConnectedAccounts(ctx.db)) {
    if (account.status !== 'active' && account.status !== 'restricted') continue
    try {
      const done = await syncAccountMetrics(ctx, account)
      outcome.accounts += 1
      outcome.posts += done.posts
      outcome.changed += done.changed
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error
      const reason = error instanceof RateLimited ? `rate limited for ${Math.ceil(error.retryAfterMs / 1000)} s` : error.message
      ctx.logger.warn({ account: account.id, network: account.network, reason }, 'sync-metrics: skipped this account until the next run')
      outcome.skipped.push({ accountId: account.id, reason })
    }
  }
  return outcome
}
