/**
 * Mastodon: one connector for every Mastodon server, each account on its own instance with that
 * instance's limits. Built on the masto client, whose factories the caller passes in:
 *
 *   import { createOAuthAPIClient, createRestAPIClient } from 'masto'
 *   createMastodonConnector({ createRestAPIClient, createOAuthAPIClient })
 *
 * Roles: auth.ts (OAuth, connect, refresh, check), capabilities.ts (instance limits, counting,
 * rate limits), publish.ts (media, statuses, delete), find-published.ts and match-text.ts
 * (finding an earlier attempt's post), metrics.ts (counts for statuses and the account),
 * notifications.ts (mentions, replies and quotes for the inbox), map-error.ts (the shared
 * errors), client.ts (the seam). handles.ts checks whether a username is free on an instance.
 */
import type { Connector } from '../connector.js'
import { beginOAuth, check, connect, refresh } from './auth.js'
import { mastodonCapabilities } from './capabilities.js'
import { resolveDeps, type MastodonDeps } from './client.js'
import { findPublished } from './find-published.js'
import { checkHandle } from './handles.js'
import { fetchAccountMetrics, fetchPostMetrics } from './metrics.js'
import { fetchNotifications } from './notifications.js'
import { fetchThread } from './threads.js'
import { deletePost, publish } from './publish.js'
import type { MastodonConnectInput } from './stored.js'

export type { MastodonDeps, RestClientProps } from './client.js'
export type { MastodonConnectInput, MastodonCredentials, MastodonSettings } from './stored.js'
export { idempotencyWindowMs } from './publish.js'

/** The Mastodon connector; every server and account goes through this one object. */
export function createMastodonConnector(deps: MastodonDeps): Connector<MastodonConnectInput> {
  const d = resolveDeps(deps)
  return {
    id: 'mastodon',
    displayName: 'Mastodon',
    capabilities: mastodonCapabilities,
    connect: (input) => connect(d, input),
    beginOAuth: (input) => beginOAuth(d, input),
    refresh: (account) => refresh(d, account),
    check: (account) => check(d, account),
    publish: (account, request) => publish(d, account, request),
    findPublished: (account, request) => findPublished(d, account, request),
    reply: (account, request) => publish(d, account, request),
    delete: (account, post) => deletePost(d, account, post),
    fetchNotifications: (account, cursor) => fetchNotifications(d, account, cursor),
    fetchThread: (account, post, options) => fetchThread(d, account, post, options),
    fetchPostMetrics: (account, posts) => fetchPostMetrics(d, account, posts),
    fetchAccountMetrics: (account) => fetchAccountMetrics(d, account),
    checkHandle: (name, options) => checkHandle(d, name, options),
  }
}
