/**
 * Response time: how long people wait for a first answer, as the median and as the share answered
 * within the workspace's target (say 4 hours), overall and per ISO week (in the workspace's time
 * zone), per network or per teammate.
 *
 * An item waits from `receivedAt` to `firstResponseAt`. An answer exactly at the target is within
 * it. An item still waiting is late only once its target has passed at `now`; until then nobody
 * can say whether it will be answered in time, so it is left out of the share (but counted in
 * `items`). An answer stamped after `now` is not known yet at `now`: the item is still waiting.
 */
import { DateTime, IANAZone } from 'luxon'

export interface ResponseItem {
  receivedAt: number
  firstResponseAt: number | null
  network: string
  /** The teammate who answered first; null when unanswered or answered outside the app. */
  responderId: string | null
}

export interface ResponseStats {
  /** Items received (the caller's window). */
  items: number
  /** Items answered by `now`. */
  answered: number
  /** Median wait of the answered items (the mean of the two middle ones for an even count); null when none is answered. */
  medianMs: number | null
  /** Items answered within the target. */
  withinTarget: number
  /** withinTarget over the items whose outcome is known (answered, or waiting past the target); null when none is known. */
  shareWithinTarget: number | null
}

function checkTarget(targetMs: number): void {
  if (!Number.isFinite(targetMs) || targetMs < 0) throw new RangeError(`not a response target: ${targetMs}`)
}

const answeredBy = (item: ResponseItem, now: number): item is ResponseItem & { firstResponseAt: number } =>
  item.firstResponseAt !== null && item.firstResponseAt <= now

/** A wait is never negative, even when the network's clock and ours disagree. */
const waitOf = (item: { receivedAt: number; firstResponseAt: number }) => Math.max(0, item.firstResponseAt - item.receivedAt)

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Stats over `items` (the caller picks the window, e.g. items received in [from, to)) with a
 * target of `targetMs`, as known at `now`.
 * @throws RangeError when the target is negative or not a number.
 */
export function responseStats(items: ResponseItem[], targetMs: number, now: number): ResponseStats {
  checkTarget(targetMs)
  const waits: number[] = []
  let late = 0
  for (const item of items) {
    if (answeredBy(item, now)) waits.push(waitOf(item))
    else if (now > item.receivedAt + targetMs) late++
  }
  waits.sort((a, b) => a - b)
  const withinTarget = waits.filter((wait) => wait <= targetMs).length
  const known = waits.length + late
  return {
    items: items.length,
    answered: waits.length,
    medianMs: median(waits),
    withinTarget,
    shareWithinTarget: known === 0 ? null : withinTarget / known,
  }
}

/**
 * `responseStats` per group, groups sorted by key: per ISO week of `receivedAt` in `timeZone`
 * (`2026-W47`; a week runs Monday 00:00 to Monday 00:00 on the zone's clock, so a week with a
 * daylight-saving change is an hour shorter or longer), per network, or per responder (only items
 * answered by `now` with a known responder: a teammate is judged on what they answered).
 * @throws RangeError when `timeZone` is not an IANA time zone, or the target is invalid.
 */
export function responseStatsBy(
  items: ResponseItem[],
  by: 'week' | 'network' | 'responder',
  targetMs: number,
  now: number,
  timeZone: string,
): Array<{ key: string; stats: ResponseStats }> {
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`not a time zone: ${timeZone}`)
  checkTarget(targetMs)
  const groups = new Map<string, ResponseItem[]>()
  for (const item of items) {
    let key: string
    if (by === 'week') key = DateTime.fromMillis(item.receivedAt, { zone: timeZone }).toFormat("kkkk-'W'WW")
    else if (by === 'network') key = item.network
    else if (item.responderId !== null && answeredBy(item, now)) key = item.responderId
    else continue
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({ key, stats: responseStats(group, targetMs, now) }))
}
