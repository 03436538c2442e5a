/**
 * Publishing end to end through the API, delivered by the real job runner to a real Bluesky PDS
 * on loopback and to the Mastodon loopback contract server (written from Mastodon's API
 * reference): connect, compose once and adapt, schedule, deliver exactly once, and every failure
 * path of the dispatcher.
 */
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBlueskyConnector } from '../../src/networks/bluesky/index.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { dispatch, sweep, toConnected } from '../../src/publish/index.js'
import { findAccountById } from '../../src/store/index.js'
import { createSecretBox } from '../../src/security/index.js'
import { resolveWallTime } from '../../src/domain/index.js'
import { addMember, createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startBlueskyPeer, type BlueskyPeer, type PeerAccount } from '../peers/bluesky.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'

interface Target {
  id: string
  status: string
  remoteUrl: string | null
  length: number
  maxLength: number
  attempts: number
  account: { id: string; network: string }
  error: { kind: string; reason: string | null; message: string } | null
  problems: Array<{ key: string; message: string }>
  text: string
}
interface PostBody {
  id: string
  status: string
  scheduledAt: number | null
  scheduleMode: string | null
  targets: Target[]
}
type ErrorBody = { error: { code: string; message: string; fields?: Array<{ field: string; message: string }> } }

let bluesky: BlueskyPeer
let mastodon: MastodonPeer
let t: TestApp
let owner: TestClient
let alice: PeerAccount
let blueskyId: string
let mastodonId: string
let mastodonToken: string
/** The café's account id on the Mastodon server. */
let cafeAccountId: string

const registry = () =>
  createRegistry([
    createBlueskyConnector({ onCredentialsRenewed: (prev, next) => void Object.assign(prev, { credentials: next.credentials }) }),
    createMastodonConnector({ createRestAPIClient, createOAuthAPIClient }),
  ])

async function post(client: TestClient, id: string): Promise<PostBody> {
  return (await client.get<{ post: PostBody }>(`/api/posts/${id}`)).body.post
}

