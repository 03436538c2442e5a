import { describe, expect, it } from 'vitest'
import { AuthExpired, errorFromResponse, RateLimited, Rejected, retryAfterMs, Transient } from './errors.js'
import { createRegistry } from './registry.js'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)

describe('connector errors from HTTP responses', () => {
  it('maps statuses to the four shared errors', () => {
    expect(errorFromResponse('mastodon', 401, new Headers(), 'The access token is invalid')).toBeInstanceOf(AuthExpired)
    expect(errorFromResponse('mastodon', 429, new Headers({ 'retry-after': '30' }), 'slow down')).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 })
    expect(errorFromResponse('mastodon', 503, new Headers(), 'down')).toBeInstanceOf(Transient)
    expect(errorFromResponse('mastodon', 408, new Headers(), 'timeout')).toBeInstanceOf(Transient)
    const rejected = errorFromResponse('mastodon', 422, new Headers(), 'Validation failed: Text character limit of 500 exceeded')
    expect(rejected).toBeInstanceOf(Rejected)
    expect(rejected).toMatchObject({ reason: 'Validation failed: Text character limit of 500 exceeded', code: '422', network: 'mastodon' })
  })

  it('reads how long to wait from Retry-After or a reset header', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '120' }), now)).toBe(120_000)
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(now + 45_000).toUTCString() }), now)).toBe(45_000)
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 90) }), now)).toBe(90_000)
    expect(retryAfterMs(new Headers({ 'ratelimit-reset': '15' }), now)).toBe(15_000)
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': new Date(now + 5_000).toISOString() }), now)).toBe(5_000)
    expect(retryAfterMs(new Headers(), now)).toBe(60_000)
  })

  it('keeps each error distinguishable by kind and class name', () => {
    const e = new RateLimited('bluesky', 1000)
    expect([e.kind, e.name, e instanceof Error]).toEqual(['rate_limited', 'RateLimited', true])
  })

  it('refuses two connectors with the same id', () => {
    const fake = { id: 'x' } as never
    expect(() => createRegistry([fake, fake])).toThrow(/Two connectors/)
  })
})
