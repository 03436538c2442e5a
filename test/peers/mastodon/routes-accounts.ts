/**
 * The account and the instance:
 * - GET /api/v1/accounts/verify_credentials
 *   (https://docs.joinmastodon.org/methods/accounts/#verify_credentials): the CredentialAccount;
 *   needs `read:accounts` and a functional login (403 "Your login is currently disabled").
 * - GET /api/v2/instance (https://docs.joinmastodon.org/methods/instance/#v2): public; its
 *   `configuration` carries this server's limits (serializers.ts).
 */
import { authenticate } from './auth.js'
import { json, route, type Route } from './http.js'
import { credentialAccountJson, instanceJson } from './serializers.js'
import type { PeerState } from './state.js'

/** The routes this module documents, over the shared state. */
export function accountRoutes(state: PeerState): Route[] {
  return [
    route('GET', '/api/v1/accounts/verify_credentials', ({ request }) => {
      const caller = authenticate(state, request, 'read:accounts')
      if (caller instanceof Response) return caller
      return json(200, credentialAccountJson(state, caller.account), caller.headers)
    }),
    route('GET', '/api/v2/instance', () => json(200, instanceJson(state))),
  ]
}
