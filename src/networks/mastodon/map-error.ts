/**
 * Turns whatever the masto client threw into the four shared errors, through the shared
 * `errorFromResponse` so Mastodon follows the same policy as every network: 401 → AuthExpired,
 * 429 → RateLimited (Mastodon's X-RateLimit-Reset is an ISO 8601 time), 408/5xx → Transient,
 * other 4xx → Rejected with Mastodon's own words (its `{"error": "…"}`, or an OAuth
 * `error_description`). Timeouts, refused connections and answers that are not JSON (a proxy's
 * HTML error page) are Transient. masto's errors are recognised by shape, not class, so the
 * connector imports only masto's types.
 */
import { ConnectorError, errorFromResponse, Transient } from '../errors.js'
import { network } from './stored.js'

interface HttpFailure {
  status: number
  message: string
  headers: Headers
}

/** masto's MastoHttpError: `statusCode`, the server's `error` as message, `cause` the Response. */
export function httpFailure(error: unknown): HttpFailure | undefined {
  if (!(error instanceof Error)) return undefined
  const { statusCode, description } = error as Error & { statusCode?: unknown; description?: unknown }
  if (typeof statusCode !== 'number') return undefined
  const headers = error.cause instanceof Response ? error.cause.headers : new Headers()
  const words = typeof description === 'string' && description ? description : error.message
  return { status: statusCode, message: words || `HTTP ${statusCode}`, headers }
}

/** The shared error for anything a Mastodon call threw. */
export function toConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error
  const http = httpFailure(error)
  if (http) return errorFromResponse(network, http.status, http.headers, http.message)
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return new Transient(network, `Mastodon could not be reached or answered oddly (${message})`, { cause: error })
}

/** Runs one Mastodon call, rethrowing its failure as a shared error. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw toConnectorError(error)
  }
}
