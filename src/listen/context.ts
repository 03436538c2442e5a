/** What listening needs from outside: the database, a clock, jobs, the matcher, sentiment, mail and publishing. */
import type { Kysely } from 'kysely'
import type { JobLogger, JobQueue } from '../jobs/index.js'
import type { PublishContext } from '../publish/index.js'
import { createSecretBox, type SecretBox } from '../security/index.js'
import type { Database } from '../store/index.js'
import type { Mailer } from './alerts/index.js'
import { LiveMatcher } from './live-matcher.js'
import { createSentimentScorer, type SentimentScorer } from './sentiment/index.js'

export interface ListenContext {
  db: Kysely<Database>
  now(): number
  jobs: JobQueue
  logger: JobLogger
  secrets: SecretBox
  /** ALLOW_PRIVATE_URLS: whether feeds, relays, instances and webhooks may be private addresses. */
  allowPrivateUrls: boolean
  /** The app's public address, for links in alerts. */
  publicUrl: URL
  /** The did:plc directory the firehose reader resolves authors with. */
  plcUrl: string
  /** This process's matcher over every active query of every workspace. */
  matcher: LiveMatcher
  sentiment: SentimentScorer
  /** Sends alert e-mails; absent when no SMTP server is configured. */
  mailer?: Mailer
  /** Publishing, for the crisis pause. */
  publish: PublishContext
}

/** The person (or API key) acting, as listening needs to know them. */
export interface ListenActor {
  userId: string
  workspaceId: string
  role: 'owner' | 'admin' | 'editor' | 'viewer'
}

export function createListenContext(deps: {
  db: Kysely<Database>
  jobs: JobQueue
  logger: JobLogger
  secretKey: string
  allowPrivateUrls: boolean
  publicUrl: URL
  plcUrl: string
  publish: PublishContext
  mailer?: Mailer
  now?: () => number
}): ListenContext {
  const now = deps.now ?? Date.now
  return {
    db: deps.db,
    now,
    jobs: deps.jobs,
    logger: deps.logger,
    secrets: createSecretBox(deps.secretKey),
    allowPrivateUrls: deps.allowPrivateUrls,
    publicUrl: deps.publicUrl,
    plcUrl: deps.plcUrl,
    matcher: new LiveMatcher(deps.db, now),
    sentiment: createSentimentScorer(),
    ...(deps.mailer ? { mailer: deps.mailer } : {}),
    publish: deps.publish,
  }
}
