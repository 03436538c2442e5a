import { describe, expect, it } from 'vitest'
import { createBatcher } from './batch.js'

describe('createBatcher', () => {
  it('hands the items asked for in one turn to one flush and gives each caller its result', async () => {
    const flushes: number[][] = []
    const batcher = createBatcher(async (items: number[]) => {
      flushes.push(items)
      return items.map((n) => n * 10)
    })
    const results = await Promise.all([1, 2, 3].map((n) => batcher.add(n)))
    expect(results).toEqual([10, 20, 30])
    expect(await batcher.add(4)).toBe(40)
    expect(flushes).toEqual([[1, 2, 3], [4]])
  })

  it('splits a large turn into flushes of at most maxBatch items', async () => {
    const sizes: number[] = []
    const batcher = createBatcher(
      async (items: number[]) => {
        sizes.push(items.length)
        return items
      },
      { maxBatch: 2 },
    )
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)))).toEqual([1, 2, 3, 4, 5])
    expect(sizes).toEqual([2, 2, 1])
  })

  it('with gatherMs, gathers items that arrive in separate turns into one flush', async () => {
    const flushes: string[][] = []
    const batcher = createBatcher(
      async (items: string[]) => {
        flushes.push(items)
        return items
      },
      { gatherMs: 50 },
    )
    const first = batcher.add('a')
    await new Promise((resolve) => setImmediate(resolve))
    const second = batcher.add('b')
    expect(await Promise.all([first, second])).toEqual(['a', 'b'])
    expect(flushes).toEqual([['a', 'b']])
  })

  it('rejects every caller of a flush that failed, and the next flush still runs', async () => {
    let fail = true
    const batcher = createBatcher(async (items: string[]) => {
      if (fail) throw new Error('database unavailable')
      return items
    })
    const failed = await Promise.allSettled([batcher.add('a'), batcher.add('b')])
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    fail = false
    expect(await batcher.add('c')).toBe('c')
  })
})
