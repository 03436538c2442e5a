/** Formatting through Intl follows the language (digits, words) and the workspace time zone. */
import { describe, expect, it } from 'vitest'
import { createFormatters } from './format'

const noonUtc = Date.UTC(2026, 0, 15, 12, 0, 0)

describe('createFormatters', () => {
  it('shows dates in the workspace time zone', () => {
    const lateEvening = Date.UTC(2026, 0, 15, 23, 30)
    expect(createFormatters('en', 'UTC').formatDate(lateEvening, { dateStyle: 'long' })).toBe('January 15, 2026')
    expect(createFormatters('en', 'Asia/Tokyo').formatDate(lateEvening, { dateStyle: 'long' })).toBe('January 16, 2026')
  })

  it('writes numbers with the language’s own digits', () => {
    expect(createFormatters('bn').formatNumber(1234)).toBe('১,২৩৪')
    expect(createFormatters('fr').formatNumber(1234)).toMatch(/^1\s234$/u)
    expect(createFormatters('ar').formatNumber(7)).toBe(new Intl.NumberFormat('ar').format(7))
  })

  it('picks a natural unit for relative times', () => {
    const { formatRelativeTime } = createFormatters('en')
    expect(formatRelativeTime(noonUtc + 20_000, noonUtc)).toBe('now')
    expect(formatRelativeTime(noonUtc - 5 * 60_000, noonUtc)).toBe('5 minutes ago')
    expect(formatRelativeTime(noonUtc + 3 * 3_600_000, noonUtc)).toBe('in 3 hours')
    expect(formatRelativeTime(noonUtc - 24 * 3_600_000, noonUtc)).toBe('yesterday')
    expect(formatRelativeTime(noonUtc + 14 * 24 * 3_600_000, noonUtc)).toBe('in 2 weeks')
    expect(formatRelativeTime(noonUtc - 400 * 24 * 3_600_000, noonUtc)).toBe('last year')
  })

  it('joins lists the language’s way', () => {
    expect(createFormatters('en').formatList(['Ada', 'Bo', 'Cy'])).toBe('Ada, Bo, and Cy')
    expect(createFormatters('fr').formatList(['Ada', 'Bo', 'Cy'])).toBe('Ada, Bo et Cy')
  })
})
