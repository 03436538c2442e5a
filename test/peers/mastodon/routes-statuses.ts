/**
 * Statuses, following https://docs.joinmastodon.org/methods/statuses/ and the server code it
 * documents (app/controllers/api/v1/statuses_controller.rb, app/services/post_status_service.rb):
 * - POST /api/v1/statuses: status, media_ids[], in_reply_to_id, language, visibility,
 *   spoiler_text. An `Idempotency-Key` seen for this account in the last 3600 s returns the
 *   status it made (the key is stored only once a status exists); then media checks (own,
 *   unattached, processed, at most 4), the length check (text.ts) as 422 "Validation failed: …",
 *   and the `statuses` rate family (300 per 3 h) whose headers the answer carries. From 4.5.0,
 *   `quoted_status_id` quotes a status the author can see (else 404 "Record not found"; older
 *   releases ignore the parameter, as Rails ignores any it does not know). A new status notifies
 *   whom it mentions and whom it quotes (notify.ts).
 * - GET /api/v1/statuses/:id, DELETE /api/v1/statuses/:id (answers the status with its source
 *   `text`, counted in the `delete` throttle).
 * - GET /api/v1/statuses?id[]=… (https://docs.joinmastodon.org/methods/statuses/#index, 4.3.0 and
 *   later; statuses_controller.rb `index`): public like GET /:id; each id once, at most 20
 *   (`check_statuses_limit` against DEFAULT_STATUSES_LIMIT, else 422 with Mastodon::ValidationError's
 *   message); statuses missing, deleted or not visible to the caller are left out. Older releases
 *   have no such route and answer 404.
 * - GET /api/v1/statuses/:id/context (https://docs.joinmastodon.org/methods/statuses/#context,
 *   statuses_controller.rb `context`, status.rb `ancestors`/`descendants`): 404 when the status
 *   is not visible to the caller; `ancestors` from the thread's top down to the parent (the chain
 *   stops at a deleted or invisible status), `descendants` depth first in creation order. With a
 *   token up to 4,096 of each and any depth; without one 40 ancestors, 60 descendants, depth 20.
 * - GET /api/v1/accounts/:id/statuses (https://docs.joinmastodon.org/methods/accounts/#statuses):
 *   newest first; limit (20, at most 40), max_id, since_id, min_id, exclude_replies, only_media;
 *   a Link header with `next` (max_id) and `prev` (min_id).
 */
import { authenticate, authenticateIfToken } from './auth.js'
import { fail, json, list, route, text, type Route } from './http.js'
import { notifyFor } from './notify.js'
import { maxMediaAttachments, newestFirst, statusJson } from './serializers.js'
import { atLeast, compareIds, type PeerState, type StoredStatus } from './state.js'
import { countableLength } from './text.js'

const idempotencyTtlMs = 3_600_000
/** Api::BaseController::DEFAULT_STATUSES_LIMIT, the most ids GET /api/v1/statuses takes. */
const defaultStatusesLimit = 20
const visibilities = ['public', 'unlisted', 'private', 'direct'] as const

function visibleTo(status: StoredStatus, viewerId: string | undefined): boolean {
  if (status.deleted) return false
  return status.accountId === viewerId || status.visibility === 'public' || status.visibility === 'unlisted'
}

