/**
 * Webhook delivery: one POST of the alert in the chosen format, through the URL guard. The URL is
 * checked when it is entered (`checkWebhookUrl`, so the person hears why at once) and again when
 * sent: literal addresses before connecting, names when the connection resolves them
 * (`guardedLookup`), so a name that later points inside the network is still refused. Redirects
 * are not followed (a webhook that moves is reported, not chased somewhere unchecked).
 */
import { Agent, fetch } from 'undici'
import type { Response } from 'undici'
import type { Locale } from '../../domain/index.js'
import { checkPublicUrl, guardedLookup, UrlRejectedError, type Resolver } from '../../security/index.js'
import { WebhookError } from './errors.js'
import { webhookPayload, type WebhookFormat } from './webhook-payloads.js'
import type { Alert } from './types.js'

const defaultTimeoutMs = 10_000
const responseTextLimit = 300

/**
 * Checks a webhook URL as it is entered: http(s), no user name or password, a public address
 * unless `allowPrivate` (ALLOW_PRIVATE_URLS), and https for Slack and Discord, whose URLs carry
 * their secret token in the path. Plain http is accepted for those only when `allowPrivate` is on
 * and the host is itself private or loopback (a self-hosted Mattermost on the office network).
 *
 * @param resolve DNS resolution, injectable for tests.
 * @throws WebhookError whose `reason` says why (`insecure_url`, or one of the URL guard's).
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean, format: WebhookFormat = 'generic', resolve?: Resolver): Promise<URL> {
  const guard = (allow: boolean) => checkPublicUrl(raw, { allowPrivate: allow, ...(resolve ? { resolve } : {}) })
  try {
    const url = await guard(true)
    if (url.protocol === 'http:' && format !== 'generic') {
      if (!allowPrivate || (await isPublicHost(guard))) throw new WebhookError('insecure_url')
      return url
    }
    return allowPrivate ? url : await guard(false)
  } catch (error) {
    if (error instanceof UrlRejectedError) throw new WebhookError(error.reason, { cause: error })
    throw error
  }
}

/** True when the host resolves to public addresses only. */
async function isPublicHost(guard: (allow: boolean) => Promise<URL>): Promise<boolean> {
  try {
    await guard(false)
    return true
  } catch (error) {
    if (error instanceof UrlRejectedError && error.reason === 'private_address') return false
    throw error
  }
}

/** What `sendWebhook` needs. */
export interface SendWebhookOptions {
  url: string
  format: WebhookFormat
  alert: Alert
  /** The language of the words in the message (the workspace's). */
  locale: Locale
  /** ALLOW_PRIVATE_URLS: lets the URL reach private and loopback addresses. */
  allowPrivate: boolean
  /** The whole request, connection to answer (default 10 s). */
  timeoutMs?: number
  signal?: AbortSignal
  userAgent?: string
}

/**
 * Posts `alert` to a webhook in `format` and resolves with the answer's status (2xx).
 *
 * @example
 * await sendWebhook({ url, format: 'slack', alert, locale: 'fr', allowPrivate: config.allowPrivateUrls })
 * @throws WebhookError: the URL guard's reasons or `insecure_url`; `http_error` (any status not
 *   2xx, redirects included, with `httpStatus`); `rate_limited` (429, with `retryAfterMs`);
 *   `timeout`; `network`. If `signal` aborts, its reason is thrown instead.
 */
export async function sendWebhook(options: SendWebhookOptions): Promise<{ status: number }> {
  const url = await checkWebhookUrl(options.url, options.allowPrivate, options.format)
  const body = JSON.stringify(webhookPayload(options.format, options.alert, options.locale))
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  // One agent per delivery: its lookup carries this call's allowPrivate, and nothing outlives it.
  const agent = new Agent({ connect: { lookup: guardedLookup(options.allowPrivate), timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': options.userAgent ?? 'Stagecraft (+alerts)' },
      body,
      redirect: 'manual',
      signal,
      dispatcher: agent,
    })
    const text = await readStart(response)
    if (response.status >= 200 && response.status < 300) return { status: response.status }
    if (response.status === 429) {
      const retryAfterMs = retryAfter(response.headers.get('retry-after'), text)
      throw new WebhookError('rate_limited', { httpStatus: 429, ...(retryAfterMs === undefined ? {} : { retryAfterMs }), responseText: text })
    }
    throw new WebhookError('http_error', { httpStatus: response.status, responseText: text })
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason
    throw toWebhookError(error, timeout.aborted)
  } finally {
    await agent.destroy().catch(() => undefined)
  }
}

/** The first few hundred characters of the answer, for the error's log line; the rest is dropped. */
async function readStart(response: Response): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  try {
    while (text.length < responseTextLimit) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return text.slice(0, responseTextLimit).trim()
}

/**
 * Milliseconds to wait: Retry-After in seconds or as an HTTP date (RFC 9110), else Discord's
 * JSON `retry_after` (seconds, fractional).
 */
export function retryAfter(header: string | null, body: string, now = Date.now()): number | undefined {
  if (header) {
    const seconds = Number(header.trim())
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000)
    const date = Date.parse(header)
    if (Number.isFinite(date)) return Math.max(0, date - now)
  }
  try {
    const parsed: unknown = JSON.parse(body)
    const seconds = (parsed as { retry_after?: unknown }).retry_after
    if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000)
  } catch {
    // Not JSON: no hint.
  }
  return undefined
}

const timeoutCodes = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT'])
const unresolvableCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL'])

/** Maps whatever fetch or the guard threw to a WebhookError, looking down the `cause` chain. */
function toWebhookError(error: unknown, timedOut: boolean): WebhookError {
  if (error instanceof WebhookError) return error
  if (timedOut) return new WebhookError('timeout', { cause: error })
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof UrlRejectedError) return new WebhookError(current.reason, { cause: error })
    const code = (current as NodeJS.ErrnoException).code
    if (code && timeoutCodes.has(code)) return new WebhookError('timeout', { cause: error })
    if (code && unresolvableCodes.has(code)) return new WebhookError('unresolvable', { cause: error })
  }
  return new WebhookError('network', { cause: error })
}
