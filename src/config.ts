/**
 * The one typed configuration of Stagecraft, read from the environment with defaults.
 *
 * Every variable is documented here and in the README. A bad value stops start-up with a
 * message that names the variable and what is expected; every problem is reported at once.
 */
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { z } from 'zod'

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(v), {
    message: 'expected true or false',
  })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v))

/** Documentation of each variable: what it is and what it expects. Used for errors and `--help`. */
export const configVariables = {
  PORT: 'TCP port the web server listens on (1-65535)',
  HOST: 'interface to bind; "localhost" (default) or 0.0.0.0 to accept connections from other machines',
  DATA_DIR: 'folder for the SQLite file, the generated secret key and uploaded files',
  DATABASE_URL: 'sqlite:<path> (default: sqlite file in DATA_DIR) or postgres://user:pass@host:port/db',
  PUBLIC_URL: 'the address people use to reach Stagecraft, e.g. https://social.example.com (links, cookies)',
  SECRET_KEY: 'at least 32 characters; encrypts tokens at rest. Generated into DATA_DIR when not set',
  ALLOW_PRIVATE_URLS: 'true lets user-supplied URLs (feeds, webhooks) reach private or loopback addresses',
  TRUST_PROXY: 'true when running behind a reverse proxy that sets X-Forwarded-* headers',
  LOG_LEVEL: 'fatal, error, warn, info, debug or trace',
  WORKER_CONCURRENCY: 'how many background jobs one process runs at once (1-256)',
  SMTP_URL: 'where alert and reminder e-mails go out, e.g. smtp://user:pass@mail.example.com:587 (none: no e-mail)',
  MAIL_FROM: 'the sender of those e-mails, e.g. "Stagecraft <alerts@example.com>"',
  PLC_URL: 'the did:plc directory the Bluesky firehose reader resolves authors with (default https://plc.directory)',
  COUNTRY_HEADER: 'the request header your proxy or CDN puts the visitor\'s country in, for link clicks (default cf-ipcountry)',
} as const

export type ConfigVariable = keyof typeof configVariables

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int('expected a whole number')
    .min(1, 'expected a port between 1 and 65535')
    .max(65535, 'expected a port between 1 and 65535')
    .default(8080),
  HOST: z.string().trim().min(1, 'expected a host name or address').default('localhost'),
  DATA_DIR: z.string().trim().min(1, 'expected a folder path').default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(v), {
      message: 'expected sqlite:<path> or postgres://…',
    })
    .optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'expected an http:// or https:// address' })
    .optional(),
  SECRET_KEY: z.string().min(32, 'expected at least 32 characters').optional(),
  ALLOW_PRIVATE_URLS: booleanFlag.default(false),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_CONCURRENCY: z.coerce
    .number({ message: 'expected a number' })
    .int('expected a whole number')
    .min(1, 'expected a number between 1 and 256')
    .max(256, 'expected a number between 1 and 256')
    .default(16),
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\/[^/]+/.test(v), { message: 'expected smtp://host:port or smtps://host:port' })
    .optional(),
  MAIL_FROM: z.string().trim().min(3, 'expected a sender address').optional(),
  PLC_URL: z.url({ protocol: /^https?$/, message: 'expected an http:// or https:// address' }).default('https://plc.directory'),
  COUNTRY_HEADER: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]{1,64}$/, 'expected a header name such as cf-ipcountry')
    .default('cf-ipcountry'),
})

/** Where the data lives: an embedded SQLite file or a PostgreSQL server. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; connectionString: string }

export interface Config {
  port: number
  host: string
  dataDir: string
  database: DatabaseTarget
  publicUrl: URL
  /** Absent when not configured; `resolveSecretKey` then reads or creates one in the data folder. */
  secretKey: string | undefined
  allowPrivateUrls: boolean
  trustProxy: boolean
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  workerConcurrency: number
  /** Outgoing e-mail, when configured. */
  mail: { smtpUrl: string; from: string } | undefined
  /** The did:plc directory for Bluesky authors (keys and handles). */
  plcUrl: string
  /** The request header (lower case) that carries a visitor's country code, set by a proxy or CDN. */
  countryHeader: string
}

/** Thrown when the environment holds bad values; `problems` names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: Array<{ variable: string; message: string }>) {
    super(
      'Stagecraft cannot start: the configuration has problems.\n' +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    )
    this.name = 'ConfigError'
  }
}

/**
 * Parses the environment into a Config. Empty strings count as "not set".
 * @throws ConfigError listing every bad variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const present = Object.fromEntries(
    Object.keys(configVariables)
      .map((k) => [k, env[k]])
      .filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? 'environment')
        const given = present[variable]
        const shown = variable === 'SECRET_KEY' || variable === 'SMTP_URL' || given === undefined ? '' : ` (got "${given}")`
        return { variable, message: `${issue.message}${shown}` }
      }),
    )
  }
  const e = parsed.data
  const dataDir = path.resolve(cwd, e.DATA_DIR)
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir, cwd),
    publicUrl: new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`),
    secretKey: e.SECRET_KEY,
    allowPrivateUrls: e.ALLOW_PRIVATE_URLS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    workerConcurrency: e.WORKER_CONCURRENCY,
    plcUrl: e.PLC_URL,
    countryHeader: e.COUNTRY_HEADER,
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? `Stagecraft <stagecraft@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>` } : undefined,
  }
}

function parseDatabaseUrl(url: string | undefined, dataDir: string, cwd: string): DatabaseTarget {
  if (url === undefined) return { dialect: 'sqlite', file: path.join(dataDir, 'stagecraft.db') }
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).replace(/^\/\//, '')
    if (rest === ':memory:') return { dialect: 'sqlite', file: ':memory:' }
    return { dialect: 'sqlite', file: path.resolve(cwd, rest) }
  }
  return { dialect: 'postgres', connectionString: url }
}

const SECRET_FILE = 'secret.key'

/**
 * Returns the configured secret key, or the one kept in the data folder, creating it (mode 0600)
 * on first run.
 */
export function resolveSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): string {
  if (config.secretKey) return config.secretKey
  const file = path.join(config.dataDir, SECRET_FILE)
  fs.mkdirSync(config.dataDir, { recursive: true })
  try {
    const existing = fs.readFileSync(file, 'utf8').trim()
    if (existing.length >= 32) return existing
    throw new ConfigError([{ variable: 'SECRET_KEY', message: `${file} holds fewer than 32 characters` }])
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const generated = crypto.randomBytes(32).toString('base64url')
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    fs.writeFileSync(file, generated + '\n', { mode: 0o600, flag: 'wx' })
    return generated
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim()
    throw error
  }
}
