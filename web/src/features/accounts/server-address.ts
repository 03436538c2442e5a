/** What people type as a server address ("mastodon.social") made into one the API accepts. */

/** Adds `https://` when no scheme was typed and trims spaces and trailing slashes. */
export function normalizeServerAddress(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '')
  if (!trimmed) return ''
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
}
