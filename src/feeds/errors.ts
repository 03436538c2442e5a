/**
 * The one error fetching a feed can end in. `reason` is a closed set: the URL guard's own
 * reasons (so a refused address reads the same whether it was refused when saved or when
 * polled) plus what can go wrong over HTTP and in parsing. It is an `AppError`, so the HTTP
 * error handler shows its message in the person's language without any wrapping.
 */
import { AppError } from '../domain/index.js'
import type { UrlRejection } from '../security/index.js'

/** Every reason a feed can be refused or fail, in a stable order. */
export const feedErrorReasons = [
  'invalid_url',
  'unsupported_protocol',
  'credentials_in_url',
  'private_address',
  'unresolvable',
  'http_error',
  'too_large',
  'timeout',
  'not_a_feed',
  'too_many_redirects',
  'network',
] as const

/** Why a feed failed: the URL guard's reasons, then HTTP, size, time, content and network. */
export type FeedErrorReason = (typeof feedErrorReasons)[number]

const urlGuardReasons: ReadonlySet<string> = new Set<UrlRejection>([
  'invalid_url',
  'unsupported_protocol',
  'credentials_in_url',
  'private_address',
  'unresolvable',
])

/**
 * The catalog key (under `errors.`) for a reason: the URL guard's reasons reuse its
 * `url_<reason>` messages; the others are `feed_<reason>`.
 */
export function feedMessageKey(reason: FeedErrorReason): string {
  return urlGuardReasons.has(reason) ? `url_${reason}` : `feed_${reason}`
}

/** Why fetching a feed failed. `messageKey` and `params` come from `reason` (see `feedMessageKey`). */
export class FeedError extends AppError {
  /** The HTTP status the feed's server answered with, for `http_error`. */
  readonly httpStatus: number | undefined

  constructor(
    readonly reason: FeedErrorReason,
    /** The URL being fetched when it failed: the one given, or a redirect's target. */
    readonly url: string,
    options: { httpStatus?: number; cause?: unknown } = {},
  ) {
    super('bad_request', feedMessageKey(reason), options.httpStatus === undefined ? {} : { status: options.httpStatus })
    this.name = 'FeedError'
    this.httpStatus = options.httpStatus
    this.message = `feed ${reason}${options.httpStatus === undefined ? '' : ` ${options.httpStatus}`}: ${url}`
    if (options.cause !== undefined) this.cause = options.cause
  }

  /**
   * True when polling again later may well succeed (timeouts, network trouble, DNS hiccups,
   * server errors and rate limits); false when the URL or the content itself is the problem.
   */
  get transient(): boolean {
    if (this.reason === 'timeout' || this.reason === 'network' || this.reason === 'unresolvable') return true
    if (this.reason !== 'http_error' || this.httpStatus === undefined) return false
    return this.httpStatus >= 500 || this.httpStatus === 429 || this.httpStatus === 408
  }
}
