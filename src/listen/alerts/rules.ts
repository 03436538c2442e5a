/**
 * When Listen raises an alert: pure functions over counts the caller has already gathered, with no
 * I/O and no clock (the time is passed in). Each rule is stated here and in README.md, with its
 * constants exported so the app, the tests and the documentation say the same thing.
 */

const hourMs = 60 * 60 * 1000

/** The spike rule's constants (see `detectSpike`). */
export interface SpikeRule {
  /** Hours of history the usual level is measured over: the last week, so every weekday counts once. */
  baselineHours: number
  /** A query with less history than this is warming up and never spikes. */
  minBaselineHours: number
  /** The threshold is never below this many mentions in the hour. */
  minCount: number
  /** The threshold is at least the mean plus this many standard deviations… */
  stdDevFactor: number
  /** …and at least this multiple of the mean. */
  meanFactor: number
}

/** The stated spike rule: a week of baseline, 24 h warm-up, threshold max(5, mean + 3σ, 3 × mean). */
export const spikeRule: Readonly<SpikeRule> = Object.freeze({
  baselineHours: 7 * 24,
  minBaselineHours: 24,
  minCount: 5,
  stdDevFactor: 3,
  meanFactor: 3,
})

/** What `detectSpike` decided, with the figures an alert shows. */
export interface SpikeResult {
  spike: boolean
  /** Mentions in the current hour (the last element of `hourlyCounts`). */
  current: number
  baselineMean: number
  /** Population standard deviation of the baseline hours. */
  baselineStdDev: number
  /** The smallest whole count that is a spike. */
  threshold: number
  /** Hours the baseline was measured over (at most `baselineHours`). */
  baselineHours: number
  /** True while the query has less than `minBaselineHours` of history: no spike is raised then. */
  warmingUp: boolean
}

/** Input of `detectSpike`. */
export interface SpikeInput {
  /**
   * The query's matches per hour, oldest first; the last element is the current hour (the most
   * recent complete hour, or the rolling last 60 minutes). Hours with no match are zeros, not gaps.
   */
  hourlyCounts: readonly number[]
  /** Overrides of the stated constants (tests, or a future per-query sensitivity setting). */
  rule?: Partial<SpikeRule>
}

/**
 * Spike detection: is the current hour's volume far above the query's usual level?
 *
 * Rule: the baseline is the up to 168 hours (7 × 24) before the current hour, the current hour
 * excluded. threshold = ⌈max(5, mean + 3·σ, 3·mean)⌉ over the baseline, and the hour is a spike
 * when its count ≥ threshold. Each term guards a different failure: `5` stops a quiet query
 * (mean 0.2) from alerting on two mentions; `mean + 3σ` ignores the query's normal ups and downs
 * (its daily rhythm is inside the week); `3·mean` stops a very regular query (σ ≈ 0) from alerting
 * on a rise of a few percent. A query with fewer than 24 baseline hours is warming up and never
 * spikes: its usual level is not known yet, and a person who wants every match at once marks
 * the query high-priority instead.
 *
 * @throws RangeError when a count is negative or not a finite number (a caller's bug).
 */
export function detectSpike(input: SpikeInput): SpikeResult {
  const rule = { ...spikeRule, ...input.rule }
  checkCounts(input.hourlyCounts, 'hourlyCounts')
  const current = input.hourlyCounts.at(-1) ?? 0
  const history = input.hourlyCounts.slice(0, -1)
  const baseline = history.slice(Math.max(0, history.length - rule.baselineHours))
  const { mean, stdDev } = meanAndStdDev(baseline)
  const threshold = wholeThreshold(Math.max(rule.minCount, mean + rule.stdDevFactor * stdDev, rule.meanFactor * mean))
  const warmingUp = baseline.length < rule.minBaselineHours
  return {
    spike: !warmingUp && current >= threshold,
    current,
    baselineMean: mean,
    baselineStdDev: stdDev,
    threshold,
    baselineHours: baseline.length,
    warmingUp,
  }
}

/** The negative-burst rule's constants (see `detectNegativeBurst`). */
export interface NegativeBurstRule {
  baselineHours: number
  /** Below this much history the burst is flagged `warmingUp` (the rule still applies). */
  minBaselineHours: number
  /** The hour needs at least this many negative mentions… */
  minNegative: number
  /** …and at least this multiple of the usual negative mentions per hour… */
  meanFactor: number
  /** …and negative mentions must be at least this share of all the hour's mentions. */
  minShare: number
}

/** The stated negative-burst rule: negative ≥ max(5, 3 × usual) and ≥ 40 % of the hour. */
export const negativeBurstRule: Readonly<NegativeBurstRule> = Object.freeze({
  baselineHours: 7 * 24,
  minBaselineHours: 24,
  minNegative: 5,
  meanFactor: 3,
  minShare: 0.4,
})

