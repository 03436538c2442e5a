/**
 * A Bluesky AppView contract server on loopback, for tests: a minimal AppView built from the real
 * PDS's firehose (./bluesky-appview-index.ts), so the connector's production path is what is
 * tested: the client asks its PDS, and the PDS proxies `app.bsky.*` calls here with a
 * service-auth JWT (@atproto/pds `proxyHandler` and `pipethrough`), as it does to bsky.social's
 * AppView.
 *
 * The real AppView (bluesky-social/atproto packages/bsky) is not run. `@atproto/dev-env` starts it
 * only in its full `TestNetwork`, together with bsync, Ozone and a second PDS, on PostgreSQL and
 * Redis (it asserts `DB_POSTGRES_URL` and `REDIS_HOST`); its `TestNetworkNoAppView` has none.
 * Neither @atproto/bsky nor @atproto/dev-env is a dependency: dev-env 0.3.215, the last release
 * for Node 20, adds about 360 MB (shared/notes/peers.md), and no test run (CI included) starts Redis.
 * Answers follow the lexicons in @atproto/api 0.19.19, whose client checks every answer against
 * them.
 *
 * | endpoint | what it follows |
 * |---|---|
 * | GET /xrpc/app.bsky.feed.getPosts | `uris` (at most 25, `maxLength` in the lexicon); answers `{posts: postView[]}` in the order asked, each URI once, posts that do not exist left out |
 * | GET /xrpc/app.bsky.actor.getProfile | `actor` (a DID, or a handle already seen); answers `profileViewDetailed`, or 400 InvalidRequest "Profile not found" |
 * | GET /xrpc/app.bsky.actor.getProfiles | `actors` (1 to 25); `{profiles: profileViewDetailed[]}` in the order asked, unknown actors left out |
 * | GET /xrpc/app.bsky.notification.listNotifications | the requester's notifications from the firehose index, newest first (sortAt, then CID); `limit` 1–100 (default 50); `cursor` is this server's own (`<ms>::<cid>`, packages/bsky `TimeCidKeyset`), present whenever the page is not empty; `reasons` filtered as packages/bsky does it (pages of `limit` filtered, up to 10 of them, until half a page is found), so a page can be short while more wait; `seenAt` as a parameter is refused (400 "The seenAt parameter is unsupported", as there); `isRead` and the answer's `seenAt` from `updateSeen`, and with none the first page's top notification counts as the last seen; `priority` always false |
 * | GET /xrpc/app.bsky.feed.getPostThread | `uri`, `depth` (0–1000, default 6), `parentHeight` (0–1000, default 80), from the index as packages/bsky's getPostThread: 400 NotFound "Post not found: <uri>" when the post is not indexed (deleted); `{thread: threadViewPost}` with `parent` up to `parentHeight` (a parent not indexed is `#notFoundPost` and ends the chain) and `replies` down to `depth` (oldest first; the real one sorts by its own ranking) |
 * | POST /xrpc/app.bsky.notification.updateSeen | `{seenAt}`: the requester's last-seen time |
 * | views | author `profileView`s with display name and avatar from the indexed profile record and `viewer` (`following`, `followedBy`) from indexed follow records; `followersCount`/`followsCount` count indexed follows unless a test set them |
 * | GET /.well-known/did.json | the AppView's did:web document with its `#bsky_appview` service, as packages/bsky api/well-known.ts serves it (its signing key and `#bsky_notif` left out) |
 * | service auth | required by the notification methods (401 AuthMissing), optional elsewhere, as the real AppView's reads take it; checked as xrpc-server's `verifyJwt` does: expiry, audience (this DID, or this DID#bsky_appview), `lxm`, and the signature by the issuer's atproto key from the PLC directory |
 * | errors | `{error, message}` with the XRPC status: 400 InvalidRequest, 401 for a bad or missing service JWT, 501 MethodNotImplemented for anything else |
 * | 429 | when a test asks (`refuseNextCall`): RateLimitExceeded with xrpc-server's RateLimit-* headers and Retry-After. The PDS (0.4.217) passes the status on but none of these headers |
 *
 * `getPosts` and `postsCount` read each account's repository on its PDS (found through its DID
 * document) so they are current the moment a post is written; everything else is the index,
 * which trails the PDS by a moment: tests wait for it (`indexedThrough`). Handles and signing
 * keys come from the PLC directory. Interaction counts come from test state (`setPostCounts`,
 * `setProfileCounts`). Left out: embeds' views, labels, threadgates, blocks and mutes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifySignature } from '@atproto/crypto'
import { IdResolver, type AtprotoData } from '@atproto/identity'
import { createAppViewIndex, type IndexedNotification, type IndexedPost, type NotificationPosition } from './bluesky-appview-index.js'

/** Interactions with a post, as the AppView counts them. */
export interface PostCounts {
  likes?: number
  reposts?: number
  replies?: number
  quotes?: number
}

