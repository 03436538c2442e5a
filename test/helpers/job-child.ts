/**
 * A worker process for the jobs contract's "killed mid-job" test: it opens the queue on the given
 * database, runs the named job, writes `<attempt>` to the --started file once the handler runs,
 * then hangs until the test kills it (SIGKILL).
 *
 *   node --import tsx test/helpers/job-child.ts --kind in-process|pg-boss --url <url>
 *     --name <job> --started <file> [--lease-ms n] [--poll-ms n] [--expire-seconds n]
 *     [--maintenance-seconds n] [--polling-seconds n]
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { openStore } from '../../src/store/database.js'
import { createInProcessQueue } from '../../src/jobs/in-process.js'
import { createPgBossQueue } from '../../src/jobs/pg-boss.js'
import type { JobQueue } from '../../src/jobs/queue.js'

const { values } = parseArgs({
  options: {
    kind: { type: 'string' },
    url: { type: 'string' },
    name: { type: 'string' },
    started: { type: 'string' },
    'lease-ms': { type: 'string' },
    'poll-ms': { type: 'string' },
    'expire-seconds': { type: 'string' },
    'maintenance-seconds': { type: 'string' },
    'polling-seconds': { type: 'string' },
  },
})

const { kind, url, name, started } = values
if (!kind || !url || !name || !started) throw new Error('job-child: --kind, --url, --name and --started are required')
const number = (value: string | undefined) => (value === undefined ? undefined : Number(value))

async function openQueue(): Promise<JobQueue> {
  if (kind === 'pg-boss') {
    return createPgBossQueue({
      connectionString: url!,
      expireInSeconds: number(values['expire-seconds']),
      maintenanceIntervalSeconds: number(values['maintenance-seconds']),
      pollingIntervalSeconds: number(values['polling-seconds']),
    })
  }
  const store = await openStore(
    url!.startsWith('sqlite:') ? { dialect: 'sqlite', file: url!.slice('sqlite:'.length) } : { dialect: 'postgres', connectionString: url! },
  )
  return createInProcessQueue({ db: store.db, leaseMs: number(values['lease-ms']), pollIntervalMs: number(values['poll-ms']) })
}

const queue = await openQueue()
queue.register(name, async (_payload, context) => {
  fs.writeFileSync(started, String(context.attempt))
  await new Promise(() => setInterval(() => {}, 60_000))
})
await queue.start()
