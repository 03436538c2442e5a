/**
 * App registration and OAuth, following https://docs.joinmastodon.org/methods/apps/#create and
 * https://docs.joinmastodon.org/methods/oauth/ (Doorkeeper underneath, so errors are OAuth 2
 * `{error, error_description}` with Doorkeeper's English descriptions):
 * - POST /api/v1/apps: client_name, redirect_uris (one string, newline-separated, or an array),
 *   scopes (default "read"), website → Application with client_id and client_secret.
 * - GET /oauth/authorize: no form to click here; the account signed in on the web side
 *   (`signIn` helper) approves at once and the server redirects to `redirect_uri?code=…&state=…`.
 *   Codes live 10 minutes (Doorkeeper's `authorization_code_expires_in`).
 * - POST /oauth/token: grant_type=authorization_code with the code, client and the same
 *   redirect_uri → Token; the code works once.
 * - POST /oauth/revoke: client_id, client_secret, token → `{}`; idempotent.
 */
import { fail, json, list, route, text, type Route } from './http.js'
import type { PeerState } from './state.js'

const invalidClient = 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.'
const invalidGrant =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.'
const invalidScope = 'The requested scope is invalid, unknown, or malformed.'
const codeLifetimeMs = 10 * 60_000

const scopesOf = (value: string | undefined): string[] => (value ?? 'read').split(/[\s+]+/).filter(Boolean)

/** The routes this module documents, over the shared state. */
export function oauthRoutes(state: PeerState): Route[] {
  function clientFor(clientId: string | undefined, clientSecret: string | undefined) {
    const app = clientId ? state.apps.get(clientId) : undefined
    return app && app.clientSecret === clientSecret ? app : undefined
  }

  return [
    route('POST', '/api/v1/apps', ({ params }) => {
      const name = text(params, 'client_name')
      const redirectUris = list(params, 'redirect_uris').flatMap((uri) => uri.split(/\s+/)).filter(Boolean)
      if (!name) return fail(422, "Validation failed: Application name can't be blank")
      if (redirectUris.length === 0) return fail(422, "Validation failed: Redirect URI can't be blank")
      const app = {
        id: String(state.apps.size + 1),
        name,
        website: text(params, 'website') ?? null,
        clientId: state.secret(),
        clientSecret: state.secret(),
        redirectUris,
        scopes: scopesOf(text(params, 'scopes')),
      }
      state.apps.set(app.clientId, app)
      return json(200, {
        id: app.id,
        name: app.name,
        website: app.website,
        scopes: app.scopes,
        redirect_uri: app.redirectUris.join('\n'),
        redirect_uris: app.redirectUris,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        client_secret_expires_at: 0,
      })
    }),

    route('GET', '/oauth/authorize', ({ params }) => {
      const app = state.apps.get(text(params, 'client_id') ?? '')
      const redirectUri = text(params, 'redirect_uri') ?? ''
      if (!app) return fail(401, 'invalid_client', { error_description: invalidClient })
      if (!app.redirectUris.includes(redirectUri)) {
        return fail(400, 'invalid_redirect_uri', { error_description: "The requested redirect uri is malformed or doesn't match client redirect URI." })
      }
      const back = new URL(redirectUri)
      const oauthState = text(params, 'state')
      if (oauthState !== undefined) back.searchParams.set('state', oauthState)
      const scopes = scopesOf(text(params, 'scope'))
      if (text(params, 'response_type') !== 'code' || !scopes.every((s) => app.scopes.includes(s))) {
        back.searchParams.set('error', 'invalid_scope')
        back.searchParams.set('error_description', invalidScope)
        return new Response(null, { status: 302, headers: { location: back.toString() } })
      }
      if (state.browserAccountId === null) return new Response(null, { status: 302, headers: { location: `${state.base}/auth/sign_in` } })
      const code = state.secret()
      state.grants.set(code, { code, clientId: app.clientId, accountId: state.browserAccountId, redirectUri, scopes, createdAt: state.now(), used: false })
      back.searchParams.set('code', code)
      return new Response(null, { status: 302, headers: { location: back.toString() } })
    }),

    route('POST', '/oauth/token', ({ params }) => {
      const app = clientFor(text(params, 'client_id'), text(params, 'client_secret'))
      if (!app) return fail(401, 'invalid_client', { error_description: invalidClient })
      if (text(params, 'grant_type') !== 'authorization_code') {
        return fail(400, 'unsupported_grant_type', { error_description: 'The authorization grant type is not supported by the authorization server.' })
      }
      const grant = state.grants.get(text(params, 'code') ?? '')
      const fresh = grant && !grant.used && state.now() - grant.createdAt < codeLifetimeMs
      if (!grant || !fresh || grant.clientId !== app.clientId || grant.redirectUri !== text(params, 'redirect_uri')) {
        return fail(400, 'invalid_grant', { error_description: invalidGrant })
      }
      grant.used = true
      const value = state.secret()
      state.tokens.set(value, { value, accountId: grant.accountId, clientId: app.clientId, scopes: grant.scopes, revoked: false })
      return json(200, { access_token: value, token_type: 'Bearer', scope: grant.scopes.join(' '), created_at: Math.floor(state.now() / 1000) })
    }),

    route('POST', '/oauth/revoke', ({ params }) => {
      const app = clientFor(text(params, 'client_id'), text(params, 'client_secret'))
      if (!app) return fail(403, 'unauthorized_client', { error_description: 'You are not authorized to revoke this token' })
      const token = state.tokens.get(text(params, 'token') ?? '')
      if (token && token.clientId !== null && token.clientId !== app.clientId) {
        return fail(403, 'unauthorized_client', { error_description: 'You are not authorized to revoke this token' })
      }
      if (token) token.revoked = true
      return json(200, {})
    }),
  ]
}
