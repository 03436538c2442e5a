import { describe, expect, it } from 'vitest'
import { addUtm, utmSlug } from './utm.js'

describe('addUtm', () => {
  it('adds the four tags to an address without a query', () => {
    expect(addUtm('https://cafe-lune.example/menu', { source: 'bluesky', medium: 'social', campaign: 'spring', content: '01abc' })).toBe(
      'https://cafe-lune.example/menu?utm_source=bluesky&utm_medium=social&utm_campaign=spring&utm_content=01abc',
    )
  })

  it('appends to an existing query as written and keeps the fragment last', () => {
    expect(addUtm('https://shop.example/p?q=a+b&x=%2F#reviews', { source: 'mastodon', medium: 'social' })).toBe(
      'https://shop.example/p?q=a+b&x=%2F&utm_source=mastodon&utm_medium=social#reviews',
    )
  })

  it('never overrides a tag the address already carries (any case), and adds the others', () => {
    expect(addUtm('https://shop.example/?UTM_SOURCE=newsletter&utm_campaign=mine', { source: 'bluesky', medium: 'social', campaign: 'social' })).toBe(
      'https://shop.example/?UTM_SOURCE=newsletter&utm_campaign=mine&utm_medium=social',
    )
  })

  it('leaves out empty tags and encodes values', () => {
    expect(addUtm('https://shop.example/', { source: 'link', medium: 'link', campaign: 'Soldes d’été & plus', content: '  ' })).toBe(
      'https://shop.example/?utm_source=link&utm_medium=link&utm_campaign=Soldes%20d%E2%80%99%C3%A9t%C3%A9%20%26%20plus',
    )
  })

  it('refuses what is not an absolute address', () => {
    expect(() => addUtm('not a url', { source: 'x' })).toThrow(TypeError)
  })
})

describe('utmSlug', () => {
  it('folds labels into lower-case dashed words, dropping Latin accents only', () => {
    expect(utmSlug('Instagram bio')).toBe('instagram-bio')
    expect(utmSlug('  Flyer — été 2026! ')).toBe('flyer-ete-2026')
    expect(utmSlug('বাংলা পোস্টার')).toBe('বাংলা-পোস্টার')
    expect(utmSlug('ملصق المقهى')).toBe('ملصق-المقهى')
    expect(utmSlug('!!!')).toBe('')
  })

  it('stays short without a trailing dash', () => {
    const slug = utmSlug('a'.repeat(39) + ' bcd')
    expect(slug).toBe('a'.repeat(39))
  })
})
