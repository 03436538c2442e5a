/** What the inbox needs from outside: the database, a clock, a logger, sentiment and publishing (connected accounts, replies). */
import type { Kysely } from 'kysely'
import type { JobLogger } from '../jobs/index.js'
import { createSentimentScorer, type SentimentScorer } from '../listen/index.js'
import type { PublishContext } from '../publish/index.js'
import type { Database } from '../store/index.js'

export interface EngageContext {
  db: Kysely<Database>
  now(): number
  logger: JobLogger
  sentiment: SentimentScorer
  /** Publishing: accounts' credentials for reading, and replies sent as posts. */
  publish: PublishContext
}

/** The person acting, as the inbox needs to know them. */
export interface EngageActor {
  userId: string
  workspaceId: string
  role: 'owner' | 'admin' | 'editor' | 'viewer'
}

export function createEngageContext(deps: { db: Kysely<Database>; logger: JobLogger; publish: PublishContext; now?: () => number }): EngageContext {
  return { db: deps.db, now: deps.now ?? Date.now, logger: deps.logger, sentiment: createSentimentScorer(), publish: deps.publish }
}
