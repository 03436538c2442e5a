/**
 * What measuring needs from outside (the database, a clock, the app's address, the networks) and
 * the state one process keeps: the redirect's link cache, the click writer and the day's salt.
 */
import type { Kysely } from 'kysely'
import type { JobLogger } from '../jobs/index.js'
import type { ConnectorRegistry } from '../networks/index.js'
import { findLinkForRedirect, type Database, type Dialect } from '../store/index.js'
import { createClickWriter, type ClickWriter } from './click-writer.js'
import { createAgentClassifier, type AgentClass } from './devices.js'
import { createLinkCache, type LinkCache } from './link-cache.js'
import { createVisitorSalts, type VisitorSalts } from './visitors.js'

export interface MeasureContext {
  db: Kysely<Database>
  now(): number
  logger: JobLogger
  /** The app's public address: short links are `<publicUrl>/l/<code>`. */
  publicUrl: URL
  /** Network ids → names (the connector registry), for the "how did you hear" form's choices. */
  networks: ConnectorRegistry
  /** The request header carrying the visitor's country (lower case), e.g. `cf-ipcountry`. */
  countryHeader: string
  links: LinkCache
  clicks: ClickWriter
  salts: VisitorSalts
  /** Device class and bot flag of a user agent (remembered for recent agents). */
  classify(userAgent: string | undefined): AgentClass
}

/** The person (or API key) acting, as measuring needs to know them. */
export interface MeasureActor {
  userId: string
  workspaceId: string
}

export function createMeasureContext(deps: {
  db: Kysely<Database>
  /** `sqlite`: clicks are written by a thread of their own when the database is a file. */
  dialect?: Dialect
  logger: JobLogger
  publicUrl: URL
  networks: ConnectorRegistry
  /** Default `cf-ipcountry` (Cloudflare). */
  countryHeader?: string
  now?: () => number
  /** Click batches: the longest wait (default 250 ms) and the size that writes at once (500). */
  clickFlushMs?: number
  clickBatchSize?: number
  /** Links the redirect remembers (default 50,000). */
  linkCacheSize?: number
}): MeasureContext {
  const salts = createVisitorSalts(deps.db, { onError: (error) => deps.logger.warn({ err: error }, 'measure: deleting old visitor salts failed') })
  return {
    db: deps.db,
    now: deps.now ?? Date.now,
    logger: deps.logger,
    publicUrl: deps.publicUrl,
    networks: deps.networks,
    countryHeader: (deps.countryHeader ?? 'cf-ipcountry').toLowerCase(),
    links: createLinkCache({ load: (code) => findLinkForRedirect(deps.db, code), ...(deps.linkCacheSize ? { maxEntries: deps.linkCacheSize } : {}) }),
    clicks: createClickWriter({
      db: deps.db,
      ...(deps.dialect ? { dialect: deps.dialect } : {}),
      salts,
      logger: deps.logger,
      ...(deps.clickFlushMs !== undefined ? { intervalMs: deps.clickFlushMs } : {}),
      ...(deps.clickBatchSize !== undefined ? { batchSize: deps.clickBatchSize } : {}),
    }),
    salts,
    classify: createAgentClassifier(),
  }
}
