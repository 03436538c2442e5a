import { describe, expect, it } from 'vitest'
import type { RedirectLinkRow } from '../store/index.js'
import { createLinkCache, prepareLink } from './link-cache.js'

const row = (code: string, destination = `https://shop.example/${code}?utm_source=x`): RedirectLinkRow => ({ id: `id-${code}`, workspaceId: 'w1', postId: null, network: null, destination })

function fixture(known: string[], options: { maxEntries?: number } = {}) {
  let time = 0
  const loads: string[] = []
  const rows = new Map(known.map((code) => [code, row(code)]))
  const cache = createLinkCache({
    load: async (code) => {
      loads.push(code)
      return rows.get(code)
    },
    clock: () => time,
    ttlMs: 1000,
    negativeTtlMs: 100,
    ...options,
  })
  return { cache, loads, rows, advance: (ms: number) => (time += ms) }
}

describe('prepareLink', () => {
  it('puts the click id after the query and before the fragment', () => {
    const withQuery = prepareLink(row('a', 'https://shop.example/p?utm_source=x#top'))
    expect(withQuery.clickPrefix + 'C1' + withQuery.clickSuffix).toBe('https://shop.example/p?utm_source=x&sc_click=C1#top')
    const bare = prepareLink(row('b', 'https://shop.example/p'))
    expect(bare.clickPrefix + 'C1' + bare.clickSuffix).toBe('https://shop.example/p?sc_click=C1')
  })
})

describe('createLinkCache', () => {
  it('asks the database once, then answers from memory without a promise', async () => {
    const f = fixture(['abcdefgh'])
    const first = f.cache.lookup('abcdefgh')
    expect(first).toBeInstanceOf(Promise)
    expect((await first)?.id).toBe('id-abcdefgh')
    const second = f.cache.lookup('abcdefgh')
    expect(second).not.toBeInstanceOf(Promise)
    expect((second as { id: string }).id).toBe('id-abcdefgh')
    expect(f.loads).toEqual(['abcdefgh'])
    expect(f.cache.stats).toEqual({ hits: 1, misses: 1 })
  })

  it('shares one query between concurrent misses of a code', async () => {
    const f = fixture(['abcdefgh'])
    const results = await Promise.all([f.cache.lookup('abcdefgh'), f.cache.lookup('abcdefgh'), f.cache.lookup('abcdefgh')])
    expect(results.map((r) => r?.id)).toEqual(['id-abcdefgh', 'id-abcdefgh', 'id-abcdefgh'])
    expect(f.loads).toEqual(['abcdefgh'])
  })

  it('remembers unknown codes for a short time only', async () => {
    const f = fixture([])
    expect(await f.cache.lookup('zzzzzzzz')).toBeNull()
    expect(f.cache.lookup('zzzzzzzz')).toBeNull()
    expect(f.loads).toEqual(['zzzzzzzz'])
    f.rows.set('zzzzzzzz', row('zzzzzzzz'))
    f.advance(101)
    expect((await f.cache.lookup('zzzzzzzz'))?.id).toBe('id-zzzzzzzz')
    expect(f.loads).toEqual(['zzzzzzzz', 'zzzzzzzz'])
  })

  it('asks again once a known link has lived its time (deleted elsewhere → unknown)', async () => {
    const f = fixture(['abcdefgh'])
    await f.cache.lookup('abcdefgh')
    f.rows.delete('abcdefgh')
    f.advance(999)
    expect(f.cache.lookup('abcdefgh')).not.toBeNull()
    f.advance(2)
    expect(await f.cache.lookup('abcdefgh')).toBeNull()
  })

  it('forgets a code on request', async () => {
    const f = fixture(['abcdefgh'])
    await f.cache.lookup('abcdefgh')
    f.cache.forget('abcdefgh')
    expect(f.cache.lookup('abcdefgh')).toBeInstanceOf(Promise)
  })

  it('keeps at most maxEntries, the oldest going first', async () => {
    const f = fixture(['aaaaaaaa', 'bbbbbbbb', 'cccccccc'], { maxEntries: 2 })
    await f.cache.lookup('aaaaaaaa')
    await f.cache.lookup('bbbbbbbb')
    await f.cache.lookup('cccccccc')
    expect(f.cache.size).toBe(2)
    expect(f.cache.lookup('bbbbbbbb')).not.toBeInstanceOf(Promise)
    expect(f.cache.lookup('cccccccc')).not.toBeInstanceOf(Promise)
    expect(f.cache.lookup('aaaaaaaa')).toBeInstanceOf(Promise)
    expect(f.loads).toEqual(['aaaaaaaa', 'bbbbbbbb', 'cccccccc', 'aaaaaaaa'])
  })
})
