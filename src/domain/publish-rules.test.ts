import { describe, expect, it } from 'vitest'
import { checkDraft } from './drafts.js'
import { countText, findLinks, type MediaRules, type TextRules } from './network-rules.js'
import { nextFreeSlot, normalizeSlots } from './queue-slots.js'
import { resolveWallTime, toWallTime } from './schedule.js'

const bluesky: TextRules = { maxLength: 300, counting: 'graphemes' }
const mastodon: TextRules = { maxLength: 500, counting: 'codepoints', linkLength: 23, mentionsWithoutDomain: true }

describe('counting text the way each network does', () => {
  it.each([
    ['plain Latin', 'Fresh bread today', 17, 17],
    ['a family emoji is one grapheme but five code points', '👨‍👩‍👧', 1, 5],
    ['a skin-toned emoji', '👩🏽‍🍳', 1, 4],
    ['Bengali conjuncts are graphemes of several code points', 'রুটি', 2, 4],
    ['Arabic with diacritics', 'خُبْزٌ', 3, 6],
    ['Hebrew with niqqud', 'לֶחֶם', 3, 5],
    ['a flag', '🇧🇩', 1, 2],
  ])('%s', (_label, text, graphemeCount, codepointCount) => {
    expect(countText(text, bluesky)).toBe(graphemeCount)
    expect(countText(text, { ...mastodon, linkLength: undefined, mentionsWithoutDomain: false })).toBe(codepointCount)
  })

  it('counts every link as 23 on Mastodon, whatever its length, and not trailing punctuation', () => {
    const long = `https://example.com/${'a'.repeat(200)}`
    expect(findLinks(`Menu: ${long}. Order at http://shop.example/x!`)).toEqual([long, 'http://shop.example/x'])
    expect(countText(`Menu: ${long}`, mastodon)).toBe('Menu: '.length + 23)
    expect(countText(`Menu: ${long}`, bluesky)).toBe(6 + long.length)
  })

  it('counts a remote mention without its server on Mastodon', () => {
    expect(countText('Thanks @noor@baker.social!', mastodon)).toBe('Thanks @noor!'.length)
    expect(countText('Thanks @noor@baker.social!', bluesky)).toBe(26)
  })

  it('takes mixed-script text with emoji to exactly 300 graphemes', () => {
    const unit = 'খ্রি😀ש'
    expect(countText(unit, bluesky)).toBe(3)
    expect(countText(unit.repeat(100), bluesky)).toBe(300)
  })
})

describe('scheduling in the workspace time zone', () => {
  it('turns a wall time into the instant it names', () => {
    expect(resolveWallTime({ date: '2026-07-14', time: '09:00' }, 'Europe/Paris')).toEqual({ instant: Date.UTC(2026, 6, 14, 7, 0) })
    expect(resolveWallTime({ date: '2026-07-14', time: '09:00' }, 'Asia/Dhaka')).toEqual({ instant: Date.UTC(2026, 6, 14, 3, 0) })
    expect(toWallTime(Date.UTC(2026, 6, 14, 7, 0), 'Europe/Paris')).toEqual({ date: '2026-07-14', time: '09:00', weekday: 2 })
  })

  it('moves a time skipped by the spring change forward by the gap, and says so', () => {
    // Paris, 29 March 2026: 02:00 → 03:00.
    expect(resolveWallTime({ date: '2026-03-29', time: '02:30' }, 'Europe/Paris')).toEqual({
      instant: Date.UTC(2026, 2, 29, 1, 30),
      adjustment: 'skipped',
    })
    expect(resolveWallTime({ date: '2026-03-08', time: '02:15' }, 'America/New_York')).toEqual({
      instant: Date.UTC(2026, 2, 8, 7, 15),
      adjustment: 'skipped',
    })
  })

  it('takes the first of a time that happens twice in autumn, and says so', () => {
    // Paris, 25 October 2026: 03:00 → 02:00, so 02:30 happens at 00:30Z and at 01:30Z.
    expect(resolveWallTime({ date: '2026-10-25', time: '02:30' }, 'Europe/Paris')).toEqual({
      instant: Date.UTC(2026, 9, 25, 0, 30),
      adjustment: 'repeated',
    })
    expect(resolveWallTime({ date: '2026-10-25', time: '03:30' }, 'Europe/Paris')).toEqual({ instant: Date.UTC(2026, 9, 25, 2, 30) })
  })

  it('refuses malformed times', () => {
    expect(() => resolveWallTime({ date: '2026-02-30', time: '09:00' }, 'Europe/Paris')).toThrow(RangeError)
    expect(() => resolveWallTime({ date: '2026-02-01', time: '24:00' }, 'Europe/Paris')).toThrow(RangeError)
  })
})

