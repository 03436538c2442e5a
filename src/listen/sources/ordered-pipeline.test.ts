/**
 * The ordered pipeline: work finishing out of order still delivers in order, the cursor never
 * passes an event that is not fully handled, a failure halts at the failing event, and a stop
 * keeps what was delivered.
 */
import { describe, expect, it } from 'vitest'
import { OrderedPipeline, type PipelineOptions } from './ordered-pipeline.js'
import type { ListenItem } from './types.js'

const item = (key: string): ListenItem => ({ key, sourceKind: 'bluesky', text: key, hashtags: [], links: [], mentions: [], publishedAt: 0 })

/** A promise with its resolve, to finish work in a chosen order. */
function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open }
}

function pipeline(overrides: Partial<PipelineOptions> = {}) {
  const delivered: Array<[string, number]> = []
  const cursors: number[] = []
  const halts: string[] = []
  const p = new OrderedPipeline({
    startCursor: 10,
    concurrency: 4,
    cursorIntervalMs: 60_000,
    onItem: (i, position) => void delivered.push([i.key, position.cursor]),
    onCursor: (c) => void cursors.push(c),
    onHalt: (e) => void halts.push(e.message),
    ...overrides,
  })
  return { p, delivered, cursors, halts }
}

describe('OrderedPipeline', () => {
  it('delivers in stream order however the work finishes, and commits only past settled events', async () => {
    const { p, delivered, cursors } = pipeline()
    const gates = [gate(), gate(), gate()]
    expect(p.push(10, async () => undefined)).toBe(false)
    p.push(11, async (deliver) => {
      await gates[0]!.promise
      await deliver([item('a')])
    })
    p.push(12, async () => gates[1]!.promise)
    p.push(13, async (deliver) => {
      await gates[2]!.promise
      await deliver([item('b'), item('c')])
    })
    gates[2]!.open()
    gates[1]!.open()
    await new Promise((r) => setTimeout(r, 10))
    expect(delivered).toEqual([])
    expect(p.committed).toBe(10)
    gates[0]!.open()
    await p.drained()
    expect(delivered).toEqual([['a', 11], ['b', 13], ['c', 13]])
    // After an item, at once; an event without items waits for the interval (or a flush).
    expect(cursors).toEqual([11, 13])
    expect(p.push(12, async () => undefined)).toBe(false)
  })

  it('halts at a failing item: nothing after it is delivered or committed', async () => {
    let calls = 0
    const { p, delivered, cursors, halts } = pipeline({
      onItem: (i) => {
        calls += 1
        if (i.key === 'b') throw new Error('store down')
        delivered.push([i.key, 0])
      },
    })
    for (const [position, key] of [[11, 'a'], [12, 'b'], [13, 'c']] as const) p.push(position, (deliver) => deliver([item(key)]))
    p.push(14, async () => undefined)
    await p.drained()
    await p.flush()
    expect(delivered).toEqual([['a', 0]])
    expect(calls).toBe(2)
    expect(cursors).toEqual([11])
    expect(p.committed).toBe(11)
    expect(halts).toEqual(['store down'])
  })

  it('halts at an event marked failed, and skips what is not delivered yet on stop', async () => {
    const failed = pipeline()
    failed.p.push(11, async () => failed.p.fail(11, new Error('bad signature')))
    failed.p.push(12, (deliver) => deliver([item('x')]))
    await failed.p.drained()
    expect([failed.delivered, failed.p.committed, failed.halts]).toEqual([[], 10, ['bad signature']])

    const stopping = pipeline()
    const slow = gate()
    stopping.p.push(11, (deliver) => deliver([item('a')]))
    stopping.p.push(12, async (deliver) => {
      await slow.promise
      await deliver([item('b')])
    })
    await new Promise((r) => setTimeout(r, 10))
    stopping.p.stop()
    slow.open()
    await stopping.p.flush()
    expect(stopping.delivered).toEqual([['a', 11]])
    expect(stopping.p.committed).toBe(11)
    expect(stopping.halts).toEqual([])
  })

  it('commits item-less events once the interval has passed, and on flush', async () => {
    let now = 0
    const { p, cursors } = pipeline({ cursorIntervalMs: 1_000, now: () => now })
    p.push(11, async () => undefined)
    await p.drained()
    expect(cursors).toEqual([])
    now = 1_500
    p.push(12, async () => undefined)
    p.push(13, async () => undefined)
    await p.flush()
    expect(cursors).toEqual([12, 13])
  })
})
