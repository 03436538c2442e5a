/**
 * The measure dashboard: soft numbers (followers, reach, engagement) beside hard numbers (clicks,
 * visitors, conversions, revenue, "how did you hear about us?") for a period of workspace days,
 * compared with the period just before, per day, network, 4E content type and post, with the
 * best times to post, the influence score and social media equity.
 *
 * Clicks of rolled days come from the rollups; the days not rolled yet (today, mostly) from the
 * clicks themselves. Posts are read by publication time on the accounts' index; conversions are
 * few enough to be read as they are.
 */
import { AppError, bestTimes, engagementOf, engagementRate, equityScore, influenceScore, isContentType, type ContentType } from '../domain/index.js'
import {
  accountCountsBetween,
  allTargetsBetween,
  clickDaysBetween,
  clickFigures,
  contentTypesOf,
  conversionsBetween,
  conversionsByTarget,
  findWorkspace,
  hasListenQueries,
  lastMetricsRead,
  listAccounts,
  mentionAuthors,
  publicationQuarters,
  publishedTargetGroups,
  targetClickFigures,
  targetsByIds,
  topTargetsByClicks,
  type Account,
  type ClickFigures,
  type PeriodConversion,
  type TargetGroup,
  type TargetRow,
} from '../store/index.js'
import type { MeasureContext } from './context.js'
import type { ContentTypeRow, DailyPoint, DashboardTotals, MeasureDashboard, NetworkRow, PostRow } from './dashboard-types.js'
import { addDays, dayOf, dayStart, daysBetween, isDay } from './days.js'
import { hearFixedAnswers } from './hear-form.js'
import { rolledUntil } from './rollups.js'

export interface DashboardQuery {
  from: string
  to: string
  /** Only this network's posts, clicks and conversions. */
  network?: string
}

/** The longest period a dashboard covers. */
export const maxPeriodDays = 366
const topPostCount = 10
const bestTimesWindowDays = 90
const quarterMs = 15 * 60_000

function periodError(field: 'from' | 'to', messageKey: string, params?: Record<string, number>): AppError {
  return new AppError('validation', 'measure_period', {}, [{ field, messageKey, ...(params ? { params } : {}) }])
}

/** Checks a period: real dates, in order, at most a year. */
export function checkPeriod(query: DashboardQuery): void {
  if (!isDay(query.from)) throw periodError('from', 'invalid_date')
  if (!isDay(query.to)) throw periodError('to', 'invalid_date')
  if (query.from > query.to) throw periodError('to', 'period_order')
  if (daysBetween(query.from, query.to).length > maxPeriodDays) throw periodError('to', 'period_too_long', { count: maxPeriodDays })
}

interface Scope {
  workspaceId: string
  zone: string
  network: string | undefined
  accounts: Account[]
  accountIds: string[]
  /** The last rolled day (inclusive), or null. */
  rolled: string | null
}

interface Range {
  from: string
  to: string
  start: number
  end: number
}

function rangeOf(from: string, to: string, zone: string): Range {
  return { from, to, start: dayStart(from, zone), end: dayStart(addDays(to, 1), zone) }
}

/** Clicks per day over the range: rolled days from the rollups, the others from the clicks. */
async function clicksPerDay(ctx: MeasureContext, scope: Scope, range: Range): Promise<Map<string, ClickFigures[]>> {
  const byDay = new Map<string, ClickFigures[]>()
  const keep = (row: ClickFigures) => scope.network === undefined || row.network === scope.network
  if (scope.rolled !== null && scope.rolled >= range.from) {
    const rolledTo = scope.rolled < range.to ? scope.rolled : range.to
    for (const row of await clickDaysBetween(ctx.db, scope.workspaceId, range.from, rolledTo)) {
      if (!keep(row)) continue
      const list = byDay.get(row.day) ?? []
      list.push(row)
      byDay.set(row.day, list)
    }
  }
  const firstRaw = scope.rolled !== null && scope.rolled >= range.from ? addDays(scope.rolled, 1) : range.from
  const today = dayOf(ctx.now(), scope.zone)
  for (let day = firstRaw; day <= range.to && day <= today; day = addDays(day, 1)) {
    const rows = (await clickFigures(ctx.db, scope.workspaceId, dayStart(day, scope.zone), dayStart(addDays(day, 1), scope.zone))).filter(keep)
    if (rows.length > 0) byDay.set(day, rows)
  }
  return byDay
}

