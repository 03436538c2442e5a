/**
 * Signing in to a Mastodon server and keeping the connection honest:
 * - beginOAuth registers Stagecraft as an app on the person's instance (POST /api/v1/apps with
 *   `read write`, https://docs.joinmastodon.org/methods/apps/#create) and returns the
 *   /oauth/authorize address; `pending` carries the app's client id and secret to `connect`.
 * - connect takes either a token the person made (Preferences → Development) or the OAuth code
 *   (POST /oauth/token, https://docs.joinmastodon.org/methods/oauth/#token), then reads who the
 *   account is (verify_credentials) and the instance's limits (GET /api/v2/instance).
 * - Mastodon tokens do not expire (Token has no expires_in), so refresh only checks the token
 *   still works, and check reports a suspended or disabled login (403, "Your login is currently
 *   disabled") as restricted in the server's words.
 */
import type { mastodon } from 'masto'
import type { AccountHealth, ConnectedAccount, Credentials, RemoteAccount } from '../connector.js'
import { AuthExpired, Rejected, Transient } from '../errors.js'
import { settingsFromInstance, type InstanceLimits } from './capabilities.js'
import { accountClient, restClient, type ResolvedDeps } from './client.js'
import { call, httpFailure, toConnectorError } from './map-error.js'
import { connectInputSchema, network, normalizeServer, pendingSchema, type MastodonCredentials, type MastodonConnectInput } from './stored.js'

/** What Stagecraft asks for: publishing needs `write`, the inbox and metrics need `read`. */
export const oauthScopes = 'read write'

function serverOf(input: string): string {
  try {
    return normalizeServer(input)
  } catch {
    throw new Rejected(network, `"${input}" is not the address of a Mastodon server.`, 'invalid_server')
  }
}

/** Registers the app on the instance and returns where to send the person. */
export async function beginOAuth(
  deps: ResolvedDeps,
  input: { server: string; redirectUri: string; state: string },
): Promise<{ authorizeUrl: string; pending: Credentials }> {
  const server = serverOf(input.server)
  const client = restClient(deps, server)
  const app = await call(() => client.v1.apps.create({ clientName: deps.appName, redirectUris: input.redirectUri, scopes: oauthScopes, website: deps.appWebsite }))
  if (!app.clientId || !app.clientSecret) throw new Transient(network, 'The server registered the app without giving its client credentials.')
  const authorize = new URL('/oauth/authorize', server)
  authorize.search = new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: input.redirectUri, scope: oauthScopes, state: input.state }).toString()
  return { authorizeUrl: authorize.toString(), pending: { server, clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: input.redirectUri } }
}

/** Exchanges the OAuth code; a refused code or client means signing in again (AuthExpired). */
async function exchangeCode(deps: ResolvedDeps, server: string, input: { code: string; redirectUri: string; pending: Record<string, unknown> }): Promise<MastodonCredentials> {
  const pending = pendingSchema.safeParse(input.pending)
  if (!pending.success) throw new Rejected(network, 'The sign-in state is missing or damaged; start connecting again.', 'invalid_pending')
  if (serverOf(pending.data.server) !== server) throw new Rejected(network, 'The sign-in was started on another server; start connecting again.', 'server_mismatch')
  const oauth = deps.createOAuthAPIClient({ url: server, timeout: deps.requestTimeoutMs })
  try {
    const token = await oauth.token.create({
      grantType: 'authorization_code',
      code: input.code,
      clientId: pending.data.clientId,
      clientSecret: pending.data.clientSecret,
      redirectUri: input.redirectUri,
      scope: oauthScopes,
    })
    return { accessToken: token.accessToken, clientId: pending.data.clientId, clientSecret: pending.data.clientSecret }
  } catch (error) {
    const http = httpFailure(error)
    if (http && (http.status === 400 || http.status === 401)) throw new AuthExpired(network, http.message, { cause: error })
    throw toConnectorError(error)
  }
}

/** GET /api/v2/instance; a server older than 4.0 has none, and gets Mastodon's defaults. */
async function readInstance(client: mastodon.rest.Client): Promise<InstanceLimits | undefined> {
  try {
    return await client.v2.instance.fetch()
  } catch (error) {
    if (httpFailure(error)?.status === 404) return undefined
    throw toConnectorError(error)
  }
}

/** The account as Settings → Accounts shows it; the handle carries the instance's LOCAL_DOMAIN. */
function remoteAccountOf(me: mastodon.v1.Account, domain: string): RemoteAccount {
  return {
    remoteId: me.id,
    handle: `@${me.username}@${domain}`,
    displayName: me.displayName || me.username,
    avatarUrl: me.avatar || undefined,
    profileUrl: me.url,
  }
}

/** Signs in with a token or an OAuth code and describes the account and its instance. */
export async function connect(deps: ResolvedDeps, input: MastodonConnectInput): Promise<ConnectedAccount> {
  const parsed = connectInputSchema.safeParse(input)
  if (!parsed.success) throw new Rejected(network, 'Give the server address and either an access token or the sign-in code.', 'invalid_input')
  const server = serverOf(parsed.data.server)
  const credentials = 'accessToken' in parsed.data ? { accessToken: parsed.data.accessToken.trim() } : await exchangeCode(deps, server, parsed.data)
  const client = restClient(deps, server, credentials.accessToken)
  const me = await call(() => client.v1.accounts.verifyCredentials())
  const settings = settingsFromInstance(server, await readInstance(client))
  return { account: remoteAccountOf(me, settings.domain), credentials, settings }
}

/** Mastodon tokens do not expire: refreshing only proves the token still works. */
export async function refresh(deps: ResolvedDeps, account: ConnectedAccount): Promise<ConnectedAccount> {
  const { client } = accountClient(deps, account)
  try {
    await client.v1.accounts.verifyCredentials()
  } catch (error) {
    // 403 is the login being disabled, not the token: check() reports it.
    if (httpFailure(error)?.status !== 403) throw toConnectorError(error)
  }
  return account
}

/** The daily check: ok, or restricted in the server's words; AuthExpired when the token is dead. */
export async function check(deps: ResolvedDeps, account: ConnectedAccount): Promise<AccountHealth> {
  const { client } = accountClient(deps, account)
  let me: mastodon.v1.AccountCredentials
  try {
    me = await client.v1.accounts.verifyCredentials()
  } catch (error) {
    const http = httpFailure(error)
    if (http?.status === 403) return { status: 'restricted', reason: http.message }
    throw toConnectorError(error)
  }
  const domain = typeof account.settings.domain === 'string' ? account.settings.domain : new URL(me.url).host
  const now = remoteAccountOf(me, domain)
  const before = account.account
  const changed = now.handle !== before.handle || now.displayName !== before.displayName || now.avatarUrl !== before.avatarUrl || now.profileUrl !== before.profileUrl
  return changed ? { status: 'ok', account: now } : { status: 'ok' }
}
