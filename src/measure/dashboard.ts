/**
 * The measure dashboard: soft numbers (followers, reach, engagement) beside hard numbers (clicks,
 * visitors, conversions, revenue, "how did you hear about us?") for a period of workspace days,
 * compared with the period just before, per day, network, 4E content type and post, with the
 * best times to post, the influence score and social media equity, and how fast the people who
 * wrote were answered.
 *
 * Rolled days come from the rollups (posts per day and hour, clicks and conversions per day,
 * clicks and conversions per post up to the clicks mark); what came after them (today, mostly)
 * from the posts, clicks and conversions themselves, so the figures are the same either way.
 */
import { AppError, bestTimesOfSlots, engagementOf, engagementRate, equityScore, influenceScore, isContentType, type BestTimeSlot, type ContentType } from '../domain/index.js'
import {
  accountCountsBetween,
  allTargetsBetween,
  clickDaysBetween,
  clickFigures,
  conversionDaysBetween,
  conversionFigures,
  conversionsOfPeriodTargets,
  conversionsOfTargets,
  findWorkspace,
  hasListenQueries,
  lastMetricsRead,
  listAccounts,
  mentionAuthors,
  postDaysBetween,
  postWeekHoursBetween,
  publishedQuarters,
  rankPeriodTargets,
  recentTargetFigures,
  targetsByIds,
  topRolledTargets,
  type Account,
  type ClickFigures,
  type ConversionFigures,
  type PostFigures,
  type RecentTargetFigures,
  type TargetConversions,
  type TargetRow,
} from '../store/index.js'
import type { MeasureContext } from './context.js'
import type { ContentTypeRow, DailyPoint, DashboardTotals, MeasureDashboard, NetworkRow, PostRow } from './dashboard-types.js'
import { addDays, dayHourOf, dayOf, dayStart, daysBetween, isDay, offsetStretches, weekdayOf } from './days.js'
import { hearFixedAnswers } from './hear-form.js'
import { dashboardResponses } from './responses.js'
import { rolledMarks, type RolledMarks } from './rollups.js'

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
const hourMs = 3600_000

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
  /** How far the rollups go; null: nothing rolled (or being cut anew), everything is read as it is. */
  marks: RolledMarks | null
  /** Where what is read as it is starts: the end of the last rolled day (posts, daily figures). */
  rawStart: number
  /** Clicks and conversions per post since then are read as they are. */
  clicksSince: number
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

/** The last day of the range in the day rollups, or null when none is. */
function lastRolledDay(scope: Scope, range: Range): string | null {
  if (scope.marks === null || scope.marks.rolledUntil < range.from) return null
  return scope.marks.rolledUntil < range.to ? scope.marks.rolledUntil : range.to
}

/** What is read once for both periods and the best times: posts after the day rollups, clicks and conversions per post after the clicks mark. */
interface RawRead {
  quarters: Array<PostFigures & { quarter: number; engagement: number; clicks: number }>
  targets: RecentTargetFigures[]
}

