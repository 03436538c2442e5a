/**
 * Media attachments, following https://docs.joinmastodon.org/methods/media/ and
 * app/controllers/api/v{1,2}/media_controller.rb:
 * - POST /api/v2/media (multipart: file, description, focus): 200 with a `url` when processed at
 *   once, else 202 with `url: null`; counted in the `media` throttle (30 per 30 min).
 * - GET /api/v1/media/:id: 206 while processing, 200 once done; only the caller's attachments
 *   that are not yet attached to a status (`where(status_id: nil)`), else 404.
 * - PUT /api/v1/media/:id: description and focus (the alt text), same 206/200 rule, no polling.
 * An unsupported type is 422 "Validation failed: File content type is invalid, File is invalid".
 */
import { authenticate } from './auth.js'
import { fail, file, json, route, text, type Route } from './http.js'
import { mediaJson, supportedMimeTypes } from './serializers.js'
import type { PeerState, StoredMedia } from './state.js'

/** The routes this module documents, over the shared state. */
export function mediaRoutes(state: PeerState): Route[] {
  /** The caller's unattached attachment, or the Response refusing the request. */
  function own(request: Request, id: string): { media: StoredMedia; headers: Record<string, string> } | Response {
    const caller = authenticate(state, request, 'write:media')
    if (caller instanceof Response) return caller
    const media = state.media.get(id)
    if (!media || media.accountId !== caller.account.id || media.statusId !== null) return fail(404, 'Record not found', {}, caller.headers)
    return { media, headers: caller.headers }
  }

  function answer(media: StoredMedia, status: number, headers: Record<string, string>): Response {
    media.responses.push(status)
    return json(status, mediaJson(state, media), headers)
  }

  return [
    route('POST', '/api/v2/media', ({ request, params }) => {
      const caller = authenticate(state, request, 'write:media')
      if (caller instanceof Response) return caller
      const throttle = state.limiter.hit(caller.account.id, 'media')
      if (!throttle.allowed) return fail(429, 'Too many requests', {}, throttle.headers)
      const upload = file(params, 'file')
      if (!upload) return fail(422, "Validation failed: File can't be blank", {}, caller.headers)
      const mimeType = upload.type.split(';')[0]!.trim()
      if (!supportedMimeTypes.includes(mimeType)) return fail(422, 'Validation failed: File content type is invalid, File is invalid', {}, caller.headers)
      const media: StoredMedia = {
        id: state.snowflake(),
        accountId: caller.account.id,
        mimeType,
        size: upload.size,
        description: text(params, 'description') ?? null,
        focus: text(params, 'focus') ?? null,
        statusId: null,
        pollsLeft: state.mediaProcessingPolls,
        ready: state.mediaProcessingPolls === 0,
        responses: [],
      }
      state.media.set(media.id, media)
      return answer(media, media.ready ? 200 : 202, caller.headers)
    }),

    route('GET', '/api/v1/media/:id', ({ request, path }) => {
      const found = own(request, path.id!)
      if (found instanceof Response) return found
      const { media } = found
      if (!media.ready && media.pollsLeft > 0) {
        media.pollsLeft -= 1
        return answer(media, 206, found.headers)
      }
      media.ready = true
      return answer(media, 200, found.headers)
    }),

    route('PUT', '/api/v1/media/:id', ({ request, path, params }) => {
      const found = own(request, path.id!)
      if (found instanceof Response) return found
      const { media } = found
      if (params.description !== undefined) media.description = text(params, 'description') ?? null
      if (params.focus !== undefined) media.focus = text(params, 'focus') ?? null
      return answer(media, media.ready ? 200 : 206, found.headers)
    }),
  ]
}
