/**
 * The redirect's memory of links: code → where to send, answered without the database once a
 * code has been seen. Bounded, oldest entry out first (not least recently used: a hit is then one
 * Map lookup, with nothing to reorder; a busy link evicted early costs one query to come back).
 * Each entry lives 10 minutes, so a link deleted through another process stops working there
 * too; unknown codes are remembered for 30 s so that a flood of made-up codes does not become a
 * flood of queries. Concurrent misses of one code share one query.
 */
import type { RedirectLinkRow } from '../store/index.js'

/** A link ready to answer with: the click id goes between `clickPrefix` and `clickSuffix`. */
export interface CachedLink {
  id: string
  workspaceId: string
  postId: string | null
  network: string | null
  /** Where bots are sent (no click id). */
  destination: string
  /** `destination` up to where `sc_click=<id>` ends: its query with `sc_click=` added. */
  clickPrefix: string
  /** The fragment, when the destination has one. */
  clickSuffix: string
}

export interface LinkCache {
  /** The link for `code`: at once when remembered, else after one query; null when unknown. */
  lookup(code: string): CachedLink | null | Promise<CachedLink | null>
  /** Forgets `code` (deleted, or just created after someone tried it). */
  forget(code: string): void
  readonly size: number
  readonly stats: { hits: number; misses: number }
}

export interface LinkCacheOptions {
  load(code: string): Promise<RedirectLinkRow | undefined>
  /** Most codes remembered (default 50,000; an entry is a few hundred bytes). */
  maxEntries?: number
  /** How long a known link is trusted (default 10 minutes). */
  ttlMs?: number
  /** How long an unknown code is remembered as unknown (default 30 s). */
  negativeTtlMs?: number
  /** Monotonic-enough milliseconds (default Date.now). */
  clock?: () => number
}

interface Entry {
  link: CachedLink | null
  expiresAt: number
}

/** Splits a destination where the click id goes (before any fragment, after any query). */
export function prepareLink(row: RedirectLinkRow): CachedLink {
  const hashAt = row.destination.indexOf('#')
  const base = hashAt < 0 ? row.destination : row.destination.slice(0, hashAt)
  const clickSuffix = hashAt < 0 ? '' : row.destination.slice(hashAt)
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?'
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    postId: row.postId,
    network: row.network,
    destination: row.destination,
    clickPrefix: `${base}${separator}sc_click=`,
    clickSuffix,
  }
}

export function createLinkCache(options: LinkCacheOptions): LinkCache {
  const maxEntries = options.maxEntries ?? 50_000
  const ttlMs = options.ttlMs ?? 10 * 60_000
  const negativeTtlMs = options.negativeTtlMs ?? 30_000
  const clock = options.clock ?? Date.now
  // A Map keeps insertion order: its first key is the oldest entry.
  const entries = new Map<string, Entry>()
  const loading = new Map<string, Promise<CachedLink | null>>()
  const stats = { hits: 0, misses: 0 }

  const remember = (code: string, link: CachedLink | null) => {
    entries.delete(code)
    entries.set(code, { link, expiresAt: clock() + (link ? ttlMs : negativeTtlMs) })
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
  }

  const load = (code: string): Promise<CachedLink | null> => {
    let pending = loading.get(code)
    if (!pending) {
      pending = options
        .load(code)
        .then((row) => {
          const link = row ? prepareLink(row) : null
          // A `forget` while loading wins: the answer may already be stale.
          if (loading.get(code) === pending) remember(code, link)
          return link
        })
        .finally(() => {
          if (loading.get(code) === pending) loading.delete(code)
        })
      loading.set(code, pending)
    }
    return pending
  }

  return {
    lookup(code) {
      const entry = entries.get(code)
      if (entry && entry.expiresAt > clock()) {
        stats.hits++
        return entry.link
      }
      stats.misses++
      return load(code)
    },
    forget(code) {
      entries.delete(code)
      loading.delete(code)
    },
    get size() {
      return entries.size
    },
    stats,
  }
}
