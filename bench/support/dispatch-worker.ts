/**
 * One worker process of the dispatch benchmark: the real job queue and publish dispatcher on
 * the benchmark's database, publishing to the loopback network. Env: BENCH_DATABASE_URL,
 * BENCH_NETWORK_URL, BENCH_SECRET_KEY, BENCH_CONCURRENCY.
 */
import { loadConfig } from '../../src/config.js'
import { createJobQueue } from '../../src/jobs/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { createPublishContext, registerPublishJobs } from '../../src/publish/index.js'
import { openStore } from '../../src/store/index.js'
import { createLoopbackConnector } from './loopback-connector.js'

const config = loadConfig({ DATABASE_URL: process.env.BENCH_DATABASE_URL, WORKER_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '128', DATA_DIR: '/tmp' })
const store = await openStore(config.database)
const silent = { info: () => {}, warn: () => {}, error: (d: object, m?: string) => console.error(m, JSON.stringify(d)) }
const jobs = createJobQueue({
  store,
  config,
  logger: silent,
  ...(config.database.dialect === 'postgres' ? { connectionString: config.database.connectionString } : {}),
})
const ctx = createPublishContext({
  db: store.db,
  jobs,
  networks: createRegistry([createLoopbackConnector(process.env.BENCH_NETWORK_URL!)]),
  secretKey: process.env.BENCH_SECRET_KEY!,
  logger: silent,
  allowPrivateUrls: true,
})
await registerPublishJobs(jobs, ctx)
await jobs.start()
process.stdout.write('ready\n')
process.on('SIGTERM', () => {
  void jobs.stop({ timeoutMs: 5000 }).then(() => store.close()).then(() => process.exit(0))
})
