/**
 * A Bluesky AppView contract server on loopback, for tests.
 *
 * The real AppView (bluesky-social/atproto packages/bsky) needs PostgreSQL, Redis and a data plane
 * fed by the relay, so it is not run here. This server answers the two reads Stagecraft's metrics
 * use, shaped by their lexicons in @atproto/api 0.19.19 (whose client checks every answer
 * against them), and is reached the way a real account reaches bsky.social's AppView: the client
 * asks its PDS, and the PDS proxies `app.bsky.*` calls here with a service-auth JWT
 * (@atproto/pds `proxyHandler` and `pipethrough`).
 *
 * | endpoint | what it follows |
 * |---|---|
 * | GET /xrpc/app.bsky.feed.getPosts | `uris` (at most 25, `maxLength` in the lexicon); answers `{posts: postView[]}` in the order asked, each URI once, posts that do not exist left out |
 * | GET /xrpc/app.bsky.actor.getProfile | `actor` (a DID, or a handle already seen); answers `profileViewDetailed`, or 400 InvalidRequest "Profile not found" |
 * | GET /.well-known/did.json | the AppView's did:web document with its `#bsky_appview` service, as packages/bsky api/well-known.ts serves it (its signing key and `#bsky_notif` left out) |
 * | service auth | optional, as the real AppView's reads take it; when sent, checked as xrpc-server's `verifyJwt` does: expiry, audience (this DID, or this DID#bsky_appview), `lxm`, and the signature by the issuer's atproto key from the PLC directory |
 * | errors | `{error, message}` with the XRPC status: 400 InvalidRequest, 401 for a bad service JWT, 501 MethodNotImplemented for anything else |
 * | 429 | when a test asks (`refuseNextCall`): RateLimitExceeded with xrpc-server's RateLimit-* headers and Retry-After. The PDS (0.4.217) passes the status on but none of these headers |
 *
 * Records come from each account's PDS (`com.atproto.repo.getRecord`, `listRecords`), found
 * through its DID document, as the AppView's indexer would find them; handles and signing keys
 * come from the PLC directory. Counts come from test state (`setPostCounts`, `setProfileCounts`);
 * nothing here is indexed, so a count nobody set is 0, except `postsCount`, which counts the
 * account's post records. Left out: embeds' views, viewer state, labels, threadgates, blocks.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifySignature } from '@atproto/crypto'
import { IdResolver, type AtprotoData } from '@atproto/identity'

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
  close(): Promise<void>
}

/** app.bsky.feed.getPosts `uris.maxLength`. */
const maxUris = 25
const postCollection = 'app.bsky.feed.post'

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

  const methods: Record<string, (params: URLSearchParams) => Promise<unknown>> = {
    async 'app.bsky.feed.getPosts'(params) {
      const uris = params.getAll('uris')
      if (uris.length === 0) throw new XrpcFailure(400, 'InvalidRequest', 'Params must have the property "uris"')
      if (uris.length > maxUris) throw new XrpcFailure(400, 'InvalidRequest', `Params/uris must not have more than ${maxUris} elements`)
      const views = await Promise.all([...new Set(uris)].map(postView))
      return { posts: views.filter((v) => v !== undefined) }
    },
    async 'app.bsky.actor.getProfile'(params) {
      const actor = params.get('actor')
      if (!actor) throw new XrpcFailure(400, 'InvalidRequest', 'Params must have the property "actor"')
      const subject = await account(actor)
      if (!subject) throw new XrpcFailure(400, 'InvalidRequest', 'Profile not found')
      const counts = profileCounts.get(subject.did) ?? {}
      const profile = await xrpcGet(subject.pds, 'com.atproto.repo.getRecord', { repo: subject.did, collection: 'app.bsky.actor.profile', rkey: 'self' })
      const displayName = (profile?.value as { displayName?: unknown } | undefined)?.displayName
      return {
        did: subject.did,
        handle: subject.handle,
        ...(typeof displayName === 'string' ? { displayName } : {}),
        followersCount: counts.followers ?? 0,
        followsCount: counts.follows ?? 0,
        postsCount: counts.posts ?? (await countPosts(subject)),
        indexedAt: new Date().toISOString(),
      }
    },
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
    const handler = methods[method]
    if (!handler || req.method !== 'GET') {
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
      send(res, 200, await handler(requestUrl.searchParams))
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
