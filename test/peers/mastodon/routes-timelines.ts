/**
 * The hashtag timeline, GET /api/v1/timelines/tag/:hashtag, following
 * https://docs.joinmastodon.org/methods/timelines/#tag and the code it documents
 * (app/controllers/api/v1/timelines/tag_controller.rb and base_controller.rb, app/models/tag_feed.rb,
 * the Paginable concern's `to_a_paginated_by_id`):
 * - public statuses only (not unlisted, private or direct), of accounts not suspended, carrying the
 *   tag or one of `any[]`, all of `all[]` and none of `none[]` (at most 4 names each,
 *   LIMIT_PER_MODE); `local`, `remote` and `only_media` flags. Every status here is local: this
 *   server does not federate, so `remote=true` finds nothing.
 * - an unknown tag answers 200 with `[]` (`Tag.find_normalized` → nil), not 404.
 * - `limit` (default 20, at most 40); without `min_id`: newest first below `max_id` and above
 *   `since_id`; with `min_id`: the `limit` statuses immediately newer than it (below `max_id`),
 *   still served newest first.
 * - a Link header when the page is not empty: `next` (max_id = the page's oldest) and `prev`
 *   (min_id = its newest), keeping `local`, `limit` and `only_media`.
 * - anonymous unless timeline previews are off (`timelinePreview: false`: 401 without a token,
 *   `doorkeeper_authorize! :read, :'read:statuses'`). Anonymous requests count against the
 *   client address (rack-attack `throttle_unauthenticated_api`, 300 per 5 minutes): every client
 *   of a loopback server shares `anonymousClient`; past the limit, 429 with X-RateLimit-*.
 */
import { authenticate, authenticateIfToken } from './auth.js'
import { fail, json, list, route, text, type Params, type Route } from './http.js'
import { newestFirst, statusJson } from './serializers.js'
import { compareIds, type PeerState, type StoredStatus } from './state.js'
import { extractEntities } from './text.js'

/** The rate limit key of anonymous clients (they all come from 127.0.0.1); pass it to `setLimits`. */
export const anonymousClient = 'ip:127.0.0.1'

/** TagFeed::LIMIT_PER_MODE */
const limitPerMode = 4
/** PERMITTED_PARAMS of the tag controller: kept in the Link header's URLs. */
const permittedParams = ['local', 'limit', 'only_media'] as const

/** Tag names compare after NFKC and lower-casing (HashtagNormalizer, Tag.find_normalized). */
const normalizeTag = (name: string): string => name.normalize('NFKC').toLowerCase()

/** `truthy_param?`: Rails' boolean casting. */
const truthy = (params: Params, key: string): boolean => ['1', 'true', 't', 'on', 'yes'].includes((text(params, key) ?? '').toLowerCase())

function tagsOf(status: StoredStatus): Set<string> {
  return new Set(extractEntities(status.text).filter((e) => e.kind === 'hashtag').map((e) => normalizeTag(e.value)))
}

/** The routes this module documents, over the shared state. */
export function timelineRoutes(state: PeerState): Route[] {
  return [
    route('GET', '/api/v1/timelines/tag/:hashtag', ({ request, params, path, url }) => {
      const caller = state.timelinePreview ? authenticateIfToken(state, request, 'read:statuses') : authenticate(state, request, 'read:statuses', false)
      if (caller instanceof Response) return caller
      if (!caller) {
        const throttle = state.limiter.hit(anonymousClient, 'api')
        if (!throttle.allowed) return fail(429, 'Too many requests', {}, throttle.headers)
      }
      const headers = caller?.headers ?? {}
      const limit = Math.min(Math.abs(Number(text(params, 'limit') ?? 20)) || 20, 40)
      const maxId = text(params, 'max_id')
      const sinceId = text(params, 'since_id')
      const minId = text(params, 'min_id')
      const anyOf = new Set([path.hashtag!, ...list(params, 'any').slice(0, limitPerMode)].map(normalizeTag))
      const allOf = list(params, 'all').slice(0, limitPerMode).map(normalizeTag)
      const noneOf = list(params, 'none').slice(0, limitPerMode).map(normalizeTag)
      const remoteOnly = truthy(params, 'remote')
      const onlyMedia = truthy(params, 'only_media')
      const matching = newestFirst([...state.statuses.values()]).filter((s) => {
        if (s.deleted || s.visibility !== 'public' || state.accounts.get(s.accountId)?.suspended !== false) return false
        if (remoteOnly || (onlyMedia && s.mediaIds.length === 0)) return false
        const tags = tagsOf(s)
        return [...anyOf].some((t) => tags.has(t)) && allOf.every((t) => tags.has(t)) && !noneOf.some((t) => tags.has(t))
      })
      const page = minId === undefined
        ? matching.filter((s) => (maxId === undefined || compareIds(s.id, maxId) < 0) && (sinceId === undefined || compareIds(s.id, sinceId) > 0)).slice(0, limit)
        : matching.filter((s) => compareIds(s.id, minId) > 0 && (maxId === undefined || compareIds(s.id, maxId) < 0)).slice(-limit)
      if (page.length === 0) return json(200, [], headers)
      const link = (name: 'max_id' | 'min_id', id: string) => {
        const target = new URL(url.pathname, state.base)
        for (const key of permittedParams) {
          const value = text(params, key)
          if (value !== undefined) target.searchParams.set(key, value)
        }
        target.searchParams.set(name, id)
        return target.toString()
      }
      const links = `<${link('max_id', page.at(-1)!.id)}>; rel="next", <${link('min_id', page[0]!.id)}>; rel="prev"`
      return json(200, page.map((s) => statusJson(state, s)), { ...headers, link: links })
    }),
  ]
}
