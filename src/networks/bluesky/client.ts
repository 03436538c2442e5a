/**
 * Sessions with a PDS: what Stagecraft keeps for an account (the credentials), turning them back
 * into an `AtpAgent` without a network round trip, and running a piece of work with it so that
 * an expired access token is refreshed once and the call retried (AtpAgent does this on a 401 or
 * an `ExpiredToken`), failures become the shared errors, and renewed tokens are handed back.
 *
 * Why renewed tokens must be handed back: a refresh rotates the refresh token. The PDS keeps
 * honouring the old one for a two-hour grace period only (@atproto/pds `rotateRefreshToken`),
 * so credentials renewed during a publish have to be stored, or the account stops working two
 * hours later. `deps.onCredentialsRenewed` receives them.
 */
import { AtpAgent, type AtpSessionData } from '@atproto/api'
import { z } from 'zod'
import type { ConnectedAccount } from '../connector.js'
import { AuthExpired, Transient } from '../errors.js'
import { profileUrl } from './links.js'
import { network, toConnectorError } from './xrpc-errors.js'

/** What the connector needs from outside. */
export interface BlueskyDeps {
  /** The fetch every request goes through (a test's, or one that refuses private addresses). */
  fetch?: typeof fetch
  /** The PDS (or entryway) when the person names none; default https://bsky.social. */
  defaultService?: string
  /**
   * Called when a call had to refresh the session, with the account as it was passed in and as
   * it is now; store `renewed` in place of `previous`. Also called when the work then failed.
   */
  onCredentialsRenewed?(previous: ConnectedAccount, renewed: ConnectedAccount): Promise<void> | void
}

export const defaultService = 'https://bsky.social'

/** An access token this close to its end is refreshed before use rather than sent. */
const refreshMarginMs = 30_000

/**
 * What Stagecraft keeps (sealed) for a Bluesky account: enough to resume the session. The app
 * password is not kept: the refresh token renews the session for 90 days from each refresh, and
 * a password kept only to log in again would outlive the person's wish when they revoke access.
 */
export const blueskyCredentials = z.object({
  /** Where sessions are made and refreshed (a PDS, or an entryway such as bsky.social). */
  service: z.url({ protocol: /^https?$/ }),
  /** The account's own PDS when the service is an entryway (from its DID document). */
  pds: z.url({ protocol: /^https?$/ }).optional(),
  did: z.string().startsWith('did:'),
  handle: z.string(),
  accessJwt: z.string(),
  refreshJwt: z.string(),
})

export type BlueskyCredentials = z.infer<typeof blueskyCredentials>

/** A resumed session: the agent and the account it acts for. */
export interface Session {
  agent: AtpAgent
  did: string
  credentials: BlueskyCredentials
}

/** The claims of a JWT, read without verifying it (the PDS verifies; we only plan around them). */
function jwtClaims(token: string): { exp?: unknown; scope?: unknown } {
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
    return typeof claims === 'object' && claims !== null ? claims : {}
  } catch {
    return {}
  }
}

/** When a JWT stops working (epoch ms). */
export function jwtExpiry(token: string): number | undefined {
  const { exp } = jwtClaims(token)
  return typeof exp === 'number' ? exp * 1000 : undefined
}

/** The scope a session token was issued with ("com.atproto.appPass" for app passwords). */
export function jwtScope(token: string): string | undefined {
  const { scope } = jwtClaims(token)
  return typeof scope === 'string' ? scope : undefined
}

/** A new agent for `service`; `onRenewed` sees every session the agent refreshes. */
export function newAgent(deps: BlueskyDeps, service: string, onRenewed?: (session: AtpSessionData) => void): AtpAgent {
  return new AtpAgent({
    service,
    fetch: deps.fetch,
    persistSession: (event, session) => {
      if (event === 'update' && session) onRenewed?.(session)
    },
  })
}

/** An agent holding the stored session, without asking the PDS anything yet. */
export function resumeAgent(deps: BlueskyDeps, credentials: BlueskyCredentials, onRenewed?: (session: AtpSessionData) => void): AtpAgent {
  const agent = newAgent(deps, credentials.service, onRenewed)
  if (credentials.pds) agent.sessionManager.pdsUrl = new URL(credentials.pds)
  const { did, handle, accessJwt, refreshJwt } = credentials
  agent.sessionManager.session = { did, handle, accessJwt, refreshJwt, active: true }
  return agent
}

/** The credentials and settings to keep after a session was made or refreshed. */
export function sessionRecord(
  agent: AtpAgent,
  service: string,
  session: AtpSessionData,
): Pick<ConnectedAccount, 'settings' | 'expiresAt'> & { credentials: BlueskyCredentials } {
  const pds = agent.pdsUrl?.toString().replace(/\/$/, '')
  const credentials: BlueskyCredentials = {
    service,
    ...(pds && pds !== service ? { pds } : {}),
    did: session.did,
    handle: session.handle,
    accessJwt: session.accessJwt,
    refreshJwt: session.refreshJwt,
  }
  return {
    credentials,
    settings: { service, ...(credentials.pds ? { pds: credentials.pds } : {}) },
    expiresAt: jwtExpiry(session.refreshJwt),
  }
}

/** Reads stored credentials; unreadable ones mean the person must connect again. */
export function parseCredentials(account: ConnectedAccount): BlueskyCredentials {
  const parsed = blueskyCredentials.safeParse(account.credentials)
  if (!parsed.success) throw new AuthExpired(network, 'Stored Bluesky credentials are incomplete; connect the account again')
  return parsed.data
}

/** `account` with a renewed session: new tokens, the handle the PDS now reports, the new expiry. */
export function renewedAccount(account: ConnectedAccount, agent: AtpAgent, credentials: BlueskyCredentials, session: AtpSessionData): ConnectedAccount {
  const remote = { ...account.account, handle: session.handle, profileUrl: profileUrl(session.handle) }
  return { ...account, account: remote, ...sessionRecord(agent, credentials.service, session) }
}

/**
 * Runs `work` with the account's session. Failures become the shared errors; when the session
 * was refreshed on the way, `deps.onCredentialsRenewed` receives the renewed account (whether
 * the work succeeded or not).
 */
export async function withSession<T>(deps: BlueskyDeps, account: ConnectedAccount, work: (session: Session) => Promise<T>): Promise<T> {
  const credentials = parseCredentials(account)
  let renewed: AtpSessionData | undefined
  const agent = resumeAgent(deps, credentials, (session) => {
    renewed = session
  })
  let outcome: { ok: true; value: T } | { ok: false; error: unknown }
  try {
    // Refresh first when the token is known to be stale: it saves a refused request, and a
    // refresh's own error (revoked, taken down) says more than the stale token's refusal would.
    if ((jwtExpiry(credentials.accessJwt) ?? Infinity) <= Date.now() + refreshMarginMs) await agent.sessionManager.refreshSession()
    outcome = { ok: true, value: await work({ agent, did: credentials.did, credentials }) }
  } catch (error) {
    outcome = { ok: false, error: toConnectorError(error) }
  }
  if (renewed && deps.onCredentialsRenewed) {
    try {
      await deps.onCredentialsRenewed(account, renewedAccount(account, agent, credentials, renewed))
    } catch (error) {
      // Not stored: the old refresh token still works for two hours, so a retry recovers; and a
      // retried publish finds its post by its record key instead of posting twice.
      if (outcome.ok) throw new Transient(network, 'renewed Bluesky credentials could not be stored', { cause: error })
    }
  }
  if (!outcome.ok) throw outcome.error
  return outcome.value
}
