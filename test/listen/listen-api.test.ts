/**
 * Listening end to end through the API on a real database: queries (malformed ones refused with
 * the position, in the person's language), a real RSS feed on loopback as a source, the query
 * tester, mentions with sentiment, the report, roles, alerts delivered to a webhook on loopback,
 * and the crisis pause holding a scheduled post until someone resumes (the post goes to the
 * Mastodon loopback contract server written from Mastodon's API reference).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateAlerts, ingest, type ListenItem } from '../../src/listen/index.js'
import { createMastodonConnector } from '../../src/networks/mastodon/index.js'
import { createRegistry } from '../../src/networks/index.js'
import { addMember, createTestApp, eventually, setUpOwner, type TestApp, type TestClient } from '../helpers/app.js'
import { startMastodonPeer, type MastodonPeer } from '../peers/mastodon/index.js'

type ErrorBody = { error: { code: string; message: string; fields?: Array<{ field: string; message: string }> } }
interface Mention {
  id: string
  text: string
  sentiment: string
  queryIds: string[]
  url: string | null
  sourceKind: string
}

interface FeedItem {
  guid: string
  title: string
  description: string
  date: Date
}

/** A blog/news feed on loopback that answers conditional GETs like a real server. */
function startFeedServer() {
  const items: FeedItem[] = []
  let requests = 0
  let notModified = 0
  const server = http.createServer((req, res) => {
    requests++
    const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local news</title><link>http://news.example/</link><description>News</description>${items
      .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>http://news.example/${i.guid}</link><description>${i.description}</description><pubDate>${i.date.toUTCString()}</pubDate></item>`)
      .join('')}</channel></rss>`
    const etag = `"${items.length}"`
    if (req.headers['if-none-match'] === etag) {
      notModified++
      res.writeHead(304, { etag }).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body)
  })
  return {
    items,
    stats: () => ({ requests, notModified }),
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Receives webhooks; keeps each JSON body. */
function startHookServer() {
  const bodies: unknown[] = []
  const server = http.createServer((req, res) => {
    let data = ''
    req.on('data', (c: Buffer) => (data += c.toString()))
    req.on('end', () => {
      bodies.push(JSON.parse(data))
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  return {
    bodies,
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A mail relay on loopback (no TLS, no auth) that keeps each message. */
async function startMailServer() {
  const received: Array<{ to: string[]; raw: string }> = []
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { received, port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

const hour = 3600_000
let mail: Awaited<ReturnType<typeof startMailServer>>
let t: TestApp
let owner: TestClient
let feed: ReturnType<typeof startFeedServer>
let hooks: ReturnType<typeof startHookServer>
let mastodon: MastodonPeer
let feedUrl: string

beforeAll(async () => {
  feed = startFeedServer()
  feedUrl = await feed.listen()
  hooks = startHookServer()
  mastodon = await startMastodonPeer()
  mail = await startMailServer()
  const now = Date.now()
  feed.items.push(
    { guid: 'a1', title: 'Café Lune opens a second shop', description: 'The bakery everyone loves, Café Lune, opens in the old town. Wonderful pastries!', date: new Date(now - 2 * hour) },
    { guid: 'a2', title: 'Le Café Lune, une adresse à ne pas manquer', description: 'Un accueil chaleureux et un excellent café, on adore.', date: new Date(now - 3 * hour) },
    { guid: 'a3', title: 'Weather this week', description: 'Rain on Tuesday, sun at the weekend.', date: new Date(now - 4 * hour) },
  )
  t = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'true', SMTP_URL: `smtp://127.0.0.1:${mail.port}`, MAIL_FROM: 'Stagecraft <alerts@cafe-lune.example>' }, networks: createRegistry([createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })]) })
  owner = await setUpOwner(t)
})

afterAll(async () => {
  await t?.close()
  await feed?.close()
  await hooks?.close()
  await mastodon?.close()
  await mail?.close()
})

