/**
 * The `stagecraft` command as people run it: real child processes, real ports, real databases.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDatabase, dialectsUnderTest, postgresUrl, type TestDatabase } from '../helpers/stores.js'

const root = path.resolve(import.meta.dirname, '../..')
const main = path.join(root, 'src/cli/main.ts')
const children: ChildProcess[] = []
const cleanups: Array<() => Promise<void>> = []

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-cli-'))
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

function stagecraft(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    if (stdin !== undefined) child.stdin.end(stdin)
    child.on('close', (code) => resolve({ code, out, err }))
  })
}

function startProcess(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'info', ...env } })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  return { child, output: () => output }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, output: () => string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; process output:\n${output()}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** The exit code, or an error carrying the process's output if it has not exited within `timeoutMs`. */
function exited(child: ChildProcess, output?: () => string, timeoutMs = 30_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    const timer = setTimeout(() => reject(new Error(`process did not exit within ${timeoutMs} ms; output:\n${output?.() ?? ''}`)), timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}

describe('stagecraft command', () => {
  it('explains itself and each command', async () => {
    const help = await stagecraft(['--help'])
    expect(help.code).toBe(0)
    for (const command of ['start', 'server', 'worker', 'migrate', 'user']) expect(help.out).toContain(command)
    expect(help.out).toContain('DATABASE_URL')
    for (const command of [['start'], ['server'], ['worker'], ['migrate'], ['user', 'create']]) {
      const res = await stagecraft([...command, '--help'])
      expect(res.code, command.join(' ')).toBe(0)
      expect(res.out).toMatch(/Usage: stagecraft/)
    }
  })

  it('refuses to start on bad configuration, naming each variable', async () => {
    const res = await stagecraft(['start'], { PORT: 'http', DATABASE_URL: 'mongodb://x', DATA_DIR: tempDir() })
    expect(res.code).toBe(78)
    expect(res.err).toContain('PORT: expected a port number (got "http")')
    expect(res.err).toContain('DATABASE_URL: expected sqlite:<path> or postgres://')
  })

  it('sets up headlessly and adds members from the shell', async () => {
    const env = { DATA_DIR: tempDir() }
    const early = await stagecraft(['user', 'create', '--email', 'amira@example.com', '--name', 'Amira'], env)
    expect(early.code).toBe(1)
    expect(early.err).toContain('--business-name')

    const owner = await stagecraft(
      ['user', 'create', '--email', 'amira@example.com', '--name', 'Amira', '--business-name', 'Café Lune', '--time-zone', 'Europe/Paris', '--password-stdin'],
      env,
      'a very long password\n',
    )
    expect(owner.code, owner.err).toBe(0)
    expect(owner.out).toContain('Created the workspace "Café Lune" and its owner amira@example.com.')
    expect(owner.out).not.toContain('a very long password')

    const editor = await stagecraft(['user', 'create', '--email', 'noor@example.com', '--name', 'Noor'], env)
    expect(editor.code).toBe(0)
    expect(editor.out).toMatch(/Added noor@example.com to "Café Lune" as editor\.\nPassword \(shown once\): \S{20}/)

    const duplicate = await stagecraft(['user', 'create', '--email', 'NOOR@example.com', '--name', 'Noor again'], env)
    expect(duplicate.code).toBe(1)
    expect(duplicate.err).toContain('already exists')

    expect((await stagecraft(['migrate'], env)).out).toContain('The database is up to date.')
  })

  it('starts on the embedded default: SQLite file and secret key in DATA_DIR, stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir()
    const port = await freePort()
    const { child, output } = startProcess(['start'], { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' })
    const health = await waitFor('health', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`)
      return res.ok ? ((await res.json()) as unknown) : undefined
    }, output)
    expect(health).toEqual({ status: 'ok' })
    expect(await (await fetch(`http://127.0.0.1:${port}/api/setup`)).json()).toEqual({ needed: true })
    expect(fs.existsSync(path.join(dataDir, 'stagecraft.db'))).toBe(true)
    expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600)
    expect(output()).toContain(`Stagecraft is running at http://localhost:${port}`)
    child.kill('SIGTERM')
    expect(await exited(child)).toBe(0)
  })

  it.runIf(dialectsUnderTest().includes('postgres'))(
    'runs as separate server and worker processes on PostgreSQL, jobs going through pg-boss',
    async () => {
      const database: TestDatabase = await createTestDatabase('postgres')
      cleanups.push(() => database.drop())
      const env = { DATABASE_URL: database.url, DATA_DIR: tempDir(), SECRET_KEY: 's'.repeat(40) }
      const port = await freePort()
      const server = startProcess(['server'], { ...env, PORT: String(port), HOST: '127.0.0.1' })
      await waitFor(
        'server health',
        async () => ((await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok ? true : undefined),
        server.output,
        45_000,
      )
      const worker = startProcess(['worker'], env)
      // The worker schedules and runs today's account cleanup: pg-boss records it as completed.
      const client = new pg.Client({ connectionString: postgresUrl })
      await client.connect()
      cleanups.push(() => client.end())
      const completed = await waitFor(
        'the worker to complete a job',
        async () => {
          const { rows } = await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM "${database.schema}_jobs".job WHERE name = 'accounts-cleanup' AND state = 'completed'`,
          )
          return Number(rows[0]?.n) > 0 ? Number(rows[0]?.n) : undefined
        },
        worker.output,
        90_000,
      )
      expect(completed).toBe(1)
      expect(server.output()).toContain('jobs in worker processes')
      server.child.kill('SIGTERM')
      worker.child.kill('SIGTERM')
      expect(await exited(server.child, server.output)).toBe(0)
      expect(await exited(worker.child, worker.output)).toBe(0)
    },
    // Two processes start, migrate and open pg-boss while the rest of the suite shares both cores.
    150_000,
  )
})
