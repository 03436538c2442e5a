/**
 * Rollups: each workspace day that is over (plus a grace period for the last batches of clicks)
 * is added once to the daily figures (clicks and conversions per network and content type, posts
 * and their counts per account, content type and hour); clicks and conversions are also added to
 * each post's totals and to the figures of the day still open, every run, up to the grace period
 * before now. Dashboards read the rollups and only what came after them from the clicks,
 * conversions and posts themselves, so they stay fast on millions of rows.
 *
 * Counts read later from the networks are added where their post was counted (metrics sync), and
 * a post whose publication was recorded after its day was rolled (a retried publication carries
 * the time of its first attempt) is added by the next run. A click written after its stretch was
 * rolled (the database was unreachable for longer than the grace period) is in the raw clicks and
 * the links' counts but not in the rollups. When the workspace's time zone changes, its rollups
 * are dropped and its days cut anew.
 */
import { findWorkspace, firstActivityAt, resetRollups, rollDay, rollLatePosts, rollOpenStretch, rollupState, startRollups, workspacesToRoll, type RollupMark } from '../store/index.js'
import type { MeasureContext } from './context.js'
import { addDays, dayHourOf, dayOf, dayStart, offsetStretches } from './days.js'

/** How long after a moment its clicks are rolled: the click writer has long written them by then. */
export const rollupGraceMs = 15 * 60_000

/** The last workspace day that can be rolled at `now`. */
export function lastClosedDay(now: number, zone: string): string {
  return addDays(dayOf(now - rollupGraceMs, zone), -1)
}

/** Rolls every closed day of one workspace not rolled yet, and the open days up to the grace period; returns how many days it closed. */
export async function rollWorkspace(ctx: MeasureContext, workspace: { id: string; timeZone: string }): Promise<number> {
  const zone = workspace.timeZone
  let state = await rollupState(ctx.db, workspace.id)
  if (state && state.timeZone !== zone) {
    await resetRollups(ctx.db, workspace.id)
    state = undefined
  }
  if (!state) {
    const first = await firstActivityAt(ctx.db, workspace.id)
    if (first === undefined) return 0
    const firstDay = dayOf(first, zone)
    await startRollups(ctx.db, { workspaceId: workspace.id, firstDay, dayBefore: addDays(firstDay, -1), clicksTo: dayStart(firstDay, zone), timeZone: zone, now: ctx.now() })
    state = await rollupState(ctx.db, workspace.id)
    if (!state || state.timeZone !== zone) return 0
  }
  const placeOf = (publishedAt: number) => dayHourOf(publishedAt, zone)
  const now = ctx.now()
  let mark: RollupMark = { workspaceId: workspace.id, rolledUntil: state.rolledUntil, clicksTo: state.clicksTo, timeZone: zone }
  let closed = 0
  const until = lastClosedDay(now, zone)
  for (let day = addDays(mark.rolledUntil, 1); day <= until; day = addDays(day, 1)) {
    const start = dayStart(day, zone)
    const end = dayStart(addDays(day, 1), zone)
    // Someone else rolled it meanwhile: they go on from here.
    if (!(await rollDay(ctx.db, { mark, day, start, end, offsets: offsetStretches(zone, start, end), placeOf, now: ctx.now() }))) return closed
    mark = { ...mark, rolledUntil: day, clicksTo: Math.max(mark.clicksTo, end) }
    closed += 1
  }
  const openTo = now - rollupGraceMs
  for (let day = addDays(mark.rolledUntil, 1); dayStart(day, zone) < openTo; day = addDays(day, 1)) {
    const end = Math.min(dayStart(addDays(day, 1), zone), openTo)
    if (mark.clicksTo >= end) continue
    if (!(await rollOpenStretch(ctx.db, { mark, day, dayStart: dayStart(day, zone), to: end, now: ctx.now() }))) return closed
    mark = { ...mark, clicksTo: end }
  }
  await rollLatePosts(ctx.db, { mark, postsSeenAt: state.postsSeenAt, rolledEnd: dayStart(addDays(mark.rolledUntil, 1), zone), placeOf, now })
  return closed
}

/** Rolls what can be rolled of every workspace with tracked links or accounts; returns how many days it closed. */
export async function rollAll(ctx: MeasureContext): Promise<number> {
  let rolled = 0
  for (const workspace of await workspacesToRoll(ctx.db)) rolled += await rollWorkspace(ctx, workspace)
  return rolled
}

/** How far the workspace's rollups go, as the dashboard reads them: none while its days are cut anew after a zone change. */
export interface RolledMarks {
  /** The last day in the day rollups (inclusive). */
  rolledUntil: string
  /** Clicks and conversions before this instant are in the per-post rollups and the open days' figures. */
  clicksTo: number
}

export async function rolledMarks(ctx: MeasureContext, workspaceId: string): Promise<RolledMarks | null> {
  const workspace = await findWorkspace(ctx.db, workspaceId)
  if (!workspace) return null
  const state = await rollupState(ctx.db, workspaceId)
  return state && state.timeZone === workspace.timeZone ? { rolledUntil: state.rolledUntil, clicksTo: state.clicksTo } : null
}