describe('listening queries', () => {
  it('refuses a malformed query with its position, in the language of the person', async () => {
    const en = await owner.post<ErrorBody>('/api/listen/queries', { name: 'Brand', query: '"Café Lune' })
    expect(en.status).toBe(400)
    expect(en.body.error.code).toBe('validation')
    expect(en.body.error.fields?.[0]?.field).toBe('query')
    const fr = await owner.post<ErrorBody>('/api/listen/queries', { name: 'Brand', query: '"Café Lune' }, { 'accept-language': 'fr' })
    await owner.patch('/api/me', { locale: 'fr' })
    const frSaved = await owner.post<ErrorBody>('/api/listen/queries', { name: 'Brand', query: 'café AND (lune' })
    await owner.patch('/api/me', { locale: 'en' })
    expect(fr.status).toBe(400)
    expect(frSaved.status).toBe(400)
    expect(frSaved.body.error.message).toMatch(/caractère/)
    expect(frSaved.body.error.fields?.[0]?.message).not.toBe('')
    expect(en.body.error.fields?.[0]?.message).not.toEqual(frSaved.body.error.fields?.[0]?.message)
    const list = await owner.get<{ queries: unknown[] }>('/api/listen/queries')
    expect(list.body.queries).toHaveLength(0)
  })

  it('lets a viewer read but not write', async () => {
    const viewer = await addMember(t, owner, 'viewer', 'viewer@cafe-lune.example')
    expect((await viewer.get('/api/listen/queries')).status).toBe(200)
    expect((await viewer.post('/api/listen/queries', { name: 'X', query: 'lune' })).status).toBe(403)
    expect((await viewer.post('/api/listen/sources', { kind: 'feed', url: feedUrl })).status).toBe(403)
    expect((await viewer.patch('/api/listen/settings', { crisisPause: true })).status).toBe(403)
  })
})

