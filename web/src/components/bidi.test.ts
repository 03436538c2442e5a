import { describe, expect, it } from 'vitest'
import { textDirection } from './bidi'

describe('textDirection', () => {
  it.each([
    ['@cafe-1.test יש לכם לחם בלי גלוטן בשבת?', 'rtl'],
    ['@cafe@mastodon.example هل لديكم خبز بدون غلوتين؟', 'rtl'],
    ['https://cafe.example/menu?x=1 ما رأيكم؟', 'rtl'],
    ['@amira Yes, every Saturday!', 'ltr'],
    ['আপনারা কি শনিবার খোলা?', 'ltr'],
    ['Bonjour @שרה', 'ltr'],
    ['@cafe 🍞 ?', 'auto'],
    ['', 'auto'],
  ])('%s → %s', (text, expected) => {
    expect(textDirection(text)).toBe(expected)
  })
})
