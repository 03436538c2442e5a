/**
 * UTM tags on a destination address: the analytics tool on the business's website reads them to
 * say which network, post or campaign a visit came from. Tags the address already carries are
 * the business's own choice and are never overridden.
 */

/** The tags a tracked link adds; empty or missing values are left out. */
export interface UtmTags {
  source?: string | null
  medium?: string | null
  campaign?: string | null
  content?: string | null
}

const order = ['source', 'medium', 'campaign', 'content'] as const

/**
 * `url` with `utm_source`, `utm_medium`, `utm_campaign` and `utm_content` added where the
 * address does not already have them. The rest of the address is kept as written (its query is
 * appended to, not re-encoded; the fragment stays last).
 * @throws TypeError when `url` is not an absolute address.
 */
export function addUtm(url: string, tags: UtmTags): string {
  const parsed = new URL(url)
  const present = new Set([...parsed.searchParams.keys()].map((key) => key.toLowerCase()))
  const added = order
    .filter((name) => !present.has(`utm_${name}`))
    .flatMap((name) => {
      const value = tags[name]?.trim()
      return value ? [`utm_${name}=${encodeURIComponent(value)}`] : []
    })
  if (added.length === 0) return parsed.toString()
  const query = parsed.search.length > 1 ? `${parsed.search.slice(1)}&` : ''
  parsed.search = `?${query}${added.join('&')}`
  return parsed.toString()
}

/**
 * A label as a UTM value: lower case, letters and digits of any script kept, everything else
 * folded into single dashes ("Instagram bio" → "instagram-bio", "Flyer — été" → "flyer-ete").
 */
export function utmSlug(label: string, maxLength = 40): string {
  return label
    // Accents of Latin letters go (é → e); the marks other scripts are written with stay.
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]+/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '')
}