/** Followers per account on each day of the range (carried forward from the last count), and just before it. */
async function followersOf(ctx: MeasureContext, scope: Scope, range: Range) {
  const counts = await accountCountsBetween(ctx.db, scope.workspaceId, range.from, range.to)
  const ids = new Set(scope.accountIds)
  const perAccount = new Map<string, Array<{ day: string; followers: number }>>()
  for (const row of counts) {
    if (!ids.has(row.accountId)) continue
    const list = perAccount.get(row.accountId) ?? []
    list.push({ day: row.day, followers: row.followers })
    perAccount.set(row.accountId, list)
  }
  for (const list of perAccount.values()) list.sort((a, b) => (a.day < b.day ? -1 : 1))
  /** The account's followers at the end of `day` (its last count on or before it). */
  const at = (accountId: string, day: string): number | null => {
    let found: number | null = null
    for (const row of perAccount.get(accountId) ?? []) {
      if (row.day > day) break
      found = row.followers
    }
    return found
  }
  const sum = (day: string): number | null => {
    let total: number | null = null
    for (const id of scope.accountIds) {
      const value = at(id, day)
      if (value !== null) total = (total ?? 0) + value
    }
    return total
  }
  /** Followers gained from the end of `before` to the end of `after`, over the accounts counted on both days. */
  const change = (before: string, after: string): number | null => {
    let total: number | null = null
    for (const id of scope.accountIds) {
      const start = at(id, before)
      const end = at(id, after)
      if (start !== null && end !== null) total = (total ?? 0) + end - start
    }
    return total
  }
  return { at, sum, change }
}

interface PeriodFigures {
  totals: DashboardTotals
  daily: DailyPoint[]
  groups: TargetGroup[]
  clicks: Map<string, ClickFigures[]>
  conversions: PeriodConversion[]
  followersAtEnd(accountId: string): number | null
}

function emptyTotals(): DashboardTotals {
  return {
    posts: 0,
    followers: null,
    followersChange: null,
    reach: null,
    views: null,
    likes: 0,
    reposts: 0,
    replies: 0,
    quotes: 0,
    engagement: 0,
    engagementRate: null,
    clicks: 0,
    botClicks: 0,
    visitors: 0,
    conversions: 0,
    revenue: 0,
    hearAnswers: 0,
    hearSocial: 0,
  }
}

/** Reach of posts grouped by account: their views when all have one, else posts × followers. */
function reachOf(groups: TargetGroup[], followersAtEnd: (accountId: string) => number | null): number | null {
  let reach: number | null = null
  for (const group of groups) {
    if (group.posts > 0 && group.withViews === group.posts) reach = (reach ?? 0) + group.views
    else {
      const followers = followersAtEnd(group.accountId)
      if (followers !== null) reach = (reach ?? 0) + group.posts * followers
    }
  }
  return reach
}

function isSale(conversion: PeriodConversion): boolean {
  return conversion.source !== 'form'
}

