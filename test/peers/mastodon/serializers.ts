/**
 * JSON entities as Mastodon's REST serializers shape them (snake_case, ids as strings):
 * Account and CredentialAccount (https://docs.joinmastodon.org/entities/Account/), Status
 * (/entities/Status/), MediaAttachment (/entities/MediaAttachment/) and Instance v2
 * (/entities/Instance/, app/serializers/rest/instance_serializer.rb). Only the fields a client
 * commonly reads are filled. Counters that would need federation (followers, favourites,
 * boosts) are zero unless a test set them (`statusCounts`, `accountCounts`); replies and quotes
 * count this server's own unless set. Notification (/entities/Notification/) and Relationship
 * (/entities/Relationship/) are here too.
 */
import { atLeast, compareIds, type LocalAccount, type PeerState, type StoredMedia, type StoredNotification, type StoredStatus } from './state.js'
import { extractEntities, formatContent, quoteInlineParagraph, urlPlaceholderChars } from './text.js'

/** MediaAttachment::IMAGE_MIME_TYPES + VIDEO_MIME_TYPES + AUDIO_MIME_TYPES, as mastodon.social lists them. */
export const supportedMimeTypes = [
  'image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp', 'image/avif',
  'video/webm', 'video/mp4', 'video/quicktime', 'video/ogg',
  'audio/wave', 'audio/wav', 'audio/x-wav', 'audio/x-pn-wave', 'audio/vnd.wave', 'audio/ogg', 'audio/vorbis',
  'audio/mpeg', 'audio/mp3', 'audio/webm', 'audio/flac', 'audio/aac', 'audio/m4a', 'audio/x-m4a', 'audio/mp4', 'audio/3gpp',
  'video/x-ms-asf',
]

/** Status::MEDIA_ATTACHMENTS_LIMIT */
export const maxMediaAttachments = 4

const iso = (ms: number): string => new Date(ms).toISOString()

/** REST::AccountSerializer */
export function accountJson(state: PeerState, account: LocalAccount): Record<string, unknown> {
  const own = [...state.statuses.values()].filter((s) => s.accountId === account.id && !s.deleted)
  const last = own.map((s) => s.createdAt).sort((a, b) => b - a)[0]
  const counts = state.accountCounts.get(account.id) ?? {}
  return {
    id: account.id,
    username: account.username,
    acct: account.username,
    display_name: account.displayName,
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    created_at: iso(account.createdAt),
    note: '',
    url: `${state.base}/@${account.username}`,
    uri: `${state.base}/users/${account.username}`,
    avatar: `${state.base}/avatars/original/missing.png`,
    avatar_static: `${state.base}/avatars/original/missing.png`,
    header: `${state.base}/headers/original/missing.png`,
    header_static: `${state.base}/headers/original/missing.png`,
    followers_count: counts.followers ?? 0,
    following_count: counts.following ?? 0,
    statuses_count: own.length,
    last_status_at: last === undefined ? null : iso(last).slice(0, 10),
    emojis: [],
    fields: [],
  }
}

/** GET /api/v1/accounts/verify_credentials: the account plus its `source`. */
export function credentialAccountJson(state: PeerState, account: LocalAccount): Record<string, unknown> {
  return {
    ...accountJson(state, account),
    source: { privacy: 'public', sensitive: false, language: null, note: '', fields: [], follow_requests_count: 0 },
  }
}

const mediaType = (mime: string): string => (mime === 'image/gif' ? 'gifv' : mime.split('/')[0] === 'image' ? 'image' : mime.split('/')[0] === 'video' ? 'video' : 'audio')

/** REST::MediaAttachmentSerializer: `url` stays null until processed. */
export function mediaJson(state: PeerState, media: StoredMedia): Record<string, unknown> {
  const file = `${state.base}/system/media_attachments/files/${media.id}`
  return {
    id: media.id,
    type: mediaType(media.mimeType),
    url: media.ready ? `${file}/original` : null,
    preview_url: `${file}/small`,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: media.focus ? { focus: media.focus } : {},
    description: media.description,
    blurhash: null,
  }
}

