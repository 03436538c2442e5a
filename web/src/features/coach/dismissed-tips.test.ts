/** A closed tip stays closed, and broken or missing storage never breaks the page. */
import { describe, expect, it } from 'vitest'
import { dismissTip, dismissedTips, type TipStorage } from './dismissed-tips'

function memoryStorage(initial: Record<string, string> = {}): TipStorage & { data: Record<string, string> } {
  const data = { ...initial }
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) }
}

describe('dismissed tips', () => {
  it('remembers each closed tip alongside the others', () => {
    const storage = memoryStorage()
    dismissTip('followers', storage)
    dismissTip('roi', storage)
    dismissTip('followers', storage)
    expect([...dismissedTips(storage)].sort()).toEqual(['followers', 'roi'])
  })

  it('reads nothing from missing or damaged storage', () => {
    expect(dismissedTips(null).size).toBe(0)
    expect(dismissedTips(memoryStorage({ sc_dismissed_tips: '{not json' })).size).toBe(0)
    expect(dismissedTips(memoryStorage({ sc_dismissed_tips: '{"a":1}' })).size).toBe(0)
    expect([...dismissedTips(memoryStorage({ sc_dismissed_tips: '["roi", 3]' }))]).toEqual(['roi'])
  })

  it('carries on when storage refuses to write', () => {
    const refusing: TipStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota')
      },
    }
    expect(() => dismissTip('selling', refusing)).not.toThrow()
  })
})
