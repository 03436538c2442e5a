/**
 * The contract every matcher of listening queries keeps, as one vitest suite run against each
 * implementation (`runMatcherContract(label, factory)`): for random queries (generated as trees,
 * then printed) and random items in the five product languages, it returns exactly the queries
 * the reference evaluator says match, before and after queries are removed or replaced. The
 * fast-check arbitraries are exported for the language's own property tests.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isAnchored, printQuery, type ParsedQuery, type QueryNode, type TermNode } from './ast.js'
import { evaluateQuery } from './evaluate.js'
import type { MatchItem } from './facts.js'
import { normalizeText, tokenize } from './normalize.js'
import { parseQuery } from './parser.js'

/** What the contract needs of a matcher. */
export interface MatcherLike {
  add(id: string, query: ParsedQuery | string): void
  remove(id: string): boolean
  match(item: MatchItem): string[]
}

/**
 * Words as people type them, in five scripts, chosen to collide: accents and none, Arabic with
 * and without attached prefixes, diacritics and tatweel, Hebrew with prefixes and niqqud,
 * Bengali with vowel signs, digits in three scripts.
 */
export const rawWords = [
  'cafe', 'Café', 'CAFÉ', 'cafés', 'crème', 'creme', 'bakery', 'Bakery', 'bike', 'bikes', 'joe', "Joe's", 'latte', 'the', 'and', 'ß', 'strasse',
  'boulangerie', 'vélo', 'velo', "l'épicerie", 'épicerie', 'pain',
  'قهوة', 'القهوة', 'والقهوة', 'للقهوة', 'بالقهوة', 'قهوه', 'مخبز', 'المخبز', 'دراجة', 'أحمد', 'احمد', 'قَهْوَة', 'قهـــوة',
  'קפה', 'הקפה', 'בקפה', 'וּבַקָּפֶה', 'מאפייה', 'אופניים', 'שלום', 'לום', 'צה״ל',
  'কফি', 'কফির', 'বেকারি', 'সাইকেল', 'দোকান', 'ভালো',
  '100', '১০০', '١٠٠', 'e-bike',
]
const tagValues = ['cafe', 'Café', 'joesbakery', 'coffee_time', 'قهوة', 'קפה', 'কফি']
const handles = ['joe', 'Joe.bsky.social', 'joe.bsky', 'bob@mastodon.social', 'alice']
const hosts = ['example.com', 'shop.example.com', 'joes.fr', 'www.example.com']
const languages = ['en', 'fr', 'ar', 'he', 'bn', 'de']

/** The normalized words of the pool (what query leaves hold). */
const tokens = [...new Set(rawWords.flatMap((w) => tokenize(normalizeText(w))))]
/** Wildcard prefixes: leading parts (two code points or more) of those words that are words themselves. */
const prefixes = [
  ...new Set(
    tokens.flatMap((t) => {
      const points = [...t]
      return points.slice(2).map((_, i) => points.slice(0, i + 2).join('')).concat(points.length >= 2 ? [t] : [])
    }),
  ),
].filter((p) => normalizeText(p) === p && tokenize(p).length === 1 && tokenize(p)[0] === p)

const normalized = (values: string[]) => [...new Set(values.map((v) => normalizeText(v).replace(/^@/, '')))]

/** A leaf of a query tree, already normalized. */
export const termArbitrary: fc.Arbitrary<TermNode> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...tokens).map((value): TermNode => ({ kind: 'word', value })) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...tokens), { minLength: 2, maxLength: 3 }).map((t): TermNode => ({ kind: 'phrase', tokens: t })) },
  { weight: 2, arbitrary: fc.constantFrom(...prefixes).map((value): TermNode => ({ kind: 'prefix', value })) },
  { weight: 1, arbitrary: fc.constantFrom(...normalized(tagValues)).map((value): TermNode => ({ kind: 'hashtag', value })) },
  { weight: 1, arbitrary: fc.constantFrom(...normalized(handles)).map((value): TermNode => ({ kind: 'mention', value })) },
  { weight: 1, arbitrary: fc.constantFrom(...hosts).map((value): TermNode => ({ kind: 'site', value })) },
  { weight: 1, arbitrary: fc.constantFrom(...languages).map((value): TermNode => ({ kind: 'lang', value })) },
  { weight: 1, arbitrary: fc.constantFrom(...normalized(handles)).map((value): TermNode => ({ kind: 'author', value })) },
)

