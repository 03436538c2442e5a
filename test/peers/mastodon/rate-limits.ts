/**
 * Per-account rate limits as Mastodon applies them, with its defaults:
 * - `api`: every authenticated /api request, 300 per 5 minutes (config/initializers/rack_attack.rb
 *   `throttle_per_token_api`; https://docs.joinmastodon.org/api/rate-limits/ "Account access").
 * - `statuses`: statuses created, 300 per 3 hours (app/lib/rate_limiter.rb `FAMILIES[:statuses]`,
 *   applied by `override_rate_limit_headers :create, family: :statuses`).
 * - `media`: POST /api/v*\/media, 30 per 30 minutes (rack_attack `throttle_api_media`).
 * - `delete`: DELETE /api/v1/statuses/:id, 30 per 30 minutes (rack_attack `throttle_api_delete`).
 * Windows are fixed and aligned on the epoch like both rack-attack and RateLimiter, and the
 * headers are Mastodon's: X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset as an
 * ISO 8601 time with microseconds (`Time#iso8601(6)`).
 */

/** A rate limit bucket (see the module comment). */
export type Family = 'api' | 'statuses' | 'media' | 'delete'

/** At most `limit` uses per fixed window of `periodMs`. */
export interface Limit {
  limit: number
  periodMs: number
}

/** One limit per family. */
export type Limits = Record<Family, Limit>

const minute = 60_000

/** Mastodon's defaults (see the module comment for where each comes from). */
export const mastodonDefaultLimits: Limits = {
  api: { limit: 300, periodMs: 5 * minute },
  statuses: { limit: 300, periodMs: 3 * 60 * minute },
  media: { limit: 30, periodMs: 30 * minute },
  delete: { limit: 30, periodMs: 30 * minute },
}

/** Counts uses per account, family and window. */
export interface RateLimiter {
  /** Replaces limits for everyone, or for one account when `accountId` is given. */
  set(limits: Partial<Limits>, accountId?: string): void
  /** Counts one use; `allowed` is false once the window's limit is used up. */
  hit(accountId: string, family: Family): { allowed: boolean; headers: Record<string, string> }
  /** Whether one more use would pass, without counting it. */
  check(accountId: string, family: Family): { allowed: boolean; headers: Record<string, string> }
  /** When the current window for this account and family ends (epoch ms). */
  resetAt(accountId: string, family: Family): number
}

/** `Time#iso8601(6)`: six fractional digits, UTC. */
export function iso8601Micro(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

/** A limiter with Mastodon's defaults, on the given clock. */
export function createRateLimiter(now: () => number): RateLimiter {
  let defaults: Limits = { ...mastodonDefaultLimits }
  const perAccount = new Map<string, Partial<Limits>>()
  const counts = new Map<string, number>()

  const limitFor = (accountId: string, family: Family): Limit => perAccount.get(accountId)?.[family] ?? defaults[family]

  function window(accountId: string, family: Family): { key: string; limit: Limit; reset: number } {
    const limit = limitFor(accountId, family)
    const start = Math.floor(now() / limit.periodMs) * limit.periodMs
    return { key: `${accountId}:${family}:${start}`, limit, reset: start + limit.periodMs }
  }

  function headers(limit: Limit, used: number, reset: number): Record<string, string> {
    return {
      'x-ratelimit-limit': String(limit.limit),
      'x-ratelimit-remaining': String(Math.max(0, limit.limit - used)),
      'x-ratelimit-reset': iso8601Micro(reset),
    }
  }

  return {
    set(limits, accountId) {
      if (accountId === undefined) defaults = { ...defaults, ...limits }
      else perAccount.set(accountId, { ...perAccount.get(accountId), ...limits })
    },
    hit(accountId, family) {
      const w = window(accountId, family)
      const used = (counts.get(w.key) ?? 0) + 1
      counts.set(w.key, used)
      return { allowed: used <= w.limit.limit, headers: headers(w.limit, used, w.reset) }
    },
    check(accountId, family) {
      const w = window(accountId, family)
      const used = counts.get(w.key) ?? 0
      return { allowed: used < w.limit.limit, headers: headers(w.limit, used, w.reset) }
    },
    resetAt: (accountId, family) => window(accountId, family).reset,
  }
}
