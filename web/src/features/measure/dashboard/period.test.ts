/** The dashboard's period: presets ending today, hand-picked days, and what the address says. */
import { describe, expect, it } from 'vitest'
import { formatDayRange, isValidRange, periodParams, presetPeriod, readPeriod } from './period'

const today = '2026-03-31'

describe('presetPeriod', () => {
  it('counts today as the last of the days', () => {
    expect(presetPeriod(7, today)).toEqual({ preset: 7, from: '2026-03-25', to: today })
    expect(presetPeriod(30, today)).toEqual({ preset: 30, from: '2026-03-02', to: today })
    expect(presetPeriod(90, '2026-01-15')).toEqual({ preset: 90, from: '2025-10-18', to: '2026-01-15' })
  })
})

describe('readPeriod', () => {
  it('reads a preset or hand-picked days from the address', () => {
    expect(readPeriod(new URLSearchParams('days=7'), today)).toEqual(presetPeriod(7, today))
    expect(readPeriod(new URLSearchParams('from=2026-02-01&to=2026-02-28'), today)).toEqual({ preset: 'custom', from: '2026-02-01', to: '2026-02-28' })
  })

  it('falls back to the last 30 days when the address makes no sense', () => {
    const fallback = presetPeriod(30, today)
    expect(readPeriod(new URLSearchParams(''), today)).toEqual(fallback)
    expect(readPeriod(new URLSearchParams('days=12'), today)).toEqual(fallback)
    expect(readPeriod(new URLSearchParams('from=2026-02-28&to=2026-02-01'), today)).toEqual(fallback)
    expect(readPeriod(new URLSearchParams('from=2026-02-30&to=2026-03-02'), today)).toEqual(fallback)
    expect(readPeriod(new URLSearchParams('from=2026-02-01'), today)).toEqual(fallback)
  })

  it('round-trips through the address, leaving the default out', () => {
    for (const period of [presetPeriod(7, today), presetPeriod(90, today), { preset: 'custom' as const, from: '2026-01-01', to: '2026-01-01' }]) {
      expect(readPeriod(new URLSearchParams(periodParams(period)), today)).toEqual(period)
    }
    expect(periodParams(presetPeriod(30, today))).toEqual([])
  })
})

describe('isValidRange', () => {
  it('takes one day or more, in order', () => {
    expect(isValidRange('2026-03-01', '2026-03-01')).toBe(true)
    expect(isValidRange('2026-03-02', '2026-03-01')).toBe(false)
    expect(isValidRange('', '2026-03-01')).toBe(false)
  })
})

describe('formatDayRange', () => {
  it('names a span of days in the reader language, and a single day alone', () => {
    expect(formatDayRange('2026-03-01', '2026-03-30', 'en')).toBe(
      new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).formatRange(
        Date.UTC(2026, 2, 1, 12),
        Date.UTC(2026, 2, 30, 12),
      ),
    )
    expect(formatDayRange('2026-03-01', '2026-03-30', 'en')).toMatch(/Mar 1\s*–\s*30, 2026/)
    expect(formatDayRange('2026-03-05', '2026-03-05', 'en')).toBe('Mar 5, 2026')
  })
})
