/**
 * Connected network accounts: connect (credentials sealed at rest), list with what each network
 * can do, reconnect, disconnect, and turning a stored account back into what a connector needs.
 */
import { errors } from '../domain/index.js'
import { AuthExpired, ConnectorError, type Capabilities, type ConnectedAccount, type Connector } from '../networks/index.js'
import {
  findAccount,
  findAccountByRemote,
  findPostById,
  insertAccount,
  listAccounts as listAccountRows,
  listTargetsOfAccount,
  newId,
  transitionTarget,
  updateAccount,
  type Account,
} from '../store/index.js'
import { checkPublicUrl, UrlRejectedError } from '../security/index.js'
import type { PublishActor, PublishContext } from './context.js'
import { enqueueTarget } from './enqueue.js'

export interface AccountView {
  account: Account
  capabilities: Capabilities
}

export function connectorFor(ctx: PublishContext, network: string): Connector {
  const connector = ctx.networks.get(network)
  if (!connector) throw errors.badRequest('unknown_network', { network })
  return connector
}

/** The stored account as its connector takes it (credentials opened). */
export function toConnected(ctx: PublishContext, account: Account): ConnectedAccount {
  return {
    account: {
      remoteId: account.remoteId,
      handle: account.handle,
      displayName: account.displayName,
      ...(account.avatarUrl ? { avatarUrl: account.avatarUrl } : {}),
      profileUrl: account.profileUrl,
    },
    credentials: JSON.parse(ctx.secrets.open(account.credentials)) as ConnectedAccount['credentials'],
    settings: JSON.parse(account.settings) as ConnectedAccount['settings'],
    ...(account.expiresAt !== null ? { expiresAt: account.expiresAt } : {}),
  }
}

/** Stores what a connector returned (new tokens after a refresh, a renamed handle). */
export async function saveConnected(ctx: PublishContext, accountId: string, connected: ConnectedAccount): Promise<void> {
  await updateAccount(ctx.db, accountId, {
    handle: connected.account.handle,
    displayName: connected.account.displayName,
    avatarUrl: connected.account.avatarUrl ?? null,
    profileUrl: connected.account.profileUrl,
    credentials: ctx.secrets.seal(JSON.stringify(connected.credentials)),
    settings: JSON.stringify(connected.settings),
    expiresAt: connected.expiresAt ?? null,
    updatedAt: ctx.now(),
  })
}

/** What the account's network (and its server's settings) allow; needs no credentials. */
export function capabilitiesOf(ctx: PublishContext, account: Account): Capabilities {
  const withoutSecrets: ConnectedAccount = {
    account: { remoteId: account.remoteId, handle: account.handle, displayName: account.displayName, profileUrl: account.profileUrl },
    credentials: {},
    settings: JSON.parse(account.settings) as Record<string, unknown>,
  }
  return connectorFor(ctx, account.network).capabilities(withoutSecrets)
}

/** A connector failure during sign-in, in words a person can act on. */
function connectFailed(error: unknown): never {
  if (error instanceof AuthExpired) throw errors.badRequest('account_credentials_refused', { reason: error.message })
  if (error instanceof ConnectorError) throw errors.badRequest('account_connect_failed', { reason: error.message })
  throw error
}

/**
 * Web addresses in what the person typed (a PDS, a Mastodon instance) must be public unless
 * ALLOW_PRIVATE_URLS says otherwise. The process's dispatcher refuses such connections anyway;
 * this check names the reason before anything is sent.
 */
export async function checkServerAddresses(ctx: PublishContext, input: Record<string, unknown>): Promise<void> {
  for (const value of Object.values(input)) {
    if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) continue
    try {
      await checkPublicUrl(value, { allowPrivate: ctx.allowPrivateUrls })
    } catch (error) {
      if (error instanceof UrlRejectedError) throw errors.badRequest(`url_${error.reason}`)
      throw error
    }
  }
}

/**
 * Signs in to a network and adds (or, when it is already there, reconnects) the account.
 * Targets that waited for the account go back to the queue.
 */
