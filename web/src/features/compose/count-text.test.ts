/**
 * The composer's counter agrees with the server: for every network rule and every text of a
 * mixed corpus (Arabic, Hebrew, Bengali, Latin, emoji sequences, links, local and remote
 * mentions), the web's `countText` gives the number the server's `countText` gives.
 */
import { describe, expect, it } from 'vitest'
// The one place the web app may read server code: a test holding both sides to the same rule.
// eslint-disable-next-line no-restricted-imports
import { countText as serverCountText, type TextRules as ServerTextRules } from '../../../../src/domain/network-rules'
import type { TextRules } from '../../app/publish-types'
import { countText, findLinks, measureText, utf8Length } from './count-text'

const rules: Record<string, TextRules & ServerTextRules> = {
  bluesky: { maxLength: 300, counting: 'graphemes', maxBytes: 3000 },
  mastodon: { maxLength: 500, counting: 'graphemes', linkLength: 23, mentionsWithoutDomain: true },
  codepoints: { maxLength: 280, counting: 'codepoints' },
  codepointsWithLinks: { maxLength: 280, counting: 'codepoints', linkLength: 23 },
}

const corpus = [
  '',
  'Fresh bread at 7am!',
  'مرحبا بالعالم 👋🏽 خبز طازج كل صباح',
  'שלום עולם! לחם טרי בכל בוקר 🥖',
  'আমাদের নতুন রুটি এসেছে — আজই আসুন ☕',
  'Family: 👨‍👩‍👧‍👦 flags: 🇫🇷🇮🇱🇧🇩 skin: 👍🏾 keycap: 1️⃣',
  'Read https://cafe-lune.example/blog/fresh-bread?x=1&y=2. Then come by!',
  'Two links: http://a.example and https://b.example/path/to/a/very/long/page#section',
  '(see https://example.com/a), «https://example.com/b»',
  'Thanks @amira@social.example and @local_friend, and @noa@מקום.example!',
  'email amira@cafe-lune.example is not a mention',
  'عرض خاص اليوم https://cafe-lune.example/عروض @amira@social.example 🎉',
  'מבצע! https://cafe-lune.example/מבצע ועוד @noa@mastodon.example',
  'নতুন মেনু https://cafe-lune.example/মেনু @rahim@social.example 🍛',
  'Combining: é (e + ́) and Hangul 한국어 and Devanagari नमस्ते',
  'Zero width: a\u200db, bidi marks \u200f\u200e, isolates \u2068x\u2069',
  '😀'.repeat(150),
  'ক্ষ'.repeat(120),
  'https://example.com/'.repeat(3),
]

describe('countText agrees with the server', () => {
  for (const [name, rule] of Object.entries(rules)) {
    it(`counts like the server with the ${name} rule`, () => {
      for (const text of corpus) expect(countText(text, rule), `${name}: ${JSON.stringify(text)}`).toBe(serverCountText(text, rule))
    })
  }
})

describe('the counter’s own rules', () => {
  it('counts what a reader sees as one character once', () => {
    expect(countText('👨‍👩‍👧‍👦', rules.bluesky!)).toBe(1)
    expect(countText('👍🏾', rules.bluesky!)).toBe(1)
    expect(countText('👍🏾', rules.codepoints!)).toBe(2)
  })

  it('counts every link as the network’s fixed length on Mastodon', () => {
    expect(countText('go https://example.com/a/very/long/path/indeed', rules.mastodon!)).toBe(3 + 23)
    expect(findLinks('see https://x.example/a.')).toEqual(['https://x.example/a'])
  })

  it('counts remote mentions without their domain on Mastodon', () => {
    expect(countText('@amira@social.example', rules.mastodon!)).toBe('@amira'.length)
    expect(countText('@amira@social.example', rules.bluesky!)).toBe('@amira@social.example'.length)
  })

  it('measures bytes against a byte cap', () => {
    expect(utf8Length('مرحبا')).toBe(10)
    const skinToned = '👋🏽'.repeat(300)
    const measure = measureText(skinToned, rules.bluesky!)
    expect(measure.length).toBe(300)
    expect(measure.bytes).toBe(2400)
    expect(measure.over).toBe(false)
    expect(measureText('👨‍👩‍👧‍👦'.repeat(200), rules.bluesky!).over).toBe(true)
  })
})
