/**
 * Best times to post: the period's posts grouped by weekday and hour on the business's own clock
 * (its time zone, daylight saving included, so a 09:00 post is a 09:00 post in winter and in
 * summer), and the few hours that did best. A click weighs more than a like: it is a person
 * coming to the business, not just a reaction.
 */
import { DateTime, IANAZone } from 'luxon'

export interface BestTimeCell {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number
  /** 0–23 */
  hour: number
  posts: number
  /** Mean engagement per post. */
  engagement: number
  /** Mean clicks per post. */
  clicks: number
}

export interface BestTimes {
  posts: number
  /** The weekday-hour cells that have posts, by weekday then hour. */
  cells: BestTimeCell[]
  /** Up to `bestTimeRules.count` cells, best first. */
  best: Array<{ weekday: number; hour: number }>
}

/** How the best cells are chosen. */
export const bestTimeRules = {
  /** A cell needs this many posts to be recommended: one lucky post is not a pattern. */
  minPosts: 2,
  /** A click counts as this many interactions in the ranking. */
  clickWeight: 5,
  /** How many cells are recommended. */
  count: 3,
} as const

/** Posts of one weekday-hour on the business's clock (several cells of the same slot are added up). */
export interface BestTimeSlot {
  weekday: number
  hour: number
  posts: number
  engagement: number
  clicks: number
}

/**
 * Groups posts by weekday and hour in `timeZone` (DST-correct); best = up to 3 cells with ≥ 2
 * posts, ranked by mean (engagement + 5 × clicks), ties by more posts then earlier weekday/hour.
 * A cell whose posts got no engagement and no click is never recommended. An entry may stand for
 * several posts published in the same quarter hour (`posts`, default 1), its engagement and clicks
 * then being their sums: stores group that way, and every time zone's hours start on a quarter.
 * @throws RangeError when `timeZone` is not an IANA time zone.
 */
export function bestTimes(posts: Array<{ publishedAt: number; engagement: number; clicks: number; posts?: number }>, timeZone: string): BestTimes {
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`not a time zone: ${timeZone}`)
  return bestTimesOfSlots(
    posts.map((post) => {
      const local = DateTime.fromMillis(post.publishedAt, { zone: timeZone })
      return { weekday: local.weekday, hour: local.hour, posts: post.posts ?? 1, engagement: post.engagement, clicks: post.clicks }
    }),
  )
}

/** The same from posts already placed on the business's clock (weekday and hour), e.g. hourly rollups. */
export function bestTimesOfSlots(slots: BestTimeSlot[]): BestTimes {
  const sums = new Map<number, BestTimeSlot>()
  let total = 0
  for (const slot of slots) {
    const key = slot.weekday * 24 + slot.hour
    const sum = sums.get(key) ?? { weekday: slot.weekday, hour: slot.hour, posts: 0, engagement: 0, clicks: 0 }
    sum.posts += slot.posts
    sum.engagement += slot.engagement
    sum.clicks += slot.clicks
    sums.set(key, sum)
    total += slot.posts
  }
  const ordered = [...sums.entries()].sort(([a], [b]) => a - b).map(([, sum]) => sum)
  const value = (sum: { posts: number; engagement: number; clicks: number }) => (sum.engagement + bestTimeRules.clickWeight * sum.clicks) / sum.posts
  // `ordered` is by weekday then hour, and the sort is stable: equal cells keep the earlier first.
  const best = ordered
    .filter((sum) => sum.posts >= bestTimeRules.minPosts && value(sum) > 0)
    .sort((a, b) => value(b) - value(a) || b.posts - a.posts)
    .slice(0, bestTimeRules.count)
    .map(({ weekday, hour }) => ({ weekday, hour }))
  return {
    posts: total,
    cells: ordered.map((sum) => ({ ...sum, engagement: sum.engagement / sum.posts, clicks: sum.clicks / sum.posts })),
    best,
  }
}