describe('a feed as a source', () => {
  let brandId: string

  it('reads the feed when added; the tester shows what a query would catch before it is saved', async () => {
    const added = await owner.post<{ source: { id: string; status: string; itemsSeen: number } }>('/api/listen/sources', { kind: 'feed', url: feedUrl })
    expect(added.status).toBe(201)
    expect(added.body.source.status).toBe('active')
    expect(added.body.source.itemsSeen).toBe(3)
    const again = await owner.post<ErrorBody>('/api/listen/sources', { kind: 'feed', url: feedUrl })
    expect(again.status).toBe(409)

    const tested = await owner.post<{ sampled: number; matched: number; perDay: number; examples: Array<{ title?: string }> }>('/api/listen/queries/test', { query: '"cafe lune"' })
    expect(tested.status).toBe(200)
    expect(tested.body.sampled).toBe(3)
    expect(tested.body.matched).toBe(2)
    expect(tested.body.examples.map((e) => e.title).sort()).toEqual(['Café Lune opens a second shop', 'Le Café Lune, une adresse à ne pas manquer'])
    // 2 matches among items published over the last 4 hours: 12 a day.
    expect(tested.body.perDay).toBeCloseTo(12, 0)
  })

  it('a saved query catches the recent items at once, with their sentiment', async () => {
    const saved = await owner.post<{ query: { id: string } }>('/api/listen/queries', { name: 'Café Lune', query: '"café lune" -weather', kind: 'brand' })
    expect(saved.status).toBe(201)
    brandId = saved.body.query.id
    const mentions = await owner.get<{ mentions: Mention[] }>('/api/listen/mentions')
    expect(mentions.body.mentions).toHaveLength(2)
    expect(mentions.body.mentions.every((m) => m.queryIds.includes(brandId) && m.sourceKind === 'feed')).toBe(true)
    expect(mentions.body.mentions.map((m) => m.sentiment)).toEqual(['positive', 'positive'])
  })

  it('a new article in the feed becomes a mention on the next poll; an unchanged feed is a 304', async () => {
    feed.items.unshift({ guid: 'a4', title: 'Disappointed by Café Lune', description: 'Cold coffee, rude staff and a dirty table. Terrible, never again.', date: new Date() })
    t.clock.advance(16 * 60_000)
    const { pollDueStreams } = await import('../../src/listen/index.js')
    expect(await pollDueStreams(t.listen)).toBe(1)
    const negative = await owner.get<{ mentions: Mention[] }>('/api/listen/mentions?sentiment=negative')
    expect(negative.body.mentions.map((m) => m.text)).toEqual(['Cold coffee, rude staff and a dirty table. Terrible, never again.'])
    const before = feed.stats().notModified
    t.clock.advance(16 * 60_000)
    await pollDueStreams(t.listen)
    expect(feed.stats().notModified).toBe(before + 1)
    expect((await owner.get<{ mentions: Mention[] }>('/api/listen/mentions')).body.mentions).toHaveLength(3)
    // Back to real time: the job runner schedules by the real clock.
    t.clock.offsetMs = 0
  })

  it('reports volume per query, share of voice against a competitor, and top sources of talk', async () => {
    await owner.post('/api/listen/queries', { name: 'Rival', query: 'weather OR "sun at the weekend"', kind: 'competitor' })
    const report = await owner.get<{ volume: Array<{ name: string; total: number; perDay: number[] }>; shareOfVoice: Array<{ name: string; count: number; share: number }>; sentiment: Record<string, number> }>('/api/listen/report?days=7')
    expect(report.status).toBe(200)
    const brand = report.body.volume.find((v) => v.name === 'Café Lune')!
    expect(brand.total).toBe(3)
    expect(brand.perDay.reduce((a, b) => a + b, 0)).toBe(3)
    const share = Object.fromEntries(report.body.shareOfVoice.map((s) => [s.name, s.share]))
    expect(share['Café Lune']).toBeCloseTo(3 / 4)
    expect(share.Rival).toBeCloseTo(1 / 4)
    expect(report.body.sentiment.negative).toBe(1)
  })

  it('pages the mention stream', async () => {
    const first = await owner.get<{ mentions: Mention[]; next?: string }>('/api/listen/mentions?limit=2')
    expect(first.body.mentions).toHaveLength(2)
    expect(first.body.next).toBeDefined()
    const second = await owner.get<{ mentions: Mention[]; next?: string }>(`/api/listen/mentions?limit=2&before=${first.body.next}`)
    expect(second.body.mentions.map((m) => m.id)).not.toContain(first.body.mentions[0]!.id)
    expect(first.body.mentions.length + second.body.mentions.length).toBe(4)
    expect(second.body.next).toBeUndefined()
  })

  it('refuses a private address for a source when the setting does not allow it', async () => {
    const strict = await createTestApp({ env: { ALLOW_PRIVATE_URLS: 'false' } })
    try {
      const o = await setUpOwner(strict)
      const res = await o.post<ErrorBody>('/api/listen/sources', { kind: 'feed', url: feedUrl })
      expect(res.status).toBe(400)
      expect(res.body.error.message).not.toBe('')
      const relay = await o.post<ErrorBody>('/api/listen/sources', { kind: 'bluesky', mode: 'firehose', service: 'ws://127.0.0.1:2583' })
      expect(relay.status).toBe(400)
      expect((await o.get<{ sources: unknown[] }>('/api/listen/sources')).body.sources).toHaveLength(0)
    } finally {
      await strict.close()
    }
  })
})

describe('a Mastodon hashtag as a source (contract server written from Mastodon\'s API reference)', () => {
  it('reads the tag timeline when added and on each poll, only what is new', async () => {
    const { account, accessToken } = mastodon.createAccountWithToken('regular')
    const client = createRestAPIClient({ url: mastodon.url, accessToken })
    await client.v1.statuses.create({ status: 'Saturday brunch at #CafeLune was perfect 🥐' })
    expect((await owner.post('/api/listen/queries', { name: 'Tag', query: '#cafelune' })).status).toBe(201)
    const added = await owner.post<{ source: { label: string; itemsSeen: number } }>('/api/listen/sources', { kind: 'mastodon', instanceUrl: mastodon.url, hashtag: '#CafeLune' })
    expect(added.status).toBe(201)
    expect(added.body.source.itemsSeen).toBe(1)
    await client.v1.statuses.create({ status: 'Queue out the door at #cafelune again', language: 'en' })
    t.clock.advance(3 * 60_000)
    const { pollDueStreams } = await import('../../src/listen/index.js')
    await pollDueStreams(t.listen)
    t.clock.advance(3 * 60_000)
    await pollDueStreams(t.listen)
    t.clock.offsetMs = 0
    const tagged = await owner.get<{ mentions: Array<Mention & { authorHandle: string }> }>('/api/listen/mentions?source=mastodon')
    expect(tagged.body.mentions.map((m) => m.text)).toEqual(['Queue out the door at #cafelune again', 'Saturday brunch at #CafeLune was perfect 🥐'])
    expect(tagged.body.mentions.every((m) => m.authorHandle.startsWith(account.username))).toBe(true)
  })
})

