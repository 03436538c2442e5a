/**
 * How the connector reaches a Mastodon server: through the masto client, whose factories the
 * caller passes in (`createRestAPIClient`, `createOAuthAPIClient` from 'masto'). masto 7.12
 * calls the global `fetch` and takes no fetch of its own, so the factories are the seam: a test
 * passes the real ones pointed at a loopback server, or stand-ins of the same shape. Per-request
 * headers such as Idempotency-Key go in masto's second argument, `{ requestInit: { headers } }`.
 */
import type { mastodon } from 'masto'
import type { ConnectedAccount } from '../connector.js'
import { readAccount } from './stored.js'

/** What the connector passes to masto's factories (a subset of masto's own props). */
export interface RestClientProps {
  url: string
  accessToken?: string
  /** Per-request timeout (ms). */
  timeout?: number
}

/** What the connector receives from outside; only the two factories are required. */
export interface MastodonDeps {
  /** masto's `createRestAPIClient`. */
  createRestAPIClient: (props: RestClientProps) => mastodon.rest.Client
  /** masto's `createOAuthAPIClient`. */
  createOAuthAPIClient: (props: RestClientProps) => mastodon.oauth.Client
  /** Clock (epoch ms). */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /** Per-request timeout; 30 s by default. */
  requestTimeoutMs?: number
  /** Media processing: how often to ask, and how long to wait in all (1 s and 60 s, as masto does). */
  mediaPollIntervalMs?: number
  mediaTimeoutMs?: number
  /** How the app appears on the person's instance ("Stagecraft", no website by default). */
  appName?: string
  appWebsite?: string
}

/** The deps with every default filled in. */
export type ResolvedDeps = Required<Omit<MastodonDeps, 'appWebsite'>> & Pick<MastodonDeps, 'appWebsite'>

/** Fills in the defaults: the real clock and timers, 30 s requests, media polled every second for a minute. */
export function resolveDeps(deps: MastodonDeps): ResolvedDeps {
  return {
    createRestAPIClient: deps.createRestAPIClient,
    createOAuthAPIClient: deps.createOAuthAPIClient,
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    requestTimeoutMs: deps.requestTimeoutMs ?? 30_000,
    mediaPollIntervalMs: deps.mediaPollIntervalMs ?? 1_000,
    mediaTimeoutMs: deps.mediaTimeoutMs ?? 60_000,
    appName: deps.appName ?? 'Stagecraft',
    appWebsite: deps.appWebsite,
  }
}

/** A REST client for `server`, signed in with `accessToken` when given. */
export function restClient(deps: ResolvedDeps, server: string, accessToken?: string): mastodon.rest.Client {
  return deps.createRestAPIClient({ url: server, accessToken, timeout: deps.requestTimeoutMs })
}

/** The signed-in client of a connected account, with what identifies it. */
export function accountClient(deps: ResolvedDeps, account: ConnectedAccount): { client: mastodon.rest.Client; server: string; remoteId: string } {
  const { server, credentials, remoteId } = readAccount(account)
  return { client: restClient(deps, server, credentials.accessToken), server, remoteId }
}