async function compose(body: Record<string, unknown>, client = owner): Promise<PostBody> {
  const res = await client.post<{ post: PostBody } & ErrorBody>('/api/posts', body)
  if (res.status !== 201) throw new Error(`compose failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.post
}

const publishedEverywhere = (id: string) => async () => {
  const p = await post(owner, id)
  return p.status === 'published' ? p : undefined
}

beforeAll(async () => {
  bluesky = await startBlueskyPeer()
  mastodon = await startMastodonPeer()
  t = await createTestApp({ networks: registry(), env: { ALLOW_PRIVATE_URLS: 'true' } })
  owner = await setUpOwner(t)
  alice = await bluesky.createAccount('alice')
  const b = await owner.post<{ account: { id: string; handle: string; status: string } }>('/api/accounts', {
    network: 'bluesky',
    input: { identifier: alice.handle, appPassword: alice.appPassword.password, service: bluesky.url },
  })
  expect(b.status).toBe(201)
  blueskyId = b.body.account.id
  const m = mastodon.createAccountWithToken('cafe')
  mastodonToken = m.accessToken
  cafeAccountId = m.account.id
  const res = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: m.accessToken } })
  expect(res.status).toBe(201)
  mastodonId = res.body.account.id
})

afterAll(async () => {
  await t?.close()
  await bluesky?.stop()
  await mastodon?.close()
})

/** Every string inside a JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}

describe('accounts', () => {
  it('lists both connected accounts with handle, status and each network\'s own limits', async () => {
    const { body } = await owner.get<{ accounts: Array<{ network: string; handle: string; status: string; capabilities: { text: { maxLength: number } } }> }>('/api/accounts')
    expect(body.accounts.map((a) => [a.network, a.handle, a.status, a.capabilities.text.maxLength])).toEqual([
      ['bluesky', alice.handle, 'active', 300],
      ['mastodon', `@cafe_1@${mastodon.domain}`, 'active', 500],
    ])
  })

  it('keeps tokens encrypted at rest', async () => {
    const rows = await t.store.db.selectFrom('accounts').select('credentials').execute()
    const box = createSecretBox(t.config.secretKey!)
    const opened = rows.map((row) => box.open(row.credentials))
    expect(opened.some((plain) => plain.includes(mastodonToken))).toBe(true)
    expect(opened.some((plain) => plain.includes('eyJ'))).toBe(true) // Bluesky's session JWTs
    for (const [i, row] of rows.entries()) {
      expect(row.credentials).toMatch(/^v1\./)
      const secrets = stringsIn(JSON.parse(opened[i]!)).filter((value) => value.length >= 16)
      expect(secrets.length).toBeGreaterThan(0)
      for (const secret of secrets) expect(row.credentials).not.toContain(secret)
    }
  })

  it('refuses a server on a private address when the setting does not allow it, saying why', async () => {
    const strict = await createTestApp({ networks: registry() })
    try {
      const admin = await setUpOwner(strict)
      await admin.patch('/api/me', { locale: 'fr' })
      const res = await admin.post<ErrorBody>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: mastodonToken } }, { 'accept-language': 'fr' })
      expect(res.status).toBe(400)
      expect(res.body.error.message).toBe("Cette adresse pointe vers un réseau privé ou local, ce qui n'est pas autorisé ici.")
    } finally {
      await strict.close()
    }
  })

  it('refuses wrong credentials in the person\'s language and stores nothing', async () => {
    const before = (await owner.get<{ accounts: unknown[] }>('/api/accounts')).body.accounts.length
    const res = await owner.post<ErrorBody>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: 'not-a-token' } })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/^The network refused these sign-in details: /)
    expect((await owner.get<{ accounts: unknown[] }>('/api/accounts')).body.accounts.length).toBe(before)
  })
})

describe('compose once, adapt per network', () => {
  it('counts each version by its network\'s own rule', async () => {
    const link = `https://cafe-lune.example/menu/${'x'.repeat(80)}`
    const res = await owner.post<{ targets: Array<{ accountId: string; length: number; maxLength: number }> }>('/api/posts/preview', {
      text: `Fresh bread 🥖 خبز · לחם · রুটি ${link}`,
      targets: [{ accountId: blueskyId }, { accountId: mastodonId }],
      mediaIds: [],
    })
    const byAccount = Object.fromEntries(res.body.targets.map((x) => [x.accountId, x.length]))
    // 29 graphemes before the link (the emoji is one, রুটি is two); Mastodon counts a link as 23.
    expect(byAccount[blueskyId]).toBe(29 + link.length)
    expect(byAccount[mastodonId]).toBe(29 + 23)
  })

  it('will not schedule a version over its network\'s limit, naming the account', async () => {
    const draft = await compose({ text: 'ok', targets: [{ accountId: blueskyId, text: 'é'.repeat(301) }, { accountId: mastodonId }], mediaIds: [] })
    const res = await owner.post<ErrorBody>(`/api/posts/${draft.id}/schedule`, { mode: 'now' })
    expect(res.status).toBe(400)
    expect(res.body.error.fields).toEqual([{ field: `targets.${blueskyId}`, message: 'Too long: 301 of 300 characters.' }])
    expect((await post(owner, draft.id)).status).toBe('draft')
  })
})

