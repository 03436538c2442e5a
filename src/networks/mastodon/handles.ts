/**
 * The handle check: whether a username is free on a Mastodon instance, without an account.
 *
 * - Username rules for local accounts (app/models/account.rb): letters, digits and underscores
 *   only, at most 30 characters. Case is kept as typed: Mastodon keeps it for display and compares
 *   usernames without it.
 * - `GET /api/v1/accounts/lookup?acct=name` (https://docs.joinmastodon.org/methods/accounts/#lookup,
 *   public since 3.4): 200 → taken, 404 "Record not found" → available; 429 → RateLimited with
 *   the instance's X-RateLimit-Reset; anything else (down, timed out, not a Mastodon server, an
 *   instance that refuses anonymous API access) → unknown/unreachable.
 * - What the lookup cannot see, so "available" can still fail at sign-up: usernames the instance's
 *   admins reserved (Admin → Username blocks; "admin", "support"… on a fresh install), and, on
 *   recent versions, accounts still awaiting e-mail confirmation or approval, which it hides.
 *
 * `@name@mastodon.social` names its instance; an explicit `server` wins over that part.
 */
import type { HandleCheck } from '../connector.js'
import { restClient, type ResolvedDeps } from './client.js'
import { httpFailure, toConnectorError } from './map-error.js'
import { normalizeServer } from './stored.js'

/** The instance asked when none is named. */
export const defaultServer = 'https://mastodon.social'

/** Account::USERNAME_LENGTH_LIMIT */
const maxUsernameLength = 30
/** The local username format (Account: `validates :username, format: { with: /\A[a-z0-9_]+\z/i }`). */
const localUsername = /^[a-z0-9_]+$/i

type Reason = NonNullable<HandleCheck['reason']>

function usernameProblem(username: string): Reason | undefined {
  if (username.length === 0) return 'too_short'
  if (!localUsername.test(username)) return 'syntax'
  if (username.length > maxUsernameLength) return 'too_long'
  return undefined
}

/** `@name@domain`, `name@domain` or `name` → the username and the domain part, if any. */
function splitName(name: string): { username: string; domain?: string } {
  const trimmed = name.trim()
  const parts = /^@?([^@]*)(?:@([^@]+))?$/.exec(trimmed)
  // More than one "@" is no handle: kept whole, it fails the username rules.
  if (!parts) return { username: trimmed }
  return parts[2] ? { username: parts[1]!, domain: parts[2] } : { username: parts[1]! }
}

/** Whether `name` is free on the instance (see the module comment). */
export async function checkHandle(deps: ResolvedDeps, name: string, options: { server?: string } = {}): Promise<HandleCheck> {
  const { username, domain } = splitName(name)
  const requested = options.server ?? domain ?? defaultServer
  let server: string
  try {
    server = normalizeServer(requested)
  } catch {
    return { status: 'unknown', handle: `@${username}`, server: requested, reason: 'unreachable' }
  }
  const handle = `@${username}@${new URL(server).host}`
  const problem = usernameProblem(username)
  if (problem) return { status: 'invalid', handle, server, reason: problem }
  try {
    await restClient(deps, server).v1.accounts.lookup({ acct: username })
    return { status: 'taken', handle, server }
  } catch (error) {
    const status = httpFailure(error)?.status
    if (status === 404) return { status: 'available', handle, server }
    // The shared mapping turns a 429 into RateLimited, waiting until X-RateLimit-Reset.
    if (status === 429) throw toConnectorError(error)
    return { status: 'unknown', handle, server, reason: 'unreachable' }
  }
}