/** An account's counters, as the AppView keeps them. */
export interface ProfileCounts {
  followers?: number
  follows?: number
  /** When left unset, the number of post records in the account's repository. */
  posts?: number
}

/** One call that reached the AppView. */
export interface AppViewCall {
  method: string
  params: URLSearchParams
  /** The `iss` of a verified service-auth JWT: the account the PDS asked for; undefined when unauthenticated. */
  issuer?: string
}

export interface BlueskyAppView {
  /** http://127.0.0.1:<port> */
  url: string
  /** did:web:localhost%3A<port>: what the PDS is configured with as `bskyAppViewDid`. */
  did: string
  setPostCounts(uri: string, counts: PostCounts): void
  setProfileCounts(did: string, counts: ProfileCounts): void
  /** Calls answered so far (429s included), oldest first; only those of `method` when given. */
  calls(method?: string): AppViewCall[]
  /** The next call is refused with 429, asking to wait `retryAfterSeconds` (RateLimit-* and Retry-After headers). */
  refuseNextCall(retryAfterSeconds: number): void
  /** Starts indexing the firehose of the PDS at `pdsUrl`, from its first event. */
  follow(pdsUrl: string): void
  /** Resolves once the index holds every event of the PDS up to `seq`. */
  indexedThrough(seq: number): Promise<void>
  close(): Promise<void>
}

/** app.bsky.feed.getPosts `uris.maxLength`, app.bsky.actor.getProfiles `actors.maxLength`. */
const maxUris = 25
const maxActors = 25
const postCollection = 'app.bsky.feed.post'
/** packages/bsky listNotifications: filtered reads stop at half a page, or after 10 pages. */
const reasonAttempts = 10

type Params = URLSearchParams
type Handler = (params: Params, requester: string | undefined, body: unknown) => Promise<unknown>

class XrpcFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message)
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}

function base64urlJson(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>
  } catch {
    // Reported below as a poorly formatted JWT.
  }
  throw new XrpcFailure(401, 'BadJwt', 'poorly formatted jwt')
}