describe('delivery', () => {
  it('publishes now to both networks, each in its own version, with an image and its alt text', async () => {
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/media',
      headers: {
        cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': owner.csrfToken!,
        'content-type': 'multipart/form-data; boundary=X',
      },
      payload: Buffer.concat([
        Buffer.from('--X\r\nContent-Disposition: form-data; name="altText"\r\n\r\nA loaf of bread on the counter\r\n'),
        Buffer.from('--X\r\nContent-Disposition: form-data; name="file"; filename="bread.png"\r\nContent-Type: image/png\r\n\r\n'),
        Buffer.from(pngBytes()),
        Buffer.from('\r\n--X--\r\n'),
      ]),
    })
    expect(upload.statusCode).toBe(201)
    const media = JSON.parse(upload.body).media as { id: string; width: number; height: number }
    expect([media.width, media.height]).toEqual([2, 1])

    const created = await compose({
      text: 'Our sourdough is back 🥖 #bakery',
      targets: [{ accountId: blueskyId }, { accountId: mastodonId, text: 'Our sourdough is back 🥖 #bakery (pre-order by reply!)' }],
      mediaIds: [media.id],
      contentType: 'entertain',
      schedule: { mode: 'now' },
    })
    const done = await eventually('both networks to publish', publishedEverywhere(created.id))
    const [bsky, masto] = done.targets
    expect(bsky?.remoteUrl).toMatch(/\/profile\/.+\/post\//)
    const record = (await bluesky.listPosts(alice.did)).find((r) => r.value.text === 'Our sourdough is back 🥖 #bakery')
    expect(record?.value.embed).toMatchObject({ images: [{ alt: 'A loaf of bread on the counter', aspectRatio: { width: 2, height: 1 } }] })
    const status = (await t.store.db.selectFrom('postTargets').select('remoteId').where('id', '=', masto!.id).executeTakeFirstOrThrow()).remoteId
    expect(mastodon.status(status!)?.text).toBe('Our sourdough is back 🥖 #bakery (pre-order by reply!)')
    expect(mastodon.status(status!)?.mediaIds).toHaveLength(1)
  })

  it('schedules at a wall time in the workspace time zone, and moving it on the calendar leaves the old job idle', async () => {
    const draft = await compose({ text: 'Saturday market stall', targets: [{ accountId: mastodonId }], mediaIds: [] })
    const scheduled = await owner.post<{ post: PostBody }>(`/api/posts/${draft.id}/schedule`, { mode: 'at', at: { date: '2099-03-29', time: '02:30' } })
    // Paris skips 02:00–03:00 that night: the post moves to 03:30, i.e. 01:30 UTC.
    expect(scheduled.body.post.scheduledAt).toBe(Date.UTC(2099, 2, 29, 1, 30))
    const moved = await owner.post<{ post: PostBody }>(`/api/posts/${draft.id}/schedule`, { mode: 'at', at: { date: '2099-04-02', time: '09:00' } })
    expect(moved.body.post.scheduledAt).toBe(resolveWallTime({ date: '2099-04-02', time: '09:00' }, 'Europe/Paris').instant)
    const target = moved.body.post.targets[0]!
    // The job made for the first time is now stale: running it does nothing.
    await dispatch(t.publish, { targetId: target.id, version: 1, attempt: 0 })
    expect((await post(owner, draft.id)).targets[0]?.status).toBe('pending')
    expect((await owner.post<ErrorBody>(`/api/posts/${draft.id}/schedule`, { mode: 'at', at: { date: '2001-01-01', time: '09:00' } })).body.error.message).toBe(
      'That time has already passed. Choose a time in the future.',
    )
  })

  it('adds to the queue: each post takes the next free posting slot', async () => {
    const empty = await compose({ text: 'queued', targets: [{ accountId: mastodonId }], mediaIds: [] })
    expect((await owner.post<ErrorBody>(`/api/posts/${empty.id}/schedule`, { mode: 'queue' })).body.error.message).toMatch(/no posting times yet/)
    expect((await owner.request('PUT', '/api/publishing', { approvalRequired: false, queueSlots: [{ weekday: 2, time: '09:00' }, { weekday: 4, time: '12:30' }] })).status).toBe(200)
    const first = await owner.post<{ post: PostBody }>(`/api/posts/${empty.id}/schedule`, { mode: 'queue' })
    const second = await compose({ text: 'queued too', targets: [{ accountId: mastodonId }], mediaIds: [], schedule: { mode: 'queue' } })
    const wall = (at: number) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at)
    expect(first.body.post.scheduleMode).toBe('queue')
    expect(new Set([wall(first.body.post.scheduledAt!), wall(second.scheduledAt!)])).toEqual(new Set(['Tue 09:00', 'Thu 12:30']))
    expect(second.scheduledAt).toBeGreaterThan(first.body.post.scheduledAt!)
  })

  it('makes an editor\'s post wait for an admin\'s approval when approval is on', async () => {
    await owner.request('PUT', '/api/publishing', { approvalRequired: true, queueSlots: [] })
    const editor = await addMember(t, owner, 'editor', 'editor@cafe-lune.example')
    const draft = await compose({ text: 'Editor wrote this', targets: [{ accountId: mastodonId }], mediaIds: [], schedule: { mode: 'now' } }, editor)
    expect(draft.status).toBe('awaiting_approval')
    expect((await editor.post(`/api/posts/${draft.id}/approve`)).status).toBe(403)
    expect((await owner.post<{ post: PostBody }>(`/api/posts/${draft.id}/approve`)).body.post.status).toBe('scheduled')
    await eventually('the approved post to go out', publishedEverywhere(draft.id))
    await owner.request('PUT', '/api/publishing', { approvalRequired: false, queueSlots: [] })
  })
})

