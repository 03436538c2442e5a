import { describe, expect, it } from 'vitest'
import type { ResponseStats } from '../../../app/inbox-types'
import { durationParts, formatDuration, formatTarget, responseChanges } from './response-time'

const second = 1000
const minute = 60 * second
const hour = 60 * minute

const stats = (medianMs: number | null, shareWithinTarget: number | null): ResponseStats => ({ items: 10, answered: 8, medianMs, withinTarget: 6, shareWithinTarget })

describe('durationParts', () => {
  it('keeps seconds only under a minute, and rounds to whole minutes above', () => {
    expect(durationParts(40 * second)).toEqual([{ unit: 'second', value: 40 }])
    expect(durationParts(-5 * second)).toEqual([{ unit: 'second', value: 0 }])
    expect(durationParts(59.6 * second)).toEqual([{ unit: 'minute', value: 1 }])
    expect(durationParts(59 * minute + 40 * second)).toEqual([{ unit: 'hour', value: 1 }])
  })

  it('says the two largest units, dropping a zero part', () => {
    expect(durationParts(2 * hour + 9 * minute + 40 * second)).toEqual([
      { unit: 'hour', value: 2 },
      { unit: 'minute', value: 10 },
    ])
    expect(durationParts(4 * hour)).toEqual([{ unit: 'hour', value: 4 }])
    expect(durationParts(26 * hour + 50 * minute)).toEqual([
      { unit: 'day', value: 1 },
      { unit: 'hour', value: 3 },
    ])
    expect(durationParts(48 * hour + 10 * minute)).toEqual([{ unit: 'day', value: 2 }])
  })
})

describe('formatDuration', () => {
  it('writes the units and digits of the language', () => {
    expect(formatDuration(105 * minute, 'en')).toBe('1 hr 45 min')
    expect(formatTarget(240, 'en')).toBe('4 hours')
    expect(formatTarget(240, 'fr')).toMatch(/^4\sheures$/)
    expect(formatDuration(2 * hour, 'bn')).toContain('২')
    expect(formatDuration(2 * hour, 'ar')).not.toMatch(/[a-z]/)
    expect(formatDuration(2 * hour, 'he')).toMatch(/[\u0590-\u05FF]/)
  })
})

describe('responseChanges', () => {
  it('calls a shorter wait and a larger share within the target good news', () => {
    const changes = responseChanges({ overall: stats(2 * hour, 0.8), previousOverall: stats(4 * hour, 0.6) })
    expect(changes.median).toMatchObject({ trend: 'down', kind: 'percent', amount: 0.5, better: true })
    expect(changes.withinTarget).toMatchObject({ trend: 'up', kind: 'points', better: true })
    expect(changes.withinTarget.trend === 'up' && changes.withinTarget.kind === 'points' ? changes.withinTarget.amount : null).toBeCloseTo(20, 6)
  })

  it('calls a longer wait bad news', () => {
    const changes = responseChanges({ overall: stats(3 * hour, 0.5), previousOverall: stats(2 * hour, 0.7) })
    expect(changes.median).toMatchObject({ trend: 'up', better: false })
    expect(changes.withinTarget).toMatchObject({ trend: 'down', better: false })
  })

  it('claims nothing when either period has nobody who wrote, or nobody answered', () => {
    expect(responseChanges({ overall: stats(hour, 1), previousOverall: null }).median).toEqual({ trend: 'unknown', better: null })
    expect(responseChanges({ overall: null, previousOverall: stats(hour, 1) }).withinTarget).toEqual({ trend: 'unknown', better: null })
    expect(responseChanges({ overall: stats(null, null), previousOverall: stats(hour, 1) }).median).toEqual({ trend: 'unknown', better: null })
    expect(responseChanges({ overall: stats(hour, 1), previousOverall: stats(hour, 1) }).median).toEqual({ trend: 'flat', better: null })
  })
})
