import { describe, expect, it } from 'vitest'
import { foldText, postParts, proseWords, wordsOf } from './text.js'

describe('foldText', () => {
  it.each([
    ['SOLDES', 'soldes'],
    ['Réduction', 'reduction'],
    ['Œufs', 'oeufs'],
    ['أُعرضُ', 'اعرض'],
    ['إلى', 'الي'],
    ['مدرسة', 'مدرسه'],
    ['تـــخفيض', 'تخفيض'],
    ['הֲנָחָה', 'הנחה'],
    ['৫০% ٢٠٪', '50% 20%'],
    ['ছা\u09dc', 'ছা\u09a1\u09bc'],
  ])('%s → %s', (text, folded) => {
    expect(foldText(text)).toBe(folded)
  })

  it('keeps Bengali vowel signs and joins nothing across a zero-width space', () => {
    expect(wordsOf(foldText('কিনুন\u200bআজই'))).toEqual(['কিনুন', 'আজই'])
  })
})

describe('postParts', () => {
  it('takes out links first, then mentions and hashtags, and leaves the prose', () => {
    const parts = postParts('Hi @alice.bsky.social and @bob@mastodon.social! Mail a@b.example, see https://x.example/a#b #café #قهوة #1')
    expect(parts.urls).toEqual(['https://x.example/a#b'])
    expect(parts.mentions).toEqual(['@alice.bsky.social', '@bob@mastodon.social'])
    expect(parts.hashtags).toEqual(['#café', '#قهوة'])
    expect(proseWords(parts.prose)).toEqual(['hi', 'and', 'mail', 'a', 'b', 'example', 'see'])
  })

  it('counts words with letters only', () => {
    expect(proseWords('50% 🎉 আজকের অফার!')).toEqual(['আজকের', 'অফার'])
  })
})
