/**
 * What a Mastodon account can post, from its own instance: each server sets its character limit
 * and media limits and publishes them in GET /api/v2/instance `configuration`
 * (https://docs.joinmastodon.org/entities/Instance/#configuration). Defaults are vanilla
 * Mastodon's, for an account not yet connected or a server that leaves a field out.
 *
 * Counting (app/validators/status_length_validator.rb): Mastodon counts grapheme clusters
 * (`str.each_grapheme_cluster.size`; `mb_chars.grapheme_length` before 4.x), not code points;
 * every URL with a protocol counts as `characters_reserved_per_url` (URL_PLACEHOLDER_CHARS = 23)
 * and a mention `@name@domain` counts as `@name`.
 *
 * Rate limits (Mastodon's defaults, per account; nothing is shared across accounts of one server
 * for authenticated calls, so `requestsPerServer` is left out):
 * - statuses: 300 per 3 hours (app/lib/rate_limiter.rb `FAMILIES[:statuses]`, applied to
 *   POST /api/v1/statuses by `override_rate_limit_headers :create, family: :statuses`);
 * - every API call: 300 per 5 minutes per token (config/initializers/rack_attack.rb
 *   `throttle_per_token_api`; https://docs.joinmastodon.org/api/rate-limits/ "Account access"),
 *   1 500 per 5 minutes per account (`throttle_authenticated_api`);
 * - media uploads: 30 per 30 minutes (`throttle_api_media`); deletions: 30 per 30 minutes
 *   (`throttle_api_delete`).
 * The contract has one publishing rule per account, the statuses one; the others surface as
 * RateLimited with the server's reset time when a burst reaches them.
 *
 * Metrics: every Status counts favourites, boosts and replies; `quotes_count` comes with quote
 * posts, API version 7 (Mastodon 4.5, https://docs.joinmastodon.org/client/quotes), which the
 * instance announces in `api_versions.mastodon`. Mastodon counts no views.
 */
import type { Capabilities, ConnectedAccount, MediaKind, TextRules } from '../connector.js'
import { settingsSchema, type MastodonSettings } from './stored.js'

const hour = 3_600_000
/** The first `api_versions.mastodon` with quote posts: `quotes_count`, `quote` notifications. */
export const quotesApiVersion = 7

/** Vanilla Mastodon 4.x, as mastodon.social reports it. */
export const defaultSettings: Omit<MastodonSettings, 'server' | 'domain'> = {
  maxCharacters: 500,
  charactersReservedPerUrl: 23,
  maxMediaAttachments: 4,
  supportedMimeTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp', 'image/avif', 'video/webm', 'video/mp4', 'video/quicktime', 'video/ogg'],
  imageSizeLimit: 16_777_216,
  videoSizeLimit: 103_809_024,
  /** MediaAttachment::MAX_DESCRIPTION_LENGTH */
  descriptionLimit: 1_500,
}

/** The part of GET /api/v2/instance this connector reads (masto camel-cases the keys). */
export interface InstanceLimits {
  domain?: string
  /** An integer in the Instance entity; masto 7.12 types it as a string, so both are read. */
  apiVersions?: { mastodon?: number | string }
  configuration?: {
    statuses?: { maxCharacters?: number; maxMediaAttachments?: number; charactersReservedPerUrl?: number }
    mediaAttachments?: { supportedMimeTypes?: string[]; imageSizeLimit?: number; videoSizeLimit?: number; descriptionLimit?: number }
  }
}

const positive = (value: number | undefined, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback)

/** Settings for an account on `server`, from the instance's answer (or defaults when it had none). */
export function settingsFromInstance(server: string, instance: InstanceLimits | undefined): MastodonSettings {
  const statuses = instance?.configuration?.statuses
  const media = instance?.configuration?.mediaAttachments
  const mimeTypes = media?.supportedMimeTypes?.filter((t) => t.startsWith('image/') || t.startsWith('video/'))
  const apiVersion = Number(instance?.apiVersions?.mastodon)
  return {
    server,
    domain: instance?.domain || new URL(server).host,
    maxCharacters: positive(statuses?.maxCharacters, defaultSettings.maxCharacters),
    charactersReservedPerUrl: statuses?.charactersReservedPerUrl ?? defaultSettings.charactersReservedPerUrl,
    maxMediaAttachments: positive(statuses?.maxMediaAttachments, defaultSettings.maxMediaAttachments),
    supportedMimeTypes: mimeTypes && mimeTypes.length > 0 ? mimeTypes : defaultSettings.supportedMimeTypes,
    imageSizeLimit: positive(media?.imageSizeLimit, defaultSettings.imageSizeLimit),
    videoSizeLimit: positive(media?.videoSizeLimit, defaultSettings.videoSizeLimit),
    descriptionLimit: positive(media?.descriptionLimit, defaultSettings.descriptionLimit),
    ...(Number.isInteger(apiVersion) && apiVersion >= 0 ? { apiVersion } : {}),
  }
}

function kindsOf(mimeTypes: string[]): MediaKind[] {
  const kinds: MediaKind[] = []
  if (mimeTypes.some((t) => t.startsWith('image/') && t !== 'image/gif')) kinds.push('image')
  if (mimeTypes.includes('image/gif')) kinds.push('gif')
  if (mimeTypes.some((t) => t.startsWith('video/'))) kinds.push('video')
  return kinds
}

/** Capabilities of a connected account (its instance's limits), or of vanilla Mastodon. */
export function mastodonCapabilities(account?: ConnectedAccount): Capabilities {
  const stored = settingsSchema.omit({ server: true, domain: true }).partial().safeParse(account?.settings ?? {})
  const s = { ...defaultSettings, ...(stored.success ? stored.data : {}) }
  const text: TextRules & { mentionsWithoutDomain: boolean } = {
    maxLength: s.maxCharacters,
    counting: 'graphemes',
    linkLength: s.charactersReservedPerUrl,
    mentionsWithoutDomain: true,
  }
  return {
    text,
    media: {
      kinds: kindsOf(s.supportedMimeTypes),
      maxCount: s.maxMediaAttachments,
      // GIFs are images until Mastodon converts them (IMAGE_LIMIT applies to the upload).
      maxBytes: { image: s.imageSizeLimit, gif: s.imageSizeLimit, video: s.videoSizeLimit },
      mimeTypes: s.supportedMimeTypes,
      altTextMaxLength: s.descriptionLimit,
    },
    threads: true,
    linkCards: true,
    metrics: { likes: true, reposts: true, replies: true, quotes: (s.apiVersion ?? 0) >= quotesApiVersion, views: false },
    rateLimits: { publishPerAccount: { max: 300, windowMs: 3 * hour } },
    // NotifyService notifies mentions: a reply whose author removed the @mention is not notified.
    repliesOnlyWhenMentioned: true,
  }
}