describe('queue slots', () => {
  const slots = [
    { weekday: 4, time: '12:30' },
    { weekday: 2, time: '09:00' },
    { weekday: 2, time: '09:00' },
  ]

  it('sorts and de-duplicates slots', () => {
    expect(normalizeSlots(slots)).toEqual([
      { weekday: 2, time: '09:00' },
      { weekday: 4, time: '12:30' },
    ])
  })

  it('gives the next free slot after now, in the workspace time zone, skipping taken ones', () => {
    const monday = Date.UTC(2026, 10, 23, 10, 0) // Monday 11:00 in Paris
    const taken = new Set<number>()
    const next = () => {
      const slot = nextFreeSlot({ slots, zone: 'Europe/Paris', after: monday, isTaken: (t) => taken.has(t) })!
      taken.add(slot)
      return toWallTime(slot, 'Europe/Paris')
    }
    expect(next()).toEqual({ date: '2026-11-24', time: '09:00', weekday: 2 })
    expect(next()).toEqual({ date: '2026-11-26', time: '12:30', weekday: 4 })
    expect(next()).toEqual({ date: '2026-12-01', time: '09:00', weekday: 2 })
  })

  it('keeps slots at the same wall time across a daylight-saving change', () => {
    const before = Date.UTC(2026, 9, 23, 12, 0) // Friday 23 Oct, summer time in Paris
    const first = nextFreeSlot({ slots: [{ weekday: 1, time: '09:00' }], zone: 'Europe/Paris', after: before, isTaken: () => false })!
    expect(first).toBe(Date.UTC(2026, 9, 26, 8, 0)) // Monday after the change: UTC+1
  })

  it('has nothing to give without slots', () => {
    expect(nextFreeSlot({ slots: [], zone: 'UTC', after: 0, isTaken: () => false })).toBeUndefined()
  })
})

describe('checking a draft against a network', () => {
  const media: MediaRules = { kinds: ['image'], maxCount: 4, maxBytes: { image: 1_000_000 }, mimeTypes: ['image/png', 'image/jpeg'], altTextMaxLength: 2000 }
  const image = { kind: 'image' as const, mimeType: 'image/png', size: 1000, altText: 'A loaf on the counter' }

  it('passes a good draft', () => {
    expect(checkDraft({ text: 'Fresh bread', media: [image] }, { text: bluesky, media })).toEqual([])
  })

  it('names each problem with its numbers', () => {
    const problems = checkDraft(
      { text: 'x'.repeat(301), media: [image, { ...image, mimeType: 'image/tiff' }, { ...image, size: 2_000_000 }, { ...image, altText: ' ' }, image] },
      { text: bluesky, media },
    )
    expect(problems).toEqual([
      { key: 'post_too_long', params: { count: 301, max: 300 }, severity: 'error' },
      { key: 'media_too_many', params: { count: 4 }, severity: 'error' },
      { key: 'media_type', params: { type: 'image/tiff' }, severity: 'error', media: 1 },
      { key: 'media_too_large', params: { max: 1_000_000, mb: 1 }, severity: 'error', media: 2 },
      { key: 'alt_text_missing', params: {}, severity: 'warning', media: 3 },
    ])
  })

  it('catches text within the character limit but over a byte limit (Bluesky: 3000 bytes)', () => {
    const chef = '👩🏽‍🍳' // one grapheme, 15 UTF-8 bytes
    const problems = checkDraft({ text: chef.repeat(300), media: [] }, { text: { ...bluesky, maxBytes: 3000 }, media })
    expect(problems).toEqual([{ key: 'post_too_many_bytes', params: { count: 4500, max: 3000 }, severity: 'error' }])
  })

  it('refuses an empty post', () => {
    expect(checkDraft({ text: '  ', media: [] }, { text: bluesky, media })[0]?.key).toBe('post_empty')
  })
})
