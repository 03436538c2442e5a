/**
 * The process's matcher over every active query of every workspace, kept in step with the
 * database without a restart: before matching, it compares a cheap signature of the active
 * queries (count and latest change) with the one it loaded, at most every `refreshEveryMs`, and
 * applies only the difference. A change made in this process invalidates it at once.
 */
import type { Kysely } from 'kysely'
import { listActiveListenQueries, listenQueriesSignature, type Database } from '../store/index.js'
import { createMatcher, type Matcher } from './matcher/index.js'
import type { MatchItem } from '../domain/listen-query/index.js'

interface Loaded {
  workspaceId: string
  updatedAt: number
  priority: 'normal' | 'high'
}

export interface QueryHit {
  queryId: string
  workspaceId: string
  priority: 'normal' | 'high'
}

export class LiveMatcher {
  private matcher: Matcher = createMatcher()
  private loaded = new Map<string, Loaded>()
  private signature = ''
  private checkedAt = -Infinity

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly refreshEveryMs = 2_000,
  ) {}

  /** The next `refresh` reads the database whatever the time. */
  invalidate(): void {
    this.checkedAt = -Infinity
  }

  get size(): number {
    return this.loaded.size
  }

  /** Brings the matcher up to date with the active queries. */
  async refresh(): Promise<void> {
    const now = this.now()
    // A clock that went back (another machine's, a test's) also reads the database.
    const since = now - this.checkedAt
    if (since >= 0 && since < this.refreshEveryMs) return
    this.checkedAt = now
    const signature = await listenQueriesSignature(this.db)
    if (signature === this.signature) return
    const rows = await listActiveListenQueries(this.db)
    const seen = new Set<string>()
    for (const row of rows) {
      seen.add(row.id)
      const before = this.loaded.get(row.id)
      if (before && before.updatedAt === row.updatedAt) continue
      if (before) this.matcher.remove(row.id)
      try {
        this.matcher.add(row.id, row.query)
        this.loaded.set(row.id, { workspaceId: row.workspaceId, updatedAt: row.updatedAt, priority: row.priority })
      } catch {
        // A stored query always parsed when it was saved; one that no longer does (the language
        // changed) is skipped rather than stopping every other query.
        this.loaded.delete(row.id)
      }
    }
    for (const id of [...this.loaded.keys()]) {
      if (seen.has(id)) continue
      this.matcher.remove(id)
      this.loaded.delete(id)
    }
    this.signature = signature
  }

  /** The queries `item` matches, limited to the given workspaces (those listening to its stream). */
  match(item: MatchItem, workspaces: ReadonlySet<string>): QueryHit[] {
    const hits: QueryHit[] = []
    for (const queryId of this.matcher.match(item)) {
      const query = this.loaded.get(queryId)
      if (query && workspaces.has(query.workspaceId)) hits.push({ queryId, workspaceId: query.workspaceId, priority: query.priority })
    }
    return hits
  }
}