function item(key: string, text: string, at: number): ListenItem {
  return { key, sourceKind: 'feed', text, hashtags: [], links: [], mentions: [], publishedAt: at }
}

describe('alerts', () => {
  it('a high-priority query alerts on its first match, in the app and to a webhook in Slack format', async () => {
    const hookUrl = await hooks.listen()
    const channel = await owner.post<{ channel: { id: string; label: string } }>('/api/listen/channels', { kind: 'webhook', format: 'slack', url: hookUrl })
    expect(channel.status).toBe(201)
    expect(channel.body.channel.label).toBe(new URL(hookUrl).host)
    const email = await owner.post<{ channel: { label: string } }>('/api/listen/channels', { kind: 'email', addresses: ['amira@cafe-lune.example'] })
    expect(email.status).toBe(201)
    const badEmail = await owner.post<ErrorBody>('/api/listen/channels', { kind: 'email', addresses: ['not-an-address'] })
    expect(badEmail.status).toBe(400)
    expect(badEmail.body.error.message).toContain('not-an-address')
    await owner.post('/api/listen/queries', { name: 'Allergy', query: 'allergy OR allergic', priority: 'high' })
    const { findListenStream } = await import('../../src/store/index.js')
    const stream = (await t.store.db.selectFrom('listenStreams').select('key').executeTakeFirstOrThrow()).key
    expect(await findListenStream(t.store.db, stream)).toBeDefined()
    await ingest(t.listen, { key: stream, kind: 'feed' }, [item('x1', 'My son had an allergic reaction after the cake, please check your labels', t.clock.now())])
    const alerts = await owner.get<{ alerts: Array<{ kind: string; alert: { queryName: string } }>; unread: number }>('/api/listen/alerts')
    expect(alerts.body.alerts.map((a) => [a.kind, a.alert.queryName])).toEqual([['priority_match', 'Allergy']])
    expect(alerts.body.unread).toBe(1)
    const body = await eventually('the webhook', async () => hooks.bodies[0] as { text: string; blocks: unknown[] } | undefined)
    expect(body.text).toContain('Allergy')
    expect(Array.isArray(body.blocks)).toBe(true)
    const message = await eventually('the e-mail', async () => mail.received[0])
    expect(message.to).toEqual(['amira@cafe-lune.example'])
    expect(message.raw).toMatch(/^Subject: .*Allergy/m)
    expect(message.raw).toContain('multipart/alternative')
    await owner.post('/api/listen/alerts/read')
    expect((await owner.get<{ unread: number }>('/api/listen/alerts')).body.unread).toBe(0)
  })

  it('a burst of negative mentions pauses scheduled posts with the crisis pause on; resuming sends them', async () => {
    const cafe = mastodon.createAccountWithToken('cafelune')
    const connected = await owner.post<{ account: { id: string } }>('/api/accounts', { network: 'mastodon', input: { server: mastodon.url, accessToken: cafe.accessToken } })
    expect(connected.status).toBe(201)
    expect((await owner.patch('/api/listen/settings', { crisisPause: true })).status).toBe(200)
    const stream = (await t.store.db.selectFrom('listenStreams').select('key').executeTakeFirstOrThrow()).key
    const now = t.clock.now()
    const complaints = [
      'Café Lune gave us food poisoning, terrible',
      'Avoid Café Lune, awful service and rude staff',
      'Café Lune: worst coffee ever, disgusting',
      'Very disappointed with Café Lune, never again',
      'Café Lune overcharged me, a scam',
      'Horrible experience at Café Lune today, so angry',
    ]
    await ingest(t.listen, { key: stream, kind: 'feed' }, complaints.map((text, i) => item(`neg${i}`, text, now - i * 1000)))
    await evaluateAlerts(t.listen)
    const settings = await owner.get<{ settings: { publishingPaused: { reason: string } | null } }>('/api/listen/settings')
    expect(settings.body.settings.publishingPaused?.reason).toBe('crisis')
    const alerts = await owner.get<{ alerts: Array<{ kind: string }> }>('/api/listen/alerts')
    expect(alerts.body.alerts.map((a) => a.kind)).toContain('negative_burst')

    const post = await owner.post<{ post: { id: string } }>('/api/posts', { text: 'Happy hour: two coffees for one! ☕', targets: [{ accountId: connected.body.account.id }] })
    await owner.post(`/api/posts/${post.body.post.id}/schedule`, { mode: 'now' })
    const waiting = await eventually('the post to wait', async () => {
      const p = await owner.get<{ post: { status: string; targets: Array<{ status: string }> } }>(`/api/posts/${post.body.post.id}`)
      return p.body.post.targets[0]?.status === 'waiting' ? p.body.post : undefined
    })
    expect(waiting.targets[0]!.status).toBe('waiting')
    expect(mastodon.statuses(cafe.account.id)).toHaveLength(0)

    const resumed = await owner.post<{ released: number }>('/api/listen/resume')
    expect(resumed.body.released).toBe(1)
    await eventually('the post to go out', async () => {
      const p = await owner.get<{ post: { status: string } }>(`/api/posts/${post.body.post.id}`)
      return p.body.post.status === 'published' || undefined
    })
    expect(mastodon.statuses(cafe.account.id)).toHaveLength(1)
  })
})

