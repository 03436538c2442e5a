/**
 * Signing in with a handle (or e-mail) and an app password, renewing the session, and the daily
 * check of the account's standing on its PDS.
 */
import type { AtpAgent } from '@atproto/api'
import type { AccountHealth, ConnectedAccount, RemoteAccount } from '../connector.js'
import { AuthExpired, Rejected } from '../errors.js'
import {
  type BlueskyDeps,
  defaultService,
  jwtExpiry,
  jwtScope,
  newAgent,
  parseCredentials,
  renewedAccount,
  resumeAgent,
  sessionRecord,
  withSession,
} from './client.js'
import { avatarUrl, profileCollection, profileUrl } from './links.js'
import { network, toConnectorError, xrpcErrorName } from './xrpc-errors.js'

/** What the person gives to connect an account. */
export type BlueskyConnectInput = {
  /** Handle (alice.bsky.social, with or without @) or the account's e-mail address. */
  identifier: string
  /** An app password (Settings → Privacy and security → App passwords), not the account password. */
  appPassword: string
  /** The PDS or entryway URL; default https://bsky.social. */
  service?: string
}

/** Credentials end within this long: the daily check says "expiring". */
const expiringWithinMs = 7 * 24 * 60 * 60 * 1000

function normalizeService(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.includes('://') ? raw : `https://${raw}`)
  } catch {
    throw new Rejected(network, `Not a server address: ${raw}`, 'InvalidService')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Rejected(network, `Not a server address: ${raw}`, 'InvalidService')
  return url.origin
}

/** The profile as the account's own repository holds it (no AppView needed). */
async function profileOf(agent: AtpAgent, did: string, handle: string): Promise<RemoteAccount> {
  const account: RemoteAccount = { remoteId: did, handle, displayName: handle, profileUrl: profileUrl(handle) }
  try {
    const { data } = await agent.com.atproto.repo.getRecord({ repo: did, collection: profileCollection, rkey: 'self' })
    const profile = data.value as { displayName?: unknown; avatar?: { ref?: { toString(): string } } }
    if (typeof profile.displayName === 'string' && profile.displayName.trim()) account.displayName = profile.displayName
    const avatar = profile.avatar?.ref?.toString()
    if (avatar) account.avatarUrl = avatarUrl(did, avatar)
  } catch {
    // No profile yet (new accounts have none), or it is unreadable: the handle will do.
  }
  return account
}

/** Signs in; refuses the account password, which gives more power than posting needs. */
export async function connect(deps: BlueskyDeps, input: BlueskyConnectInput): Promise<ConnectedAccount> {
  const service = normalizeService(input.service ?? deps.defaultService ?? defaultService)
  const agent = newAgent(deps, service)
  try {
    await agent.login({ identifier: input.identifier.trim().replace(/^@/, ''), password: input.appPassword.trim() })
  } catch (error) {
    throw toConnectorError(error)
  }
  const session = agent.session!
  if (jwtScope(session.accessJwt) === 'com.atproto.access') {
    await agent.logout()
    throw new Rejected(
      network,
      'This is the account password. Create an app password in Bluesky (Settings → Privacy and security → App passwords) and use it instead.',
      'NotAnAppPassword',
    )
  }
  return { account: await profileOf(agent, session.did, session.handle), ...sessionRecord(agent, service, session) }
}

/** A new session from the refresh token; AuthExpired when it was revoked or has expired. */
export async function refresh(deps: BlueskyDeps, account: ConnectedAccount): Promise<ConnectedAccount> {
  const credentials = parseCredentials(account)
  const agent = resumeAgent(deps, credentials)
  try {
    await agent.sessionManager.refreshSession()
  } catch (error) {
    throw toConnectorError(error)
  }
  return renewedAccount(account, agent, credentials, agent.session!)
}

/** Errors that mean the PDS restricted the account rather than our session ending. */
const restrictions: Record<string, string> = { AccountTakedown: 'takendown', AccountDeactivated: 'deactivated' }

/**
 * The daily check: the PDS reports the repository active (`com.atproto.sync.getRepoStatus`, which
 * still answers for taken-down accounts where `getSession` no longer does) and the session works.
 * Taken down, suspended or deactivated accounts are "restricted" with the PDS's status as reason.
 */
export async function check(deps: BlueskyDeps, account: ConnectedAccount): Promise<AccountHealth> {
  try {
    return await withSession(deps, account, async ({ agent, did }) => {
      const { data: repo } = await agent.com.atproto.sync.getRepoStatus({ did })
      if (!repo.active) return { status: 'restricted', reason: repo.status ?? 'inactive' }
      const { data } = await agent.com.atproto.server.getSession()
      const expiresAt = jwtExpiry(agent.session?.refreshJwt ?? '')
      const expiring = expiresAt !== undefined && expiresAt - Date.now() < expiringWithinMs
      const health: AccountHealth = expiring ? { status: 'expiring', expiresAt } : { status: 'ok' }
      if (data.handle !== account.account.handle) health.account = await profileOf(agent, data.did, data.handle)
      return health
    })
  } catch (error) {
    // With a stale access token the refresh comes first, and it is refused for taken-down accounts.
    const reason = error instanceof AuthExpired ? restrictions[xrpcErrorName(error.cause) ?? ''] : undefined
    if (reason) return { status: 'restricted', reason }
    throw error
  }
}