/** Clicks per day over the range: closed days from the rollups, open days from theirs plus the clicks since the mark. */
async function clicksPerDay(ctx: MeasureContext, scope: Scope, range: Range): Promise<Map<string, ClickFigures[]>> {
  const byDay = new Map<string, ClickFigures[]>()
  const add = (day: string, rows: ClickFigures[]) => {
    for (const row of rows) {
      if (scope.network !== undefined && row.network !== scope.network) continue
      const list = byDay.get(day) ?? []
      list.push(row)
      byDay.set(day, list)
    }
  }
  const rolledTo = lastRolledDay(scope, range)
  if (rolledTo !== null) for (const row of await clickDaysBetween(ctx.db, 'clickDays', scope.workspaceId, range.from, rolledTo)) add(row.day, [row])
  const firstOpen = rolledTo === null ? range.from : addDays(rolledTo, 1)
  if (scope.marks !== null && firstOpen <= range.to) {
    for (const row of await clickDaysBetween(ctx.db, 'openClickDays', scope.workspaceId, firstOpen, range.to)) add(row.day, [row])
  }
  const today = dayOf(ctx.now(), scope.zone)
  for (let day = firstOpen; day <= range.to && day <= today; day = addDays(day, 1)) {
    const start = dayStart(day, scope.zone)
    const end = dayStart(addDays(day, 1), scope.zone)
    const from = Math.max(start, scope.marks?.clicksTo ?? start)
    if (from < end) add(day, await clickFigures(ctx.db, scope.workspaceId, from, end, start))
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

/** Conversions and form answers of the range: rolled days from their rollup, the rest added up in the database. */
async function conversionsOf(ctx: MeasureContext, scope: Scope, range: Range): Promise<ConversionFigures[]> {
  const rolledTo = lastRolledDay(scope, range)
  const rows: ConversionFigures[] = rolledTo === null ? [] : await conversionDaysBetween(ctx.db, scope.workspaceId, range.from, rolledTo)
  const start = rolledTo === null ? range.start : dayStart(addDays(rolledTo, 1), scope.zone)
  if (start < range.end) rows.push(...(await conversionFigures(ctx.db, scope.workspaceId, start, range.end, offsetStretches(scope.zone, start, range.end))))
  return rows.filter((c) => scope.network === undefined || c.network === scope.network || c.form)
}

/** Posts of the range per account and content type, and per day: rolled days from their rollup, the rest from the raw read. */
async function postsOf(ctx: MeasureContext, scope: Scope, range: Range, raw: RawRead) {
  const groups = new Map<string, PostFigures>()
  const days = new Map<string, { posts: number; engagement: number }>()
  const addGroup = (row: PostFigures) => {
    const key = `${row.accountId} ${row.contentType ?? ''}`
    const group = groups.get(key) ?? { accountId: row.accountId, contentType: row.contentType, posts: 0, likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0, withViews: 0 }
    group.posts += row.posts
    group.likes += row.likes
    group.reposts += row.reposts
    group.replies += row.replies
    group.quotes += row.quotes
    group.views += row.views
    group.withViews += row.withViews
    groups.set(key, group)
  }
  const addDay = (day: string, figures: { posts: number; engagement: number }) => {
    const point = days.get(day) ?? { posts: 0, engagement: 0 }
    point.posts += figures.posts
    point.engagement += figures.engagement
    days.set(day, point)
  }
  const rolledTo = lastRolledDay(scope, range)
  if (rolledTo !== null) {
    const rolled = await postDaysBetween(ctx.db, scope.workspaceId, scope.accountIds, range.from, rolledTo)
    for (const group of rolled.groups) addGroup(group)
    for (const day of rolled.days) addDay(day.day, day)
  }
  const rawFrom = rolledTo === null ? range.start : dayStart(addDays(rolledTo, 1), scope.zone)
  for (const row of raw.quarters) {
    const at = row.quarter * quarterMs
    if (at < rawFrom || at >= range.end) continue
    addGroup(row)
    addDay(dayOf(at, scope.zone), row)
  }
  return { groups: [...groups.values()], days }
}

interface PeriodFigures {
  totals: DashboardTotals
  daily: DailyPoint[]
  groups: PostFigures[]
  clicks: Map<string, ClickFigures[]>
  conversions: ConversionFigures[]
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
function reachOf(groups: PostFigures[], followersAtEnd: (accountId: string) => number | null): number | null {
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

async function periodFigures(ctx: MeasureContext, scope: Scope, range: Range, read: { raw: RawRead; conversions: ConversionFigures[]; currency: string | null }): Promise<PeriodFigures> {
  const { currency, conversions } = read
  const [posts, clicks, followers] = await Promise.all([postsOf(ctx, scope, range, read.raw), clicksPerDay(ctx, scope, range), followersOf(ctx, scope, range)])
  const { groups } = posts
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
    daysBetween(range.from, range.to).map((day) => {
      const published = posts.days.get(day)
      return [day, { day, posts: published?.posts ?? 0, engagement: published?.engagement ?? 0, clicks: 0, botClicks: 0, visitors: 0, conversions: 0, revenue: 0, followers: followers.sum(day) }]
    }),
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
  for (const row of conversions) {
    if (row.form) {
      totals.hearAnswers += row.conversions
      if (row.answer !== null && !(hearFixedAnswers as readonly string[]).includes(row.answer)) totals.hearSocial += row.conversions
      continue
    }
    totals.conversions += row.conversions
    const value = row.currency === currency ? row.value : 0
    totals.revenue += value
    const point = daily.get(row.day)
    if (point) {
      point.conversions += row.conversions
      point.revenue += value
    }
  }
  totals.revenue = roundMoney(totals.revenue)
  for (const point of daily.values()) point.revenue = roundMoney(point.revenue)
  return { totals, daily: [...daily.values()], groups, clicks, conversions, followersAtEnd }
}

function roundMoney(value: number): number {
  return Math.round(value * 100) / 100
}

/** The currency most of the period's conversions carry. */
function mainCurrency(conversions: ConversionFigures[]): string | null {
  const counts = new Map<string, number>()
  for (const c of conversions) if (!c.form && c.currency) counts.set(c.currency, (counts.get(c.currency) ?? 0) + c.conversions)
  let best: string | null = null
  for (const [currency, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && currency < best)) best = currency
  return best
}

/** Revenue added sale by sale, each rounded to the cent as it is added. */
function addCents(revenue: number, row: ConversionFigures, currency: string | null): number {
  return row.currency === currency ? Math.round(revenue * 100 + row.cents) / 100 : revenue
}

function byNetwork(scope: Scope, figures: PeriodFigures, currency: string | null): NetworkRow[] {
  const networkOf = new Map(scope.accounts.map((a) => [a.id, a.network]))
  const rows = new Map<string, NetworkRow & { likes: number; reposts: number; replies: number; quotes: number; groups: PostFigures[] }>()
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
    if (c.form || c.network === null) continue
    const r = row(c.network)
    r.conversions += c.conversions
    r.revenue = addCents(r.revenue, c, currency)
  }
  return [...rows.values()]
    .map(({ likes, reposts, replies, quotes, groups, ...r }) => {
      const engagement = engagementOf({ likes, reposts, replies, quotes })
      const reach = reachOf(groups, figures.followersAtEnd)
      return { ...r, engagement, reach, engagementRate: engagementRate(engagement, reach) }
    })
    .sort((a, b) => b.conversions - a.conversions || b.clicks - a.clicks || b.posts - a.posts || a.network.localeCompare(b.network))
}

function byContentType(figures: PeriodFigures, currency: string | null): ContentTypeRow[] {
  const rows = new Map<ContentType | 'none', ContentTypeRow & { likes: number; reposts: number; replies: number; quotes: number; groups: PostFigures[] }>()
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
  for (const c of figures.conversions) {
    if (c.form || c.postType === null) continue
    const r = row(c.postType === '' ? null : c.postType)
    r.conversions += c.conversions
    r.revenue = addCents(r.revenue, c, currency)
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

/**
 * Best times over the 90 days up to the end of the period: rolled hours from their rollup, the
 * rest from the raw read, and the clicks per post since the clicks mark at their post's hour.
 */
async function bestTimesOf(ctx: MeasureContext, scope: Scope, current: Range, raw: RawRead) {
  const windowStart = current.end - bestTimesWindowDays * 24 * hourMs
  const slots = new Map<number, BestTimeSlot>()
  const add = (weekday: number, hour: number, figures: { posts: number; engagement: number; clicks: number }) => {
    const key = weekday * 24 + hour
    const slot = slots.get(key) ?? { weekday, hour, posts: 0, engagement: 0, clicks: 0 }
    slot.posts += figures.posts
    slot.engagement += figures.engagement
    slot.clicks += figures.clicks
    slots.set(key, slot)
  }
  const addAt = (at: number, figures: { posts: number; engagement: number; clicks: number }) => {
    const { day, hour } = dayHourOf(at, scope.zone)
    add(weekdayOf(day), hour, figures)
  }
  const firstDay = dayOf(windowStart, scope.zone)
  const rolledTo = lastRolledDay(scope, { ...current, from: firstDay })
  let rawFrom = Math.max(windowStart, scope.rawStart)
  if (rolledTo !== null) {
    // The window starts within its first day when daylight saving changed since: that day's
    // hours from the start on are exact unless the offset changes within it.
    const firstStart = dayStart(firstDay, scope.zone)
    const firstEnd = dayStart(addDays(firstDay, 1), scope.zone)
    const fromHour = (windowStart - firstStart) % hourMs === 0 && offsetStretches(scope.zone, firstStart, firstEnd).length === 1 ? (windowStart - firstStart) / hourMs : null
    for (const row of await postWeekHoursBetween(ctx.db, scope.workspaceId, scope.accountIds, { day: firstDay, hour: fromHour ?? 24 }, rolledTo)) add(row.weekday, row.hour, row)
    if (fromHour === null) {
      for (const row of await publishedQuarters(ctx.db, scope.accountIds, { start: windowStart, end: firstEnd }, true)) addAt(row.quarter * quarterMs, row)
    }
    rawFrom = Math.max(rawFrom, dayStart(addDays(rolledTo, 1), scope.zone))
  }
  for (const row of raw.quarters) if (row.quarter * quarterMs >= rawFrom) addAt(row.quarter * quarterMs, row)
  const accounts = new Set(scope.accountIds)
  for (const target of raw.targets) {
    if (target.clicks > 0 && accounts.has(target.accountId) && target.publishedAt >= windowStart && target.publishedAt < current.end) addAt(target.publishedAt, { posts: 0, engagement: 0, clicks: target.clicks })
  }
  return bestTimesOfSlots([...slots.values()].filter((slot) => slot.posts > 0))
}

/** Conversions since the period began per post, in the main currency. */
function conversionsByPost(rows: TargetConversions[], currency: string | null): Map<string, { conversions: number; revenue: number }> {
  const converted = new Map<string, { conversions: number; revenue: number }>()
  for (const row of rows) {
    const entry = converted.get(row.targetId) ?? { conversions: 0, revenue: 0 }
    entry.conversions += row.conversions
    if (row.currency === currency) entry.revenue += row.value
    converted.set(row.targetId, entry)
  }
  return converted
}

/**
 * The posts to show: every post of the period for exports; else the 10 with the most conversions
 * since the period began, then clicks, engagement and publication. Those are among the 10 first
 * on the rollups alone (clicks and conversions up to the mark) and the posts clicked or converted
 * since: what came since can only move a post up.
 */
async function postsToShow(ctx: MeasureContext, scope: Scope, current: Range, raw: RawRead, allPosts: boolean): Promise<{ targets: TargetRow[]; conversions: TargetConversions[] }> {
  const posts = { accountIds: scope.accountIds, start: current.start, end: current.end }
  if (allPosts) {
    return { targets: await allTargetsBetween(ctx.db, scope.accountIds, current.start, current.end), conversions: await conversionsOfPeriodTargets(ctx.db, scope.workspaceId, posts) }
  }
  let ids: string[]
  if (scope.marks === null) {
    ids = await rankPeriodTargets(ctx.db, scope.workspaceId, posts, { rolled: false, rawSince: 0 }, topPostCount)
  } else {
    ids = await topRolledTargets(ctx.db, scope.workspaceId, scope.accountIds, current.start, current.end, topPostCount)
    if (ids.length < topPostCount) ids = await rankPeriodTargets(ctx.db, scope.workspaceId, posts, { rolled: true, rawSince: scope.clicksSince }, topPostCount)
    const inScope = new Set(scope.accountIds)
    const recent = raw.targets.filter((t) => inScope.has(t.accountId) && t.publishedAt >= current.start && t.publishedAt < current.end).map((t) => t.targetId)
    ids = [...new Set([...ids, ...recent])]
  }
  const accounts = new Set(scope.accountIds)
  const targets = (await targetsByIds(ctx.db, ids)).filter((t) => accounts.has(t.accountId) && t.publishedAt >= current.start && t.publishedAt < current.end)
  return { targets, conversions: await conversionsOfTargets(ctx.db, targets.map((t) => t.targetId), current.start) }
}

/** Posts as the dashboard shows them, with their clicks since published and conversions. */
function postRows(scope: Scope, figures: PeriodFigures, raw: RawRead, targets: TargetRow[], conversions: Map<string, { conversions: number; revenue: number }>): PostRow[] {
  const recent = new Map(raw.targets.map((t) => [t.targetId, t.clicks]))
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
      clicks: (scope.marks === null ? 0 : t.clicks) + (recent.get(t.targetId) ?? 0),
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
  const marks = await rolledMarks(ctx, workspaceId)
  const scope: Scope = {
    workspaceId,
    zone,
    network: query.network,
    accounts,
    accountIds: accounts.map((a) => a.id),
    marks,
    rawStart: marks === null ? 0 : dayStart(addDays(marks.rolledUntil, 1), zone),
    clicksSince: marks === null ? 0 : marks.clicksTo,
  }

  const days = daysBetween(query.from, query.to).length
  const current = rangeOf(query.from, query.to, zone)
  const previous = rangeOf(addDays(query.from, -days), addDays(query.from, -1), zone)
  // One read of what the rollups do not hold serves both periods and the best times.
  const rawStart = Math.max(scope.rawStart, Math.min(previous.start, current.end - bestTimesWindowDays * 24 * hourMs))
  const [quarters, targets, conversionsNow, conversionsBefore] = await Promise.all([
    rawStart < current.end ? publishedQuarters(ctx.db, scope.accountIds, { start: rawStart, end: current.end }, marks !== null) : [],
    recentTargetFigures(ctx.db, workspaceId, scope.clicksSince),
    conversionsOf(ctx, scope, current),
    conversionsOf(ctx, scope, previous),
  ])
  const raw: RawRead = { quarters, targets }
  const currency = mainCurrency(conversionsNow)
  const [now, before] = await Promise.all([
    periodFigures(ctx, scope, current, { raw, conversions: conversionsNow, currency }),
    periodFigures(ctx, scope, previous, { raw, conversions: conversionsBefore, currency }),
  ])

  const shown = await postsToShow(ctx, scope, current, raw, options.allPosts === true)
  const posts = rankPosts(postRows(scope, now, raw, shown.targets, conversionsByPost(shown.conversions, currency)))
  const times = await bestTimesOf(ctx, scope, current, raw)

  const hear = new Map<string, number>()
  for (const c of now.conversions) if (c.form && c.answer !== null) hear.set(c.answer, (hear.get(c.answer) ?? 0) + c.conversions)

  const listens = await hasListenQueries(ctx.db, workspaceId)
  const [mentionsNow, mentionsBefore] = listens
    ? await Promise.all([mentionAuthors(ctx.db, workspaceId, current.start, current.end), mentionAuthors(ctx.db, workspaceId, previous.start, previous.end)])
    : [null, null]
  const responses = await dashboardResponses(ctx.db, {
    workspaceId,
    targetMinutes: workspace.responseTargetMinutes,
    zone,
    network: query.network,
    current,
    previous,
    now: ctx.now(),
  })
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
    byContentType: byContentType(now, currency),
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
    responses,
    freshness: { metricsAt: await lastMetricsRead(ctx.db, workspaceId), rolledUntil: marks?.rolledUntil ?? null },
  }
}
