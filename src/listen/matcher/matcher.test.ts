import { describe, expect, it } from 'vitest'
import { analyzeItem, evaluateQuery, parseQuery, QueryError, type MatchItem } from '../../domain/listen-query/index.js'
import { runMatcherContract } from '../../domain/listen-query/listen-query.contract.js'
import { createMatcher } from './index.js'

const sorted = (ids: string[]) => [...ids].sort()

/** Real-looking posts of small businesses' customers, in the five languages. */
const posts: MatchItem[] = [
  { text: "Best sourdough in Leeds is at Joe's Bakery! #LeedsEats @JoesBakery.bsky.social", lang: 'en', authorHandle: 'amy.bsky.social' },
  { text: 'Pause au CAFÉ LUMIÈRE : les crêpes sont délicieuses', lang: 'fr', url: 'https://cafe-lumiere.fr/blog/1' },
  { text: 'أفضل خُبْز من مخبز الصباح، والكرواسون رائع! للقهوة طعم مميز', lang: 'ar' },
  { text: 'תיקנו לי את האופניים בחנות אופני דן, שירות מעולה', lang: 'he', authorHandle: 'noa@mastodon.social' },
  { text: 'রহিম মিষ্টান্ন ভাণ্ডারের রসগোল্লা সেরা! দাম ১০০ টাকা', lang: 'bn' },
  { text: 'Starbucks again. Not my favourite café.', lang: 'en', links: ['https://www.starbucks.com/menu'] },
]

const queries: Record<string, string> = {
  joes: '"joe\'s bakery" OR @joesbakery OR site:joesbakery.co.uk',
  sourdough: 'sourdough leeds -stale',
  lumiere: '"cafe lumiere" OR site:cafe-lumiere.fr',
  crepes: 'crepe* lang:fr',
  sabah: '"مخبز الصباح" OR الكرواسون',
  coffeeAr: 'قهوة -شاي',
  dan: '"אופני דן" author:noa',
  bikes: 'אופניים OR bike*',
  rahim: 'রসগোল্লা 100',
  cafes: 'cafe -starbucks',
  starbucks: 'site:starbucks.com',
}

function matcherWith(entries: Record<string, string>) {
  const matcher = createMatcher()
  for (const [id, text] of Object.entries(entries)) matcher.add(id, text)
  return matcher
}