/** Resolves a mention to a local account or a remote one this server already knows. */
function lookup(state: PeerState) {
  return (name: string, domain: string | null) => {
    const local = domain === null || domain === state.domain
    if (local) {
      const account = [...state.accounts.values()].find((a) => a.username.toLowerCase() === name.toLowerCase())
      return account ? { id: account.id, url: `${state.base}/@${account.username}`, username: account.username, acct: account.username } : undefined
    }
    const remote = state.remotes.get(`${name}@${domain}`.toLowerCase())
    return remote ? { id: remote.id, url: remote.url, username: remote.username, acct: `${remote.username}@${remote.domain}` } : undefined
  }
}

/** A status's public address, as `url` shows it. */
export function statusUrl(state: PeerState, status: StoredStatus): string {
  return `${state.base}/@${state.accounts.get(status.accountId)!.username}/${status.id}`
}

/**
 * The `quote` of a status (4.5.0; /entities/Quote/, /entities/ShallowQuote/): the quoted status
 * in full at the top level, only its id inside a quoted status (REST::ShallowQuoteSerializer),
 * so quotes never nest; `deleted` once the quoted status is gone.
 */
function quoteJson(state: PeerState, status: StoredStatus, nested: boolean): Record<string, unknown> | null {
  if (status.quotedStatusId === null) return null
  const quoted = state.statuses.get(status.quotedStatusId)
  if (!quoted || quoted.deleted) return nested ? { state: 'deleted', quoted_status_id: null } : { state: 'deleted', quoted_status: null }
  return nested ? { state: 'accepted', quoted_status_id: quoted.id } : { state: 'accepted', quoted_status: statusJson(state, quoted, { nested: true }) }
}

/** The HTML `content`: the text formatted, after the quote's fallback paragraph when it needs one. */
function contentOf(state: PeerState, status: StoredStatus, find: ReturnType<typeof lookup>): string {
  const html = formatContent(status.text, state.base, find)
  const quoted = status.quotedStatusId ? state.statuses.get(status.quotedStatusId) : undefined
  if (!quoted || !atLeast(state, '4.5.0')) return html
  const url = statusUrl(state, quoted)
  return status.text.includes(url) ? html : quoteInlineParagraph(url) + html
}

/**
 * REST::StatusSerializer; `withSource` adds the source `text` (as DELETE answers), `nested` is a
 * status shown inside another's quote.
 */
export function statusJson(state: PeerState, status: StoredStatus, options: { withSource?: boolean; nested?: boolean } = {}): Record<string, unknown> {
  const account = state.accounts.get(status.accountId)!
  const find = lookup(state)
  const entities = extractEntities(status.text)
  const mentions = entities
    .filter((e) => e.kind === 'mention')
    .map((e) => {
      const [name = '', domain = null] = e.value.split('@')
      return find(name, domain)
    })
    .filter((m) => m !== undefined)
    .map((m) => ({ id: m.id, username: m.username, url: m.url, acct: m.acct }))
  const counts = state.statusCounts.get(status.id) ?? {}
  const replies = counts.replies ?? [...state.statuses.values()].filter((s) => s.inReplyToId === status.id && !s.deleted).length
  const quotes = [...state.statuses.values()].filter((s) => s.quotedStatusId === status.id && !s.deleted).length
  const parent = status.inReplyToId ? state.statuses.get(status.inReplyToId) : undefined
  return {
    id: status.id,
    created_at: iso(status.createdAt),
    in_reply_to_id: status.inReplyToId,
    in_reply_to_account_id: parent?.accountId ?? null,
    sensitive: false,
    spoiler_text: status.spoilerText,
    visibility: status.visibility,
    language: status.language,
    uri: `${state.base}/users/${account.username}/statuses/${status.id}`,
    url: statusUrl(state, status),
    replies_count: replies,
    reblogs_count: counts.reblogs ?? 0,
    favourites_count: counts.favourites ?? 0,
    ...(atLeast(state, '4.5.0') ? { quotes_count: counts.quotes ?? quotes, quote: quoteJson(state, status, options.nested === true) } : {}),
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: contentOf(state, status, find),
    ...(options.withSource ? { text: status.text } : {}),
    reblog: null,
    application: status.appName ? { name: status.appName, website: null } : null,
    account: accountJson(state, account),
    media_attachments: status.mediaIds.map((id) => mediaJson(state, state.media.get(id)!)),
    mentions,
    tags: entities.filter((e) => e.kind === 'hashtag').map((e) => ({ name: e.value.toLowerCase(), url: `${state.base}/tags/${e.value.toLowerCase()}` })),
    emojis: [],
    card: null,
    poll: null,
  }
}

