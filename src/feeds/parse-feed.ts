/**
 * Feed text (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0) to our `Feed`: plain-text fields,
 * absolute http(s) URLs only, stable item ids, newest first. The parser library is lenient with
 * real-world feeds; everything it returns passes through here before anyone else sees it.
 */
import { createHash } from 'node:crypto'
import { parseFeed as parseWithLibrary } from '@rowanmanning/feed-parser'
import { FeedError } from './errors.js'
import { firstImageSource, htmlToText } from './plain-text.js'
import type { Feed, FeedItem } from './types.js'

type LibraryFeed = ReturnType<typeof parseWithLibrary>
type LibraryItem = LibraryFeed['items'][number]

/**
 * An absolute http(s) URL, resolved against `base` when relative; anything else (`javascript:`,
 * `data:`, garbage) is dropped so no consumer ever links to it.
 */
export function httpUrl(raw: string | null | undefined, base: string): string | undefined {
  if (!raw?.trim()) return undefined
  try {
    const url = new URL(raw.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function validTime(date: Date | null): number | undefined {
  const time = date?.getTime()
  return time === undefined || Number.isNaN(time) ? undefined : time
}

/**
 * The fallback id: the same title and publication date always hash to the same id, poll after
 * poll. Not the updated date: an edited item would otherwise come back as a new one.
 */
function hashedId(title: string, publishedAt: number | undefined, summary: string | undefined): string {
  // With neither title nor date, the summary is all that tells items apart.
  const basis = (title || publishedAt !== undefined) ? `${title}\n${publishedAt ?? ''}` : `\n\n${summary ?? ''}`
  return `sha256:${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`
}

function toItem(item: LibraryItem, base: string): FeedItem {
  const title = htmlToText(item.title)
  const link = httpUrl(item.url, base)
  const summary = htmlToText(item.description) || htmlToText(item.content) || undefined
  const publishedAt = validTime(item.published) ?? validTime(item.updated)
  const firstAuthor = item.authors[0]
  const author = htmlToText(firstAuthor?.name ?? firstAuthor?.email) || undefined
  const imageUrl =
    httpUrl(item.image?.url, link ?? base) ??
    httpUrl(firstImageSource(item.content), link ?? base) ??
    httpUrl(firstImageSource(item.description), link ?? base)
  const categories = [...new Set(item.categories.map((c) => htmlToText(c.label ?? c.term)).filter(Boolean))]
  const id = item.id?.trim() || link || hashedId(title, validTime(item.published), summary)
  return { id, title, link, summary, publishedAt, author, imageUrl, categories }
}

/** Newest first; undated items after dated ones, in feed order (the sort is stable). */
function byNewestFirst(a: FeedItem, b: FeedItem): number {
  if (a.publishedAt === undefined) return b.publishedAt === undefined ? 0 : 1
  if (b.publishedAt === undefined) return -1
  return b.publishedAt - a.publishedAt
}

/** Drops undefined optional fields so results compare and serialise cleanly. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

/**
 * Parses feed text fetched from `url` (the final URL, after redirects: relative links resolve
 * against it). Items sharing an id keep only their first occurrence, so ids are unique.
 * @throws FeedError `not_a_feed` for HTML pages, other XML, JSON and garbage.
 */
export function parseFeedText(text: string, url: string): Feed {
  try {
    return toFeed(parseWithLibrary(text), url)
  } catch (error) {
    // The library's getters are lazy, so malformed input can throw while mapping, not only in parsing.
    throw new FeedError('not_a_feed', url, { cause: error })
  }
}

function toFeed(parsed: LibraryFeed, url: string): Feed {
  const link = httpUrl(parsed.url, url)
  const seen = new Set<string>()
  const items: FeedItem[] = []
  for (const item of parsed.items) {
    const mapped = compact(toItem(item, link ?? url))
    if (seen.has(mapped.id)) continue
    seen.add(mapped.id)
    items.push(mapped)
  }
  return compact({
    title: htmlToText(parsed.title),
    link,
    language: parsed.language?.trim() || undefined,
    items: items.sort(byNewestFirst),
  })
}
