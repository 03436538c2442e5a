/**
 * The only errors a connector throws. The dispatcher's retry policy is written once against
 * these, never per network:
 * - AuthExpired: the token or app password no longer works → pause the account, ask to reconnect.
 * - RateLimited: slow down → retry after `retryAfterMs`.
 * - Rejected: the network refused this content for good → fail the post with `reason`.
 * - Transient: anything worth retrying with backoff (5xx, timeouts, resets).
 */

export abstract class ConnectorError extends Error {
  abstract readonly kind: 'auth_expired' | 'rate_limited' | 'rejected' | 'transient'
  constructor(
    readonly network: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = new.target.name
  }
}

export class AuthExpired extends ConnectorError {
  readonly kind = 'auth_expired'
}

export class RateLimited extends ConnectorError {
  readonly kind = 'rate_limited'
  constructor(
    network: string,
    /** How long to wait before trying again. */
    readonly retryAfterMs: number,
    message = `rate limited; retry in ${Math.ceil(retryAfterMs / 1000)} s`,
    options?: { cause?: unknown },
  ) {
    super(network, message, options)
  }
}

export class Rejected extends ConnectorError {
  readonly kind = 'rejected'
  constructor(
    network: string,
    /** The network's own explanation, in its words, shown to the person. */
    readonly reason: string,
    /** The network's error code when it gives one (e.g. "InvalidRecord", 422). */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(network, reason, options)
  }
}

export class Transient extends ConnectorError {
  readonly kind = 'transient'
}

const defaultRetryAfterMs = 60_000

/**
 * How long a 429 asks us to wait: `Retry-After` (seconds or an HTTP date), else a reset time
 * (`RateLimit-Reset`/`X-RateLimit-Reset` as epoch seconds or seconds from now), else a minute.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number {
  const retryAfter = headers.get('retry-after')
  if (retryAfter) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  const reset = headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset')
  if (reset) {
    const value = Number(reset)
    if (Number.isFinite(value)) {
      // Large values are epoch seconds; small ones are seconds from now.
      return Math.max(0, value > 1e9 ? value * 1000 - now : value * 1000)
    }
    const date = Date.parse(reset)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  return defaultRetryAfterMs
}

/**
 * Maps an unsuccessful HTTP response to the shared errors: 401 → AuthExpired; 429 →
 * RateLimited; 408 and 5xx → Transient; other 4xx → Rejected with the network's message.
 */
export function errorFromResponse(network: string, status: number, headers: Headers, message: string, code?: string): ConnectorError {
  if (status === 401) return new AuthExpired(network, message)
  if (status === 429) return new RateLimited(network, retryAfterMs(headers))
  if (status === 408 || status >= 500) return new Transient(network, `${status}: ${message}`)
  return new Rejected(network, message, code ?? String(status))
}