/**
 * REST::NotificationSerializer: `status` is the status it is about, or null when that status
 * is no longer there (deleted: see routes-notifications.ts). `group_key` from 4.3.0.
 */
export function notificationJson(state: PeerState, notification: StoredNotification): Record<string, unknown> {
  const status = state.statuses.get(notification.statusId)
  return {
    id: notification.id,
    type: notification.type,
    created_at: iso(notification.createdAt),
    ...(atLeast(state, '4.3.0') ? { group_key: `ungrouped-${notification.id}` } : {}),
    account: accountJson(state, state.accounts.get(notification.fromAccountId)!),
    status: status && !status.deleted ? statusJson(state, status) : null,
  }
}

/** REST::RelationshipSerializer, from `viewerId`'s side; this server has no blocks, mutes or requests. */
export function relationshipJson(state: PeerState, viewerId: string, accountId: string): Record<string, unknown> {
  const following = state.follows.has(`${viewerId}:${accountId}`)
  return {
    id: accountId,
    following,
    showing_reblogs: following,
    notifying: false,
    languages: null,
    followed_by: state.follows.has(`${accountId}:${viewerId}`),
    blocking: false,
    blocked_by: false,
    muting: false,
    muting_notifications: false,
    requested: false,
    requested_by: false,
    domain_blocking: false,
    endorsed: false,
    note: '',
  }
}

/** Statuses newest first, as timelines and account statuses are ordered. */
export function newestFirst(statuses: StoredStatus[]): StoredStatus[] {
  return [...statuses].sort((a, b) => compareIds(b.id, a.id))
}

/** `api_versions` (added in 4.3.0 at 2; 7 from 4.5.0); older releases send none. */
function apiVersions(state: PeerState): Record<string, unknown> {
  if (atLeast(state, '4.5.0')) return { api_versions: { mastodon: 7 } }
  return atLeast(state, '4.3.0') ? { api_versions: { mastodon: 2 } } : {}
}

/** GET /api/v2/instance (app/serializers/rest/instance_serializer.rb#configuration). */
export function instanceJson(state: PeerState): Record<string, unknown> {
  return {
    domain: state.domain,
    title: state.title,
    version: state.version,
    source_url: 'https://github.com/mastodon/mastodon',
    description: 'A Mastodon contract server on loopback, for tests.',
    usage: { users: { active_month: state.accounts.size } },
    thumbnail: { url: `${state.base}/packs/media/images/preview.png` },
    icon: [],
    languages: ['en'],
    configuration: {
      urls: { streaming: state.base.replace(/^http/, 'ws'), status: null },
      vapid: { public_key: '' },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      statuses: {
        max_characters: state.maxCharacters,
        max_media_attachments: maxMediaAttachments,
        characters_reserved_per_url: urlPlaceholderChars,
      },
      media_attachments: {
        supported_mime_types: supportedMimeTypes,
        description_limit: 1500,
        image_size_limit: 16_777_216,
        image_matrix_limit: 33_177_600,
        video_size_limit: 103_809_024,
        video_frame_rate_limit: 120,
        video_matrix_limit: 8_294_400,
      },
      polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2_629_746 },
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: false, message: null },
    ...apiVersions(state),
    contact: { email: '', account: null },
    rules: [],
  }
}