async function periodFigures(
  ctx: MeasureContext,
  scope: Scope,
  range: Range,
  read: { currency: string | null; quarters: Array<{ quarter: number; posts: number; engagement: number }>; conversions: PeriodConversion[] },
): Promise<PeriodFigures> {
  const { currency, quarters } = read
  const [groups, clicks, followers] = await Promise.all([
    publishedTargetGroups(ctx.db, scope.accountIds, range.start, range.end),
    clicksPerDay(ctx, scope, range),
    followersOf(ctx, scope, range),
  ])
  const conversions = read.conversions.filter((c) => scope.network === undefined || c.network === scope.network || c.source === 'form')
  const totals = emptyTotals()
  const followersAtEnd = (id: string) => followers.at(id, range.to)
  for (const group of groups) {
    totals.posts += group.posts
    totals.likes += group.likes
    totals.reposts += group.reposts
    totals.replies += group.replies
    totals.quotes += group.quotes
    if (group.withViews > 0) totals.views = (totals.views ?? 0) + group.views
  }
  totals.engagement = engagementOf(totals)
  totals.reach = reachOf(groups, followersAtEnd)
  totals.engagementRate = engagementRate(totals.engagement, totals.reach)
  totals.followers = followers.sum(range.to)
  totals.followersChange = followers.change(addDays(range.from, -1), range.to)

  const daily = new Map<string, DailyPoint>(
    daysBetween(range.from, range.to).map((day) => [day, { day, posts: 0, engagement: 0, clicks: 0, botClicks: 0, visitors: 0, conversions: 0, revenue: 0, followers: followers.sum(day) }]),
  )
  for (const [day, rows] of clicks) {
    const point = daily.get(day)
    for (const row of rows) {
      totals.clicks += row.clicks
      totals.botClicks += row.botClicks
      totals.visitors += row.visitors
      if (point) {
        point.clicks += row.clicks
        point.botClicks += row.botClicks
        point.visitors += row.visitors
      }
    }
  }
  for (const conversion of conversions) {
    if (!isSale(conversion)) {
      totals.hearAnswers += 1
      if (conversion.answer !== null && !(hearFixedAnswers as readonly string[]).includes(conversion.answer)) totals.hearSocial += 1
      continue
    }
    totals.conversions += 1
    const value = conversion.value !== null && conversion.currency === currency ? conversion.value : 0
    totals.revenue += value
    const point = daily.get(dayOf(conversion.at, scope.zone))
    if (point) {
      point.conversions += 1
      point.revenue += value
    }
  }
  for (const q of quarters) {
    const point = daily.get(dayOf(q.quarter * quarterMs, scope.zone))
    if (!point) continue
    point.posts += q.posts
    point.engagement += q.engagement
  }
  totals.revenue = roundMoney(totals.revenue)
  for (const point of daily.values()) point.revenue = roundMoney(point.revenue)
  return { totals, daily: [...daily.values()], groups, clicks, conversions, followersAtEnd }
}

function roundMoney(value: number): number {
  return Math.round(value * 100) / 100
}

/** The currency most of the period's conversions carry. */
function mainCurrency(conversions: PeriodConversion[]): string | null {
  const counts = new Map<string, number>()
  for (const c of conversions) if (isSale(c) && c.currency) counts.set(c.currency, (counts.get(c.currency) ?? 0) + 1)
  let best: string | null = null
  for (const [currency, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && currency < best)) best = currency
  return best
}

