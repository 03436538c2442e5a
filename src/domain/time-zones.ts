/** Time zone rules: a workspace's day is its own time zone's day. */

/** True when `zone` is an IANA time zone this runtime knows (e.g. "Europe/Paris"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
