/** What publishing needs from outside: the database, a clock, the job queue, the networks and the secret box. */
import type { Kysely } from 'kysely'
import type { JobLogger, JobQueue } from '../jobs/index.js'
import type { ConnectorRegistry } from '../networks/index.js'
import { createSecretBox, type SecretBox } from '../security/index.js'
import type { Database } from '../store/index.js'

export interface PublishContext {
  db: Kysely<Database>
  now(): number
  jobs: JobQueue
  networks: ConnectorRegistry
  secrets: SecretBox
  logger: JobLogger
  /** ALLOW_PRIVATE_URLS: whether feeds may live on private or loopback addresses. */
  allowPrivateUrls: boolean
  /**
   * Rewrites a target's links to tracked short links (measuring provides it); absent, links go
   * out as written. Must give the same text for the same target every time (retries).
   */
  trackLinks?: LinkTracker
}

/** What the dispatcher asks of link tracking: the text to publish for one target. */
export type LinkTracker = (input: { workspaceId: string; postId: string; targetId: string; network: string; text: string; campaign?: string | null }) => Promise<string>

/** The person (or API key) acting, as publishing needs to know them. */
export interface PublishActor {
  userId: string
  workspaceId: string
  role: 'owner' | 'admin' | 'editor' | 'viewer'
}

/** The context from what a process has open. */
export function createPublishContext(deps: {
  db: Kysely<Database>
  jobs: JobQueue
  networks: ConnectorRegistry
  secretKey: string
  logger: JobLogger
  allowPrivateUrls: boolean
  trackLinks?: LinkTracker
  now?: () => number
}): PublishContext {
  return {
    db: deps.db,
    now: deps.now ?? Date.now,
    jobs: deps.jobs,
    networks: deps.networks,
    // A worker opens an account's credentials for each of its posts: keep the recent ones open.
    secrets: createSecretBox(deps.secretKey, { keepOpened: 1000 }),
    logger: deps.logger,
    allowPrivateUrls: deps.allowPrivateUrls,
    ...(deps.trackLinks ? { trackLinks: deps.trackLinks } : {}),
  }
}