function byNetwork(scope: Scope, figures: PeriodFigures, currency: string | null): NetworkRow[] {
  const networkOf = new Map(scope.accounts.map((a) => [a.id, a.network]))
  const rows = new Map<string, NetworkRow & { likes: number; reposts: number; replies: number; quotes: number; groups: TargetGroup[] }>()
  const row = (network: string) => {
    let found = rows.get(network)
    if (!found) {
      found = { network, posts: 0, followers: null, reach: null, engagement: 0, engagementRate: null, clicks: 0, conversions: 0, revenue: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, groups: [] }
      rows.set(network, found)
    }
    return found
  }
  for (const account of scope.accounts) {
    const followers = figures.followersAtEnd(account.id)
    if (followers === null) continue
    const r = row(account.network)
    r.followers = (r.followers ?? 0) + followers
  }
  for (const group of figures.groups) {
    const r = row(networkOf.get(group.accountId) ?? '')
    r.posts += group.posts
    r.likes += group.likes
    r.reposts += group.reposts
    r.replies += group.replies
    r.quotes += group.quotes
    r.groups.push(group)
  }
  for (const rowsOfDay of figures.clicks.values()) for (const c of rowsOfDay) if (c.network !== '') row(c.network).clicks += c.clicks
  for (const c of figures.conversions) {
    if (!isSale(c) || c.network === null) continue
    const r = row(c.network)
    r.conversions += 1
    if (c.value !== null && c.currency === currency) r.revenue = roundMoney(r.revenue + c.value)
  }
  return [...rows.values()]
    .map(({ likes, reposts, replies, quotes, groups, ...r }) => {
      const engagement = engagementOf({ likes, reposts, replies, quotes })
      const reach = reachOf(groups, figures.followersAtEnd)
      return { ...r, engagement, reach, engagementRate: engagementRate(engagement, reach) }
    })
    .sort((a, b) => b.conversions - a.conversions || b.clicks - a.clicks || b.posts - a.posts || a.network.localeCompare(b.network))
}

async function byContentType(ctx: MeasureContext, figures: PeriodFigures, currency: string | null): Promise<ContentTypeRow[]> {
  const rows = new Map<ContentType | 'none', ContentTypeRow & { likes: number; reposts: number; replies: number; quotes: number; groups: TargetGroup[] }>()
  const row = (value: string | null) => {
    const key: ContentType | 'none' = isContentType(value) ? value : 'none'
    let found = rows.get(key)
    if (!found) {
      found = { contentType: key, posts: 0, engagement: 0, engagementRate: null, clicks: 0, conversions: 0, revenue: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, groups: [] }
      rows.set(key, found)
    }
    return found
  }
  for (const group of figures.groups) {
    const r = row(group.contentType)
    r.posts += group.posts
    r.likes += group.likes
    r.reposts += group.reposts
    r.replies += group.replies
    r.quotes += group.quotes
    r.groups.push(group)
  }
  for (const rowsOfDay of figures.clicks.values()) for (const c of rowsOfDay) if (c.network !== '') row(c.contentType === '' ? null : c.contentType).clicks += c.clicks
  const sales = figures.conversions.filter((c) => isSale(c) && c.postId !== null)
  const types = await contentTypesOf(ctx.db, [...new Set(sales.map((c) => c.postId!))])
  for (const c of sales) {
    const r = row(types.get(c.postId!) ?? null)
    r.conversions += 1
    if (c.value !== null && c.currency === currency) r.revenue = roundMoney(r.revenue + c.value)
  }
  const order: Array<ContentType | 'none'> = ['educate', 'entertain', 'engage', 'empower', 'none']
  return order.flatMap((key) => {
    const found = rows.get(key)
    if (!found || found.posts === 0) return []
    const { likes, reposts, replies, quotes, groups, ...r } = found
    const engagement = engagementOf({ likes, reposts, replies, quotes })
    return [{ ...r, engagement, engagementRate: engagementRate(engagement, reachOf(groups, figures.followersAtEnd)) }]
  })
}

/** Posts as the dashboard shows them, with their clicks since published and conversions. */
async function postRows(ctx: MeasureContext, scope: Scope, figures: PeriodFigures, targets: TargetRow[], conversions: Map<string, { conversions: number; revenue: number }>): Promise<PostRow[]> {
  // Clicks of days not rolled yet are added to the rolled counts.
  const rawFrom = scope.rolled === null ? 0 : dayStart(addDays(scope.rolled, 1), scope.zone)
  const raw = new Map((await targetClickFigures(ctx.db, scope.workspaceId, rawFrom, ctx.now() + 1)).map((r) => [r.targetId, r.clicks]))
  const accounts = new Map(scope.accounts.map((a) => [a.id, a]))
  return targets.map((t) => {
    const account = accounts.get(t.accountId)
    const engagement = engagementOf(t)
    const reach = t.views ?? figures.followersAtEnd(t.accountId)
    const converted = conversions.get(t.targetId)
    return {
      postId: t.postId,
      targetId: t.targetId,
      network: account?.network ?? '',
      handle: account?.handle ?? '',
      text: [...t.text].length > 140 ? `${[...t.text].slice(0, 139).join('')}…` : t.text,
      contentType: isContentType(t.contentType) ? t.contentType : null,
      publishedAt: t.publishedAt,
      url: t.url,
      likes: t.likes,
      reposts: t.reposts,
      replies: t.replies,
      quotes: t.quotes,
      views: t.views,
      engagement,
      engagementRate: engagementRate(engagement, reach),
      clicks: (scope.rolled === null ? 0 : t.clicks) + (raw.get(t.targetId) ?? 0),
      conversions: converted?.conversions ?? 0,
      revenue: roundMoney(converted?.revenue ?? 0),
    }
  })
}

