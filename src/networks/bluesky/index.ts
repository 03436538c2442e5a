/**
 * Bluesky: a connector speaking to the account's PDS with @atproto/api. Sign-in is a handle (or
 * e-mail) and an app password; posts are `app.bsky.feed.post` records written under a record key
 * derived from the idempotency key, so a retry never posts twice. The handle check (handles.ts)
 * asks the PDS whether a name is free. Metrics (metrics.ts) and the inbox's replies, mentions and
 * quotes (notifications.ts) come from the AppView, asked through the PDS.
 *
 * `createBlueskyConnector(deps)` receives its `fetch`, default service and a place to store
 * renewed credentials; it never reads the environment.
 */
import type { Connector } from '../connector.js'
import { type BlueskyConnectInput, check, connect, refresh } from './auth.js'
import { blueskyCapabilities } from './capabilities.js'
import type { BlueskyDeps } from './client.js'
import { createHandleChecker } from './handles.js'
import { fetchAccountMetrics, fetchPostMetrics } from './metrics.js'
import { fetchNotifications } from './notifications.js'
import { fetchThread } from './threads.js'
import { deletePost, findPublished, publishPost } from './publish.js'

export type { BlueskyConnectInput } from './auth.js'
export type { BlueskyCredentials, BlueskyDeps } from './client.js'
export { blueskyCapabilities } from './capabilities.js'

/** The Bluesky connector. */
export function createBlueskyConnector(deps: BlueskyDeps = {}): Connector<BlueskyConnectInput> {
  return {
    id: 'bluesky',
    displayName: 'Bluesky',
    capabilities: () => blueskyCapabilities,
    connect: (input) => connect(deps, input),
    refresh: (account) => refresh(deps, account),
    check: (account) => check(deps, account),
    publish: (account, request) => publishPost(deps, account, request),
    findPublished: (account, request) => findPublished(deps, account, request),
    reply: (account, request) => publishPost(deps, account, request),
    delete: (account, post) => deletePost(deps, account, post),
    fetchNotifications: (account, cursor) => fetchNotifications(deps, account, cursor),
    fetchThread: (account, post, options) => fetchThread(deps, account, post, options),
    fetchPostMetrics: (account, posts) => fetchPostMetrics(deps, account, posts),
    fetchAccountMetrics: (account) => fetchAccountMetrics(deps, account),
    checkHandle: createHandleChecker(deps),
  }
}
