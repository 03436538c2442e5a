/**
 * The closed set of errors a person can see. Each has a stable `code`, an HTTP status and a
 * message key in the i18n catalogs; its params fill the message. Features throw these; they are
 * caught in two places only: the HTTP error handler and the job runner.
 */

export const errorStatus = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  setup_required: 409,
  internal: 500,
} as const

export type ErrorCode = keyof typeof errorStatus

export type MessageParams = Record<string, string | number>

export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    /** Key under `errors.` in the catalogs. */
    readonly messageKey: string,
    readonly params: MessageParams = {},
    /** Per-field problems for validation errors: field path → message key and params. */
    readonly fields: Array<{ field: string; messageKey: string; params?: MessageParams }> = [],
  ) {
    super(`${code}: ${messageKey}`)
    this.name = 'AppError'
    this.status = errorStatus[code]
  }
}

/** Factories, so call sites read as sentences: `throw notFound('invite')`. */
export const errors = {
  badRequest: (messageKey: string, params?: MessageParams) => new AppError('bad_request', messageKey, params),
  unauthenticated: () => new AppError('unauthenticated', 'unauthenticated'),
  invalidCredentials: () => new AppError('unauthenticated', 'invalid_credentials'),
  forbidden: (messageKey = 'forbidden', params?: MessageParams) => new AppError('forbidden', messageKey, params),
  notFound: (
    what: 'route' | 'member' | 'invite' | 'api_key' | 'workspace' | 'account' | 'post' | 'media' | 'feed' | 'listen_query' | 'listen_source' | 'listen_channel' | 'mention' | 'plan' | 'shared_page' | 'inbox_item' | 'saved_reply',
    params?: MessageParams,
  ) =>
    new AppError('not_found', `not_found_${what}`, params),
  conflict: (messageKey: string, params?: MessageParams) => new AppError('conflict', messageKey, params),
  gone: (messageKey: string, params?: MessageParams) => new AppError('gone', messageKey, params),
  rateLimited: (seconds: number) => new AppError('rate_limited', 'rate_limited', { count: seconds }),
  setupRequired: () => new AppError('setup_required', 'setup_required'),
}
