/** The tester's estimates read like a person would say them, in every language. */
import { describe, expect, it } from 'vitest'
import { estimatePerDay, formatSpan, languageName } from './listen-format'

describe('estimatePerDay', () => {
  it('says nothing is expected for no matches', () => {
    expect(estimatePerDay(0)).toEqual({ kind: 'none' })
    expect(estimatePerDay(Number.NaN)).toEqual({ kind: 'none' })
  })

  it('says fewer than one below half a mention a day', () => {
    expect(estimatePerDay(0.2)).toEqual({ kind: 'underOne' })
    expect(estimatePerDay(0.5)).toEqual({ kind: 'about', count: 1 })
  })

  it('rounds to whole mentions, then to two significant digits past a hundred', () => {
    expect(estimatePerDay(2.71)).toEqual({ kind: 'about', count: 3 })
    expect(estimatePerDay(42.4)).toEqual({ kind: 'about', count: 42 })
    expect(estimatePerDay(1234.5)).toEqual({ kind: 'about', count: 1200 })
    expect(estimatePerDay(98_765)).toEqual({ kind: 'about', count: 99_000 })
  })
})

describe('formatSpan', () => {
  it('counts hours under two days, days beyond, in the UI language', () => {
    expect(formatSpan(5 * 3_600_000, 'en')).toBe('5 hours')
    expect(formatSpan(3 * 86_400_000, 'en')).toBe('3 days')
    expect(formatSpan(60_000, 'en')).toBe('1 hour')
    expect(formatSpan(3 * 86_400_000, 'fr')).toMatch(/^3\sjours$/u)
  })
})

describe('languageName', () => {
  it('names a language in the UI language, and keeps an unknown code', () => {
    expect(languageName('ar', 'fr')).toBe('arabe')
    expect(languageName('en', 'en')).toBe('English')
    expect(languageName('not a code', 'en')).toBe('not a code')
  })
})
