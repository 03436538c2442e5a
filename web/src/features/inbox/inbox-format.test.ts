/** Inbox figures read like a person would say them, in every language of the app. */
import { describe, expect, it } from 'vitest'
import { atHandle, characterCount, durationParts, formatDuration, formatShare, formatTarget, ordinalForm } from './inbox-format'

const second = 1000
const minute = 60 * second
const hour = 60 * minute

describe('durationParts', () => {
  it('keeps seconds only under a minute', () => {
    expect(durationParts(40 * second)).toEqual([{ unit: 'second', value: 40 }])
    expect(durationParts(0)).toEqual([{ unit: 'second', value: 0 }])
    expect(durationParts(-5 * second)).toEqual([{ unit: 'second', value: 0 }])
  })

  it('rounds to whole minutes, and carries a rounded hour over', () => {
    expect(durationParts(59.6 * second)).toEqual([{ unit: 'minute', value: 1 }])
    expect(durationParts(5 * minute + 20 * second)).toEqual([{ unit: 'minute', value: 5 }])
    expect(durationParts(59 * minute + 40 * second)).toEqual([{ unit: 'hour', value: 1 }])
  })

  it('says hours and minutes, dropping a zero part', () => {
    expect(durationParts(2 * hour + 9 * minute + 40 * second)).toEqual([
      { unit: 'hour', value: 2 },
      { unit: 'minute', value: 10 },
    ])
    expect(durationParts(4 * hour)).toEqual([{ unit: 'hour', value: 4 }])
  })

  it('says days and hours past a day', () => {
    expect(durationParts(26 * hour + 50 * minute)).toEqual([
      { unit: 'day', value: 1 },
      { unit: 'hour', value: 3 },
    ])
    expect(durationParts(48 * hour + 10 * minute)).toEqual([{ unit: 'day', value: 2 }])
  })
})

describe('formatDuration', () => {
  it('writes short figures and long sentences in the UI language', () => {
    expect(formatDuration(2 * hour + 10 * minute, 'en')).toBe('2 hr 10 min')
    expect(formatDuration(65 * minute, 'fr')).toMatch(/^1\sh 5\smin$/u)
    expect(formatDuration(4 * hour, 'en', 'long')).toBe('4 hours')
    expect(formatDuration(2 * hour + 10 * minute, 'bn')).toContain('১০')
  })

  it('writes the response target in words', () => {
    expect(formatTarget(240, 'en')).toBe('4 hours')
    expect(formatTarget(90, 'en')).toBe('1 hour, 30 minutes')
  })
})

describe('formatShare', () => {
  it('writes a whole percentage', () => {
    expect(formatShare(0.8333, 'en')).toBe('83%')
    expect(formatShare(1, 'en')).toBe('100%')
    expect(formatShare(0.5, 'bn')).toBe('৫০%')
  })
})

describe('ordinalForm', () => {
  it('follows English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => ordinalForm(n, 'en'))).toEqual([
      'one',
      'two',
      'few',
      'other',
      'other',
      'other',
      'other',
      'one',
      'two',
      'few',
      'one',
    ])
  })

  it('follows French and Bengali ordinals', () => {
    expect([1, 2, 3].map((n) => ordinalForm(n, 'fr'))).toEqual(['one', 'other', 'other'])
    expect([1, 2, 4, 6, 11].map((n) => ordinalForm(n, 'bn'))).toEqual(['one', 'two', 'few', 'many', 'other'])
  })

  it('says other where a language has no ordinal forms', () => {
    expect([1, 2, 3].map((n) => ordinalForm(n, 'ar'))).toEqual(['other', 'other', 'other'])
    expect(ordinalForm(1, 'he')).toBe('other')
    expect(ordinalForm(1, 'not a language!')).toBe('other')
  })
})

describe('characterCount', () => {
  it('counts what a reader sees as one character once', () => {
    expect(characterCount('')).toBe(0)
    expect(characterCount('Thanks!')).toBe(7)
    expect(characterCount('👩‍👩‍👧 ok')).toBe(4)
    expect(characterCount('শুভ')).toBe(2)
  })
})

describe('atHandle', () => {
  it('writes a handle with exactly one @', () => {
    expect(atHandle('amira.bsky.social')).toBe('@amira.bsky.social')
    expect(atHandle('@amira@social.example')).toBe('@amira@social.example')
  })
})
