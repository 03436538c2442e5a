/**
 * A real Bluesky PDS on loopback for tests: an in-memory PLC directory (`@did-plc/server`) and
 * `@atproto/pds` bound to 127.0.0.1, in a temporary data folder, with no AppView, no crawlers and
 * `.test` handles, so nothing leaves the machine. Reads go through `com.atproto.repo.getRecord`
 * and `listRecords`. With `appView: true` the PDS is configured with an AppView contract server
 * (./bluesky-appview.ts) as `bskyAppViewUrl`/`bskyAppViewDid`, so `app.bsky.*` reads sent to the
 * PDS are proxied there; without it they fail with "No service configured". That AppView indexes
 * this PDS's firehose (`appViewCaughtUp` waits for it). Starting one costs about 2 s: share one
 * per test file. See shared/notes/peers.md for how this was worked out.
 */
import crypto from 'node:crypto'
import dns from 'node:dns'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { AtpAgent, type AppBskyFeedPost } from '@atproto/api'
import { Secp256k1Keypair } from '@atproto/crypto'
import { PDS, envToCfg, envToSecrets, type ServerEnvironment } from '@atproto/pds'
import { createAccessToken } from '@atproto/pds/dist/account-manager/helpers/auth.js'
import { AuthScope } from '@atproto/pds/dist/auth-scope.js'
import { Database, PlcServer } from '@did-plc/server'
import { startBlueskyAppView, type BlueskyAppView } from './bluesky-appview.js'

/** An account made on the peer, with the app password a person would paste into Stagecraft. */
export interface PeerAccount {
  did: string
  handle: string
  email: string
  /** The account's main password (the harness uses it for what app passwords may not do). */
  password: string
  appPassword: { name: string; password: string }
}

/** A post record as the peer stores it. */
export interface PeerRecord {
  uri: string
  cid: string
  value: AppBskyFeedPost.Record
}

export interface BlueskyPeer {
  /** The service URL clients use: http://127.0.0.1:<port>. */
  url: string
  plcUrl: string
  /** The AppView contract server the PDS proxies `app.bsky.*` to, when started with `appView: true`. */
  appView?: BlueskyAppView
  /** A fresh account (`<name>-<n>.test`) and an app password for it. */
  createAccount(name?: string): Promise<PeerAccount>
  /** Reads a post record straight from the repository; undefined when it is not there. */
  getPost(uri: string): Promise<PeerRecord | undefined>
  /** Every post in the account's repository. */
  listPosts(did: string): Promise<PeerRecord[]>
  countPosts(did: string): Promise<number>
  /** A blob's bytes, as the PDS serves them. */
  getBlob(did: string, cid: string): Promise<Uint8Array>
  /** Revokes the app password on the PDS, which also revokes the refresh tokens issued with it. */
  revokeAppPassword(account: PeerAccount): Promise<void>
  /**
   * An access token signed by this PDS for `did` that expired a minute ago: what a stored token
   * is after two hours. (Access tokens are stateless JWTs; nothing on the PDS can revoke them.)
   */
  expiredAccessToken(did: string): Promise<string>
  /** Moderation through the admin API: take the account down, or deactivate it. */
  takedown(did: string): Promise<void>
  deactivate(did: string): Promise<void>
  /**
   * Uses up the PDS's request budget for one client address (its `global-ip` limit: 3,000
   * requests per 5 minutes, with `rateLimits` on) and returns when it renews (epoch ms, from
   * RateLimit-Reset). Behind its usual reverse proxy the PDS trusts X-Forwarded-For from
   * loopback, so a client sending that address is counted against it; other clients are not.
   */
  exhaustRequestBudget(clientAddress: string): Promise<number>
  /**
   * Resolves once the AppView has indexed everything the PDS has written so far (every event
   * sequenced on its firehose): what it serves is then current.
   */
  appViewCaughtUp(): Promise<void>
  /** Hosts other than loopback that anything in this process tried to reach since start. */
  outboundAttempts(): string[]
  stop(): Promise<void>
}

const adminPassword = 'admin-pass'

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A valid RGB PNG of `width` × `height`. With `noise` its pixels are random and stored
 * uncompressed, so the file is about width × height × 3 bytes (for size-limit tests).
 */
