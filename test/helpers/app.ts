/**
 * A real Stagecraft app on a fresh real database for tests, and a client that keeps cookies and
 * the CSRF token like a browser does. Requests go through Fastify's inject (no socket) unless a
 * test listens on a port itself.
 */
import type { LightMyRequestResponse } from 'fastify'
import { loadConfig, type Config } from '../../src/config.js'
import { createJobQueue, type JobQueue } from '../../src/jobs/index.js'
import { createRegistry, type ConnectorRegistry } from '../../src/networks/index.js'
import { createListenContext, createMailer, registerListenJobs, type ListenContext } from '../../src/listen/index.js'
import { createMeasureContext, trackTargetLinks } from '../../src/measure/index.js'
import { createPublishContext, registerPublishJobs, type PublishContext } from '../../src/publish/index.js'
import { buildApp, type App } from '../../src/server/index.js'
import type { Dialect, Store } from '../../src/store/index.js'
import { appDialect, createTestStore } from './stores.js'

/** A cheap scrypt cost for tests (the product uses 17). */
export const testPasswordCost = 10

export interface TestApp {
  app: App
  store: Store
  jobs: JobQueue
  config: Config
  /** Publishing as the worker sees it (same database, queue and networks). */
  publish: PublishContext
  /** Listening as the worker sees it. */
  listen: ListenContext
  /** The app's clock: real time plus an offset that `advance` moves (e.g. past an invite's expiry). */
  clock: { offsetMs: number; now(): number; advance(ms: number): void }
  client(headers?: Record<string, string>): TestClient
  close(): Promise<void>
}

export async function createTestApp(
  options: {
    dialect?: Dialect
    env?: Record<string, string>
    webDir?: string | false
    /** Networks to publish to (real peers on loopback); with them the worker runs too. */
    networks?: ConnectorRegistry
  } = {},
): Promise<TestApp> {
  const store = await createTestStore(options.dialect ?? appDialect())
  const config = loadConfig({ DATA_DIR: '/nonexistent-test-data', SECRET_KEY: 'k'.repeat(40), ...options.env })
  const jobs = createJobQueue({
    store,
    config,
    ...(store.dialect === 'postgres' ? { connectionString: store.database.url } : {}),
  })
  const clock = {
    offsetMs: 0,
    now() {
      return Date.now() + this.offsetMs
    },
    advance(ms: number) {
      this.offsetMs += ms
    },
  }
  const app = await buildApp({
    config,
    store,
    jobs,
    secretKey: config.secretKey!,
    ...(options.networks ? { networks: options.networks } : {}),
    webDir: options.webDir ?? false,
    passwordCost: testPasswordCost,
    now: () => clock.now(),
    logger: process.env.TEST_LOG ? undefined : false,
  })
  const workerLogger = { info: () => {}, warn: () => {}, error: (d: object, m?: string) => console.error(m, d) }
  // As in the worker process: links made tracked when posts are published.
  const linkMaker = createMeasureContext({ db: store.db, logger: workerLogger, publicUrl: config.publicUrl, networks: options.networks ?? createRegistry([]), now: () => clock.now() })
  const publish = createPublishContext({
    db: store.db,
    jobs,
    networks: options.networks ?? createRegistry([]),
    secretKey: config.secretKey!,
    logger: workerLogger,
    allowPrivateUrls: config.allowPrivateUrls,
    trackLinks: (input) => trackTargetLinks(linkMaker, input),
    now: () => clock.now(),
  })
  const listen = createListenContext({
    db: store.db,
    jobs,
    logger: publish.logger,
    secretKey: config.secretKey!,
    allowPrivateUrls: config.allowPrivateUrls,
    publicUrl: config.publicUrl,
    plcUrl: config.plcUrl,
    publish,
    ...(config.mail ? { mailer: createMailer(config.mail) } : {}),
    now: () => clock.now(),
  })
  if (options.networks) {
    await registerPublishJobs(jobs, publish)
    await registerListenJobs(jobs, listen)
    await jobs.start()
  }
  return {
    app,
    store,
    jobs,
    config,
    publish,
    listen,
    clock,
    client: (headers = {}) => new TestClient(app, headers),
    close: async () => {
      await app.close()
      await jobs.stop()
      await store.cleanup()
    },
  }
}

export interface Reply<T = unknown> {
  status: number
  body: T
  headers: LightMyRequestResponse['headers']
  raw: LightMyRequestResponse
}

/** A browser-like API client: keeps cookies, sends the CSRF token it was given on writes. */
export class TestClient {
  readonly cookies = new Map<string, string>()
  csrfToken: string | undefined

  constructor(
    private readonly app: App,
    private readonly headers: Record<string, string>,
  ) {}

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...this.headers,
        ...(cookie ? { cookie } : {}),
        ...(method !== 'GET' && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    })
    for (const c of res.cookies) {
      if (c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const text = res.body
    const parsed = text && res.headers['content-type']?.toString().includes('json') ? (JSON.parse(text) as T) : (text as T)
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrfToken = String((parsed as { csrfToken: unknown }).csrfToken)
    return { status: res.statusCode, body: parsed, headers: res.headers, raw: res }
  }

  get = <T = Record<string, unknown>>(url: string, headers?: Record<string, string>) => this.request<T>('GET', url, undefined, headers)
  post = <T = Record<string, unknown>>(url: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('POST', url, body, headers)
  patch = <T = Record<string, unknown>>(url: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('PATCH', url, body, headers)
  delete = <T = Record<string, unknown>>(url: string, headers?: Record<string, string>) => this.request<T>('DELETE', url, undefined, headers)
}

export const ownerSetup = {
  businessName: 'Café Lune',
  timeZone: 'Europe/Paris',
  locale: 'en',
  name: 'Amira Haddad',
  email: 'amira@cafe-lune.example',
  password: 'correct horse battery staple',
}

/** Runs first-run setup and returns the owner's signed-in client. */
export async function setUpOwner(t: TestApp): Promise<TestClient> {
  const owner = t.client()
  const res = await owner.post('/api/setup', ownerSetup)
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.body)}`)
  return owner
}

/** Invites someone with `role` and returns their signed-in client. */
export async function addMember(t: TestApp, inviter: TestClient, role: string, email: string): Promise<TestClient> {
  const invite = await inviter.post<{ url: string }>('/api/invites', { role })
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`)
  const token = new URL(invite.body.url).pathname.split('/').pop()
  const member = t.client()
  const res = await member.post(`/api/invites/accept/${token}`, { name: `${role} person`, email, password: 'a long enough password' })
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`)
  return member
}

/** Waits until `probe` returns a value (not a timing assertion: it only bounds how long to wait). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