function rankPosts(rows: PostRow[]): PostRow[] {
  return rows.sort((a, b) => b.conversions - a.conversions || b.clicks - a.clicks || b.engagement - a.engagement || b.publishedAt - a.publishedAt)
}

/** Builds the dashboard of a period. `allPosts`: every post of the period in `topPosts` (exports). */
export async function measureDashboard(ctx: MeasureContext, workspaceId: string, query: DashboardQuery, options: { allPosts?: boolean } = {}): Promise<MeasureDashboard> {
  checkPeriod(query)
  const workspace = await findWorkspace(ctx.db, workspaceId)
  if (!workspace) throw new AppError('not_found', 'not_found_workspace')
  const zone = workspace.timeZone
  const all = await listAccounts(ctx.db, workspaceId)
  const accounts = query.network === undefined ? all : all.filter((a) => a.network === query.network)
  const scope: Scope = { workspaceId, zone, network: query.network, accounts, accountIds: accounts.map((a) => a.id), rolled: await rolledUntil(ctx, workspaceId) }

  const days = daysBetween(query.from, query.to).length
  const current = rangeOf(query.from, query.to, zone)
  const previous = rangeOf(addDays(query.from, -days), addDays(query.from, -1), zone)
  // One read of publication times serves the best times (90 days up to the end) and both periods' days.
  const quartersStart = Math.min(previous.start, current.end - bestTimesWindowDays * 24 * 3600_000)
  const rawSince = scope.rolled === null ? 0 : dayStart(addDays(scope.rolled, 1), zone)
  const quarters = await publicationQuarters(ctx.db, scope.accountIds, { start: quartersStart, end: current.end }, { rolled: scope.rolled !== null, rawSince })
  const [conversionsNow, conversionsBefore] = await Promise.all([
    conversionsBetween(ctx.db, workspaceId, current.start, current.end),
    conversionsBetween(ctx.db, workspaceId, previous.start, previous.end),
  ])
  const currency = mainCurrency(conversionsNow.filter((c) => scope.network === undefined || c.network === scope.network))
  const [now, before] = await Promise.all([
    periodFigures(ctx, scope, current, { currency, conversions: conversionsNow, quarters: quarters.filter((q) => q.quarter * quarterMs >= current.start) }),
    periodFigures(ctx, scope, previous, {
      currency,
      conversions: conversionsBefore,
      quarters: quarters.filter((q) => q.quarter * quarterMs >= previous.start && q.quarter * quarterMs < previous.end),
    }),
  ])

  // Posts of the period: conversions through them since the period began (the 10 with the most, or all for exports).
  const converted = new Map<string, { conversions: number; revenue: number }>()
  const postsOfPeriod = { accountIds: scope.accountIds, start: current.start, end: current.end }
  for (const row of await conversionsByTarget(ctx.db, workspaceId, postsOfPeriod, options.allPosts ? {} : { limit: topPostCount })) {
    const entry = converted.get(row.targetId) ?? { conversions: 0, revenue: 0 }
    entry.conversions += row.conversions
    if (row.currency === currency) entry.revenue += row.value
    converted.set(row.targetId, entry)
  }
  const targets = options.allPosts
    ? await allTargetsBetween(ctx.db, scope.accountIds, current.start, current.end)
    : dedupe([
        ...(await targetsByIds(ctx.db, scope.accountIds, current.start, current.end, [...converted.keys()])),
        ...(await topTargetsByClicks(ctx.db, scope.accountIds, current.start, current.end, topPostCount)),
      ])
  // The most clicked posts may have converted too, below the 10 with the most conversions.
  const uncounted = targets.filter((t) => !converted.has(t.targetId)).map((t) => t.targetId)
  if (!options.allPosts && uncounted.length > 0) {
    for (const row of await conversionsByTarget(ctx.db, workspaceId, postsOfPeriod, { targetIds: uncounted })) {
      const entry = converted.get(row.targetId) ?? { conversions: 0, revenue: 0 }
      entry.conversions += row.conversions
      if (row.currency === currency) entry.revenue += row.value
      converted.set(row.targetId, entry)
    }
  }
  const posts = rankPosts(await postRows(ctx, scope, now, targets, converted))

  const windowStart = current.end - bestTimesWindowDays * 24 * 3600_000
  const times = bestTimes(
    quarters.filter((q) => q.quarter * quarterMs >= windowStart).map((q) => ({ publishedAt: q.quarter * quarterMs, posts: q.posts, engagement: q.engagement, clicks: q.clicks })),
    zone,
  )

  const hear = new Map<string, number>()
  for (const c of now.conversions) if (!isSale(c) && c.answer !== null) hear.set(c.answer, (hear.get(c.answer) ?? 0) + 1)

  const listens = await hasListenQueries(ctx.db, workspaceId)
  const [mentionsNow, mentionsBefore] = listens
    ? await Promise.all([mentionAuthors(ctx.db, workspaceId, current.start, current.end), mentionAuthors(ctx.db, workspaceId, previous.start, previous.end)])
    : [null, null]
  const t = now.totals
  let directClicks = 0
  for (const rows of now.clicks.values()) for (const row of rows) directClicks += row.directClicks

  return {
    period: { from: query.from, to: query.to, days, timeZone: zone },
    previous: { from: previous.from, to: previous.to },
    currency,
    totals: t,
    previousTotals: before.totals,
    daily: now.daily,
    byNetwork: byNetwork(scope, now, currency),
    byContentType: await byContentType(ctx, now, currency),
    topPosts: options.allPosts ? posts : posts.slice(0, topPostCount),
    bestTimes: times,
    hearAnswers: [...hear].map(([answer, count]) => ({ answer, count })).sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer)),
    influence: influenceScore({ followers: t.followers, posts: t.posts, reach: t.reach, likes: t.likes, reposts: t.reposts, replies: t.replies, quotes: t.quotes, engagers: mentionsNow?.authors ?? null }),
    equity: equityScore({
      posts: t.posts,
      reach: t.reach,
      followers: t.followers,
      likes: t.likes,
      replies: t.replies,
      reposts: t.reposts,
      quotes: t.quotes,
      engagers: mentionsNow?.authors ?? null,
      repeatEngagers: mentionsNow?.repeatAuthors ?? null,
      mentions: mentionsNow?.mentions ?? null,
      previousMentions: mentionsBefore?.mentions ?? null,
      clicks: t.clicks,
      directClicks,
      conversions: t.conversions,
      revenue: t.revenue,
      previousConversions: before.totals.conversions,
      previousRevenue: before.totals.revenue,
    }),
    freshness: { metricsAt: await lastMetricsRead(ctx.db, workspaceId), rolledUntil: scope.rolled },
  }
}

function dedupe(rows: TargetRow[]): TargetRow[] {
  const seen = new Set<string>()
  return rows.filter((row) => (seen.has(row.targetId) ? false : (seen.add(row.targetId), true)))
}

