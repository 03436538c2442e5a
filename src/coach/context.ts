/** What the coach needs from outside: the database, a clock, secrets (share links), the networks and the app's address. */
import type { Kysely } from 'kysely'
import type { JobLogger } from '../jobs/index.js'
import type { ConnectorRegistry } from '../networks/index.js'
import { createSecretBox, type SecretBox } from '../security/index.js'
import type { Database } from '../store/index.js'

export interface CoachContext {
  db: Kysely<Database>
  now(): number
  logger: JobLogger
  secrets: SecretBox
  networks: ConnectorRegistry
  /** The app's public address, for share links. */
  publicUrl: URL
}

/** The person (or API key) acting, as the coach needs to know them. */
export interface CoachActor {
  userId: string
  workspaceId: string
}

export function createCoachContext(deps: {
  db: Kysely<Database>
  logger: JobLogger
  secretKey: string
  networks: ConnectorRegistry
  publicUrl: URL
  now?: () => number
}): CoachContext {
  return {
    db: deps.db,
    now: deps.now ?? Date.now,
    logger: deps.logger,
    secrets: createSecretBox(deps.secretKey),
    networks: deps.networks,
    publicUrl: deps.publicUrl,
  }
}
