/** What the inbox needs from outside: the database, a clock, a logger, sentiment, publishing (connected accounts, replies) and, for check-in reminders, mail. */
import type { Kysely } from 'kysely'
import type { JobLogger } from '../jobs/index.js'
import { createSentimentScorer, type Mailer, type SentimentScorer } from '../listen/index.js'
import type { PublishContext } from '../publish/index.js'
import type { Database } from '../store/index.js'

export interface EngageContext {
  db: Kysely<Database>
  now(): number
  logger: JobLogger
  sentiment: SentimentScorer
  /** Publishing: accounts' credentials for reading, and replies sent as posts. */
  publish: PublishContext
  /** Sends check-in reminders; absent when no SMTP server is configured. */
  mailer?: Mailer
  /** The app's public address, for the link in a reminder. */
  publicUrl?: URL
}

/** The person acting, as the inbox needs to know them. */
export interface EngageActor {
  userId: string
  workspaceId: string
  role: 'owner' | 'admin' | 'editor' | 'viewer'
}

export function createEngageContext(deps: { db: Kysely<Database>; logger: JobLogger; publish: PublishContext; now?: () => number; mailer?: Mailer; publicUrl?: URL }): EngageContext {
  return {
    db: deps.db,
    now: deps.now ?? Date.now,
    logger: deps.logger,
    sentiment: createSentimentScorer(),
    publish: deps.publish,
    ...(deps.mailer ? { mailer: deps.mailer } : {}),
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
  }
}
