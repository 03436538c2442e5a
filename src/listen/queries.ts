/**
 * Listening queries: saved, edited, switched off, removed; and the "test this query" box, which
 * runs a query over the recent items of the workspace's sources before it is saved, so a person
 * sees what it would catch and about how many mentions a day to expect.
 */
import { AppError, errors } from '../domain/index.js'
import { evaluateQuery, parseQuery, QueryError, type ParsedQuery } from '../domain/listen-query/index.js'
import {
  countListenQueries,
  deleteListenQuery,
  findListenQuery,
  findListenQueryByName,
  insertListenQuery,
  listRecentItems,
  listStreamKeysOfWorkspace,
  newId,
  updateListenQuery,
  type ListenQuery,
} from '../store/index.js'
import type { ListenActor, ListenContext } from './context.js'
import { backfillQuery } from './ingest.js'
import { matchItemOf, parseStoredItem, type StoredItem } from './items.js'

export const maxQueriesPerWorkspace = 200
export const maxQueryLength = 1000
/** How far back the tester looks, and how many items it reads at most. */
const testWindowMs = 7 * 24 * 3600_000
const testMaxItems = 20_000
const testShownMatches = 20

export interface QueryInput {
  name: string
  query: string
  kind: ListenQuery['kind']
  priority: ListenQuery['priority']
  active?: boolean
}

/** Parses, or throws a validation error naming the problem and where it is in the query. */
export function parseOrReject(text: string): ParsedQuery {
  if (text.length > maxQueryLength) throw new AppError('validation', 'listen_query_invalid', {}, [{ field: 'query', messageKey: 'listen_query_too_long', params: { max: maxQueryLength } }])
  try {
    return parseQuery(text)
  } catch (error: unknown) {
    if (!(error instanceof QueryError)) throw error
    const params = { ...error.params, position: error.position + 1, column: error.column }
    throw new AppError('validation', 'listen_query_invalid', params, [{ field: 'query', messageKey: `listen.query_errors.${error.reason}`, params }])
  }
}

export async function createQuery(ctx: ListenContext, actor: ListenActor, input: QueryInput): Promise<ListenQuery> {
  const parsed = parseOrReject(input.query)
  const name = input.name.trim()
  if (await findListenQueryByName(ctx.db, actor.workspaceId, name)) throw errors.conflict('listen_query_name_taken')
  if ((await countListenQueries(ctx.db, actor.workspaceId)) >= maxQueriesPerWorkspace) throw errors.conflict('listen_query_limit', { max: maxQueriesPerWorkspace })
  const now = ctx.now()
  const query: ListenQuery = {
    id: newId(now),
    workspaceId: actor.workspaceId,
    name,
    query: input.query.trim(),
    kind: input.kind,
    priority: input.priority,
    active: input.active === false ? 0 : 1,
    lastAlertAt: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  }
  await insertListenQuery(ctx.db, query)
  ctx.matcher.invalidate()
  if (query.active === 1) await backfillQuery(ctx, actor.workspaceId, query.id, parsed)
  return query
}

export async function updateQuery(ctx: ListenContext, actor: ListenActor, id: string, patch: Partial<QueryInput>): Promise<ListenQuery> {
  const existing = await findListenQuery(ctx.db, actor.workspaceId, id)
  if (!existing) throw errors.notFound('listen_query')
  if (patch.query !== undefined) parseOrReject(patch.query)
  const name = patch.name?.trim()
  if (name && name !== existing.name && (await findListenQueryByName(ctx.db, actor.workspaceId, name))) throw errors.conflict('listen_query_name_taken')
  await updateListenQuery(ctx.db, id, {
    ...(name ? { name } : {}),
    ...(patch.query !== undefined ? { query: patch.query.trim() } : {}),
    ...(patch.kind ? { kind: patch.kind } : {}),
    ...(patch.priority ? { priority: patch.priority } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    // Strictly later, so the matcher's signature sees every change.
    updatedAt: Math.max(ctx.now(), existing.updatedAt + 1),
  })
  ctx.matcher.invalidate()
  const updated = (await findListenQuery(ctx.db, actor.workspaceId, id))!
  if (updated.active === 1 && (updated.query !== existing.query || existing.active === 0)) await backfillQuery(ctx, actor.workspaceId, id, parseOrReject(updated.query))
  return updated
}

/** Removes a query; its mentions stay (they may have matched other queries too). */
export async function deleteQuery(ctx: ListenContext, actor: ListenActor, id: string): Promise<void> {
  if (!(await deleteListenQuery(ctx.db, actor.workspaceId, id))) throw errors.notFound('listen_query')
  ctx.matcher.invalidate()
}

export interface QueryTest {
  /** Items read from the workspace's sources. */
  sampled: number
  /** How far back the items published in the last week go (the rate's period). */
  spanMs: number
  matched: number
  /** Expected mentions per day: matches published in the last week over the time they span (at least an hour). */
  perDay: number
  examples: StoredItem[]
}

/** Runs a query over recent items of the workspace's sources, without saving it. */
export async function testQuery(ctx: ListenContext, actor: ListenActor, text: string): Promise<QueryTest> {
  const parsed = parseOrReject(text)
  const now = ctx.now()
  const streams = await listStreamKeysOfWorkspace(ctx.db, actor.workspaceId)
  const rows = await listRecentItems(ctx.db, streams, now - testWindowMs, testMaxItems)
  let matched = 0
  let weight = 0
  // The rate is measured over items published within the window, by their own dates: a feed
  // read for the first time brings days of articles at once.
  let recentMatched = 0
  let oldestRecent = now
  const examples: StoredItem[] = []
  for (const row of rows) {
    const item = parseStoredItem(row.item)
    const recent = item.publishedAt >= now - testWindowMs && item.publishedAt <= now
    weight += row.weight
    if (recent) oldestRecent = Math.min(oldestRecent, item.publishedAt)
    if (!evaluateQuery(parsed, matchItemOf(item))) continue
    matched += row.weight
    if (recent) recentMatched += row.weight
    if (examples.length < testShownMatches) examples.push(item)
  }
  // At least an hour, so a source added a minute ago does not predict thousands a day.
  const spanMs = now - oldestRecent
  return { sampled: weight, spanMs, matched, perDay: (recentMatched * 86_400_000) / Math.max(3600_000, spanMs), examples }
}