export function pngImage(width: number, height: number, noise = false): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = 1 + width * 3
  const pixels = noise ? crypto.randomBytes(row * height) : Buffer.alloc(row * height)
  for (let y = 0; y < height; y += 1) pixels[y * row] = 0
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const data = zlib.deflateSync(pixels, { level: noise ? 0 : 9 })
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', data), pngChunk('IEND', Buffer.alloc(0))]))
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

interface Listener {
  listen(port: number, host?: string): unknown
}

/** Both servers call `app.listen(port)` on every interface; keep them on loopback. */
function onLoopback(app: Listener): void {
  const listen = app.listen.bind(app)
  app.listen = (port: number) => listen(port, '127.0.0.1')
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost'])

/**
 * Records every host other than loopback that this process looks up or connects to: DNS lookups
 * and TXT queries (handle resolution), and TCP connections, TLS ones included.
 */
function watchOutbound(): { attempts(): string[]; stop(): void } {
  const seen: string[] = []
  type Patchable = Record<string, (...args: unknown[]) => unknown>
  const patched: Array<[Patchable, string, (...args: unknown[]) => unknown]> = []
  const patch = (target: object, name: string, hostOf: (args: unknown[]) => unknown) => {
    const t = target as Patchable
    const original = t[name]!
    patched.push([t, name, original])
    t[name] = function (this: unknown, ...args: unknown[]) {
      const host = hostOf(args)
      if (typeof host === 'string' && !loopback.has(host)) seen.push(host)
      return original.apply(this, args)
    }
  }
  const first = (args: unknown[]) => args[0]
  for (const target of [dns, dns.promises]) {
    patch(target, 'lookup', first)
    patch(target, 'resolveTxt', first)
  }
  // socket.connect(options | [options, callback] | port, host): net.connect and tls.connect both end here.
  patch(net.Socket.prototype, 'connect', (args) => {
    const options = Array.isArray(args[0]) ? args[0][0] : args[0]
    if (typeof options === 'object' && options !== null) return (options as { host?: unknown }).host
    return typeof args[1] === 'string' ? args[1] : undefined
  })
  return {
    attempts: () => [...seen],
    stop() {
      for (const [target, name, original] of patched) target[name] = original
    },
  }
}

/**
 * Starts the PLC directory and the PDS. `rateLimits` turns on the PDS's own rate limiter;
 * `appView` starts the AppView contract server and points the PDS at it.
 */
export async function startBlueskyPeer(options: { rateLimits?: boolean; appView?: boolean } = {}): Promise<BlueskyPeer> {
  const outbound = watchOutbound()
  const plc = PlcServer.create({ db: Database.mock(), port: await freePort() })
  onLoopback(plc.app as unknown as Listener)
  await plc.start()
  const plcUrl = `http://127.0.0.1:${plc.ctx.port}`
  const appView = options.appView ? await startBlueskyAppView({ plcUrl }) : undefined

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-pds-'))
  const port = await freePort()
  const rotationKey = await Secp256k1Keypair.create({ exportable: true })
  const env: ServerEnvironment = {
    port,
    hostname: 'localhost',
    devMode: true,
    inviteRequired: false,
    dataDirectory: dataDir,
    blobstoreDiskLocation: path.join(dataDir, 'blobs'),
    didPlcUrl: plcUrl,
    serviceHandleDomains: ['.test'],
    crawlers: [],
    rateLimitsEnabled: options.rateLimits ?? false,
    jwtSecret: crypto.randomBytes(16).toString('hex'),
    adminPassword,
    plcRotationKeyK256PrivateKeyHex: Buffer.from(await rotationKey.export()).toString('hex'),
    // With no atproto-proxy header, the PDS sends app.bsky.* calls to this URL with a service JWT
    // whose audience is this DID, without resolving the DID (pipethrough.ts `defaultService`).
    ...(appView ? { bskyAppViewUrl: appView.url, bskyAppViewDid: appView.did } : {}),
  }
  const pds = await PDS.create(envToCfg(env), envToSecrets(env))
  onLoopback(pds.app as unknown as Listener)
  await pds.start()
  const url = `http://127.0.0.1:${port}`
  appView?.follow(url)
  const admin = new AtpAgent({ service: url })
  admin.setHeader('authorization', `Basic ${Buffer.from(`admin:${adminPassword}`).toString('base64')}`)
  const reader = new AtpAgent({ service: url })
  let accounts = 0

  async function listPosts(did: string): Promise<PeerRecord[]> {
    const records: PeerRecord[] = []
    let cursor: string | undefined
    do {
      const { data } = await reader.com.atproto.repo.listRecords({ repo: did, collection: 'app.bsky.feed.post', limit: 100, cursor })
      for (const r of data.records) records.push({ uri: r.uri, cid: r.cid, value: r.value as AppBskyFeedPost.Record })
      cursor = data.records.length > 0 ? data.cursor : undefined
    } while (cursor)
    return records
  }

  return {
    url,
    plcUrl,
    appView,
    async createAccount(name = 'user') {
      accounts += 1
      const handle = `${name}-${accounts}.test`
      const email = `${name}-${accounts}@example.test`
      const password = crypto.randomBytes(12).toString('hex')
      const agent = new AtpAgent({ service: url })
      await agent.createAccount({ handle, email, password })
      const { data } = await agent.com.atproto.server.createAppPassword({ name: 'stagecraft' })
      return { did: agent.session!.did, handle, email, password, appPassword: { name: data.name, password: data.password } }
    },
    async getPost(uri) {
      const [, , repo, collection, rkey] = uri.split('/')
      try {
        const { data } = await reader.com.atproto.repo.getRecord({ repo: repo!, collection: collection!, rkey: rkey! })
        return { uri: data.uri, cid: data.cid!, value: data.value as AppBskyFeedPost.Record }
      } catch (error) {
        if (error instanceof Error && /Could not locate record/.test(error.message)) return undefined
        throw error
      }
    },
    listPosts,
    async countPosts(did) {
      return (await listPosts(did)).length
    },
    async getBlob(did, cid) {
      return (await reader.com.atproto.sync.getBlob({ did, cid })).data
    },
    async revokeAppPassword(account) {
      const agent = new AtpAgent({ service: url })
      await agent.login({ identifier: account.handle, password: account.password })
      await agent.com.atproto.server.revokeAppPassword({ name: account.appPassword.name })
    },
    async expiredAccessToken(did) {
      // The PDS's own token maker and key, with an expiry in the past.
      return createAccessToken({
        did,
        jwtKey: pds.ctx.accountManager.jwtKey,
        serviceDid: pds.ctx.cfg.service.did,
        scope: AuthScope.AppPass,
        expiresIn: Math.floor(Date.now() / 1000) - 60,
      })
    },
    async takedown(did) {
      await admin.com.atproto.admin.updateSubjectStatus({
        subject: { $type: 'com.atproto.admin.defs#repoRef', did },
        takedown: { applied: true, ref: 'stagecraft-test' },
      })
    },
    async deactivate(did) {
      await admin.com.atproto.admin.updateSubjectStatus({
        subject: { $type: 'com.atproto.admin.defs#repoRef', did },
        deactivated: { applied: true },
      })
    },
    async exhaustRequestBudget(clientAddress) {
      if (!options.rateLimits) throw new Error('exhaustRequestBudget needs a peer started with rateLimits: true')
      const ask = async () => {
        const response = await fetch(`${url}/xrpc/com.atproto.server.describeServer`, { headers: { 'x-forwarded-for': clientAddress } })
        await response.arrayBuffer()
        return response
      }
      // 3,000 requests in rounds of 100; a few rounds more leave room for requests already made.
      for (let round = 0; round < 40; round += 1) {
        const answers = await Promise.all(Array.from({ length: 100 }, ask))
        const spent = answers.find((a) => a.status === 429 || a.headers.get('ratelimit-remaining') === '0')
        if (spent) return Number(spent.headers.get('ratelimit-reset')) * 1000
      }
      throw new Error(`the PDS kept answering ${clientAddress} after 4,000 requests`)
    },
    async appViewCaughtUp() {
      if (!appView) throw new Error('appViewCaughtUp needs a peer started with appView: true')
      await appView.indexedThrough((await pds.ctx.sequencer.curr()) ?? 0)
    },
    outboundAttempts: () => outbound.attempts(),
    async stop() {
      // The AppView first: its firehose would otherwise keep reconnecting to the stopped PDS.
      await appView?.close()
      await pds.destroy()
      await plc.destroy()
      outbound.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
