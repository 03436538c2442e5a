import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, resolveSecretKey } from './config.js'

describe('config', () => {
  it('has working defaults: port 8080, SQLite file in ./data, public URL on localhost', () => {
    const config = loadConfig({}, '/srv/app')
    expect(config.port).toBe(8080)
    expect(config.dataDir).toBe('/srv/app/data')
    expect(config.database).toEqual({ dialect: 'sqlite', file: '/srv/app/data/stagecraft.db' })
    expect(config.publicUrl.toString()).toBe('http://localhost:8080/')
    expect(config.allowPrivateUrls).toBe(false)
    expect(config.secretKey).toBeUndefined()
  })

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        DATA_DIR: '/var/lib/stagecraft',
        DATABASE_URL: 'postgres://u:p@db:5432/stagecraft',
        PUBLIC_URL: 'https://social.example.com',
        SECRET_KEY: 's'.repeat(32),
        ALLOW_PRIVATE_URLS: 'true',
        TRUST_PROXY: '1',
        WORKER_CONCURRENCY: '8',
      },
      '/',
    )
    expect(config).toMatchObject({
      port: 9000,
      dataDir: '/var/lib/stagecraft',
      database: { dialect: 'postgres', connectionString: 'postgres://u:p@db:5432/stagecraft' },
      allowPrivateUrls: true,
      trustProxy: true,
      workerConcurrency: 8,
    })
    expect(config.publicUrl.origin).toBe('https://social.example.com')
  })

  it('names every bad variable and what it expects, at once', () => {
    let error: unknown
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ALLOW_PRIVATE_URLS: 'maybe', SECRET_KEY: 'short', PUBLIC_URL: 'localhost' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems.map((p) => p.variable).sort()
    expect(problems).toEqual(['ALLOW_PRIVATE_URLS', 'DATABASE_URL', 'PORT', 'PUBLIC_URL', 'SECRET_KEY'])
    const message = (error as Error).message
    expect(message).toContain('PORT: expected a port number (got "eighty")')
    expect(message).toContain('ALLOW_PRIVATE_URLS: expected true or false')
    expect(message).toContain('SECRET_KEY: expected at least 32 characters')
    expect(message).not.toContain('short')
  })

  it('refuses ports out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: expected a port between 1 and 65535/)
  })

  it('generates a secret key on first run, keeps it private, and reuses it', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-config-'))
    try {
      const first = resolveSecretKey({ dataDir, secretKey: undefined })
      expect(first.length).toBeGreaterThanOrEqual(32)
      const file = path.join(dataDir, 'secret.key')
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
      expect(resolveSecretKey({ dataDir, secretKey: undefined })).toBe(first)
      expect(resolveSecretKey({ dataDir, secretKey: 'x'.repeat(40) })).toBe('x'.repeat(40))
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
