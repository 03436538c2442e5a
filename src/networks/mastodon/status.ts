/** A Mastodon status as the contract's PublishedPost (https://docs.joinmastodon.org/entities/Status/). */
import type { mastodon } from 'masto'
import type { PublishedPost } from '../connector.js'

/** `url` is the status page; Mastodon may leave it null, and `uri` still identifies the status. */
export function toPublished(status: mastodon.v1.Status): PublishedPost {
  return { remoteId: status.id, url: status.url ?? status.uri, publishedAt: Date.parse(status.createdAt) }
}