describe('exactly once', () => {
  it('a worker that died after the network accepted the post does not post it twice', async () => {
    const draft = await compose({ text: 'Posted once, whatever happens', targets: [{ accountId: blueskyId }], mediaIds: [] })
    const target = draft.targets[0]!
    // The state a worker leaves when it dies right after the PDS accepted the post: the target
    // claimed ("publishing", attempt 1) and the record on the network, but nothing recorded.
    const createdAt = Date.now()
    await t.store.db.updateTable('posts').set({ status: 'publishing', scheduledAt: createdAt, scheduleVersion: 1 }).where('id', '=', draft.id).execute()
    await t.store.db.updateTable('postTargets').set({ status: 'publishing', attempts: 1, firstAttemptAt: createdAt }).where('id', '=', target.id).execute()
    const connector = t.publish.networks.get('bluesky')!
    const account = await findAccountById(t.store.db, blueskyId)
    await connector.publish(toConnected(t.publish, account!), { text: 'Posted once, whatever happens', media: [], idempotencyKey: target.id, createdAt })
    const before = await bluesky.countPosts(alice.did)
    // The job runs again after the crash (same job: attempt 0).
    await dispatch(t.publish, { targetId: target.id, version: 1, attempt: 0 })
    const after = await post(owner, draft.id)
    expect(after.targets[0]).toMatchObject({ status: 'published', attempts: 2 })
    expect(await bluesky.countPosts(alice.did)).toBe(before)
  })

  it('two workers running the same job publish once', async () => {
    const draft = await compose({ text: 'Raced by two workers', targets: [{ accountId: mastodonId }], mediaIds: [] })
    await t.store.db.updateTable('posts').set({ status: 'scheduled', scheduledAt: Date.now(), scheduleVersion: 9 }).where('id', '=', draft.id).execute()
    const job = { targetId: draft.targets[0]!.id, version: 9, attempt: 0 }
    await Promise.all([dispatch(t.publish, job), dispatch(t.publish, job), dispatch(t.publish, job)])
    const after = await post(owner, draft.id)
    expect(after.targets[0]?.status).toBe('published')
    expect(mastodon.statuses(cafeAccountId).filter((s) => s.text === 'Raced by two workers')).toHaveLength(1)
  })

  it('the sweeper gives a due target whose job was lost a new one', async () => {
    const draft = await compose({ text: 'Saved, then the process died before enqueuing', targets: [{ accountId: mastodonId }], mediaIds: [] })
    await t.store.db.updateTable('posts').set({ status: 'scheduled', scheduledAt: Date.now() - 120_000, scheduleVersion: 1 }).where('id', '=', draft.id).execute()
    expect(await sweep(t.publish)).toBeGreaterThanOrEqual(1)
    await eventually('the swept post to go out', publishedEverywhere(draft.id))
  })
})