/** Starts the contract server; `plcUrl` is the PLC directory the accounts' DIDs live in. */
export async function startBlueskyAppView(options: { plcUrl: string }): Promise<BlueskyAppView> {
  const resolver = new IdResolver({ plcUrl: options.plcUrl })
  const postCounts = new Map<string, PostCounts>()
  const profileCounts = new Map<string, ProfileCounts>()
  const handles = new Map<string, string>()
  const calls: AppViewCall[] = []
  const refusals: number[] = []
  const lastSeen = new Map<string, string>()
  const index = createAppViewIndex({ plcUrl: options.plcUrl, onError: (error) => console.error('bluesky appview index:', error) })
  let url = ''
  let did = ''

  /** xrpc-server's verifyJwt, for the claims a service-auth token carries. */
  async function serviceAuth(req: IncomingMessage, lxm: string): Promise<string | undefined> {
    const header = req.headers.authorization
    if (!header) return undefined
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? ''
    const parts = token.split('.')
    if (parts.length !== 3) throw new XrpcFailure(401, 'BadJwt', 'poorly formatted jwt')
    const [head, body, signature] = parts as [string, string, string]
    const { alg } = base64urlJson(head)
    const claims = base64urlJson(body)
    if (typeof claims.exp !== 'number' || typeof claims.iss !== 'string') throw new XrpcFailure(401, 'BadJwt', 'poorly formatted jwt')
    if (Date.now() / 1000 > claims.exp) throw new XrpcFailure(401, 'JwtExpired', 'jwt expired')
    if (claims.aud !== did && claims.aud !== `${did}#bsky_appview`) throw new XrpcFailure(401, 'BadJwtAudience', 'jwt audience does not match service did')
    if (claims.lxm !== lxm) throw new XrpcFailure(401, 'BadJwtLexiconMethod', `bad jwt lexicon method ("lxm"). must match: ${lxm}`)
    const key = await resolver.did.resolveAtprotoKey(claims.iss).catch(() => undefined)
    const signed = Buffer.from(`${head}.${body}`, 'utf8')
    const valid = key !== undefined && (await verifySignature(key, signed, Buffer.from(signature, 'base64url'), { jwtAlg: String(alg), allowMalleableSig: true }).catch(() => false))
    if (!valid) throw new XrpcFailure(401, 'BadJwtSignature', 'jwt signature does not match jwt issuer')
    return claims.iss
  }

  /**
   * The account a DID (or a handle already seen) names. Handles are looked up in what this server
   * has seen rather than resolved, which would ask DNS and the handle's web host.
   */
  async function account(actor: string): Promise<AtprotoData | undefined> {
    const subject = actor.startsWith('did:') ? actor : handles.get(actor.toLowerCase())
    if (!subject) return undefined
    const data = await resolver.did.resolveAtprotoData(subject).catch(() => undefined)
    if (data) handles.set(data.handle.toLowerCase(), data.did)
    return data
  }

  async function xrpcGet(pds: string, method: string, params: Record<string, string>): Promise<Record<string, unknown> | undefined> {
    const response = await fetch(`${pds}/xrpc/${method}?${new URLSearchParams(params)}`)
    if (!response.ok) return undefined
    return (await response.json()) as Record<string, unknown>
  }

  async function postView(uri: string): Promise<Record<string, unknown> | undefined> {
    const match = /^at:\/\/(did:[a-z]+:[^/]+)\/([^/]+)\/([^/]+)$/.exec(uri)
    if (!match || match[2] !== postCollection) return undefined
    const author = await account(match[1]!)
    if (!author) return undefined
    const record = await xrpcGet(author.pds, 'com.atproto.repo.getRecord', { repo: author.did, collection: postCollection, rkey: match[3]! })
    if (!record) return undefined
    const counts = postCounts.get(uri) ?? {}
    return {
      uri: record.uri,
      cid: record.cid,
      author: { did: author.did, handle: author.handle },
      record: record.value,
      replyCount: counts.replies ?? 0,
      repostCount: counts.reposts ?? 0,
      likeCount: counts.likes ?? 0,
      quoteCount: counts.quotes ?? 0,
      indexedAt: new Date().toISOString(),
    }
  }

  async function countPosts(subject: AtprotoData): Promise<number> {
    let count = 0
    let cursor: string | undefined
    do {
      const page = await xrpcGet(subject.pds, 'com.atproto.repo.listRecords', { repo: subject.did, collection: postCollection, limit: '100', ...(cursor ? { cursor } : {}) })
      const records = Array.isArray(page?.records) ? page.records : []
      count += records.length
      cursor = records.length > 0 && typeof page?.cursor === 'string' ? page.cursor : undefined
    } while (cursor)
    return count
  }

  /** packages/bsky views: the avatar as Bluesky's image CDN serves it. */
  function avatarUrl(subject: string, cid: string): string {
    return `https://cdn.bsky.app/img/avatar/plain/${subject}/${cid}@jpeg`
  }

  /** `app.bsky.actor.defs#viewerState` of `subject` for `viewer`, from indexed follow records. */
  function viewerState(subject: string, viewer: string | undefined): Record<string, unknown> | undefined {
    if (!viewer) return undefined
    const following = index.followUri(viewer, subject)
    const followedBy = index.followUri(subject, viewer)
    return { muted: false, blockedBy: false, ...(following ? { following } : {}), ...(followedBy ? { followedBy } : {}) }
  }

  /** `app.bsky.actor.defs#profileView`; an account the directory cannot name gets "handle.invalid", as there. */
  async function profileView(subject: string, viewer: string | undefined): Promise<Record<string, unknown>> {
    const data = await account(subject)
    const profile = index.profile(subject)
    const state = viewerState(subject, viewer)
    return {
      did: subject,
      handle: data?.handle ?? 'handle.invalid',
      ...(profile?.displayName ? { displayName: profile.displayName } : {}),
      ...(profile?.avatar ? { avatar: avatarUrl(subject, profile.avatar) } : {}),
      ...(state ? { viewer: state } : {}),
      labels: [],
    }
  }

  /** `app.bsky.actor.defs#profileViewDetailed`: the view and its counts. */
  async function profileDetailed(subject: AtprotoData, viewer: string | undefined): Promise<Record<string, unknown>> {
    const counts = profileCounts.get(subject.did) ?? {}
    return {
      ...(await profileView(subject.did, viewer)),
      followersCount: counts.followers ?? index.followersCount(subject.did),
      followsCount: counts.follows ?? index.followsCount(subject.did),
      postsCount: counts.posts ?? (await countPosts(subject)),
      indexedAt: new Date().toISOString(),
    }
  }

  /** `app.bsky.notification.listNotifications#notification`. */
  async function notificationView(n: IndexedNotification, requester: string, seenAt: string | undefined): Promise<Record<string, unknown>> {
    return {
      uri: n.uri,
      cid: n.cid,
      author: await profileView(n.author, requester),
      reason: n.reason,
      ...(n.reasonSubject ? { reasonSubject: n.reasonSubject } : {}),
      record: n.record,
      isRead: seenAt ? seenAt > n.sortAt : true,
      indexedAt: n.sortAt,
      labels: [],
    }
  }

  /** This server's cursor (`<ms>::<cid>`), as a position in the index. */
  function positionOf(cursor: string | null): NotificationPosition | undefined {
    if (cursor === null) return undefined
    const match = /^(\d+)::(.+)$/.exec(cursor)
    if (!match) throw new XrpcFailure(400, 'InvalidRequest', 'Malformed cursor')
    return { time: Number(match[1]), cid: match[2]! }
  }

  function limitParam(params: Params): number {
    const raw = params.get('limit')
    if (raw === null) return 50
    const limit = Number(raw)
    if (!Number.isInteger(limit)) throw new XrpcFailure(400, 'InvalidRequest', 'Params/limit must be an integer')
    if (limit < 1) throw new XrpcFailure(400, 'InvalidRequest', 'Params/limit can not be less than 1')
    if (limit > 100) throw new XrpcFailure(400, 'InvalidRequest', 'Params/limit can not be greater than 100')
    return limit
  }

  function rangeParam(params: Params, name: string, fallback: number, max: number): number {
    const raw = params.get(name)
    if (raw === null) return fallback
    const value = Number(raw)
    if (!Number.isInteger(value)) throw new XrpcFailure(400, 'InvalidRequest', `Params/${name} must be an integer`)
    if (value < 0) throw new XrpcFailure(400, 'InvalidRequest', `Params/${name} can not be less than 0`)
    if (value > max) throw new XrpcFailure(400, 'InvalidRequest', `Params/${name} can not be greater than ${max}`)
    return value
  }

  /** `app.bsky.feed.defs#postView` of an indexed post, its author as a profileView. */
  async function indexedPostView(post: IndexedPost, viewer: string | undefined): Promise<Record<string, unknown>> {
    const counts = postCounts.get(post.uri) ?? {}
    return {
      uri: post.uri,
      cid: post.cid,
      author: await profileView(post.author, viewer),
      record: post.record,
      replyCount: counts.replies ?? index.replies(post.uri).length,
      repostCount: counts.reposts ?? 0,
      likeCount: counts.likes ?? 0,
      quoteCount: counts.quotes ?? 0,
      indexedAt: post.indexedAt,
      labels: [],
    }
  }

  /** The parent chain of `post`, up to `height` posts: threadViewPosts, ended by a notFoundPost where one is missing. */
  async function parentOf(post: IndexedPost, height: number, viewer: string | undefined): Promise<Record<string, unknown> | undefined> {
    const reply = post.record.reply as { parent?: { uri?: unknown } } | undefined
    const uri = typeof reply?.parent?.uri === 'string' ? reply.parent.uri : undefined
    if (!uri || height <= 0) return undefined
    const parent = index.post(uri)
    if (!parent) return { $type: 'app.bsky.feed.defs#notFoundPost', uri, notFound: true }
    const above = await parentOf(parent, height - 1, viewer)
    return { $type: 'app.bsky.feed.defs#threadViewPost', post: await indexedPostView(parent, viewer), ...(above ? { parent: above } : {}) }
  }

  async function repliesOf(post: IndexedPost, depth: number, viewer: string | undefined): Promise<Array<Record<string, unknown>>> {
    if (depth <= 0) return []
    return Promise.all(
      index.replies(post.uri).map(async (reply) => {
        const below = await repliesOf(reply, depth - 1, viewer)
        return { $type: 'app.bsky.feed.defs#threadViewPost', post: await indexedPostView(reply, viewer), ...(depth > 1 ? { replies: below } : {}) }
      }),
    )
  }

  function requireAuth(requester: string | undefined): string {
    if (!requester) throw new XrpcFailure(401, 'AuthMissing', 'Authentication Required')
    return requester
  }

  const queries: Record<string, Handler> = {
    async 'app.bsky.feed.getPosts'(params) {
      const uris = params.getAll('uris')
      if (uris.length === 0) throw new XrpcFailure(400, 'InvalidRequest', 'Params must have the property "uris"')
      if (uris.length > maxUris) throw new XrpcFailure(400, 'InvalidRequest', `Params/uris must not have more than ${maxUris} elements`)
      const views = await Promise.all([...new Set(uris)].map(postView))
      return { posts: views.filter((v) => v !== undefined) }
    },
    async 'app.bsky.feed.getPostThread'(params, requester) {
      const uri = params.get('uri')
      if (!uri) throw new XrpcFailure(400, 'InvalidRequest', 'Params must have the property "uri"')
      const depth = rangeParam(params, 'depth', 6, 1000)
      const parentHeight = rangeParam(params, 'parentHeight', 80, 1000)
      const anchor = index.post(uri)
      if (!anchor) throw new XrpcFailure(400, 'NotFound', `Post not found: ${uri}`)
      const parent = await parentOf(anchor, parentHeight, requester)
      return {
        thread: {
          $type: 'app.bsky.feed.defs#threadViewPost',
          post: await indexedPostView(anchor, requester),
          ...(parent ? { parent } : {}),
          replies: await repliesOf(anchor, depth, requester),
        },
      }
    },
    async 'app.bsky.actor.getProfile'(params, requester) {
      const actor = params.get('actor')
      if (!actor) throw new XrpcFailure(400, 'InvalidRequest', 'Params must have the property "actor"')
      const subject = await account(actor)
      if (!subject) throw new XrpcFailure(400, 'InvalidRequest', 'Profile not found')
      return profileDetailed(subject, requester)
    },
    async 'app.bsky.actor.getProfiles'(params, requester) {
      const actors = params.getAll('actors')
      if (actors.length === 0) throw new XrpcFailure(400, 'InvalidRequest', 'Params must have the property "actors"')
      if (actors.length > maxActors) throw new XrpcFailure(400, 'InvalidRequest', `Params/actors must not have more than ${maxActors} elements`)
      const subjects = await Promise.all([...new Set(actors)].map(account))
      return { profiles: await Promise.all(subjects.flatMap((s) => (s ? [profileDetailed(s, requester)] : []))) }
    },
    async 'app.bsky.notification.listNotifications'(params, requester) {
      const viewer = requireAuth(requester)
      if (params.has('seenAt')) throw new XrpcFailure(400, 'InvalidRequest', 'The seenAt parameter is unsupported')
      const limit = limitParam(params)
      const reasons = params.getAll('reasons')
      const given = positionOf(params.get('cursor'))
      let page = index.notificationsPage(viewer, given, limit)
      let rows = page.rows
      if (reasons.length > 0) {
        rows = page.rows.filter((n) => reasons.includes(n.reason))
        for (let attempt = 1; attempt < reasonAttempts && rows.length < Math.ceil(limit / 2) && page.next; attempt += 1) {
          page = index.notificationsPage(viewer, page.next, limit)
          rows.push(...page.rows.filter((n) => reasons.includes(n.reason)))
        }
      }
      // With no last-seen time, the first page's top notification is taken as the last seen (packages/bsky).
      const seenAt = lastSeen.get(viewer) ?? (given === undefined ? rows[0]?.sortAt : undefined)
      return {
        notifications: await Promise.all(rows.map((n) => notificationView(n, viewer, seenAt))),
        ...(page.next ? { cursor: `${page.next.time}::${page.next.cid}` } : {}),
        priority: false,
        ...(seenAt ? { seenAt } : {}),
      }
    },
  }

  const procedures: Record<string, Handler> = {
    async 'app.bsky.notification.updateSeen'(_params, requester, body) {
      const viewer = requireAuth(requester)
      const seenAt = (body as { seenAt?: unknown } | undefined)?.seenAt
      if (typeof seenAt !== 'string' || Number.isNaN(Date.parse(seenAt))) throw new XrpcFailure(400, 'InvalidRequest', 'Input/seenAt must be a valid datetime')
      lastSeen.set(viewer, new Date(seenAt).toISOString())
      return undefined
    },
  }

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (chunks.length === 0) return undefined
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      throw new XrpcFailure(400, 'InvalidRequest', 'Request body is not JSON')
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', url)
    if (req.method === 'GET' && requestUrl.pathname === '/.well-known/did.json') {
      send(res, 200, {
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        service: [{ id: '#bsky_appview', type: 'BskyAppView', serviceEndpoint: url }],
      })
      return
    }
    const method = requestUrl.pathname.startsWith('/xrpc/') ? requestUrl.pathname.slice('/xrpc/'.length) : ''
    const handler = req.method === 'GET' ? queries[method] : req.method === 'POST' ? procedures[method] : undefined
    if (!handler) {
      send(res, 501, { error: 'MethodNotImplemented', message: 'Method Not Implemented' })
      return
    }
    try {
      const call: AppViewCall = { method, params: requestUrl.searchParams, issuer: await serviceAuth(req, method) }
      calls.push(call)
      const wait = refusals.shift()
      if (wait !== undefined) {
        const reset = Math.floor(Date.now() / 1000) + wait
        send(res, 429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, {
          'ratelimit-limit': '3000',
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(reset),
          'ratelimit-policy': '3000;w=300',
          'retry-after': String(wait),
        })
        return
      }
      const body = req.method === 'POST' ? await readJson(req) : undefined
      const answer = await handler(requestUrl.searchParams, call.issuer, body)
      if (answer === undefined) {
        res.writeHead(200)
        res.end()
      } else send(res, 200, answer)
    } catch (error) {
      if (error instanceof XrpcFailure) send(res, error.status, { error: error.error, message: error.message })
      else send(res, 500, { error: 'InternalServerError', message: 'Internal Server Error' })
    }
  }

  const server = createServer((req, res) => void serve(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  url = `http://127.0.0.1:${port}`
  // did:web resolves over plain http for localhost (@atproto/identity DidWebResolver).
  did = `did:web:localhost%3A${port}`

  return {
    url,
    did,
    setPostCounts: (uri, counts) => void postCounts.set(uri, { ...postCounts.get(uri), ...counts }),
    setProfileCounts: (subject, counts) => void profileCounts.set(subject, { ...profileCounts.get(subject), ...counts }),
    calls: (method) => calls.filter((c) => method === undefined || c.method === method),
    refuseNextCall: (retryAfterSeconds) => void refusals.push(retryAfterSeconds),
    follow: (pdsUrl) => index.follow(pdsUrl),
    indexedThrough: (seq) => index.indexedThrough(seq),
    async close() {
      await index.close()
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
    },
  }
}
