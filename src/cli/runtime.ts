/**
 * Running Stagecraft as a process: open the store (migrating it), the job queue and the HTTP
 * server, and close them in order on SIGINT/SIGTERM so running jobs finish and nothing is lost.
 */
import pino, { type Logger } from 'pino'
import { setGlobalDispatcher } from 'undici'
import { registerAccountJobs, type AccountsContext } from '../accounts/index.js'
import { resolveSecretKey, type Config } from '../config.js'
import { createJobQueue, type JobQueue } from '../jobs/index.js'
import { createDefaultRegistry, type ConnectorRegistry } from '../networks/index.js'
import { createListenContext, createMailer, LiveStreams, registerListenJobs } from '../listen/index.js'
import { createCoachContext, registerCoachJobs } from '../coach/index.js'
import { createEngageContext, registerEngageJobs } from '../engage/index.js'
import { createMeasureContext, registerMeasureJobs, trackTargetLinks } from '../measure/index.js'
import { createPublishContext, registerPublishJobs } from '../publish/index.js'
import { createGuardedDispatcher } from '../security/index.js'
import { buildApp } from '../server/index.js'
import { migrateToLatest, openStore, type Store } from '../store/index.js'

export interface Runtime {
  config: Config
  store: Store
  jobs: JobQueue
  logger: Logger
  secretKey: string
  networks: ConnectorRegistry
  close(): Promise<void>
}

/** JSON lines for log collectors; readable lines when a person watches a terminal. */
function createLogger(config: Config): Logger {
  if (!process.stdout.isTTY) return pino({ level: config.logLevel })
  return pino({
    level: config.logLevel,
    transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname', singleLine: true } },
  })
}

/** Opens what every process needs: secret key, migrated store, job queue (not started). */
export async function openRuntime(config: Config): Promise<Runtime> {
  const logger = createLogger(config)
  // Every outbound connection (feeds, a PDS, a Mastodon instance) is refused when it would reach
  // a private or loopback address, unless ALLOW_PRIVATE_URLS says otherwise.
  setGlobalDispatcher(createGuardedDispatcher(config.allowPrivateUrls))
  const secretKey = resolveSecretKey(config)
  const store = await openStore(config.database)
  await migrateToLatest(store)
  const jobs = createJobQueue({
    store,
    config,
    logger,
    ...(config.database.dialect === 'postgres' ? { connectionString: config.database.connectionString } : {}),
  })
  return {
    config,
    store,
    jobs,
    logger,
    secretKey,
    networks: createDefaultRegistry(),
    close: async () => {
      await jobs.stop({ timeoutMs: 10_000 })
      await store.close()
    },
  }
}

function accountsContext(runtime: Runtime): AccountsContext {
  return { db: runtime.store.db, now: Date.now, publicUrl: runtime.config.publicUrl }
}

/** Registers every feature's job handlers and starts taking jobs and reading live streams. */
async function startWorker(runtime: Runtime): Promise<LiveStreams> {
  await registerAccountJobs(runtime.jobs, accountsContext(runtime))
  // The worker only makes tracked links (no redirect here, so no clicks to write).
  const measure = createMeasureContext({ db: runtime.store.db, logger: runtime.logger, publicUrl: runtime.config.publicUrl, networks: runtime.networks })
  const publish = createPublishContext({
    db: runtime.store.db,
    jobs: runtime.jobs,
    networks: runtime.networks,
    secretKey: runtime.secretKey,
    logger: runtime.logger,
    allowPrivateUrls: runtime.config.allowPrivateUrls,
    trackLinks: (input) => trackTargetLinks(measure, input),
  })
  await registerPublishJobs(runtime.jobs, publish)
  await registerMeasureJobs(runtime.jobs, measure, { publish })
  await registerEngageJobs(runtime.jobs, createEngageContext({ db: runtime.store.db, logger: runtime.logger, publish, publicUrl: runtime.config.publicUrl, ...(runtime.config.mail ? { mailer: createMailer(runtime.config.mail) } : {}) }))
  const listen = createListenContext({
    db: runtime.store.db,
    jobs: runtime.jobs,
    logger: runtime.logger,
    secretKey: runtime.secretKey,
    allowPrivateUrls: runtime.config.allowPrivateUrls,
    publicUrl: runtime.config.publicUrl,
    plcUrl: runtime.config.plcUrl,
    publish,
    ...(runtime.config.mail ? { mailer: createMailer(runtime.config.mail) } : {}),
  })
  await registerListenJobs(runtime.jobs, listen)
  await registerCoachJobs(
    runtime.jobs,
    createCoachContext({ db: runtime.store.db, logger: runtime.logger, secretKey: runtime.secretKey, networks: runtime.networks, publicUrl: runtime.config.publicUrl }),
  )
  await runtime.jobs.start()
  const live = new LiveStreams(listen)
  live.start()
  runtime.logger.info({ jobs: runtime.jobs.kind, concurrency: runtime.config.workerConcurrency }, 'worker started')
  return live
}

function onShutdown(runtime: Runtime, steps: Array<() => Promise<unknown>>): void {
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    runtime.logger.info({ signal }, 'shutting down')
    for (const step of steps) {
      try {
        await step()
      } catch (error) {
        runtime.logger.error({ err: error }, 'error while shutting down')
      }
    }
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
}

/** Serves HTTP, and with `worker` also runs jobs in the same process (the embedded default). */
export async function runServer(config: Config, options: { worker: boolean }): Promise<void> {
  const runtime = await openRuntime(config)
  const app = await buildApp({ config, store: runtime.store, jobs: runtime.jobs, secretKey: runtime.secretKey, networks: runtime.networks, logger: runtime.logger })
  const live = options.worker ? await startWorker(runtime) : undefined
  await app.listen({ port: config.port, host: config.host })
  const store = config.database.dialect === 'sqlite' ? `SQLite file ${config.database.file}` : 'PostgreSQL'
  runtime.logger.info(`Stagecraft is running at ${config.publicUrl.origin} (${store}; jobs ${options.worker ? 'in this process' : 'in worker processes'})`)
  onShutdown(runtime, [() => app.close(), async () => live?.stop(), () => runtime.close()])
}

/** Runs jobs only, no HTTP: add as many as the load needs (PostgreSQL). */
export async function runWorker(config: Config): Promise<void> {
  const runtime = await openRuntime(config)
  const live = await startWorker(runtime)
  onShutdown(runtime, [() => live.stop(), () => runtime.close()])
}