/** Input of `detectNegativeBurst`. */
export interface NegativeBurstInput {
  /** The query's mentions in the last hour, and how many of them are negative. */
  recent: { negative: number; total: number }
  /** Negative mentions per hour before that hour, oldest first (zeros for quiet hours). */
  baselineHourlyNegative: readonly number[]
  rule?: Partial<NegativeBurstRule>
}

/** What `detectNegativeBurst` decided, with the figures an alert shows. */
export interface NegativeBurstResult {
  burst: boolean
  negative: number
  total: number
  /** negative / total; 0 when the hour had no mention. */
  share: number
  baselineMean: number
  /** The smallest whole negative count that can be a burst (the share must hold too). */
  threshold: number
  baselineHours: number
  /** Less than 24 h of history: the burst may still fire, on the absolute floor alone. */
  warmingUp: boolean
}

/**
 * Negative burst: did the last hour bring unusually many negative mentions?
 *
 * Rule: burst when negative ≥ ⌈max(5, 3 × the mean negative mentions per hour over the up to
 * 168 previous hours)⌉ AND negative / total ≥ 40 %. The share condition keeps a query whose
 * volume simply rose (a launch: many mentions, a normal mix) from looking like a crisis; the
 * floor of 5 keeps one or two grumbles from paging anyone. Unlike a spike, a burst is also raised
 * while the query is warming up (flagged `warmingUp`): five or more negative mentions making up
 * 40 % of an hour are bad news whatever the history, and that is when a crisis pause matters.
 *
 * @throws RangeError when a count is negative, not finite, or negative > total.
 */
export function detectNegativeBurst(input: NegativeBurstInput): NegativeBurstResult {
  const rule = { ...negativeBurstRule, ...input.rule }
  const { negative, total } = input.recent
  checkCounts([negative, total], 'recent')
  if (negative > total) throw new RangeError(`recent.negative (${negative}) exceeds recent.total (${total})`)
  checkCounts(input.baselineHourlyNegative, 'baselineHourlyNegative')
  const history = input.baselineHourlyNegative
  const baseline = history.slice(Math.max(0, history.length - rule.baselineHours))
  const { mean } = meanAndStdDev(baseline)
  const threshold = wholeThreshold(Math.max(rule.minNegative, rule.meanFactor * mean))
  const share = total === 0 ? 0 : negative / total
  return {
    burst: negative >= threshold && share >= rule.minShare,
    negative,
    total,
    share,
    baselineMean: mean,
    threshold,
    baselineHours: baseline.length,
    warmingUp: baseline.length < rule.minBaselineHours,
  }
}

/**
 * Priority match: a query marked high-priority alerts on every new match, with no threshold and
 * no warm-up — that is what the mark means. The store keeps one alert per mention (its dedupe
 * key), so a mention is never announced twice; a delivery job may batch the matches that arrived
 * since its last run into one message (`Alert.count` and `Alert.mentions`).
 */
export function priorityMatch(input: { highPriority: boolean; newMatches: number }): boolean {
  return input.highPriority && input.newMatches > 0
}

/** Suggested quiet periods between two alerts of one kind for one query. */
export const alertCooldownMs: Readonly<Record<'spike' | 'negative_burst', number>> = Object.freeze({
  /** A spike that lasts all afternoon is one piece of news, not one per hour. */
  spike: 6 * hourMs,
  /** Shorter: a crisis that keeps growing deserves a reminder sooner. */
  negative_burst: 3 * hourMs,
})

/**
 * Cooldown: true when an alert may be raised again — never raised before, or at least
 * `cooldownMs` have passed since the last one. A `lastAlertAt` later than `now` (clocks of two
 * workers disagreeing) counts as "just alerted": better one alert late than two at once.
 */
export function shouldAlertAgain(lastAlertAt: number | null | undefined, now: number, cooldownMs: number): boolean {
  if (lastAlertAt === null || lastAlertAt === undefined) return true
  return now - lastAlertAt >= cooldownMs
}

function checkCounts(counts: readonly number[], name: string): void {
  counts.forEach((count, index) => {
    if (!Number.isFinite(count) || count < 0) throw new RangeError(`${name}[${index}] must be a finite count ≥ 0, got ${count}`)
  })
}

/** Mean and population standard deviation; both 0 for an empty list. */
function meanAndStdDev(values: readonly number[]): { mean: number; stdDev: number } {
  if (values.length === 0) return { mean: 0, stdDev: 0 }
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length
  return { mean, stdDev: Math.sqrt(variance) }
}

/**
 * Counts are whole, so "count ≥ 7.2" means "count ≥ 8": the threshold is rounded up, after
 * forgiving floating-point dust (3 × 2.0000000000000004 must stay 6, not become 7).
 */
function wholeThreshold(raw: number): number {
  return Math.ceil(raw - 1e-9)
}
