import { describe, expect, it } from 'vitest'
import { evaluateQuery } from './evaluate.js'
import type { MatchItem } from './facts.js'
import { analyzeItem } from './item.js'

const matches = (query: string, item: MatchItem | string) => evaluateQuery(query, typeof item === 'string' ? { text: item } : item)

describe('evaluateQuery: English (a bakery in Leeds)', () => {
  const post: MatchItem = {
    text: "Best sourdough in Leeds is at Joe's Bakery! Their cinnamon buns 😍 #LeedsEats @JoesBakery.bsky.social https://joesbakery.co.uk/menu",
    lang: 'en-GB',
    authorHandle: 'amy.bsky.social',
  }

  it('matches words, phrases, wildcards, hashtags, mentions and sites', () => {
    expect(matches('sourdough', post)).toBe(true)
    expect(matches('"joe\'s bakery"', post)).toBe(true)
    expect(matches("joe's", post)).toBe(true)
    expect(matches('"bakery joe"', post)).toBe(false)
    expect(matches('cinnamon*', post)).toBe(true)
    expect(matches('cinnamons*', post)).toBe(false)
    expect(matches('#leedseats', post)).toBe(true)
    expect(matches('#leeds', post)).toBe(false)
    expect(matches('@joesbakery', post)).toBe(true)
    expect(matches('@joesbakery.bsky.social', post)).toBe(true)
    expect(matches('@joes', post)).toBe(false)
    expect(matches('site:joesbakery.co.uk', post)).toBe(true)
    expect(matches('site:co.uk', post)).toBe(true)
    expect(matches('site:bakery.co.uk', post)).toBe(false)
  })

  it('applies filters and boolean operators', () => {
    expect(matches('sourdough lang:en', post)).toBe(true)
    expect(matches('sourdough lang:fr', post)).toBe(false)
    expect(matches('sourdough author:@amy', post)).toBe(true)
    expect(matches('sourdough author:bob', post)).toBe(false)
    expect(matches('(croissant OR sourdough) -stale', post)).toBe(true)
    expect(matches('sourdough -cinnamon', post)).toBe(false)
    expect(matches('sourdough NOT (rye OR spelt)', post)).toBe(true)
    expect(matches('croissant OR baguette', post)).toBe(false)
  })
})

describe('evaluateQuery: French (a café in Lyon)', () => {
  const post = "Pause au CAFÉ LUMIÈRE ce matin : l'accueil est génial et les crêpes… délicieuses ! #Lyon"

  it('ignores case and accents both ways, and splits elisions', () => {
    expect(matches('"café lumière"', post)).toBe(true)
    expect(matches('"cafe lumiere"', post)).toBe(true)
    expect(matches('accueil', post)).toBe(true)
    expect(matches('crepe*', post)).toBe(true)
    expect(matches('délicieuses genial', post)).toBe(true)
    expect(matches('« café lumière » -fermé', post)).toBe(true)
    expect(matches('#lyon lang:fr', { text: post })).toBe(false)
  })
})

describe('evaluateQuery: Arabic (a bakery in Cairo)', () => {
  const post: MatchItem = { text: 'أفضل خُبْز في القاهرة من مخبز الصباح، والكرواسون رائعٌ جداً! للقهوة طعم مميز #مخبز_الصباح', lang: 'ar' }

  it('ignores harakat and folds alef, yeh and teh marbuta', () => {
    expect(matches('خبز', post)).toBe(true)
    expect(matches('افضل', post)).toBe(true)
    expect(matches('القاهرة', post)).toBe(true)
    expect(matches('جدا رائع', post)).toBe(true)
    expect(matches('"مخبز الصباح"', post)).toBe(true)
    expect(matches('#مخبز_الصباح', post)).toBe(true)
  })

  it('matches words written with attached prefixes (و، ال، ل، لل…)', () => {
    expect(matches('كرواسون', post)).toBe(true)
    expect(matches('الكرواسون', post)).toBe(true)
    expect(matches('قهوة', post)).toBe(true)
    expect(matches('القهوة', post)).toBe(true)
    expect(matches('قاهرة', post)).toBe(true)
    expect(matches('كرواس*', post)).toBe(true)
  })

  it('does not match the article-less query word against a bare word with the article asked', () => {
    expect(matches('الصباح', 'صباح الخير')).toBe(false)
    expect(matches('صباح', 'في الصباح')).toBe(true)
  })
})

describe('evaluateQuery: Hebrew (a bike shop in Tel Aviv)', () => {
  const post: MatchItem = { text: 'תיקנו לי את האופניים בחנות אופני דן בתל־אביב, שירות מְעוּלֶּה! ממליצה על ״אופני דן״', lang: 'he' }

  it('ignores niqqud and matches words with attached prefixes', () => {
    expect(matches('מעולה', post)).toBe(true)
    expect(matches('אופניים', post)).toBe(true)
    expect(matches('חנות', post)).toBe(true)
    expect(matches('"אופני דן"', post)).toBe(true)
    expect(matches('תל אביב', post)).toBe(true)
    expect(matches('אופני* lang:iw', post)).toBe(true)
    expect(matches('"אופני דן" -גרוע', post)).toBe(true)
  })
})

describe('evaluateQuery: Bengali (a sweet shop in Dhaka)', () => {
  const post: MatchItem = { text: 'রহিম মিষ্টান্ন ভাণ্ডারের রসগোল্লা সেরা! দাম মাত্র ১০০ টাকা। #ঢাকা', lang: 'bn' }

  it('keeps words whole with their vowel signs, and matches digits in any script', () => {
    expect(matches('রসগোল্লা', post)).toBe(true)
    expect(matches('"রহিম মিষ্টান্ন"', post)).toBe(true)
    expect(matches('ভাণ্ডার*', post)).toBe(true)
    expect(matches('100 টাকা', post)).toBe(true)
    expect(matches('#ঢাকা', post)).toBe(true)
    // A vowel sign is part of the word: রস is not রসগোল্লা, রসি is not রস.
    expect(matches('রস', post)).toBe(false)
    expect(matches('রসি*', post)).toBe(false)
  })
})

describe('evaluateQuery: inputs', () => {
  it('takes a parsed query and an analyzed item as well as text', () => {
    const item = analyzeItem({ text: 'Latte art at Café Lumière' })
    expect(evaluateQuery('latte lumiere', item)).toBe(true)
  })

  it('matches nothing on an empty item but what its negations allow', () => {
    expect(matches('cafe', '')).toBe(false)
    expect(matches('cafe OR latte', { text: '', hashtags: ['cafe'] })).toBe(false)
    expect(matches('#cafe -latte', { text: '', hashtags: ['#Cafe'] })).toBe(true)
  })
})
