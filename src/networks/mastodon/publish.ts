/**
 * Posting to Mastodon, once per idempotency key:
 * - media first (POST /api/v2/media with the alt text as `description`), waiting while the server
 *   processes it: 202 with `url: null`, then GET /api/v1/media/:id answers 206 until 200
 *   (https://docs.joinmastodon.org/methods/media/); a status cannot carry unprocessed media;
 * - then POST /api/v1/statuses with `Idempotency-Key: <request.idempotencyKey>`, `language`
 *   and `in_reply_to_id` for replies (https://docs.joinmastodon.org/methods/statuses/#create).
 *
 * Exactly once: Mastodon remembers the key per account for 3600 s after the status is made
 * (post_status_service.rb: `redis.setex("idempotency:status:#{account.id}:#{key}", 3_600, …)`),
 * and a repeat within that hour gets the first status back. Our first attempt (`createdAt`) is
 * never later than the status, so while `createdAt` is under an hour old (less a margin) the key
 * alone covers a retry; past that, publish first looks for the earlier post (findPublished).
 * A retry re-uploads the media; uploads a returned duplicate leaves unattached are cleaned up by
 * Mastodon itself after a day.
 */
import crypto from 'node:crypto'
import type { mastodon } from 'masto'
import type { ConnectedAccount, MediaAttachment, PostRequest, PublishedPost, RemotePostRef } from '../connector.js'
import { Transient } from '../errors.js'
import { accountClient, type ResolvedDeps } from './client.js'
import { findPublished } from './find-published.js'
import { call, httpFailure, toConnectorError } from './map-error.js'
import { toPublished } from './status.js'
import { network } from './stored.js'

/** How long Mastodon keeps an Idempotency-Key (PostStatusService, 3_600 s). */
export const idempotencyWindowMs = 3_600_000
/** Retries this close to the end of the window look for the post first. */
const windowMarginMs = 5 * 60_000

/** Header values must be visible ASCII; any other key is sent as its SHA-256, the same each time. */
function headerSafe(key: string): string {
  return /^[\x21-\x7e]{1,255}$/.test(key) ? key : crypto.createHash('sha256').update(key).digest('base64url')
}

/** Mastodon takes an ISO 639 code: the primary subtag of a BCP 47 tag (`pt-BR` → `pt`). */
function languageOf(tag: string | undefined): string | undefined {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase()
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined
}

/** Uploads one attachment and waits until the server has processed it; returns its id. */
async function upload(deps: ResolvedDeps, client: mastodon.rest.Client, media: MediaAttachment): Promise<string> {
  const file = new Blob([new Uint8Array(media.bytes)], { type: media.mimeType })
  // skipPolling: masto would otherwise poll on its own, always waiting a first full second.
  const created = await call(() => client.v2.media.create({ file, description: media.altText || undefined, skipPolling: true }))
  if (created.url) return created.id
  const polls = Math.max(1, Math.ceil(deps.mediaTimeoutMs / deps.mediaPollIntervalMs))
  for (let i = 0; i < polls; i += 1) {
    await deps.sleep(deps.mediaPollIntervalMs)
    const current = await call(() => client.v1.media.$select(created.id).fetch())
    if (current.url) return current.id
  }
  throw new Transient(network, `Mastodon was still processing an attachment after ${Math.round(deps.mediaTimeoutMs / 1000)} s.`)
}

/** Publishes (or replies, with `request.replyTo`), at most once per idempotency key. */
export async function publish(deps: ResolvedDeps, account: ConnectedAccount, request: PostRequest): Promise<PublishedPost> {
  const { client } = accountClient(deps, account)
  if (deps.now() - request.createdAt >= idempotencyWindowMs - windowMarginMs) {
    const earlier = await findPublished(deps, account, request)
    if (earlier) return earlier
  }
  const mediaIds: string[] = []
  for (const media of request.media) mediaIds.push(await upload(deps, client, media))
  const params = { status: request.text, language: languageOf(request.language), inReplyToId: request.replyTo?.remoteId }
  const meta = { requestInit: { headers: { 'Idempotency-Key': headerSafe(request.idempotencyKey) } } }
  const status = await call(() => (mediaIds.length > 0 ? client.v1.statuses.create({ ...params, mediaIds }, meta) : client.v1.statuses.create(params, meta)))
  return toPublished(status)
}

/** Deletes a status; one that is already gone counts as deleted. */
export async function deletePost(deps: ResolvedDeps, account: ConnectedAccount, post: RemotePostRef): Promise<void> {
  const { client } = accountClient(deps, account)
  try {
    await client.v1.statuses.$select(post.remoteId).remove()
  } catch (error) {
    if (httpFailure(error)?.status !== 404) throw toConnectorError(error)
  }
}
