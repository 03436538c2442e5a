/**
 * What the Mastodon connector keeps, and reads back, in the JSON the contract leaves open: the
 * credentials Stagecraft seals (an access token, plus the OAuth app when there is one), the
 * pending OAuth state, the connect input, and the instance facts stored in the clear as
 * `settings`. Each is parsed with zod on the way in, so a malformed value fails early and plainly.
 */
import { z } from 'zod'
import type { ConnectedAccount } from '../connector.js'
import { AuthExpired } from '../errors.js'

/** The network id, as errors name it. */
export const network = 'mastodon'

/** `mastodon.social`, `https://mastodon.social/` → `https://mastodon.social` (http kept for loopback). */
export function normalizeServer(input: string): string {
  const trimmed = input.trim()
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`Not a web address: ${input}`)
  return url.origin
}

/** Sealed credentials: the bearer token, and the OAuth app it belongs to when there is one. */
export const credentialsSchema = z.object({
  accessToken: z.string().min(1),
  /** The OAuth app the token was issued to, when it came through beginOAuth (to revoke it later). */
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
})
/** See credentialsSchema. */
export type MastodonCredentials = z.infer<typeof credentialsSchema>

/** What beginOAuth hands to connect: the app registered on the instance and where it redirects. */
export const pendingSchema = z.object({
  server: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  redirectUri: z.string(),
})
/** See pendingSchema. */
export type MastodonPending = z.infer<typeof pendingSchema>

/** The instance's own limits (GET /api/v2/instance `configuration`) and where it lives. */
export const settingsSchema = z.object({
  /** The instance URL the person gave, normalized. */
  server: z.string(),
  /** LOCAL_DOMAIN, as in handles `@name@domain` (may differ from the web address). */
  domain: z.string(),
  maxCharacters: z.number().int().positive(),
  charactersReservedPerUrl: z.number().int().nonnegative(),
  maxMediaAttachments: z.number().int().positive(),
  supportedMimeTypes: z.array(z.string()),
  imageSizeLimit: z.number().int().positive(),
  videoSizeLimit: z.number().int().positive(),
  descriptionLimit: z.number().int().positive(),
  /** `api_versions.mastodon` (Mastodon 4.3 and later): which API additions the server has. */
  apiVersion: z.number().int().nonnegative().optional(),
})
/** See settingsSchema. */
export type MastodonSettings = z.infer<typeof settingsSchema>

/** Checks MastodonConnectInput at run time (it arrives from the API as JSON). */
export const connectInputSchema = z.union([
  z.object({ server: z.string().min(1), accessToken: z.string().min(1) }),
  z.object({ server: z.string().min(1), code: z.string().min(1), redirectUri: z.string().min(1), pending: z.record(z.string(), z.unknown()) }),
])

/** How a person connects: a token made under Preferences → Development, or the OAuth result. */
export type MastodonConnectInput =
  | { server: string; accessToken: string }
  | { server: string; code: string; redirectUri: string; pending: Record<string, unknown> }

/** The server URL and token of a connected account; AuthExpired when they are unusable. */
export function readAccount(account: ConnectedAccount): { server: string; credentials: MastodonCredentials; remoteId: string } {
  const credentials = credentialsSchema.safeParse(account.credentials)
  const server = typeof account.settings.server === 'string' ? account.settings.server : undefined
  if (!credentials.success || !server) throw new AuthExpired(network, 'The stored Mastodon connection is incomplete; connect the account again.')
  return { server, credentials: credentials.data, remoteId: account.account.remoteId }
}
