/**
 * Click rollups: each workspace day that is over (plus a grace period for the last batches) is
 * added once to the daily figures per network and content type and to each post's click count.
 * Dashboards read rolled days from there and only the days not yet rolled (today, mostly) from
 * the clicks themselves, so they stay fast on millions of clicks. A click written after its day
 * was rolled (the database was unreachable for longer than the grace period) is in the raw
 * clicks and the links' counts but not in the rollups. When the workspace's time zone changes,
 * its rollups are dropped and its days cut anew.
 */
import { firstClickAt, findWorkspace, resetRollups, rollDay, rollupState, workspacesWithClicks } from '../store/index.js'
import type { MeasureContext } from './context.js'
import { addDays, dayOf, dayStart } from './days.js'

/** How long after a day ends its clicks are rolled: the click writer has long written them by then. */
export const rollupGraceMs = 15 * 60_000

/** The last workspace day that can be rolled at `now`. */
export function lastClosedDay(now: number, zone: string): string {
  return addDays(dayOf(now - rollupGraceMs, zone), -1)
}

/** Rolls every closed day of one workspace not rolled yet; returns how many days it rolled. */
export async function rollWorkspace(ctx: MeasureContext, workspace: { id: string; timeZone: string }): Promise<number> {
  let state = await rollupState(ctx.db, workspace.id)
  if (state && state.timeZone !== workspace.timeZone) {
    await resetRollups(ctx.db, workspace.id)
    state = undefined
  }
  const until = lastClosedDay(ctx.now(), workspace.timeZone)
  let previous = state?.rolledUntil ?? null
  let day: string
  if (previous === null) {
    const first = await firstClickAt(ctx.db, workspace.id)
    if (first === undefined) return 0
    day = dayOf(first, workspace.timeZone)
  } else {
    day = addDays(previous, 1)
  }
  let rolled = 0
  for (; day <= until; day = addDays(day, 1)) {
    const done = await rollDay(ctx.db, {
      workspaceId: workspace.id,
      day,
      start: dayStart(day, workspace.timeZone),
      end: dayStart(addDays(day, 1), workspace.timeZone),
      previousDay: previous,
      timeZone: workspace.timeZone,
      now: ctx.now(),
    })
    // Someone else rolled it meanwhile: they go on from here.
    if (!done) break
    previous = day
    rolled += 1
  }
  return rolled
}

/** Rolls the closed days of every workspace with tracked links. */
export async function rollAll(ctx: MeasureContext): Promise<number> {
  let rolled = 0
  for (const workspace of await workspacesWithClicks(ctx.db)) rolled += await rollWorkspace(ctx, workspace)
  return rolled
}

/** The workspace's rollup mark, as the dashboard needs it (re-cut if the zone changed). */
export async function rolledUntil(ctx: MeasureContext, workspaceId: string): Promise<string | null> {
  const workspace = await findWorkspace(ctx.db, workspaceId)
  if (!workspace) return null
  const state = await rollupState(ctx.db, workspaceId)
  return state && state.timeZone === workspace.timeZone ? state.rolledUntil : null
}
