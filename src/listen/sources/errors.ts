/**
 * The one error listening sources other than feeds end in (feeds keep the feeds layer's
 * `FeedError`). `reason` is a closed set: the URL guard's reasons, so a refused address reads the
 * same whether it was refused when saved or when connecting, then what a remote server can answer.
 * It is an `AppError`, so the HTTP error handler and the job runner show its message in the
 * person's language without wrapping it.
 */
import { AppError, type ErrorCode } from '../../domain/index.js'
import { UrlRejectedError, type UrlRejection } from '../../security/index.js'

/** Every reason a source can be refused or fail, in a stable order. */
export const listenSourceErrorReasons = [
  'invalid_url',
  'unsupported_protocol',
  'credentials_in_url',
  'private_address',
  'unresolvable',
  'not_found',
  'auth_required',
  'rate_limited',
  'unavailable',
  'bad_response',
  'invalid_hashtag',
] as const

/** Why a source failed: the URL guard's reasons, then the remote server's answers. */
export type ListenSourceErrorReason = (typeof listenSourceErrorReasons)[number]

const urlReasons: ReadonlySet<string> = new Set<UrlRejection>(['invalid_url', 'unsupported_protocol', 'credentials_in_url', 'private_address', 'unresolvable'])

/** Which kind of address was being checked: the message for a wrong scheme differs. */
export type SourceUrlKind = 'http' | 'stream'

/**
 * The catalog key (under `errors.`): the URL guard's own `url_<reason>` messages, except a wrong
 * scheme for a stream (where wss:// is right); `listen_source_<reason>` for the others.
 */
export function listenSourceMessageKey(reason: ListenSourceErrorReason, urlKind: SourceUrlKind = 'http'): string {
  if (reason === 'unsupported_protocol' && urlKind === 'stream') return 'listen_source_stream_protocol'
  return urlReasons.has(reason) ? `url_${reason}` : `listen_source_${reason}`
}

const codes: Partial<Record<ListenSourceErrorReason, ErrorCode>> = { rate_limited: 'rate_limited' }

/** Why reading a listening source failed; `messageKey` follows `listenSourceMessageKey`. */
export class ListenSourceError extends AppError {
  /** The HTTP status the remote server answered with, when it answered. */
  readonly httpStatus: number | undefined
  /** For `rate_limited`: how long the server asks us to wait. */
  readonly retryAfterMs: number | undefined

  constructor(
    readonly reason: ListenSourceErrorReason,
    /** The address being read when it failed. */
    readonly url: string,
    options: { httpStatus?: number; retryAfterMs?: number; urlKind?: SourceUrlKind; cause?: unknown } = {},
  ) {
    const seconds = options.retryAfterMs === undefined ? undefined : Math.ceil(options.retryAfterMs / 1000)
    super(codes[reason] ?? 'bad_request', listenSourceMessageKey(reason, options.urlKind), {
      ...(options.httpStatus === undefined ? {} : { status: options.httpStatus }),
      ...(seconds === undefined ? {} : { count: seconds }),
    })
    this.name = 'ListenSourceError'
    this.httpStatus = options.httpStatus
    this.retryAfterMs = options.retryAfterMs
    this.message = `listen source ${reason}${options.httpStatus === undefined ? '' : ` ${options.httpStatus}`}: ${url}`
    if (options.cause !== undefined) this.cause = options.cause
  }

  /** True when trying again later may well succeed: rate limits, outages, DNS and network trouble. */
  get transient(): boolean {
    return this.reason === 'rate_limited' || this.reason === 'unavailable' || this.reason === 'unresolvable'
  }
}

/** The URL guard's refusal as a source error (same reason, same message). */
export function fromUrlRejection(error: UrlRejectedError, urlKind: SourceUrlKind = 'http'): ListenSourceError {
  return new ListenSourceError(error.reason, error.url, { urlKind, cause: error })
}

/** A UrlRejectedError anywhere down an error's `cause` chain (connect-time refusals arrive wrapped). */
export function findUrlRejection(error: unknown): UrlRejectedError | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 6; current = current.cause, depth++) {
    if (current instanceof UrlRejectedError) return current
  }
  return undefined
}