/** The routes this module documents, over the shared state (for the release it plays). */
export function statusRoutes(state: PeerState): Route[] {
  const several = route('GET', '/api/v1/statuses', ({ request, params }) => {
    const caller = authenticateIfToken(state, request, 'read:statuses')
    if (caller instanceof Response) return caller
    const ids = [...new Set(list(params, 'id'))]
    if (ids.length > defaultStatusesLimit) return fail(422, 'Mastodon::ValidationError', {}, caller?.headers)
    const found = ids.map((id) => state.statuses.get(id)).filter((s): s is StoredStatus => s !== undefined && visibleTo(s, caller?.account.id))
    return json(200, found.map((s) => statusJson(state, s)), caller?.headers)
  })
  return [
    ...(atLeast(state, '4.3.0') ? [several] : []),
    route('POST', '/api/v1/statuses', ({ request, params }) => {
      const caller = authenticate(state, request, 'write:statuses')
      if (caller instanceof Response) return caller
      const { account } = caller
      const key = request.headers.get('idempotency-key')?.trim()
      const idempotencyKey = key ? `idempotency:status:${account.id}:${key}` : undefined
      const remembered = idempotencyKey ? state.idempotency.get(idempotencyKey) : undefined
      if (remembered && remembered.expiresAt > state.now()) {
        const existing = state.statuses.get(remembered.statusId)
        if (!existing || existing.deleted) return fail(404, 'Record not found', {}, caller.headers)
        return json(200, statusJson(state, existing), caller.headers)
      }

      const inReplyToId = text(params, 'in_reply_to_id') ?? null
      if (inReplyToId !== null) {
        const parent = state.statuses.get(inReplyToId)
        if (!parent || !visibleTo(parent, account.id)) return fail(404, 'The post you are trying to reply to does not appear to exist.', {}, caller.headers)
      }
      const quotedStatusId = atLeast(state, '4.5.0') ? (text(params, 'quoted_status_id') ?? null) : null
      if (quotedStatusId !== null) {
        const quoted = state.statuses.get(quotedStatusId)
        if (!quoted || !visibleTo(quoted, account.id)) return fail(404, 'Record not found', {}, caller.headers)
      }
      const mediaIds = list(params, 'media_ids')
      if (mediaIds.length > maxMediaAttachments) return fail(422, `Cannot attach more than ${maxMediaAttachments} files.`, {}, caller.headers)
      const media = mediaIds.map((id) => state.media.get(id))
      const missing = mediaIds.filter((id, i) => media[i]?.accountId !== account.id || media[i]?.statusId !== null)
      if (missing.length > 0) return fail(422, `Media ${missing.join(', ')} not found or already attached to another post`, {}, caller.headers)
      if (media.some((m) => !m?.ready)) return fail(422, 'Cannot attach files that have not finished processing. Try again in a moment!', {}, caller.headers)
      if (media.length > 1 && media.some((m) => m?.mimeType.startsWith('video/'))) {
        return fail(422, 'Cannot attach a video to a post that already contains images', {}, caller.headers)
      }

      const body = (text(params, 'status') ?? '').trim()
      const spoilerText = (text(params, 'spoiler_text') ?? '').trim()
      if (body === '' && mediaIds.length === 0) return fail(422, "Validation failed: Text can't be blank", {}, caller.headers)
      if (countableLength(body, spoilerText) > state.maxCharacters) {
        return fail(422, `Validation failed: Text character limit of ${state.maxCharacters} exceeded`, {}, caller.headers)
      }
      const visibility = text(params, 'visibility') ?? 'public'
      if (!(visibilities as readonly string[]).includes(visibility)) return fail(422, 'Validation failed: Visibility is not included in the list', {}, caller.headers)

      const rate = state.limiter.check(account.id, 'statuses')
      if (!rate.allowed) return fail(429, 'Too many requests', {}, rate.headers)
      const status: StoredStatus = {
        id: state.snowflake(),
        accountId: account.id,
        text: body,
        spoilerText,
        inReplyToId,
        quotedStatusId,
        language: text(params, 'language') ?? null,
        visibility: visibility as StoredStatus['visibility'],
        mediaIds,
        appName: caller.token.clientId ? (state.apps.get(caller.token.clientId)?.name ?? null) : null,
        createdAt: state.now(),
        deleted: false,
      }
      state.statuses.set(status.id, status)
      for (const m of media) if (m) m.statusId = status.id
      notifyFor(state, status)
      const recorded = state.limiter.hit(account.id, 'statuses')
      if (idempotencyKey) state.idempotency.set(idempotencyKey, { statusId: status.id, expiresAt: state.now() + idempotencyTtlMs })
      return json(200, statusJson(state, status), recorded.headers)
    }),

    route('GET', '/api/v1/statuses/:id', ({ request, path }) => {
      const caller = authenticateIfToken(state, request, 'read:statuses')
      if (caller instanceof Response) return caller
      const status = state.statuses.get(path.id!)
      if (!status || !visibleTo(status, caller?.account.id)) return fail(404, 'Record not found', {}, caller?.headers)
      return json(200, statusJson(state, status), caller?.headers)
    }),

    route('GET', '/api/v1/statuses/:id/context', ({ request, path }) => {
      const caller = authenticateIfToken(state, request, 'read:statuses')
      if (caller instanceof Response) return caller
      const viewerId = caller?.account.id
      const status = state.statuses.get(path.id!)
      if (!status || !visibleTo(status, viewerId)) return fail(404, 'Record not found', {}, caller?.headers)
      const limits = caller ? { ancestors: 4096, descendants: 4096, depth: Infinity } : { ancestors: 40, descendants: 60, depth: 20 }
      const ancestors: StoredStatus[] = []
      for (let parent = status.inReplyToId ? state.statuses.get(status.inReplyToId) : undefined; parent && visibleTo(parent, viewerId) && ancestors.length < limits.ancestors; ) {
        ancestors.unshift(parent)
        parent = parent.inReplyToId ? state.statuses.get(parent.inReplyToId) : undefined
      }
      const byParent = new Map<string, StoredStatus[]>()
      for (const s of [...state.statuses.values()].sort((a, b) => compareIds(a.id, b.id))) {
        if (s.inReplyToId === null || !visibleTo(s, viewerId)) continue
        byParent.set(s.inReplyToId, [...(byParent.get(s.inReplyToId) ?? []), s])
      }
      const descendants: StoredStatus[] = []
      const walk = (id: string, depth: number) => {
        if (depth > limits.depth) return
        for (const child of byParent.get(id) ?? []) {
          if (descendants.length >= limits.descendants) return
          descendants.push(child)
          walk(child.id, depth + 1)
        }
      }
      walk(status.id, 1)
      return json(200, { ancestors: ancestors.map((s) => statusJson(state, s)), descendants: descendants.map((s) => statusJson(state, s)) }, caller?.headers)
    }),

    route('DELETE', '/api/v1/statuses/:id', ({ request, path }) => {
      const caller = authenticate(state, request, 'write:statuses')
      if (caller instanceof Response) return caller
      const throttle = state.limiter.hit(caller.account.id, 'delete')
      if (!throttle.allowed) return fail(429, 'Too many requests', {}, throttle.headers)
      const status = state.statuses.get(path.id!)
      if (!status || status.deleted || status.accountId !== caller.account.id) return fail(404, 'Record not found', {}, caller.headers)
      status.deleted = true
      return json(200, statusJson(state, status, { withSource: true }), caller.headers)
    }),

    route('GET', '/api/v1/accounts/:id/statuses', ({ request, params, path, url }) => {
      const caller = authenticateIfToken(state, request, 'read:statuses')
      if (caller instanceof Response) return caller
      if (!state.accounts.has(path.id!)) return fail(404, 'Record not found', {}, caller?.headers)
      const limit = Math.min(Math.abs(Number(text(params, 'limit') ?? 20)) || 20, 40)
      const maxId = text(params, 'max_id')
      const sinceId = text(params, 'since_id')
      const minId = text(params, 'min_id')
      let statuses = newestFirst([...state.statuses.values()]).filter(
        (s) =>
          s.accountId === path.id &&
          visibleTo(s, caller?.account.id) &&
          (maxId === undefined || compareIds(s.id, maxId) < 0) &&
          (sinceId === undefined || compareIds(s.id, sinceId) > 0) &&
          (minId === undefined || compareIds(s.id, minId) > 0) &&
          !(text(params, 'exclude_replies') === 'true' && s.inReplyToId !== null) &&
          !(text(params, 'only_media') === 'true' && s.mediaIds.length === 0),
      )
      // min_id pages forward from the given id: the oldest ones after it, still shown newest first.
      statuses = minId === undefined ? statuses.slice(0, limit) : statuses.slice(-limit)
      const links: string[] = []
      const page = (name: string, id: string) => {
        const next = new URL(url.pathname, state.base)
        next.searchParams.set('limit', String(limit))
        next.searchParams.set(name, id)
        return next.toString()
      }
      if (statuses.length === limit) links.push(`<${page('max_id', statuses.at(-1)!.id)}>; rel="next"`)
      if (statuses.length > 0) links.push(`<${page('min_id', statuses[0]!.id)}>; rel="prev"`)
      const headers = { ...caller?.headers, ...(links.length > 0 ? { link: links.join(', ') } : {}) }
      return json(200, statuses.map((s) => statusJson(state, s)), headers)
    }),
  ]
}
