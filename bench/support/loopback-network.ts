/**
 * A social network stand-in for benchmarks, on 127.0.0.1: `POST /v1/posts {key, account, text}`
 * answers after 20–50 ms; `GET /v1/posts?key=` finds a post by key. It deliberately does NOT
 * deduplicate by key, so every post created twice is counted as a duplicate: what the
 * benchmark measures is Stagecraft's own exactly-once, not the network's.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface NetworkRecord {
  /** When the first post for this key arrived (epoch ms). */
  firstAt: number
  /** How many posts were created for this key (more than 1 is a duplicate). */
  created: number
  id: string
}

export interface LoopbackNetwork {
  url: string
  posts: Map<string, NetworkRecord>
  close(): Promise<void>
}

export async function startLoopbackNetwork(options: { minDelayMs?: number; maxDelayMs?: number } = {}): Promise<LoopbackNetwork> {
  const min = options.minDelayMs ?? 20
  const max = options.maxDelayMs ?? 50
  const posts = new Map<string, NetworkRecord>()
  let counter = 0
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (req.method === 'GET' && url.pathname === '/v1/posts') {
      const found = posts.get(url.searchParams.get('key') ?? '')
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(found ? { id: found.id } : { error: 'not found' }))
      return
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/posts') {
      res.writeHead(404).end()
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { key: string }
      const arrived = Date.now()
      setTimeout(() => {
        const existing = posts.get(body.key)
        const id = `p${++counter}`
        if (existing) existing.created += 1
        else posts.set(body.key, { firstAt: arrived, created: 1, id })
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: existing?.id ?? id }))
      }, min + Math.random() * (max - min))
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
