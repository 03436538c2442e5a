import { describe, expect, it } from 'vitest'
import { formatConversionValue, isFixedAnswer } from './measure-format'

describe('conversion values', () => {
  it('read with their currency in the reader language', () => {
    expect(formatConversionValue({ value: 12.5, currency: 'EUR' }, 'fr')).toBe(new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR' }).format(12.5))
    expect(formatConversionValue({ value: 12.5, currency: 'EUR' }, 'fr')).toMatch(/12,50\s€/)
    expect(formatConversionValue({ value: 480, currency: 'BDT' }, 'bn')).toContain('৪৮০')
  })

  it('read as plain numbers without a currency, and not at all without a value', () => {
    expect(formatConversionValue({ value: 1234.5, currency: null }, 'en')).toBe('1,234.5')
    expect(formatConversionValue({ value: null, currency: 'EUR' }, 'en')).toBeNull()
  })
})

describe('form answers', () => {
  it('tell the fixed answers from networks', () => {
    expect(isFixedAnswer('friend')).toBe(true)
    expect(isFixedAnswer('mastodon')).toBe(false)
  })
})
