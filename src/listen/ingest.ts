/**
 * From items to mentions: what a stream brought is kept in the recent sample (for the query
 * tester), checked once against every active query, and stored as a mention for each workspace
 * whose queries it matched, with its sentiment. A high-priority query's match raises an alert.
 * Storing is idempotent (one mention per workspace and item), so a stream read twice after a
 * crash stores nothing twice.
 */
import { evaluateQuery, type ParsedQuery } from '../domain/listen-query/index.js'
import {
  insertMentionOnce,
  insertRecentItems,
  listRecentItems,
  listStreamKeysOfWorkspace,
  newId,
  workspacesOfStream,
  type Mention,
} from '../store/index.js'
import type { ListenContext } from './context.js'
import { raisePriorityAlert } from './alerting.js'
import { languageOf, matchItemOf, parseStoredItem } from './items.js'
import type { ListenItem } from './sources/index.js'

function mentionOf(workspaceId: string, streamKey: string, item: ListenItem, lang: string | undefined, sentiment: { label: Mention['sentiment']; score: number }, now: number): Mention {
  return {
    id: newId(now),
    workspaceId,
    streamKey,
    itemKey: item.key,
    sourceKind: item.sourceKind,
    text: item.text,
    title: item.title ?? null,
    url: item.url ?? null,
    authorHandle: item.authorHandle ?? null,
    authorName: item.authorName ?? null,
    authorUrl: item.authorUrl ?? null,
    lang: lang ?? null,
    replyRef: item.replyRef ? JSON.stringify(item.replyRef) : null,
    sentiment: sentiment.label,
    sentimentScore: sentiment.score,
    publishedAt: item.publishedAt,
    receivedAt: now,
  }
}

export interface IngestResult {
  items: number
  mentions: number
}

/** Stores what `items` from one stream mean for every workspace listening to it. */
export async function ingest(
  ctx: ListenContext,
  stream: { key: string; kind: Mention['sourceKind'] },
  items: ListenItem[],
  /** The workspaces listening to the stream, when the caller keeps them (a firehose reader); else read now. */
  listening?: ReadonlySet<string>,
): Promise<IngestResult> {
  const now = ctx.now()
  if (items.length === 0) return { items: 0, mentions: 0 }
  await insertRecentItems(
    ctx.db,
    items.map((item) => ({ id: newId(now), streamKey: stream.key, itemKey: item.key, item: JSON.stringify(item), weight: 1, receivedAt: now })),
  )
  const workspaces = listening ?? new Set(await workspacesOfStream(ctx.db, stream.key))
  await ctx.matcher.refresh()
  let mentions = 0
  for (const item of items) {
    if (item.deleted) continue
    const hits = ctx.matcher.match(matchItemOf(item), workspaces)
    if (hits.length === 0) continue
    const lang = languageOf(item)
    const sentiment = ctx.sentiment.score([item.title, item.text].filter(Boolean).join('\n'), lang)
    const byWorkspace = new Map<string, typeof hits>()
    for (const hit of hits) byWorkspace.set(hit.workspaceId, [...(byWorkspace.get(hit.workspaceId) ?? []), hit])
    for (const [workspaceId, ofWorkspace] of byWorkspace) {
      const mention = mentionOf(workspaceId, stream.key, item, lang, sentiment, now)
      const stored = await insertMentionOnce(ctx.db, mention, ofWorkspace.map((h) => h.queryId))
      if (!stored.created) continue
      mentions++
      for (const hit of ofWorkspace) if (hit.priority === 'high') await raisePriorityAlert(ctx, mention, hit.queryId)
    }
  }
  return { items: items.length, mentions }
}

/** How far back a new query looks in the recent sample, and how many items at most. */
const backfillWindowMs = 7 * 24 * 3600_000
const backfillMaxItems = 20_000

/**
 * A query just saved also catches what the workspace's sources brought in the last week (the
 * recent sample), so its page is not empty until the next post: "see what people already say".
 * Returns how many mentions it added or matched.
 */
export async function backfillQuery(ctx: ListenContext, workspaceId: string, queryId: string, query: ParsedQuery): Promise<number> {
  const now = ctx.now()
  const streams = await listStreamKeysOfWorkspace(ctx.db, workspaceId)
  let matched = 0
  for (const row of await listRecentItems(ctx.db, streams, now - backfillWindowMs, backfillMaxItems)) {
    const item = parseStoredItem(row.item)
    if (item.deleted || !evaluateQuery(query, matchItemOf(item))) continue
    const lang = languageOf(item)
    const sentiment = ctx.sentiment.score([item.title, item.text].filter(Boolean).join('\n'), lang)
    await insertMentionOnce(ctx.db, mentionOf(workspaceId, row.streamKey, item, lang, sentiment, now), [queryId])
    matched++
  }
  return matched
}
