/**
 * The `sync-inbox` job: each connected account's notifications (replies, mentions, quotes) are
 * read from its cursor, page after page while the network says there is more, and stored once per
 * network item; the cursor moves only after what precedes it is stored. An account whose network
 * fails waits (1, 2, 4 … up to 60 minutes) without holding up the others; expired credentials
 * pause it, as publishing does.
 */
import { AuthExpired, ConnectorError, RateLimited } from '../networks/index.js'
import { readWithAccount } from '../publish/index.js'
import { getInboxCursor, insertInboxItems, listConnectedAccounts, recordInboxFailure, saveInboxCursor, type Account } from '../store/index.js'
import type { EngageContext } from './context.js'
import { toRow } from './rows.js'
import { recheckAccount } from './threads.js'

export { conversationKeyOf } from './rows.js'

export const syncInboxJobName = 'sync-inbox'
/** How often the job runs; each account is read when its next time has come. */
export const syncInboxEveryMs = 60_000
/** An account with no failure is read again this long after its last read. */
export const inboxReadEveryMs = 2 * 60_000
const maxBackoffMs = 60 * 60_000
/** Pages read per account and run: a backlog is read over several runs. */
const maxPagesPerRun = 10

export interface InboxSyncOutcome {
  accountId: string
  stored: number
  /** Why the account was not read to the end, when it was not. */
  error?: string
}

/**
 * Reads one account's new notifications into the inbox, then makes the side checks when their
 * time has come (threads.ts: items deleted on the network, replies not notified).
 */
export async function syncAccountInbox(ctx: EngageContext, account: Account, options: { force?: boolean } = {}): Promise<InboxSyncOutcome> {
  const connector = ctx.publish.networks.get(account.network)
  if (!connector?.fetchNotifications) return { accountId: account.id, stored: 0 }
  const state = await getInboxCursor(ctx.db, account.id)
  let cursor = state?.cursor ?? undefined
  let stored = 0
  try {
    for (let page = 0; page < maxPagesPerRun; page++) {
      const read = await readWithAccount(ctx.publish, account, (c, connected) => c.fetchNotifications!(connected, cursor))
      const now = ctx.now()
      // Our own posts (a thread we replied in) are not for the inbox.
      const items = read.items.filter((item) => item.author.remoteId !== account.remoteId)
      stored += await insertInboxItems(ctx.db, items.map((item) => toRow(ctx, account, item, now)))
      cursor = read.cursor ?? cursor
      await saveInboxCursor(ctx.db, account.id, cursor ?? null, now, now + inboxReadEveryMs)
      if (!read.more) break
    }
    stored += await recheckAccount(ctx, account, options.force)
    return { accountId: account.id, stored }
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error
    const failures = (state?.failures ?? 0) + 1
    const wait = error instanceof RateLimited ? Math.max(error.retryAfterMs, inboxReadEveryMs) : Math.min(maxBackoffMs, inboxReadEveryMs * 2 ** (failures - 1))
    await recordInboxFailure(ctx.db, account.id, failures, ctx.now() + wait, error.message)
    if (!(error instanceof AuthExpired)) ctx.logger.warn({ account: account.id, network: account.network, error: error.message, waitMs: wait }, 'sync-inbox: reading failed; trying later')
    return { accountId: account.id, stored, error: error.message }
  }
}

/** Reads every usable account whose time has come (all of them with `force`). */
export async function syncInboxes(ctx: EngageContext, options: { force?: boolean; workspaceId?: string } = {}): Promise<InboxSyncOutcome[]> {
  const outcomes: InboxSyncOutcome[] = []
  for (const account of await listConnectedAccounts(ctx.db)) {
    if (account.status !== 'active' && account.status !== 'restricted') continue
    if (options.workspaceId && account.workspaceId !== options.workspaceId) continue
    const state = await getInboxCursor(ctx.db, account.id)
    if (!options.force && state && Number(state.nextSyncAt) > ctx.now()) continue
    outcomes.push(await syncAccountInbox(ctx, account, { force: options.force === true }))
  }
  return outcomes
}
