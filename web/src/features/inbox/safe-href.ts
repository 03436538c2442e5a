/**
 * Only web addresses become links: an item's author, post and profile addresses come from the
 * networks, and a `javascript:` one must never be clickable.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
