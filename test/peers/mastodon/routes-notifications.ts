/**
 * GET /api/v1/notifications, following https://docs.joinmastodon.org/methods/notifications/#get
 * and the code it documents (app/controllers/api/v1/notifications_controller.rb,
 * Notification.browserable, the Paginable concern's `to_a_paginated_by_id`):
 * - user token with `read:notifications` and a functional login (`require_user!`);
 * - the caller's notifications from accounts not suspended; `types[]` keeps those types (unknown
 *   ones are dropped, so asking only for types the release lacks finds nothing),
 *   `exclude_types[]` removes some, `account_id` keeps one sender's;
 * - `limit`: 40 by default, at most 80 (DEFAULT_NOTIFICATIONS_LIMIT and `limit_param`, since
 *   4.1.0); without `min_id`: newest first below `max_id` and above `since_id`; with `min_id`: the
 *   `limit` notifications immediately newer than it (below `max_id`), still served newest first;
 * - a Link header when the page is not empty: `next` (max_id = the page's oldest) and `prev`
 *   (min_id = its newest), keeping `limit`, `account_id`, `types[]` and `exclude_types[]`.
 * A notification whose status was deleted is served with `status: null`. Mastodon shows that
 * while a removal is under way (the status is discarded at once; the mention and its notification
 * go when RemovalWorker destroys it); this server keeps the state so a client's handling of it
 * can be tested. Left out: notification policies (filtered notifications and `include_filtered`),
 * types other than `mention` and `quote`, and GET /api/v1/notifications/:id.
 */
import { authenticate } from './auth.js'
import { json, list, route, text, type Params, type Route } from './http.js'
import { notificationJson } from './serializers.js'
import { atLeast, compareIds, type PeerState, type StoredNotification } from './state.js'

/** DEFAULT_NOTIFICATIONS_LIMIT (since 4.1.0); `limit_param` allows twice as many. */
const defaultLimit = 40

/** Notification::TYPES of the release played, among those this server can cause. */
function knownTypes(state: PeerState): string[] {
  return atLeast(state, '4.5.0') ? ['mention', 'quote'] : ['mention']
}

/** Notification.browserable's type filter: `types[]` (known ones) less `exclude_types[]`. */
function requestedTypes(state: PeerState, params: Params): Set<string> {
  const asked = list(params, 'types')
  const base = asked.length === 0 ? knownTypes(state) : asked.filter((t) => knownTypes(state).includes(t))
  const excluded = list(params, 'exclude_types')
  return new Set(base.filter((t) => !excluded.includes(t)))
}

/** `to_a_paginated_by_id`: min_id pages forward from an id, otherwise back from the newest. */
function paginate(all: StoredNotification[], params: Params, limit: number): StoredNotification[] {
  const maxId = text(params, 'max_id')
  const sinceId = text(params, 'since_id')
  const minId = text(params, 'min_id')
  const below = (n: StoredNotification) => maxId === undefined || compareIds(n.id, maxId) < 0
  if (minId !== undefined) {
    return all.filter((n) => compareIds(n.id, minId) > 0 && below(n)).slice(0, limit).reverse()
  }
  return all.filter((n) => below(n) && (sinceId === undefined || compareIds(n.id, sinceId) > 0)).reverse().slice(0, limit)
}

/** The routes this module documents, over the shared state. */
export function notificationRoutes(state: PeerState): Route[] {
  return [
    route('GET', '/api/v1/notifications', ({ request, params, url }) => {
      const caller = authenticate(state, request, 'read:notifications')
      if (caller instanceof Response) return caller
      const asked = text(params, 'limit')
      const limit = asked === undefined ? defaultLimit : Math.min(Math.abs(Number.parseInt(asked, 10)) || 0, defaultLimit * 2)
      const types = requestedTypes(state, params)
      const from = text(params, 'account_id')
      const mine = state.notifications.filter(
        (n) =>
          n.accountId === caller.account.id &&
          types.has(n.type) &&
          state.accounts.get(n.fromAccountId)?.suspended === false &&
          (from === undefined || n.fromAccountId === from),
      )
      const page = paginate(mine, params, limit)
      if (page.length === 0) return json(200, [], caller.headers)
      const link = (name: 'max_id' | 'min_id', id: string) => {
        const target = new URL(url.pathname, state.base)
        for (const key of ['limit', 'account_id']) {
          const value = text(params, key)
          if (value !== undefined) target.searchParams.set(key, value)
        }
        for (const key of ['types', 'exclude_types']) for (const value of list(params, key)) target.searchParams.append(`${key}[]`, value)
        target.searchParams.set(name, id)
        return target.toString()
      }
      const links = `<${link('max_id', page.at(-1)!.id)}>; rel="next", <${link('min_id', page[0]!.id)}>; rel="prev"`
      return json(200, page.map((n) => notificationJson(state, n)), { ...caller.headers, link: links })
    }),
  ]
}
