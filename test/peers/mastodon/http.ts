/**
 * The contract server's HTTP plumbing: node:http bound to 127.0.0.1 on a random port; each
 * request becomes a WHATWG `Request` (so JSON, urlencoded and multipart bodies parse exactly as
 * fetch parses them) and is answered with a `Response`. Parameters are read the way Rails reads
 * them for Mastodon: query string, JSON or form body, with `media_ids[]` and `media_ids[0]` both
 * collected into an array.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A parameter: a string, a `name[]` array, or an uploaded file. */
export type ParamValue = string | string[] | File
/** Request parameters by name, brackets removed (`media_ids[]` → `media_ids`). */
export type Params = Record<string, ParamValue>

/** One request as a route sees it. */
export interface RouteContext {
  request: Request
  url: URL
  params: Params
  /** Path segments captured by `:name` in the route pattern. */
  path: Record<string, string>
}

/** A method, a path pattern and its handler; made with `route()`. */
export interface Route {
  method: string
  pattern: RegExp
  names: string[]
  handle: (ctx: RouteContext) => Response | Promise<Response>
}

/** A route for `method` and a path like `/api/v1/statuses/:id`. */
export function route(method: string, path: string, handle: Route['handle']): Route {
  const names: string[] = []
  const source = path.replace(/:([a-z_]+)/g, (_, name: string) => {
    names.push(name)
    return '([^/]+)'
  })
  return { method, pattern: new RegExp(`^${source}$`), names, handle }
}

/** A JSON answer, as Rails renders it (`application/json; charset=utf-8`). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', ...headers },
  })
}

/** Mastodon's error shape: `{"error": "…"}` (https://docs.joinmastodon.org/entities/Error/). */
export function fail(status: number, error: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}): Response {
  return json(status, { error, ...extra }, headers)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function addParam(params: Params, rawKey: string, value: string | File): void {
  const bracket = /^(.+?)\[(\d*)\]$/.exec(rawKey)
  if (!bracket) {
    params[rawKey] = value
    return
  }
  const key = bracket[1]!
  const existing = params[key]
  const list = Array.isArray(existing) ? existing : []
  if (typeof value === 'string') list.push(value)
  params[key] = list
}

/** Query string plus body, whatever the encoding the client chose. */
export async function readParams(request: Request, url: URL): Promise<Params> {
  const params: Params = {}
  for (const [key, value] of url.searchParams) addParam(params, key, value)
  const type = request.headers.get('content-type') ?? ''
  if (type.includes('application/json')) {
    const text = await request.text()
    const body: unknown = text ? JSON.parse(text) : {}
    if (!isRecord(body)) return params
    for (const [key, value] of Object.entries(body)) {
      if (Array.isArray(value)) params[key] = value.filter((v) => v !== null && v !== undefined).map(String)
      else if (value !== null && value !== undefined && typeof value !== 'object') params[key] = String(value)
    }
  } else if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of await request.formData()) addParam(params, key, value)
  }
  return params
}

/** A string parameter, or undefined when absent or blank. */
export function text(params: Params, key: string): string | undefined {
  const value = params[key]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** An array parameter (`key[]`), also accepting one plain value. */
export function list(params: Params, key: string): string[] {
  const value = params[key]
  if (Array.isArray(value)) return value
  return typeof value === 'string' && value !== '' ? [value] : []
}

/** An uploaded file parameter (multipart), if present. */
export function file(params: Params, key: string): File | undefined {
  const value = params[key]
  return value instanceof File ? value : undefined
}

/** A listening server: its base URL and how to stop it. */
export interface Listening {
  /** http://127.0.0.1:<port> */
  url: string
  close(): Promise<void>
}

/**
 * Serves `routes` on 127.0.0.1 at a random port; unknown paths answer 404 like Rails.
 * `onRequest` sees every request before it is routed.
 */
export async function listenOnLoopback(routes: Route[], onRequest?: (request: Request) => void): Promise<Listening> {
  async function dispatch(request: Request): Promise<Response> {
    onRequest?.(request)
    const url = new URL(request.url)
    for (const r of routes) {
      if (r.method !== request.method) continue
      const match = r.pattern.exec(url.pathname)
      if (!match) continue
      const path = Object.fromEntries(r.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]))
      const params = await readParams(request, url)
      return r.handle({ request, url, params, path })
    }
    return fail(404, 'Record not found')
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const method = req.method ?? 'GET'
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value)
      else if (Array.isArray(value)) for (const v of value) headers.append(key, v)
    }
    const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method,
      headers,
      body: hasBody ? Buffer.concat(chunks) : undefined,
    })
    const response = await dispatch(request).catch((error: unknown) => fail(500, error instanceof Error ? error.message : String(error)))
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  }

  const server = createServer((req, res) => void serve(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
