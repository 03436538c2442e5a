/**
 * A small JSON client for the Stagecraft API: same-origin cookies, the CSRF header on every
 * request that changes something, and errors turned into `ApiError` with the server's message
 * (already in the person's language) and per-field problems.
 */

export interface FieldProblem {
  field: string
  message: string
}

/** An error answered by the API, or `network` when it could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface ApiClientDeps {
  /** The CSRF token of the current session, if signed in. */
  getCsrfToken: () => string | undefined
  fetch?: typeof fetch
}

export interface ApiClient {
  get<T>(path: string): Promise<T>
  post<T>(path: string, body?: unknown): Promise<T>
  patch<T>(path: string, body?: unknown): Promise<T>
  put<T>(path: string, body?: unknown): Promise<T>
  delete(path: string): Promise<void>
  /** Sends a multipart form (a file upload); the browser sets its content type and boundary. */
  upload<T>(path: string, form: FormData): Promise<T>
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

function isErrorBody(value: unknown): value is { error: { code: string; message: string; fields?: FieldProblem[] } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function createApiClient(deps: ApiClientDeps): ApiClient {
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))

  async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    const multipart = body instanceof FormData
    if (body !== undefined && !multipart) headers['content-type'] = 'application/json'
    const csrfToken = deps.getCsrfToken()
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken

    let response: Response
    try {
      response = await doFetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      })
    } catch {
      throw new ApiError(0, 'network', '')
    }

    const payload = await readJson(response)
    if (!response.ok) {
      if (isErrorBody(payload)) {
        const { code, message, fields } = payload.error
        throw new ApiError(response.status, code, message, fields ?? [])
      }
      throw new ApiError(response.status, 'unexpected', '')
    }
    return payload as T
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request<undefined>('DELETE', path),
    upload: (path, form) => request('POST', path, form),
  }
}
