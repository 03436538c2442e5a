/**
 * Finding the post an earlier attempt may have made, when the Idempotency-Key can no longer be
 * trusted to (the key lasts an hour) or before the dispatcher retries: the account's own
 * statuses (GET /api/v1/accounts/:id/statuses, newest first, reblogs left out) created since
 * `request.createdAt` (less two minutes for clock differences), one whose shown text matches the
 * request's (match-text.ts), replying to the same post and carrying as many attachments. When
 * several match, the oldest is the one the first attempt made.
 *
 * Limits, honestly:
 * - It looks back at most `maxPages` pages of 40 statuses; an account posting hundreds of
 *   statuses between two attempts could hide the earlier one.
 * - It compares what Mastodon shows, not the source: texts differing only in whitespace, Unicode
 *   normalization or a remote mention's domain look the same, and a post the person wrote by
 *   hand with the very same text in the window is taken for ours.
 * - Servers that render text differently (Markdown in glitch-soc or Akkoma, GoToSocial's own
 *   formatting) or a status edited since may not match, and the post would be made again.
 * - A post deleted in the meantime is not found, so it would be posted again.
 */
import type { mastodon } from 'masto'
import type { ConnectedAccount, PostRequest, PublishedPost } from '../connector.js'
import { accountClient, type ResolvedDeps } from './client.js'
import { call } from './map-error.js'
import { contentShows } from './match-text.js'
import { toPublished } from './status.js'

const pageSize = 40
const maxPages = 5
const clockSkewMs = 2 * 60_000

function matches(status: mastodon.v1.Status, request: PostRequest): boolean {
  return (
    (status.inReplyToId ?? undefined) === request.replyTo?.remoteId &&
    status.mediaAttachments.length === request.media.length &&
    contentShows(status.content, request.text)
  )
}

/** The post an earlier attempt at `request` made, or undefined. */
export async function findPublished(deps: ResolvedDeps, account: ConnectedAccount, request: PostRequest): Promise<PublishedPost | undefined> {
  const { client, remoteId } = accountClient(deps, account)
  const since = request.createdAt - clockSkewMs
  let oldest: mastodon.v1.Status | undefined
  await call(async () => {
    let pages = 0
    for await (const page of client.v1.accounts.$select(remoteId).statuses.list({ limit: pageSize, excludeReblogs: true })) {
      pages += 1
      for (const status of page) {
        if (Date.parse(status.createdAt) < since) return
        if (matches(status, request)) oldest = status
      }
      if (page.length < pageSize || pages >= maxPages) return
    }
  })
  return oldest && toPublished(oldest)
}
