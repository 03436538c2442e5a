/** A connector for the benchmark's loopback network (see loopback-network.ts). */
import type { Capabilities, Connector } from '../../src/networks/index.js'
import { Transient } from '../../src/networks/index.js'

const capabilities: Capabilities = {
  text: { maxLength: 10_000, counting: 'graphemes' },
  media: { kinds: ['image'], maxCount: 4, maxBytes: { image: 1_000_000 }, mimeTypes: ['image/png'] },
  threads: false,
  linkCards: false,
  metrics: { likes: false, reposts: false, replies: false, quotes: false, views: false },
  rateLimits: { publishPerAccount: { max: 1000, windowMs: 60_000 } },
}

export function createLoopbackConnector(baseUrl: string): Connector {
  const post = async (key: string, account: string, text: string) => {
    const res = await fetch(`${baseUrl}/v1/posts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key, account, text }) }).catch((e: unknown) => {
      throw new Transient('loopback', String(e))
    })
    if (!res.ok) throw new Transient('loopback', `HTTP ${res.status}`)
    const { id } = (await res.json()) as { id: string }
    return { remoteId: id, url: `${baseUrl}/p/${id}`, publishedAt: Date.now() }
  }
  return {
    id: 'loopback',
    displayName: 'Loopback',
    capabilities: () => capabilities,
    connect: async () => ({ account: { remoteId: 'x', handle: 'x', displayName: 'x', profileUrl: baseUrl }, credentials: {}, settings: {} }),
    refresh: async (account) => account,
    check: async () => ({ status: 'ok' }),
    publish: (account, request) => post(request.idempotencyKey, account.account.remoteId, request.text),
    reply: (account, request) => post(request.idempotencyKey, account.account.remoteId, request.text),
    findPublished: async (_account, request) => {
      const res = await fetch(`${baseUrl}/v1/posts?key=${encodeURIComponent(request.idempotencyKey)}`)
      if (res.status === 404) return undefined
      const { id } = (await res.json()) as { id: string }
      return { remoteId: id, url: `${baseUrl}/p/${id}`, publishedAt: Date.now() }
    },
    delete: async () => {},
  }
}