export async function connectAccount(ctx: PublishContext, actor: PublishActor, props: { network: string; input: Record<string, unknown> }): Promise<AccountView> {
  const connector = connectorFor(ctx, props.network)
  await checkServerAddresses(ctx, props.input)
  const connected = await connector.connect(props.input).catch(connectFailed)
  const now = ctx.now()
  const existing = await findAccountByRemote(ctx.db, actor.workspaceId, props.network, connected.account.remoteId)
  if (existing) {
    await saveConnected(ctx, existing.id, connected)
    await updateAccount(ctx.db, existing.id, { status: 'active', statusReason: null, checkedAt: now })
    await releaseWaitingTargets(ctx, existing.id)
    return { account: (await findAccount(ctx.db, actor.workspaceId, existing.id))!, capabilities: connector.capabilities(connected) }
  }
  const account: Account = {
    id: newId(now),
    workspaceId: actor.workspaceId,
    network: props.network,
    remoteId: connected.account.remoteId,
    handle: connected.account.handle,
    displayName: connected.account.displayName,
    avatarUrl: connected.account.avatarUrl ?? null,
    profileUrl: connected.account.profileUrl,
    credentials: ctx.secrets.seal(JSON.stringify(connected.credentials)),
    settings: JSON.stringify(connected.settings),
    status: 'active',
    statusReason: null,
    expiresAt: connected.expiresAt ?? null,
    checkedAt: now,
    connectedBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  }
  await insertAccount(ctx.db, account)
  return { account, capabilities: connector.capabilities(connected) }
}

export async function listAccounts(ctx: PublishContext, workspaceId: string): Promise<AccountView[]> {
  const accounts = await listAccountRows(ctx.db, workspaceId)
  return accounts.filter((a) => ctx.networks.has(a.network)).map((account) => ({ account, capabilities: capabilitiesOf(ctx, account) }))
}

/** Disconnects: credentials are wiped; published history stays. Pending targets are cancelled. */
export async function disconnectAccount(ctx: PublishContext, actor: PublishActor, accountId: string): Promise<void> {
  const account = await findAccount(ctx.db, actor.workspaceId, accountId)
  if (!account || account.status === 'disconnected') throw errors.notFound('account')
  const now = ctx.now()
  await ctx.db.transaction().execute(async (trx) => {
    await updateAccount(trx, accountId, { status: 'disconnected', credentials: ctx.secrets.seal('{}'), statusReason: null, updatedAt: now })
    await trx
      .updateTable('postTargets')
      .set({ status: 'cancelled', updatedAt: now })
      .where('accountId', '=', accountId)
      .where('status', 'in', ['pending', 'waiting'])
      .execute()
  })
}

/** Marks an account paused with the network's reason: its posts wait until it is reconnected. */
export async function pauseAccount(ctx: PublishContext, accountId: string, reason: string): Promise<void> {
  await updateAccount(ctx.db, accountId, { status: 'paused', statusReason: reason, updatedAt: ctx.now() })
}

/** Sends targets that waited for an account back to the dispatcher, now. */
async function releaseWaitingTargets(ctx: PublishContext, accountId: string): Promise<void> {
  const now = ctx.now()
  for (const target of await listTargetsOfAccount(ctx.db, accountId, ['waiting'])) {
    const post = await findPostById(ctx.db, target.postId)
    if (!post) continue
    if (await transitionTarget(ctx.db, target.id, ['waiting'], { status: 'pending', nextAttemptAt: now, updatedAt: now })) {
      await enqueueTarget(ctx, { targetId: target.id, version: post.scheduleVersion, attempt: target.attempts, runAt: now })
    }
  }
}

/**
 * Reads something from the network with the account's credentials (counts, notifications), then
 * stores whatever the call renewed. Credentials that stopped working pause the account, as a
 * failed publish would, and the AuthExpired goes on to the caller.
 */
export async function readWithAccount<T>(ctx: PublishContext, account: Account, read: (connector: Connector, connected: ConnectedAccount) => Promise<T>): Promise<T> {
  const connected = toConnected(ctx, account)
  const before = JSON.stringify(connected.credentials)
  try {
    return await read(connectorFor(ctx, account.network), connected)
  } catch (error) {
    if (error instanceof AuthExpired) await pauseAccount(ctx, account.id, error.message)
    throw error
  } finally {
    if (JSON.stringify(connected.credentials) !== before) await saveConnected(ctx, account.id, connected)
  }
}
