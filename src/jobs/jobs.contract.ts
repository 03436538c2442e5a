/**
 * The contract every JobQueue keeps, as one vitest suite run against each implementation
 * (`runJobQueueContract(label, factory)`). Times are asserted as lower bounds only (a job never
 * runs early, a retry never comes sooner than its backoff floor); nothing asserts speed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { JobContext, JobPayload, JobQueue } from './queue.js'

/** A job as its implementation stored it, in runner-neutral words. */
export interface StoredJob {
  state: 'queued' | 'active' | 'done' | 'failed'
  lastError: string | null
}

/** One fresh database with a way to make queues on it; the factory makes one per test. */
export interface JobQueueHarness {
  /** A new (not started) queue on this database, with test timings (short poll and lease). */
  createQueue(options?: { concurrency?: number }): JobQueue
  /** The stored job, or undefined when there is none. */
  inspect(name: string, id: string): Promise<StoredJob | undefined>
  /** The retry base the implementation really uses for a requested one (pg-boss: whole seconds). */
  effectiveRetryDelayMs(requestedMs: number): number
  /** How long after it is due an idle queue may take to notice a job (its polling interval). */
  pollMs: number
  /** Arguments for test/helpers/job-child.ts that open a queue on the same database. */
  childArgs: string[]
  /** Drops the database (queues made by `createQueue` are stopped first). */
  cleanup(): Promise<void>
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const childScript = path.join(root, 'test/helpers/job-child.ts')

/** Runs the contract suite against queues from `factory`. */
export function runJobQueueContract(label: string, factory: () => Promise<JobQueueHarness>): void {
  describe(`JobQueue contract: ${label}`, () => {
    let harness: JobQueueHarness
    let queues: JobQueue[]

    beforeEach(async () => {
      harness = await factory()
      queues = []
    })
    afterEach(async () => {
      for (const queue of queues) await queue.stop({ timeoutMs: 1_000 })
      await harness.cleanup()
    })

    /** A queue stopped after the test. */
    function newQueue(options?: { concurrency?: number }): JobQueue {
      const queue = harness.createQueue(options)
      queues.push(queue)
      return queue
    }

    it('round-trips the payload and gives the handler its context', async () => {
      const queue = newQueue()
      const payload = { text: 'Grüße — 🚀 "quoted"', n: 42.5, flag: false, none: null, list: [1, 'two', { three: 3 }], nested: { a: { b: [] } } }
      const seen: { payload: JobPayload; context: JobContext }[] = []
      queue.register('echo', async (received, context) => {
        seen.push({ payload: received, context })
      })
      await queue.start()
      const id = await queue.enqueue('echo', payload)
      expect(id).toEqual(expect.any(String))
      await waitFor(() => seen.length === 1, 'the job to run')
      expect(seen[0]!.payload).toEqual(payload)
      expect(seen[0]!.context).toMatchObject({ id, name: 'echo', attempt: 1 })
      expect(seen[0]!.context.signal.aborted).toBe(false)
      await waitForState(harness, 'echo', id!, 'done')
    })

    it('adds many jobs at once: each runs once, keys still dedupe, delayed ones wait', async () => {
      const queue = newQueue({ concurrency: 4 })
      const seen: number[] = []
      queue.register('bulk', async (received) => {
        seen.push(Number(received.n))
      })
      await queue.start()
      const later = Date.now() + 60_000
      await queue.enqueueMany([
        ...Array.from({ length: 50 }, (_, n) => ({ name: 'bulk', payload: { n }, options: { key: `k${n}` } })),
        { name: 'bulk', payload: { n: 999 }, options: { runAt: later } },
      ])
      await queue.enqueueMany(Array.from({ length: 50 }, (_, n) => ({ name: 'bulk', payload: { n: n + 1000 }, options: { key: `k${n}` } })))
      expect(await queue.enqueue('bulk', { n: 2000 }, { key: 'k7' })).toBeNull()
      await waitFor(() => seen.length >= 50, 'the bulk jobs to run')
      await sleep(harness.pollMs * 2)
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, n) => n))
    })

