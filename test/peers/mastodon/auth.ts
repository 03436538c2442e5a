/**
 * Who is calling, as Mastodon decides it for an API request, in its order:
 * 1. rack-attack counts the request against the token's account (`throttle_per_token_api`) and
 *    answers 429 with X-RateLimit-* headers once the window is used up;
 * 2. Doorkeeper checks the bearer token: unknown → 401 "The access token is invalid", revoked →
 *    401 "The access token was revoked", missing scope → 403 "This action is outside the
 *    authorized scopes" (Api::BaseController#doorkeeper_*_render_options, Doorkeeper's messages);
 * 3. `require_user!` refuses a login that is not functional (suspended or disabled) with
 *    403 "Your login is currently disabled" (app/controllers/api/base_controller.rb).
 */
import { fail } from './http.js'
import { hasScope, type AccessToken, type LocalAccount, type PeerState } from './state.js'

/** An authenticated caller. */
export interface Caller {
  account: LocalAccount
  token: AccessToken
  /** X-RateLimit-* for the `api` window, sent on every answer (RateLimitHeaders concern). */
  headers: Record<string, string>
}

function bearer(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? ''
  const match = /^Bearer\s+(.+)$/i.exec(header)
  return match?.[1]?.trim()
}

/**
 * The caller of an endpoint that needs a user token with `scope`, or the Response refusing it.
 * `requireUser: false` leaves out the functional-login check (read endpoints that do not
 * `require_user!`).
 */
export function authenticate(state: PeerState, request: Request, scope: string, requireUser = true): Caller | Response {
  const value = bearer(request)
  const token = value === undefined ? undefined : state.tokens.get(value)
  if (!token) return fail(401, 'The access token is invalid')
  const usage = state.limiter.hit(token.accountId, 'api')
  if (!usage.allowed) return fail(429, 'Too many requests', {}, usage.headers)
  if (token.revoked) return fail(401, 'The access token was revoked', {}, usage.headers)
  if (!hasScope(token.scopes, scope)) return fail(403, 'This action is outside the authorized scopes', {}, usage.headers)
  const account = state.accounts.get(token.accountId)
  if (!account) return fail(401, 'The access token is invalid', {}, usage.headers)
  if (requireUser && account.suspended) return fail(403, 'Your login is currently disabled', {}, usage.headers)
  return { account, token, headers: usage.headers }
}

/** For public endpoints (`authorize_if_got_token!`): no token passes as undefined, a bad one is refused. */
export function authenticateIfToken(state: PeerState, request: Request, scope: string): Caller | Response | undefined {
  return bearer(request) === undefined ? undefined : authenticate(state, request, scope, false)
}