describe('createMatcher', () => {
  it('returns the ids of the queries each post matches, in five languages', () => {
    const matcher = matcherWith(queries)
    expect(posts.map((p) => sorted(matcher.match(p)))).toEqual([
      ['joes', 'sourdough'],
      ['cafes', 'crepes', 'lumiere'],
      ['coffeeAr', 'sabah'],
      ['bikes', 'dan'],
      ['rahim'],
      ['starbucks'],
    ])
  })

  it('agrees with the reference evaluator on those posts', () => {
    const matcher = matcherWith(queries)
    for (const post of posts) {
      const expected = Object.entries(queries).filter(([, q]) => evaluateQuery(q, post)).map(([id]) => id)
      expect(sorted(matcher.match(post))).toEqual(sorted(expected))
    }
  })

  it('adds, replaces and removes queries without a rebuild, and counts them', () => {
    const matcher = createMatcher()
    matcher.add('a', 'sourdough')
    matcher.add('b', parseQuery('sourdough leeds'))
    expect(matcher.size).toBe(2)
    expect(sorted(matcher.match(posts[0]!))).toEqual(['a', 'b'])
    matcher.add('a', 'croissant')
    expect(matcher.size).toBe(2)
    expect(matcher.match(posts[0]!)).toEqual(['b'])
    expect(matcher.remove('b')).toBe(true)
    expect(matcher.remove('b')).toBe(false)
    expect(matcher.has('b')).toBe(false)
    expect(matcher.match(posts[0]!)).toEqual([])
    // A term left by the removed query can be used again.
    matcher.add('c', 'leeds')
    expect(matcher.match(posts[0]!)).toEqual(['c'])
  })

  it('keeps the old version of a query when the new text is refused', () => {
    const matcher = matcherWith({ a: 'sourdough' })
    expect(() => matcher.add('a', 'sourdough (')).toThrow(QueryError)
    expect(matcher.match(posts[0]!)).toEqual(['a'])
  })

  it('refuses a hand-made tree without content', () => {
    expect(() => createMatcher().add('x', { text: '-spam', root: { kind: 'not', child: { kind: 'word', value: 'spam' } } })).toThrow(/no content term/)
  })

  it('matches phrases by position, with repeated words and across word forms', () => {
    const matcher = matcherWith({ very: '"very very good"', coffee: '"قهوة مميزة"', article: '"القهوة طعم"' })
    expect(matcher.match({ text: 'it was very very good' })).toEqual(['very'])
    expect(matcher.match({ text: 'very good, very very' })).toEqual([])
    // Each word of the phrase may carry its own prefixes ("and for the coffee, the special").
    expect(matcher.match({ text: 'وللقهوة المميزة طعم' })).toEqual(['coffee'])
    expect(matcher.match({ text: 'مميزة قهوة' })).toEqual([])
    expect(sorted(matcher.match({ text: 'للقهوة طعم' }))).toEqual(['article'])
    expect(matcher.match({ text: 'والقهوة مميزة' })).toEqual(['coffee'])
  })

  it('matches wildcards on words and on their forms without attached prefixes, including the article', () => {
    const matcher = matcherWith({ caf: 'caf*', qah: 'قهو*', al: 'القه*', article: 'ال*', shop: 'חנו*' })
    expect(matcher.match({ text: 'CAFÉS' })).toEqual(['caf'])
    // للقهوة is ل + ال + قهوة: it counts as القهوة too.
    expect(sorted(matcher.match({ text: 'للقهوة' }))).toEqual(['al', 'article', 'qah'])
    expect(matcher.match({ text: 'وقهوة' })).toEqual(['qah'])
    expect(matcher.match({ text: 'בחנות' })).toEqual(['shop'])
  })

  it('matches mentions, authors and sites by their shorter keys', () => {
    const matcher = matcherWith({ joe: '@joe', noa: 'author:noa', example: 'site:example.com' })
    expect(matcher.match({ text: 'hi @Joe.bsky.social' })).toEqual(['joe'])
    expect(matcher.match({ text: 'hi', mentions: ['joe@mastodon.social'] })).toEqual(['joe'])
    expect(matcher.match({ text: 'hi @joey' })).toEqual([])
    expect(matcher.match({ text: 'shalom', authorHandle: '@Noa@Mastodon.social' })).toEqual(['noa'])
    expect(matcher.match({ text: 'see https://shop.example.com/x' })).toEqual(['example'])
    expect(matcher.match({ text: 'see', url: 'https://notexample.com' })).toEqual([])
  })

  it('gives the same answers from an analyzed item', () => {
    const matcher = matcherWith(queries)
    for (const post of posts) expect(sorted(matcher.matchAnalyzed(analyzeItem(post)))).toEqual(sorted(matcher.match(post)))
  })

  it('keeps its answers when it moves queries to rarer anchors', () => {
    const matcher = createMatcher({ rebalanceEvery: 3 })
    const reference = createMatcher()
    // "leeds" is in every post below and "sourdough" in few: the first query starts under the
    // (shorter, by its prior) word "leeds" and should move; answers must not change.
    for (const m of [matcher, reference]) {
      m.add('a', 'leeds sourdough')
      m.add('b', 'leeds (rye OR spelt)')
    }
    for (let i = 0; i < 50; i++) {
      const post = { text: i % 10 === 0 ? 'sourdough in leeds' : i % 7 === 0 ? 'leeds rye bread' : `leeds post ${i}` }
      expect(sorted(matcher.match(post))).toEqual(sorted(reference.match(post)))
    }
  })

  it('keeps its answers when the epoch counter starts again', () => {
    const matcher = createMatcher({ maxEpoch: 5 })
    matcher.add('a', '"joe s bakery" -stale')
    for (let i = 0; i < 23; i++) {
      expect(matcher.match({ text: i % 2 === 0 ? "Joe's Bakery" : 'stale bread at joe s bakery' })).toEqual(i % 2 === 0 ? ['a'] : [])
    }
  })
})

runMatcherContract('compiled matcher', () => createMatcher())
runMatcherContract('compiled matcher, re-anchoring every few items', () => createMatcher({ rebalanceEvery: 2 }), 60)
