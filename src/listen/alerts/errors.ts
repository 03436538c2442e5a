/**
 * The errors delivery can end in. Each `reason` is a closed set with a message in the catalogs,
 * and both are `AppError`s, so a "send a test alert" route shows the reason in the person's
 * language with no mapping, and a delivery job can ask `transient` whether to retry.
 */
import { AppError } from '../../domain/index.js'
import type { UrlRejection } from '../../security/index.js'

/** Every reason a webhook can be refused or fail. */
export const webhookErrorReasons = [
  'invalid_url',
  'unsupported_protocol',
  'credentials_in_url',
  'private_address',
  'unresolvable',
  'insecure_url',
  'http_error',
  'rate_limited',
  'timeout',
  'network',
] as const

/** Why a webhook was refused (the URL guard's reasons, plain http for Slack/Discord) or failed. */
export type WebhookErrorReason = (typeof webhookErrorReasons)[number]

const urlGuardReasons: ReadonlySet<string> = new Set<UrlRejection>(['invalid_url', 'unsupported_protocol', 'credentials_in_url', 'private_address', 'unresolvable'])

/** The catalog key under `errors.`: the URL guard's reasons reuse its `url_*` messages. */
export function webhookMessageKey(reason: WebhookErrorReason): string {
  return urlGuardReasons.has(reason) ? `url_${reason}` : `webhook_${reason}`
}

/** A webhook refused at entry or failed when sent. */
export class WebhookError extends AppError {
  /** The status the webhook's server answered with (`http_error`, `rate_limited`). */
  readonly httpStatus: number | undefined
  /** How long the service asked to wait (`rate_limited`), from Retry-After or Discord's body. */
  readonly retryAfterMs: number | undefined
  /** The start of the server's answer, for logs (Slack answers `invalid_payload`, `no_text`…). */
  readonly responseText: string | undefined

  constructor(
    readonly reason: WebhookErrorReason,
    options: { httpStatus?: number; retryAfterMs?: number; responseText?: string; cause?: unknown } = {},
  ) {
    super('bad_request', webhookMessageKey(reason), options.httpStatus === undefined ? {} : { status: options.httpStatus })
    this.name = 'WebhookError'
    this.httpStatus = options.httpStatus
    this.retryAfterMs = options.retryAfterMs
    this.responseText = options.responseText
    // The URL is left out on purpose: a webhook URL is its own secret.
    this.message = `webhook ${reason}${options.httpStatus === undefined ? '' : ` ${options.httpStatus}`}${options.responseText ? `: ${options.responseText}` : ''}`
    if (options.cause !== undefined) this.cause = options.cause
  }

  /** True when sending again later may succeed: time-outs, network, 5xx, 408 and 429. */
  get transient(): boolean {
    if (this.reason === 'timeout' || this.reason === 'network' || this.reason === 'unresolvable' || this.reason === 'rate_limited') return true
    if (this.reason !== 'http_error' || this.httpStatus === undefined) return false
    return this.httpStatus >= 500 || this.httpStatus === 408
  }
}

/** Every reason sending an e-mail can fail. */
export const mailErrorReasons = ['config', 'connection', 'timeout', 'tls', 'auth', 'recipients_refused', 'rejected'] as const

/** Why an e-mail was not sent. */
export type MailErrorReason = (typeof mailErrorReasons)[number]

/** Sending an e-mail failed; `messageKey` is `mail_<reason>` under `errors.`. */
export class MailError extends AppError {
  /** The SMTP reply code, when the server answered (550, 535…). */
  readonly smtpCode: number | undefined
  /** The server's reply, for logs; never shown to people (it may hold addresses). */
  readonly response: string | undefined
  /** Addresses the server refused. */
  readonly rejected: string[]

  constructor(
    readonly reason: MailErrorReason,
    options: {
      smtpCode?: number
      response?: string
      rejected?: string[]
      cause?: unknown
    } = {},
  ) {
    super(reason === 'config' ? 'internal' : 'bad_request', `mail_${reason}`)
    this.name = 'MailError'
    this.smtpCode = options.smtpCode
    this.response = options.response
    this.rejected = options.rejected ?? []
    this.message = `mail ${reason}${options.smtpCode === undefined ? '' : ` ${options.smtpCode}`}${options.response ? `: ${options.response}` : ''}`
    if (options.cause !== undefined) this.cause = options.cause
  }

  /** True when trying again later may succeed: the server was unreachable, slow, or answered 4xx. */
  get transient(): boolean {
    if (this.reason === 'connection' || this.reason === 'timeout') return true
    return this.smtpCode !== undefined && this.smtpCode >= 400 && this.smtpCode < 500
  }
}
