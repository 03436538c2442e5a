/** What account functions need from the outside world: the database, a clock and settings. */
import type { Kysely } from 'kysely'
import type { Role } from '../domain/index.js'
import type { Database } from '../store/index.js'

export interface AccountsContext {
  db: Kysely<Database>
  /** Current time in epoch milliseconds (injectable for tests). */
  now(): number
  /** The address people use to reach Stagecraft; invite links are built on it. */
  publicUrl: URL
  /** log2 of scrypt's N for new password hashes (default: OWASP's 17). */
  passwordCost?: number
}

/** Who is acting: a signed-in person, or an API key acting for its workspace. */
export interface Actor {
  kind: 'user' | 'apiKey'
  /** The person, or for an API key the person who created it. */
  userId: string
  workspaceId: string
  role: Role
}

export const sessionLifetimeMs = 30 * 24 * 3600_000
/** A session's expiry slides forward at most this often, to keep reads cheap. */
export const sessionTouchIntervalMs = 3600_000
export const inviteLifetimeMs = 7 * 24 * 3600_000
