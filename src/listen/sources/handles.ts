/**
 * Authors' handles for stream items. Firehose and Jetstream events name authors by DID; the handle
 * a person recognises is in the DID document (`alsoKnownAs: at://alice.example`), resolved through
 * the IdResolver (the configured PLC directory, or did:web). Decisions:
 * - The handle is the one the DID document claims, not verified back through DNS or
 *   /.well-known (that would mean a DNS query and an HTTPS request to an arbitrary host per
 *   author). `authorDid` stays the authority and links are built from the DID.
 * - The stream never waits long for it: a lookup is started when an event arrives (`prefetch`)
 *   and awaited at most `waitMs` when the item is yielded; a late answer fills the cache for the
 *   author's next post, and the item goes out without a handle.
 * - Cached for an hour (a failed lookup for five minutes), at most `maxEntries` authors; a
 *   Jetstream identity event (a handle change) drops the entry at once. The firehose leaves
 *   identity events out (each would cost a lookup), so there a new handle shows within the hour.
 */
import { getHandle, MemoryCache, type DidDocument, type IdResolver } from '@atproto/identity'

/**
 * @atproto/identity's MemoryCache never forgets a DID it does not see again, and the whole
 * network's authors would fill it within days; this one keeps the most recently stored
 * `maxEntries` documents (stale after an hour, expired after a day, as MemoryCache).
 */
export class BoundedDidCache extends MemoryCache {
  constructor(private readonly maxEntries = 100_000) {
    super()
  }

  override async cacheDid(did: string, doc: DidDocument): Promise<void> {
    // Maps iterate in insertion order: re-inserting keeps recently stored documents last.
    this.cache.delete(did)
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value!)
    await super.cacheDid(did, doc)
  }
}

/** Resolves and remembers authors' handles. */
export interface HandleResolver {
  /** Starts resolving `did` in the background unless it is cached or already under way. */
  prefetch(did: string): void
  /** The handle, from the cache or by waiting up to `waitMs` for the lookup; undefined otherwise. */
  get(did: string): Promise<string | undefined>
  /** Forgets `did` (its handle changed); the next lookup bypasses the DID cache too. */
  forget(did: string): void
}

interface Entry {
  handle: string | undefined
  expiresAt: number
}

/** How the handle cache behaves; every field has a default. */
export interface HandleResolverOptions {
  /** Longest wait for a lookup when an item is yielded (default 300 ms). */
  waitMs?: number
  ttlMs?: number
  failureTtlMs?: number
  maxEntries?: number
  now?: () => number
  /** Told about lookups that failed (network trouble, not "no handle"). */
  onError?: (error: Error) => void
}

/** A handle cache over `idResolver`. */
export function createHandleResolver(idResolver: IdResolver, options: HandleResolverOptions = {}): HandleResolver {
  const now = options.now ?? Date.now
  const waitMs = options.waitMs ?? 300
  const ttlMs = options.ttlMs ?? 3_600_000
  const failureTtlMs = options.failureTtlMs ?? 300_000
  const maxEntries = options.maxEntries ?? 50_000
  const cache = new Map<string, Entry>()
  const pending = new Map<string, Promise<string | undefined>>()
  const stale = new Set<string>()

  function remember(did: string, handle: string | undefined, ttl: number): void {
    cache.delete(did)
    // Maps iterate in insertion order: the first key is the least recently stored.
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!)
    cache.set(did, { handle, expiresAt: now() + ttl })
  }

  function cached(did: string): Entry | undefined {
    const entry = cache.get(did)
    if (entry && entry.expiresAt > now()) return entry
    return undefined
  }

  function lookup(did: string): Promise<string | undefined> {
    const existing = pending.get(did)
    if (existing) return existing
    const force = stale.delete(did)
    const promise = idResolver.did
      .resolve(did, force)
      .then(
        (doc) => {
          const handle = doc ? getHandle(doc) : undefined
          remember(did, handle, ttlMs)
          return handle
        },
        (error: unknown) => {
          remember(did, undefined, failureTtlMs)
          options.onError?.(error instanceof Error ? error : new Error(String(error)))
          return undefined
        },
      )
      .finally(() => pending.delete(did))
    pending.set(did, promise)
    return promise
  }

  return {
    prefetch(did) {
      if (!cached(did)) void lookup(did)
    },
    async get(did) {
      const entry = cached(did)
      if (entry) return entry.handle
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, waitMs, undefined)
      })
      try {
        return await Promise.race([lookup(did), late])
      } finally {
        clearTimeout(timer)
      }
    },
    forget(did) {
      cache.delete(did)
      // Bounded like the cache: identity events name far more accounts than ever post.
      if (stale.size >= maxEntries) stale.clear()
      stale.add(did)
    },
  }
}
