/**
 * Feeds: fetch and parse RSS and Atom feeds from user-supplied URLs, safely. Shared by
 * publishing (blog-to-social drafts) and listening (news and blog sources); this file is the
 * module's only door.
 *
 * - `fetchFeed(url, options)` polls once: the URL guard on every connection and redirect hop
 *   (DNS rebinding included), conditional GET, a size ceiling while streaming, a timeout, the
 *   declared charset, and items as plain text with stable ids, newest first.
 * - Every failure is a `FeedError` whose `reason` is one of `feedErrorReasons`; its message key
 *   is `errors.url_<reason>` for the URL guard's reasons and `errors.feed_<reason>` otherwise.
 * - Store `etag` and `lastModified` from an `ok` result and pass them to the next poll.
 */
export { fetchFeed } from './fetch-feed.js'
export { FeedError, feedErrorReasons, feedMessageKey } from './errors.js'
export type { FeedErrorReason } from './errors.js'
export type { Feed, FeedItem, FeedResult, FetchFeedOptions } from './types.js'
export { htmlToText } from './plain-text.js'
