/**
 * Listening sources: where the things people publish come from. Each source takes a cursor in
 * and gives items plus a new cursor out; none touches the database (the listen feature stores
 * items and cursors). This file is the folder's only door.
 *
 * - `pollFeedSource({ url, cursor }, deps)`: RSS/Atom, one conditional GET; cursor = validators
 *   and the ids already yielded. Errors are the feeds layer's `FeedError`.
 * - `pollMastodonHashtag({ instanceUrl, hashtag, cursor }, deps)`: a public hashtag timeline,
 *   read forward with `min_id`; cursor = the newest status id seen.
 * - `subscribeBluesky({ service, kind, cursor, onItem, onCursor, signal, allowPrivate })`: the
 *   firehose (cursor = `seq`) or Jetstream (cursor = `time_us`), live, until `signal` aborts.
 * - `checkListenSourceUrl(url, { kind, allowPrivate })`: the URL guard at entry time, with a
 *   `ListenSourceError` whose message key tells the person what is wrong.
 */
export type { ListenItem, ListenSourceKind } from './types.js'
export { pollFeedSource, feedItemKey } from './feed-source.js'
export type { FeedCursor, FeedPollResult, FeedSourceDeps } from './feed-source.js'
export { pollMastodonHashtag, normalizeHashtag } from './mastodon-hashtag.js'
export type { MastodonHashtagDeps, MastodonHashtagResult, MastodonHashtagSource } from './mastodon-hashtag.js'
export { subscribeBluesky } from './bluesky-subscribe.js'
export type { BlueskySubscribeOptions } from './bluesky-subscribe.js'
export { checkListenSourceUrl, toStreamUrl } from './source-url.js'
export type { ListenSourceUrlKind } from './source-url.js'
export { ListenSourceError, listenSourceErrorReasons, listenSourceMessageKey } from './errors.js'
export type { ListenSourceErrorReason } from './errors.js'
