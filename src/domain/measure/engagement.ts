/**
 * The soft numbers every measure view shares: engagement (the interactions a post received), its
 * rate over the people reached, and the change from one period to the next.
 */

/** Interactions with a post, or a period's posts: likes + reposts + replies + quotes. */
export function engagementOf(counts: { likes: number; reposts: number; replies: number; quotes: number }): number {
  return counts.likes + counts.reposts + counts.replies + counts.quotes
}

/** Engagement ÷ reach (0.034 = 3.4%); null when reach is unknown or 0, since a rate over nobody means nothing. */
export function engagementRate(engagement: number, reach: number | null): number | null {
  if (reach === null || !(reach > 0)) return null
  return engagement / reach
}

/**
 * Change from `before` to `now` as a ratio (0.25 = +25%); null when before is 0/null or now null.
 * Divided by |before| so that a loss shrinking (−10 to −5 followers) reads as a rise.
 */
export function changeRatio(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null
  return (now - before) / Math.abs(before)
}