    it('rejects a job name outside the pattern', async () => {
      const queue = newQueue()
      await expect(queue.enqueue('bad name!', {})).rejects.toThrow()
      expect(() => queue.register('1-starts-with-digit', async () => {})).toThrow()
    })

    it('does not run a delayed job before runAt, and runs it after', async () => {
      const queue = newQueue()
      const startedAt: number[] = []
      queue.register('later', async () => {
        startedAt.push(Date.now())
      })
      await queue.start()
      const runAt = Date.now() + 1_500
      await queue.enqueue('later', {}, { runAt: new Date(runAt) })
      await sleep(1_000)
      expect(startedAt).toEqual([])
      await waitFor(() => startedAt.length === 1, 'the delayed job to run')
      expect(startedAt[0]!).toBeGreaterThanOrEqual(runAt)
    })

    it('runs after start() a job that fell due while no process was running', async () => {
      const producer = newQueue()
      const overdue = await producer.enqueue('catch-up', { n: 1 }, { runAt: Date.now() - 60_000 })
      const dueSoon = await producer.enqueue('catch-up', { n: 2 }, { runAt: Date.now() + 200 })
      expect(overdue).not.toBeNull()
      expect(dueSoon).not.toBeNull()
      await sleep(500)

      const worker = newQueue()
      const ran: unknown[] = []
      worker.register('catch-up', async (payload) => {
        ran.push(payload.n)
      })
      await worker.start()
      await waitFor(() => ran.length === 2, 'both jobs to run')
      expect([...ran].sort()).toEqual([1, 2])
    })

