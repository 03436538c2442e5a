/**
 * What the mentions say: the stream (with filters), volume per query per day in the workspace's
 * time zone, share of voice of the business against its competitors, top authors and the
 * sentiment split.
 */
import { DateTime } from 'luxon'
import { errors } from '../domain/index.js'
import {
  countMatchesByQuery,
  countMentionsBySentiment,
  findWorkspace,
  listListenQueries,
  listMatchTimes,
  listMentions,
  topMentionAuthors,
  type MentionFilter,
  type MentionRow,
} from '../store/index.js'
import type { ListenActor, ListenContext } from './context.js'

export const maxReportDays = 90

export interface MentionPage {
  mentions: MentionRow[]
  /** Pass back as `before` for the next page; absent at the end. */
  next?: { publishedAt: number; id: string }
}

export async function findMentions(ctx: ListenContext, actor: ListenActor, filter: Omit<MentionFilter, 'workspaceId'>, page: { limit: number; before?: { publishedAt: number; id: string } }): Promise<MentionPage> {
  const mentions = await listMentions(ctx.db, { ...filter, workspaceId: actor.workspaceId }, { limit: page.limit + 1, ...(page.before ? { before: page.before } : {}) })
  const more = mentions.length > page.limit
  const shown = mentions.slice(0, page.limit)
  const last = shown.at(-1)
  return { mentions: shown, ...(more && last ? { next: { publishedAt: last.publishedAt, id: last.id } } : {}) }
}

export interface ListenReport {
  days: string[]
  /** Per query: mentions per day (aligned with `days`). */
  volume: Array<{ queryId: string; name: string; kind: string; perDay: number[]; total: number }>
  /** Brand and competitor queries' share of all their mentions in the period (0..1). */
  shareOfVoice: Array<{ queryId: string; name: string; kind: string; count: number; share: number }>
  sentiment: { positive: number; neutral: number; negative: number }
  topAuthors: Array<{ authorHandle: string | null; authorName: string | null; authorUrl: string | null; n: number; negative: number }>
}

/** The charts of the listening page over the last `days` days (today included). */
export async function listenReport(ctx: ListenContext, actor: ListenActor, props: { days: number; queryId?: string }): Promise<ListenReport> {
  if (props.days < 1 || props.days > maxReportDays) throw errors.badRequest('listen_report_days', { max: maxReportDays })
  const workspace = await findWorkspace(ctx.db, actor.workspaceId)
  if (!workspace) throw errors.notFound('workspace')
  const zone = workspace.timeZone
  const today = DateTime.fromMillis(ctx.now(), { zone }).startOf('day')
  const first = today.minus({ days: props.days - 1 })
  const from = first.toMillis()
  const to = today.plus({ days: 1 }).toMillis()
  const days = Array.from({ length: props.days }, (_, i) => first.plus({ days: i }).toISODate()!)
  const index = new Map(days.map((d, i) => [d, i]))
  const queries = await listListenQueries(ctx.db, actor.workspaceId)
  const perQuery = new Map(queries.map((q) => [q.id, new Array<number>(props.days).fill(0)]))
  for (const match of await listMatchTimes(ctx.db, actor.workspaceId, from, to)) {
    const day = DateTime.fromMillis(match.publishedAt, { zone }).toISODate()!
    const i = index.get(day)
    const series = perQuery.get(match.queryId)
    if (i !== undefined && series) series[i]!++
  }
  const counts = await countMatchesByQuery(ctx.db, actor.workspaceId, from, to)
  const total = (id: string) => counts.filter((c) => c.queryId === id).reduce((n, c) => n + c.n, 0)
  const voices = queries.filter((q) => q.kind !== 'topic').map((q) => ({ queryId: q.id, name: q.name, kind: q.kind, count: total(q.id) }))
  const all = voices.reduce((n, v) => n + v.count, 0)
  // One query: its matches; all queries: each mention once, whatever it matched.
  const sentiment = props.queryId ? { positive: 0, neutral: 0, negative: 0 } : await countMentionsBySentiment(ctx.db, actor.workspaceId, from, to)
  if (props.queryId) for (const c of counts) if (c.queryId === props.queryId) sentiment[c.sentiment] += c.n
  return {
    days,
    volume: queries.map((q) => ({ queryId: q.id, name: q.name, kind: q.kind, perDay: perQuery.get(q.id)!, total: total(q.id) })),
    shareOfVoice: voices.map((v) => ({ ...v, share: all === 0 ? 0 : v.count / all })),
    sentiment,
    topAuthors: await topMentionAuthors(ctx.db, { workspaceId: actor.workspaceId, from, to, ...(props.queryId ? { queryId: props.queryId } : {}) }, 10),
  }
}
