/**
 * The account and the instance:
 * - GET /api/v1/accounts/verify_credentials
 *   (https://docs.joinmastodon.org/methods/accounts/#verify_credentials): the CredentialAccount;
 *   needs `read:accounts` and a functional login (403 "Your login is currently disabled").
 * - GET /api/v1/accounts/lookup (https://docs.joinmastodon.org/methods/accounts/#lookup,
 *   api/v1/accounts/lookup_controller.rb): public (`authorize_if_got_token! :read,
 *   :'read:accounts'`); `acct` is `name`, `@name` or `name@<this domain>`, matched without case
 *   (`Account.find_local`); answers the Account entity, `suspended: true` for a suspended one (its
 *   username stays taken), or 404 "Record not found". Anonymous calls count against the client
 *   address like the hashtag timeline's (429 with X-RateLimit-*). Left out: remote addresses,
 *   which this server does not resolve (404), and accounts awaiting confirmation, which recent
 *   versions hide (this server has none).
 * - GET /api/v1/accounts/relationships (https://docs.joinmastodon.org/methods/accounts/#relationships,
 *   api/v1/accounts/relationships_controller.rb): `read:follows` and a functional login; one
 *   Relationship per `id[]` this server knows, each once, in the order asked; suspended
 *   accounts left out unless `with_suspended` (4.3.0). `followed_by` says the account follows
 *   the caller (tests set follows with `follow`).
 * - GET /api/v2/instance (https://docs.joinmastodon.org/methods/instance/#v2): public; its
 *   `configuration` carries this server's limits (serializers.ts).
 */
import { authenticate, authenticateIfToken } from './auth.js'
import { fail, json, list, route, text, type Route } from './http.js'
import { anonymousClient } from './routes-timelines.js'
import { accountJson, credentialAccountJson, instanceJson, relationshipJson } from './serializers.js'
import type { LocalAccount, PeerState } from './state.js'

/** The local account an `acct` names (ResolveAccountService with `skip_webfinger: true`, local part only). */
function findLocal(state: PeerState, acct: string): LocalAccount | undefined {
  const [username = '', domain, ...rest] = acct.trim().replace(/^@/, '').split('@')
  if (rest.length > 0 || (domain !== undefined && domain.toLowerCase() !== state.domain.toLowerCase())) return undefined
  return [...state.accounts.values()].find((a) => a.username.toLowerCase() === username.toLowerCase())
}

/** The routes this module documents, over the shared state. */
export function accountRoutes(state: PeerState): Route[] {
  return [
    route('GET', '/api/v1/accounts/verify_credentials', ({ request }) => {
      const caller = authenticate(state, request, 'read:accounts')
      if (caller instanceof Response) return caller
      return json(200, credentialAccountJson(state, caller.account), caller.headers)
    }),
    route('GET', '/api/v1/accounts/lookup', ({ request, params }) => {
      const caller = authenticateIfToken(state, request, 'read:accounts')
      if (caller instanceof Response) return caller
      if (!caller) {
        const throttle = state.limiter.hit(anonymousClient, 'api')
        if (!throttle.allowed) return fail(429, 'Too many requests', {}, throttle.headers)
      }
      const headers = caller?.headers ?? {}
      const account = findLocal(state, text(params, 'acct') ?? '')
      if (!account) return fail(404, 'Record not found', {}, headers)
      return json(200, { ...accountJson(state, account), ...(account.suspended ? { suspended: true } : {}) }, headers)
    }),
    route('GET', '/api/v1/accounts/relationships', ({ request, params }) => {
      const caller = authenticate(state, request, 'read:follows')
      if (caller instanceof Response) return caller
      const withSuspended = ['1', 'true', 't', 'on', 'yes'].includes((text(params, 'with_suspended') ?? '').toLowerCase())
      const ids = [...new Set(list(params, 'id'))].filter((id) => {
        const account = state.accounts.get(id)
        return account !== undefined && (withSuspended || !account.suspended)
      })
      return json(200, ids.map((id) => relationshipJson(state, caller.account.id, id)), caller.headers)
    }),
    route('GET', '/api/v2/instance', () => json(200, instanceJson(state))),
  ]
}