    it('retries a failing job with backoff: attempts 1, 2, 3, each retry no sooner than its floor', async () => {
      const queue = newQueue()
      const requested = 200
      const base = harness.effectiveRetryDelayMs(requested)
      const attempts: { attempt: number; at: number }[] = []
      queue.register('flaky', async (_payload, context) => {
        attempts.push({ attempt: context.attempt, at: Date.now() })
        if (context.attempt < 3) throw new Error(`failure ${context.attempt}`)
      })
      await queue.start()
      const id = await queue.enqueue('flaky', {}, { retries: 3, retryDelayMs: requested })
      await waitFor(() => attempts.length === 3, 'the third attempt', 30_000)
      expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3])
      // Retry n waits at least base × 2^(n-1) after the failure, which came after the run started.
      expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(base)
      expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(2 * base)
      await waitForState(harness, 'flaky', id!, 'done')
    })

    it('fails a job for good once its retries are used up, and does not run it again', async () => {
      const queue = newQueue()
      const requested = 100
      const attempts: number[] = []
      queue.register('doomed', async (_payload, context) => {
        attempts.push(context.attempt)
        throw new Error(`boom ${context.attempt}`)
      })
      await queue.start()
      const id = await queue.enqueue('doomed', {}, { retries: 1, retryDelayMs: requested })
      const stored = await waitForState(harness, 'doomed', id!, 'failed', 30_000)
      expect(stored.lastError).toContain('boom 2')
      expect(attempts).toEqual([1, 2])
      // Longer than a further retry would have waited (base × 2, plus a poll).
      await sleep(2 * harness.effectiveRetryDelayMs(requested) + 2 * harness.pollMs)
      expect(attempts).toEqual([1, 2])
      expect((await harness.inspect('doomed', id!))?.state).toBe('failed')
    })

    it('runs a key once: a second enqueue returns null, also after the first completed', async () => {
      const queue = newQueue()
      const ran: unknown[] = []
      queue.register('once', async (payload) => {
        ran.push(payload.v)
      })
      queue.register('other', async () => {})
      const first = await queue.enqueue('once', { v: 'first' }, { key: 'post-1' })
      expect(first).toEqual(expect.any(String))
      expect(await queue.enqueue('once', { v: 'second' }, { key: 'post-1' })).toBeNull()
      // Keys belong to a name; other keys are other jobs.
      expect(await queue.enqueue('other', {}, { key: 'post-1' })).toEqual(expect.any(String))
      expect(await queue.enqueue('once', { v: 'third' }, { key: 'post-2' })).toEqual(expect.any(String))
      await queue.start()
      await waitForState(harness, 'once', first!, 'done')
      expect(await queue.enqueue('once', { v: 'again' }, { key: 'post-1' })).toBeNull()
      await waitFor(() => ran.length === 2, 'both keyed jobs to run')
      await sleep(2 * harness.pollMs)
      expect([...ran].sort()).toEqual(['first', 'third'])
    })

    it('stop() waits for a running handler without aborting it', async () => {
      const queue = newQueue()
      let started = false
      let finished = false
      let abortedWhileRunning: boolean | undefined
      queue.register('slow', async (_payload, context) => {
        started = true
        await sleep(600)
        abortedWhileRunning = context.signal.aborted
        finished = true
      })
      await queue.start()
      const id = await queue.enqueue('slow', {})
      await waitFor(() => started, 'the handler to start')
      await queue.stop({ timeoutMs: 10_000 })
      expect(finished).toBe(true)
      expect(abortedWhileRunning).toBe(false)
      expect((await harness.inspect('slow', id!))?.state).toBe('done')
    })

    it('stop() aborts the signal once its timeout passes, and the job is left to retry', async () => {
      const queue = newQueue()
      let started = false
      let aborted = false
      queue.register('stubborn', async (_payload, context) => {
        started = true
        await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve(), { once: true }))
        aborted = true
        throw new Error('stopped early')
      })
      await queue.start()
      const id = await queue.enqueue('stubborn', {}, { retries: 2, retryDelayMs: 100 })
      await waitFor(() => started, 'the handler to start')
      await queue.stop({ timeoutMs: 300 })
      expect(aborted).toBe(true)
      expect((await harness.inspect('stubborn', id!))?.state).toBe('queued')
    })

    it('runs at most the handler concurrency of one name at once', async () => {
      const queue = newQueue({ concurrency: 4 })
      let inFlight = 0
      let most = 0
      let done = 0
      queue.register('serial', async () => {
        inFlight++
        most = Math.max(most, inFlight)
        await sleep(100)
        inFlight--
        done++
      }, { concurrency: 1 })
      for (let i = 0; i < 4; i++) await queue.enqueue('serial', { i })
      await queue.start()
      await waitFor(() => done === 4, 'all four jobs', 30_000)
      expect(most).toBe(1)
    })

    it('runs again, as attempt 2, a job whose process was killed mid-run', async () => {
      const producer = newQueue()
      const id = await producer.enqueue('crashy', { step: 'one' }, { retries: 2, retryDelayMs: 100 })
      expect(id).not.toBeNull()

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-job-child-'))
      const startedFile = path.join(dir, 'started')
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', childScript, ...harness.childArgs, '--name', 'crashy', '--started', startedFile],
        { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
      )
      let childErrors = ''
      child.stderr.on('data', (chunk: Buffer) => (childErrors += chunk.toString()))
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      try {
        await waitFor(() => fs.existsSync(startedFile) || child.exitCode !== null, 'the child to start the job', 30_000)
        expect(childErrors).toBe('')
        expect(fs.readFileSync(startedFile, 'utf8')).toBe('1')
      } finally {
        child.kill('SIGKILL')
        await exited
        fs.rmSync(dir, { recursive: true, force: true })
      }

      const worker = newQueue()
      const seen: { payload: JobPayload; attempt: number }[] = []
      worker.register('crashy', async (payload, context) => {
        seen.push({ payload, attempt: context.attempt })
      })
      await worker.start()
      await waitFor(() => seen.length === 1, 'the killed job to run again', 30_000)
      expect(seen[0]).toEqual({ payload: { step: 'one' }, attempt: 2 })
      await waitForState(harness, 'crashy', id!, 'done')
    })
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Polls `condition` until it holds; fails the test with `what` after `timeoutMs`. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await sleep(20)
  }
}

async function waitForState(
  harness: JobQueueHarness,
  name: string,
  id: string,
  state: StoredJob['state'],
  timeoutMs = 15_000,
): Promise<StoredJob> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const stored = await harness.inspect(name, id)
    if (stored?.state === state) return stored
    if (Date.now() > deadline) throw new Error(`Timed out waiting for job ${id} to be ${state} (it is ${stored?.state})`)
    await sleep(50)
  }
}
