import { describe, expect, it } from 'vitest'
import { LazyAbort } from './abort.js'

describe('LazyAbort', () => {
  it('gives the same live signal every time, aborted when abort is called', () => {
    const lazy = new LazyAbort()
    const signal = lazy.signal
    expect(lazy.signal).toBe(signal)
    expect(signal.aborted).toBe(false)
    lazy.abort(new Error('lease lost'))
    expect(signal.aborted).toBe(true)
    expect((signal.reason as Error).message).toBe('lease lost')
  })

  it('reports an abort that happened before anyone asked for the signal', () => {
    const lazy = new LazyAbort()
    lazy.abort(new Error('stopping'))
    expect(lazy.signal.aborted).toBe(true)
    expect((lazy.signal.reason as Error).message).toBe('stopping')
  })
})
