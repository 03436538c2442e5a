/**
 * Builds the HTTP application: the JSON API under /api (every route validated by its zod schema,
 * guarded by its access rule, documented in OpenAPI) and the built web app for everything else.
 */
import cookie from '@fastify/cookie'
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AccountsContext } from '../accounts/index.js'
import type { Config } from '../config.js'
import type { JobQueue } from '../jobs/queue.js'
import { createRegistry, type ConnectorRegistry } from '../networks/index.js'
import { createPublishContext } from '../publish/index.js'
import { createEngageContext } from '../engage/index.js'
import { createListenContext, createMailer } from '../listen/index.js'
import { createCoachContext } from '../coach/index.js'
import { createMeasureContext, type MeasureContext } from '../measure/index.js'
import { defaultWebDir, packageVersion } from '../package-root.js'
import type { Store } from '../store/index.js'
import { registerAuth } from './plugins/auth.js'
import { registerErrorHandling } from './plugins/errors.js'
import { registerOpenApi } from './plugins/openapi.js'
import { registerSecurity } from './plugins/security.js'
import { registerWeb } from './plugins/web.js'
import { apiKeyRoutes } from './routes/api-keys.js'
import type { RouteDeps } from './routes/deps.js'
import { feedRoutes } from './routes/feeds.js'
import { listenRoutes } from './routes/listen.js'
import { coachRoutes } from './routes/coach.js'
import { conversionRoutes } from './routes/conversions.js'
import { inboxRoutes } from './routes/inbox.js'
import { checkInRoutes } from './routes/check-ins.js'
import { measureDashboardRoutes } from './routes/measure-dashboard.js'
import { measureLinkRoutes } from './routes/measure-links.js'
import { redirectRoutes } from './routes/redirect.js'
import { inviteRoutes } from './routes/invites.js'
import { meRoutes } from './routes/me.js'
import { memberRoutes } from './routes/members.js'
import { metaRoutes } from './routes/meta.js'
import { mediaRoutes } from './routes/media.js'
import { networkAccountRoutes } from './routes/network-accounts.js'
import { postRoutes } from './routes/posts.js'
import { publishingRoutes } from './routes/publishing.js'
import { sessionRoutes } from './routes/session.js'
import { setupRoutes } from './routes/setup.js'
import { workspaceRoutes } from './routes/workspace.js'
import type { App } from './types.js'

export interface AppOptions {
  config: Config
  store: Store
  jobs: JobQueue
  /** The key that seals network credentials (the runtime resolves it; tests pass one). */
  secretKey: string
  /** The networks accounts can be connected to. */
  networks?: ConnectorRegistry
  /** The built web app to serve; `false` serves none. Default: dist/web. */
  webDir?: string | false
  /** log2 of scrypt's N for new password hashes (tests lower it for speed). */
  passwordCost?: number
  /** Clock, injectable for tests. */
  now?: () => number
  /** A pino logger to share with the rest of the process; `false` logs nothing. Default: a new one. */
  logger?: FastifyBaseLogger | false
  /** Measuring (link cache, click writer), when the caller needs to reach it (tests, benchmark). Default: made here. */
  measure?: MeasureContext
  /** Extra routes added before the app is sealed (the benchmark's bare redirect). */
  extraRoutes?: (app: App) => void
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options
  const app = Fastify({
    ...(options.logger === undefined
      ? { logger: { level: config.logLevel } }
      : options.logger === false
        ? { logger: false }
        : { loggerInstance: options.logger }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Per-request lines are off: errors are logged by the error handler, the rest is noise.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const accounts: AccountsContext = {
    db: options.store.db,
    now: options.now ?? Date.now,
    publicUrl: config.publicUrl,
    ...(options.passwordCost !== undefined ? { passwordCost: options.passwordCost } : {}),
  }
  const publish = createPublishContext({
    db: options.store.db,
    now: accounts.now,
    jobs: options.jobs,
    networks: options.networks ?? createRegistry([]),
    secretKey: options.secretKey,
    logger: app.log,
    allowPrivateUrls: config.allowPrivateUrls,
  })
  const listen = createListenContext({
    db: options.store.db,
    now: accounts.now,
    jobs: options.jobs,
    logger: app.log,
    secretKey: options.secretKey,
    allowPrivateUrls: config.allowPrivateUrls,
    publicUrl: config.publicUrl,
    plcUrl: config.plcUrl,
    publish,
    ...(config.mail ? { mailer: createMailer(config.mail) } : {}),
  })
  const engage = createEngageContext({ db: options.store.db, now: accounts.now, logger: app.log, publish })
  const coach = createCoachContext({
    db: options.store.db,
    now: accounts.now,
    logger: app.log,
    secretKey: options.secretKey,
    networks: publish.networks,
    publicUrl: config.publicUrl,
  })
  const measure =
    options.measure ??
    createMeasureContext({ db: options.store.db, dialect: options.store.dialect, now: accounts.now, logger: app.log, publicUrl: config.publicUrl, networks: publish.networks, countryHeader: config.countryHeader })
  // Runs after the server stopped taking requests and answered the last: no click is left behind.
  app.addHook('onClose', () => measure.clicks.close())
  const deps: RouteDeps = { accounts, publish, config, version: packageVersion }

  await app.register(cookie)
  await registerSecurity(app, { https: config.publicUrl.protocol === 'https:' })
  registerAuth(app, accounts)
  await registerOpenApi(app, { version: packageVersion, publicUrl: config.publicUrl })
  registerErrorHandling(app)

  metaRoutes(app, deps)
  setupRoutes(app, deps)
  sessionRoutes(app, deps)
  meRoutes(app, deps)
  workspaceRoutes(app, deps)
  memberRoutes(app, deps)
  inviteRoutes(app, deps)
  apiKeyRoutes(app, deps)
  networkAccountRoutes(app, deps)
  postRoutes(app, deps)
  await mediaRoutes(app, deps)
  publishingRoutes(app, deps)
  feedRoutes(app, deps)
  listenRoutes(app, listen, coach)
  coachRoutes(app, coach)
  inboxRoutes(app, engage)
  checkInRoutes(app, engage)
  redirectRoutes(app, measure)
  measureLinkRoutes(app, measure)
  measureDashboardRoutes(app, measure)
  await conversionRoutes(app, measure)

  if (options.webDir !== false) {
    const webDir = options.webDir ?? defaultWebDir
    if (!(await registerWeb(app, webDir))) app.log.warn({ webDir }, 'the web app is not built; run `npm run build` to serve it')
  }
  options.extraRoutes?.(app)
  await app.ready()
  return app
}
