/**
 * What Bluesky accepts, from the lexicons the PDS validates against and Bluesky's published
 * limits. The numbers were checked on a real PDS (@atproto/pds 0.4.217) in bluesky.test.ts.
 */
import type { Capabilities } from '../connector.js'

const minute = 60_000
const hour = 60 * minute

/**
 * - Text: `app.bsky.feed.post#text` has maxGraphemes 300 (and maxLength 3000 UTF-8 bytes, which
 *   300 long graphemes such as skin-toned emoji can exceed; the PDS then rejects the post).
 * - Images: `app.bsky.embed.images` holds at most 4 images; each blob `accept: image/*` and
 *   `maxSize: 1000000` in the PDS's lexicons (the newer lexicon in @atproto/api says 2 MB, but
 *   PDSes on the older one still refuse anything over 1,000,000 bytes). GIFs post as still images.
 * - Alt text: the lexicon sets no limit; 2,000 characters is the Bluesky app's own cap
 *   (social-app `MAX_ALT_TEXT`), kept so that what we post can be edited there.
 * - Metrics: the AppView's postView counts likes, reposts, replies and quotes
 *   (`app.bsky.feed.defs#postView`); nothing counts views.
 * - Rate limits, from https://docs.bsky.app/docs/advanced-guides/rate-limits: writes cost 3
 *   points per created record against 5,000 points per hour and 35,000 per day per account, so
 *   at most 1,666 posts an hour and 11,666 a day. One rule must honour both: 11,666 / 24 = 486
 *   posts an hour keeps under the daily budget and far under the hourly one. Every request to a
 *   PDS counts against 3,000 per 5 minutes per IP address, shared by all accounts on that PDS.
 */
export const blueskyCapabilities: Capabilities = {
  text: { maxLength: 300, counting: 'graphemes', maxBytes: 3000 },
  media: {
    kinds: ['image'],
    maxCount: 4,
    maxBytes: { image: 1_000_000 },
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
    altTextMaxLength: 2000,
  },
  threads: true,
  linkCards: false,
  metrics: { likes: true, reposts: true, replies: true, quotes: true, views: false },
  rateLimits: {
    publishPerAccount: { max: 486, windowMs: hour },
    requestsPerServer: { max: 3000, windowMs: 5 * minute },
  },
}