describe('failures, each handled once and shown in plain words', () => {
  it('an expired token pauses the account, the post waits, and reconnecting sends it', async () => {
    const other = mastodon.createAccountWithToken('paused')
    const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: other.accessToken } })
    const accountId = connected.body.account.id
    mastodon.revokeToken(other.accessToken)
    const draft = await compose({ text: 'Waits for the reconnect', targets: [{ accountId }], mediaIds: [], schedule: { mode: 'now' } })
    const waiting = await eventually('the post to wait', async () => {
      const p = await post(owner, draft.id)
      return p.targets[0]?.status === 'waiting' ? p : undefined
    })
    expect(waiting.targets[0]?.error?.message).toBe('The Mastodon connection stopped working (The access token was revoked). Reconnect the account and the post will go out.')
    const account = (await owner.get<{ accounts: Array<{ id: string; status: string; statusReason: string }> }>('/api/accounts')).body.accounts.find((a) => a.id === accountId)
    expect(account).toMatchObject({ status: 'paused', statusReason: 'The access token was revoked' })
    // Reconnect with a fresh token: the waiting post goes out.
    const fresh = mastodon.createToken(other.account)
    expect((await owner.post('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: fresh } })).status).toBe(201)
    await eventually('the waiting post to go out', publishedEverywhere(draft.id))
    expect(mastodon.statuses(other.account.id).filter((s) => s.text === 'Waits for the reconnect')).toHaveLength(1)
  })

  it('a rejection fails the network with its reason; retry is offered', async () => {
    const other = mastodon.createAccountWithToken('suspended')
    const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: other.accessToken } })
    mastodon.suspend(other.account)
    const draft = await compose({ text: 'Refused by the server', targets: [{ accountId: connected.body.account.id }], mediaIds: [], schedule: { mode: 'now' } })
    const failed = await eventually('the post to fail', async () => {
      const p = await post(owner, draft.id)
      return p.status === 'failed' ? p : undefined
    })
    expect(failed.targets[0]?.error).toMatchObject({ kind: 'rejected', message: 'Mastodon refused this post: Your login is currently disabled' })
    const retried = await owner.post<{ post: PostBody }>(`/api/posts/${draft.id}/targets/${failed.targets[0]!.id}/retry`)
    expect(['pending', 'publishing', 'failed']).toContain(retried.body.post.targets[0]?.status)
    // The retry really runs: a second attempt, refused again while the account stays suspended.
    await eventually('the second attempt', async () => {
      const p = await post(owner, draft.id)
      return p.targets[0]?.attempts === 2 && p.targets[0]?.status === 'failed' ? p : undefined
    })
  })

  it('a rate limit defers the post until the network\'s reset, then it goes out', async () => {
    const other = mastodon.createAccountWithToken('busy')
    const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: other.accessToken } })
    mastodon.setLimits({ statuses: { limit: 0, periodMs: 1500 } }, other.account.id)
    const draft = await compose({ text: 'Slowed down, not lost', targets: [{ accountId: connected.body.account.id }], mediaIds: [], schedule: { mode: 'now' } })
    const deferred = await eventually('the post to be deferred', async () => {
      const p = await post(owner, draft.id)
      return p.targets[0]?.error?.kind === 'rate_limited' ? p : undefined
    })
    expect(deferred.targets[0]?.status).toBe('pending')
    expect(deferred.targets[0]?.error?.message).toBe('Mastodon asked Stagecraft to slow down. The post will go out shortly.')
    mastodon.setLimits({ statuses: { limit: 300, periodMs: 3 * 3600_000 } }, other.account.id)
    await eventually('the deferred post to go out', publishedEverywhere(draft.id), 30_000)
    expect(mastodon.statuses(other.account.id).filter((s) => s.text === 'Slowed down, not lost')).toHaveLength(1)
  })
})

/** A 2×1 PNG. */
function pngBytes(): Uint8Array {
  return Uint8Array.from(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP8z8DAwMDAAAAFAgH/8xLvxgAAAABJRU5ErkJggg==', 'base64'),
  )
}
