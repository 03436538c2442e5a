/**
 * Maps what the PDS and the network say to the four shared errors. The XRPC error names come
 * from the PDS (@atproto/pds auth-verifier, createSession, refreshSession, repo handlers).
 */
import { XRPCError } from '@atproto/api'
import { AuthExpired, ConnectorError, errorFromResponse, Transient } from '../errors.js'

export const network = 'bluesky'

/**
 * Token and account errors the PDS sends with 400 or 401 that no retry can fix: the access or
 * refresh token expired or was revoked, the account was taken down or deactivated. The person
 * must reconnect (or, for takedowns, the daily check reports the account restricted).
 */
const authErrors = new Set([
  'ExpiredToken',
  'InvalidToken',
  'AuthenticationRequired',
  'AuthMissing',
  'AuthFactorTokenRequired',
  'AccountTakedown',
  'AccountDeactivated',
])

/** The XRPC error name when `error` is one (e.g. "ExpiredToken", "RecordNotFound"). */
export function xrpcErrorName(error: unknown): string | undefined {
  return error instanceof XRPCError ? error.error : undefined
}

/**
 * Any failure → AuthExpired, RateLimited (429, waiting until `ratelimit-reset`), Transient (5xx,
 * network failures, unreadable responses) or Rejected (other 4xx: the PDS's own message, e.g.
 * "Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301)").
 */
export function toConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error
  if (!(error instanceof XRPCError)) {
    return new Transient(network, error instanceof Error ? error.message : String(error), { cause: error })
  }
  if (authErrors.has(error.error)) return new AuthExpired(network, error.message, { cause: error })
  // Statuses below 100 are the client's own: 1 = the request failed, 2 = an unreadable answer.
  if (error.status < 100) return new Transient(network, error.message, { cause: error })
  const headers = new Headers()
  for (const [name, value] of Object.entries(error.headers ?? {})) if (value !== undefined) headers.set(name, value)
  // A 429 the PDS passes on from its AppView carries none of the AppView's headers but the PDS's
  // own RateLimit-* for a budget not spent (remaining above 0): that reset says nothing about
  // when the AppView will answer again.
  if (error.status === 429 && Number(headers.get('ratelimit-remaining')) > 0) headers.delete('ratelimit-reset')
  const mapped = errorFromResponse(network, error.status, headers, error.message, error.error)
  mapped.cause = error
  return mapped
}
