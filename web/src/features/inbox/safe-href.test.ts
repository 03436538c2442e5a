/** Addresses from the networks become links only when they are web addresses. */
import { describe, expect, it } from 'vitest'
import { safeHref } from './safe-href'

describe('safeHref', () => {
  it('keeps web addresses', () => {
    expect(safeHref('https://bsky.app/profile/amira.example')).toBe('https://bsky.app/profile/amira.example')
    expect(safeHref('http://social.example/@amira')).toBe('http://social.example/@amira')
  })

  it('drops scripts, data, relative and missing addresses', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined()
    expect(safeHref('data:text/html,hi')).toBeUndefined()
    expect(safeHref('/profile/amira')).toBeUndefined()
    expect(safeHref(null)).toBeUndefined()
    expect(safeHref('')).toBeUndefined()
  })
})