/** Any query tree (possibly one that parseQuery would refuse for want of content). */
export const treeArbitrary: fc.Arbitrary<QueryNode> = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: termArbitrary },
    { weight: 2, arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((children): QueryNode => ({ kind: 'and', children })) },
    { weight: 2, arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((children): QueryNode => ({ kind: 'or', children })) },
    { weight: 1, arbitrary: tie('node').map((child): QueryNode => ({ kind: 'not', child })) },
  ),
})).node

/** A query tree parseQuery accepts: one without content gets a word ANDed to it. */
export const anchoredTreeArbitrary: fc.Arbitrary<QueryNode> = fc
  .tuple(treeArbitrary, termArbitrary.filter((t) => t.kind !== 'lang'))
  .map(([tree, term]) => (isAnchored(tree) ? tree : { kind: 'and', children: [term, tree] }))

/** A query as text (a printed tree). */
export const queryTextArbitrary: fc.Arbitrary<string> = anchoredTreeArbitrary.map(printQuery)

/** A word of a post as written: maybe a hashtag, a mention, a link; maybe with punctuation after it. */
const postWordArbitrary = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...rawWords) },
  { weight: 1, arbitrary: fc.constantFrom(...tagValues).map((t) => `#${t}`) },
  { weight: 1, arbitrary: fc.constantFrom(...handles).map((h) => `@${h}`) },
  { weight: 1, arbitrary: fc.constantFrom(...hosts).map((h) => `https://${h}/page`) },
  { weight: 1, arbitrary: fc.constantFrom(',', '.', '!', '،', '؟', '״', '।', '-', '…') },
)

/** An item: a few words, and sometimes a language, an author, an address, hashtags, links and mentions given apart. */
export const itemArbitrary: fc.Arbitrary<MatchItem> = fc.record(
  {
    text: fc.array(postWordArbitrary, { minLength: 0, maxLength: 12 }).map((words) => words.join(' ')),
    lang: fc.constantFrom('en', 'fr-FR', 'AR', 'he', 'iw', 'bn-BD', 'de'),
    authorHandle: fc.constantFrom(...handles, '@Joe', 'someone.else'),
    url: fc.constantFrom(...hosts.map((h) => `https://${h}/post/1`), 'https://bsky.app/profile/x'),
    hashtags: fc.array(fc.constantFrom(...tagValues), { maxLength: 2 }),
    links: fc.array(fc.constantFrom(...hosts.map((h) => `http://${h}`)), { maxLength: 2 }),
    mentions: fc.array(fc.constantFrom(...handles), { maxLength: 2 }),
  },
  { requiredKeys: ['text'] },
)

/** The leaves of a tree. */
function leavesOf(node: QueryNode): TermNode[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.flatMap(leavesOf)
    case 'not':
      return leavesOf(node.child)
    default:
      return [node]
  }
}

interface Piece {
  text?: string
  lang?: string
  author?: string
}

const attached = ['و', 'ال', 'بال', 'لل', 'ה', 'וב', 'ש']

/** Something an item may have that a leaf looks for, or nearly (the phrase reversed, a longer handle, another host…). */
function pieceFor(leaf: TermNode): fc.Arbitrary<Piece> {
  const texts = (...values: string[]) => fc.constantFrom(...values.map((text) => ({ text })))
  switch (leaf.kind) {
    case 'word':
      return texts(leaf.value, leaf.value.toUpperCase(), ...attached.map((p) => p + leaf.value))
    case 'phrase':
      return texts(leaf.tokens.join(' '), [...leaf.tokens].reverse().join(' '), leaf.tokens.join(' x '), leaf.tokens.join('-'), attached[0] + leaf.tokens.join(' '))
    case 'prefix':
      return texts(leaf.value, `${leaf.value}a`, `${leaf.value}ه`, `${attached[2]}${leaf.value}`, leaf.value.slice(0, -1))
    case 'hashtag':
      return texts(`#${leaf.value}`, `#${leaf.value}x`, leaf.value)
    case 'mention':
      return texts(`@${leaf.value}`, `@${leaf.value}.bsky.social`, `@x${leaf.value}`, `mail${leaf.value}@x`)
    case 'site':
      return texts(`https://${leaf.value}/p`, `https://shop.${leaf.value}`, `https://${leaf.value}x.com`, `www.${leaf.value}`)
    case 'lang':
      return fc.constantFrom<Piece>({ lang: leaf.value }, { lang: `${leaf.value}-XX` }, { lang: 'xx' })
    case 'author':
      return fc.constantFrom<Piece>({ author: leaf.value }, { author: `@${leaf.value}.bsky.social` }, { author: `${leaf.value}x` })
  }
}