describe('answering a mention from the app', () => {
  it('replies on Mastodon in the thread of the mention; a feed mention cannot be answered from here', async () => {
    const accounts = await owner.get<{ accounts: Array<{ id: string; network: string }> }>('/api/accounts')
    const cafe = accounts.body.accounts.find((a) => a.network === 'mastodon')!
    const mentions = await owner.get<{ mentions: Array<Mention & { reply: { network: string; server?: string } | null }> }>('/api/listen/mentions?source=mastodon')
    const brunch = mentions.body.mentions.find((m) => m.text.startsWith('Saturday brunch'))!
    expect(brunch.reply).toEqual({ network: 'mastodon', server: new URL(mastodon.url).origin })
    const sent = await owner.post<{ postId: string }>(`/api/listen/mentions/${brunch.id}/reply`, { accountId: cafe.id, text: 'Thank you, see you next Saturday! 🥐' })
    expect(sent.status).toBe(201)
    const published = await eventually('the reply to go out', async () => {
      const p = await owner.get<{ post: { status: string; targets: Array<{ remoteUrl: string | null }> } }>(`/api/posts/${sent.body.postId}`)
      return p.body.post.status === 'published' ? p.body.post : undefined
    })
    const statusId = published.targets[0]!.remoteUrl!.split('/').pop()!
    const answer = mastodon.status(statusId)!
    expect(answer.accountId).not.toBe(mastodon.status(answer.inReplyToId!)?.accountId)
    expect(JSON.stringify(mastodon.status(answer.inReplyToId!))).toContain('Saturday brunch')

    const fromFeed = (await owner.get<{ mentions: Array<Mention & { reply: unknown }> }>('/api/listen/mentions?source=feed')).body.mentions[0]!
    expect(fromFeed.reply).toBeNull()
    const refused = await owner.post<ErrorBody>(`/api/listen/mentions/${fromFeed.id}/reply`, { accountId: cafe.id, text: 'Thanks!' })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toMatch(/can't be answered from here/)
  })
})