/** Items made of what the given trees look for (and near misses), with random words between. */
function witnessArbitrary(trees: readonly QueryNode[]): fc.Arbitrary<MatchItem> {
  const leaves = trees.flatMap(leavesOf)
  const leafPiece: fc.Arbitrary<Piece> = fc.constantFrom(...leaves).chain(pieceFor)
  const wordPiece: fc.Arbitrary<Piece> = postWordArbitrary.map((text) => ({ text }))
  const piece = fc.oneof({ weight: 3, arbitrary: leafPiece }, { weight: 1, arbitrary: wordPiece })
  return fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => {
    const item: MatchItem = { text: pieces.flatMap((p) => (p.text === undefined ? [] : [p.text])).join(' ') }
    const lang = pieces.find((p) => p.lang !== undefined)?.lang
    const author = pieces.find((p) => p.author !== undefined)?.author
    if (lang !== undefined) item.lang = lang
    if (author !== undefined) item.authorHandle = author
    return item
  })
}

const sorted = (ids: string[]) => [...ids].sort()

/** Runs the contract against matchers made by `factory` (a fresh one per case). */
export function runMatcherContract(label: string, factory: () => MatcherLike, runs = 150): void {
  describe(`matcher contract: ${label}`, () => {
    it('returns exactly the queries the reference evaluator matches', () => {
      fc.assert(
        fc.property(fc.array(queryTextArbitrary, { minLength: 1, maxLength: 12 }), fc.array(itemArbitrary, { minLength: 1, maxLength: 8 }), (texts, items) => {
          const matcher = factory()
          const queries = texts.map((text, i) => ({ id: `q${i}`, parsed: parseQuery(text) }))
          for (const q of queries) matcher.add(q.id, q.parsed)
          for (const item of items) {
            const expected = queries.filter((q) => evaluateQuery(q.parsed, item)).map((q) => q.id)
            expect(sorted(matcher.match(item))).toEqual(sorted(expected))
          }
        }),
        { numRuns: runs },
      )
    })

    it('agrees with the reference evaluator on items made of what the queries look for', () => {
      const scenario = fc.array(anchoredTreeArbitrary, { minLength: 1, maxLength: 8 }).chain((trees) => fc.tuple(fc.constant(trees), fc.array(witnessArbitrary(trees), { minLength: 1, maxLength: 8 })))
      fc.assert(
        fc.property(scenario, ([trees, items]) => {
          const matcher = factory()
          const queries = trees.map((tree, i) => ({ id: `q${i}`, parsed: parseQuery(printQuery(tree)) }))
          for (const q of queries) matcher.add(q.id, q.parsed)
          for (const item of items) {
            const expected = queries.filter((q) => evaluateQuery(q.parsed, item)).map((q) => q.id)
            expect(sorted(matcher.match(item))).toEqual(sorted(expected))
          }
        }),
        { numRuns: runs * 2 },
      )
    })

    it('forgets removed queries and follows replaced ones, keeping the others', () => {
      fc.assert(
        fc.property(
          fc.array(queryTextArbitrary, { minLength: 2, maxLength: 10 }),
          fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
          queryTextArbitrary,
          fc.array(itemArbitrary, { minLength: 1, maxLength: 6 }),
          (texts, removed, replacement, items) => {
            const matcher = factory()
            texts.forEach((text, i) => matcher.add(`q${i}`, text))
            const live = new Map(texts.map((text, i) => [`q${i}`, parseQuery(text)]))
            texts.forEach((_, i) => {
              if (!removed[i]) return
              expect(matcher.remove(`q${i}`)).toBe(true)
              live.delete(`q${i}`)
            })
            expect(matcher.remove('never-added')).toBe(false)
            matcher.add('q0', replacement)
            live.set('q0', parseQuery(replacement))
            for (const item of items) {
              const expected = [...live].filter(([, parsed]) => evaluateQuery(parsed, item)).map(([id]) => id)
              expect(sorted(matcher.match(item))).toEqual(sorted(expected))
            }
          },
        ),
        { numRuns: Math.ceil(runs / 2) },
      )
    })
  })
}
