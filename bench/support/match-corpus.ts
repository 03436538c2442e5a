/**
 * Seeded generator of the matcher benchmark's data: made-up small businesses in five languages
 * (brand names, handles, sites, hashtags), listening queries of the kinds people write for them
 * (brand watch, competitors, products in a town, exclusions, wildcards, filters), and an endless
 * stream of posts of 5–50 words that now and then mention a brand, a product, a hashtag, a
 * handle or a link. Arabic and Hebrew posts carry attached prefixes, and some diacritics,
 * tatweel and niqqud, so normalization has its real work to do. Same seed, same data.
 */
import type { MatchItem } from '../../src/domain/listen-query/index.js'
import { benchLanguages, domainEndings, languageWeights, vocabulary, type BenchLanguage } from './match-vocabulary.js'

/** A small, fast, seeded PRNG (mulberry32). */
export class Random {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
  /** Skewed towards the start of the list (frequent words first). */
  zipf<T>(items: readonly T[]): T {
    const u = this.next()
    return items[Math.floor(items.length * u * u)]!
  }
  chance(p: number): boolean {
    return this.next() < p
  }
}

export interface Brand {
  lang: BenchLanguage
  /** The made-up word ("Kobelton"). */
  word: string
  /** The full name ("Kobelton Bakery"). */
  name: string
  /** ASCII handle and hashtag ("kobeltonbakery"), and site ("kobeltonbakery.com"). */
  handle: string
  site: string
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

function pickLanguage(rng: Random): BenchLanguage {
  let u = rng.next()
  for (const lang of benchLanguages) {
    u -= languageWeights[lang]
    if (u < 0) return lang
  }
  return 'en'
}

/** `count` made-up businesses, spread over the five languages. */
export function generateBrands(rng: Random, count: number): Brand[] {
  const brands: Brand[] = []
  for (let i = 0; i < count; i++) {
    const lang = benchLanguages[i % benchLanguages.length]!
    const words = vocabulary[lang]
    const syllables = 2 + rng.int(2)
    let word = ''
    for (let s = 0; s < syllables; s++) word += rng.pick(words.syllables)
    let latin = ''
    for (let s = 0; s < syllables; s++) latin += rng.pick(vocabulary.en.syllables)
    const business = rng.pick(words.business)
    const rtlOrBengali = lang === 'ar' || lang === 'he' || lang === 'bn'
    const name = rtlOrBengali ? `${business} ${word}` : `${capitalize(word)} ${business}`
    const handle = `${latin}${i}`
    brands.push({ lang, word: rtlOrBengali ? word : capitalize(word), name, handle, site: `${handle}${rng.pick(domainEndings[lang])}` })
  }
  return brands
}

/** Writes one listening query for `brand`, with `competitors` from the same language. */
function writeQuery(rng: Random, brand: Brand, competitors: Brand[]): string {
  const words = vocabulary[brand.lang]
  const trade = () => rng.pick(words.trade)
  const common = () => rng.pick(words.common.slice(20))
  const c1 = competitors[0]!
  const c2 = competitors[1]!
  const stem = (w: string) => (w.length >= 5 ? w.slice(0, Math.max(3, w.length - 2)) : w)
  switch (rng.int(12)) {
    case 0:
    case 1:
      return `"${brand.name}" OR ${brand.word} OR #${brand.handle} OR @${brand.handle}`
    case 2:
      return `${brand.word} ${trade()}`
    case 3:
      return `"${brand.name}" -${common()} -"${common()} ${common()}"`
    case 4:
      return `${stem(trade())}* ${brand.word}`
    case 5:
      return `(${brand.word} OR ${c1.word} OR ${c2.word}) lang:${brand.lang}`
    case 6:
      return `${brand.word} (site:${brand.site} OR @${brand.handle})`
    case 7:
      return `#${brand.handle} OR #${c1.handle} OR site:${brand.site}`
    case 8:
      return `author:${brand.handle} ${trade()}`
    case 9:
      return `${trade()} ${rng.pick(words.places)} -${c1.word}`
    case 10:
      return `${stem(trade())}* ${rng.pick(words.places)} NOT (${common()} OR ${common()}) lang:${brand.lang}`
    default:
      return `"${brand.name}" NOT ${c1.word} OR ("${c2.name}" ${trade()})`
  }
}

export interface BenchData {
  brands: Brand[]
  queries: Array<{ id: string; text: string }>
}

/** `queryCount` queries over about one brand per two queries. */
export function generateQueries(queryCount: number, seed = 1): BenchData {
  const rng = new Random(seed)
  const brands = generateBrands(rng, Math.max(10, Math.ceil(queryCount / 2)))
  const byLanguage = new Map<BenchLanguage, Brand[]>()
  for (const b of brands) byLanguage.set(b.lang, [...(byLanguage.get(b.lang) ?? []), b])
  const queries = Array.from({ length: queryCount }, (_, i) => {
    const brand = rng.pick(brands)
    const peers = byLanguage.get(brand.lang)!
    return { id: `q${i}`, text: writeQuery(rng, brand, [rng.pick(peers), rng.pick(peers)]) }
  })
  return { brands, queries }
}

const harakat = ['\u064e', '\u064f', '\u0650', '\u064b', '\u0651']
const niqqud = ['\u05b7', '\u05b8', '\u05b4', '\u05bc', '\u05b0']

/** A word as people type it: prefixes, diacritics, tatweel, capitals. */
function decorate(rng: Random, lang: BenchLanguage, word: string): string {
  const prefixes = vocabulary[lang].prefixes
  if (prefixes.length > 0 && rng.chance(0.2)) word = rng.pick(prefixes) + word
  if (lang === 'ar') {
    if (rng.chance(0.05)) word = word.slice(0, 1) + rng.pick(harakat) + word.slice(1)
    if (rng.chance(0.02) && word.length > 2) word = word.slice(0, 2) + '\u0640' + word.slice(2)
  } else if (lang === 'he') {
    if (rng.chance(0.03)) word = word.slice(0, 1) + rng.pick(niqqud) + word.slice(1)
  } else if (lang === 'en' || lang === 'fr') {
    if (rng.chance(0.03)) word = word.toUpperCase()
  }
  return word
}

/** `count` made-up words spelled like `lang` (the long tail of a real vocabulary). */
function tailWords(rng: Random, lang: BenchLanguage, count: number): string[] {
  const { consonants, vowels } = vocabulary[lang].letters
  const words = new Set<string>()
  while (words.size < count) {
    let word = ''
    const syllables = 2 + rng.int(3)
    for (let s = 0; s < syllables; s++) word += rng.pick(consonants) + (rng.chance(lang === 'ar' || lang === 'he' ? 0.6 : 0.9) ? rng.pick(vowels) : '')
    words.add(word)
  }
  return [...words]
}

/** An endless, seeded stream of posts mentioning `brands` now and then. */
export function createPostStream(brands: readonly Brand[], seed = 2): () => MatchItem {
  const rng = new Random(seed)
  const tails = new Map(benchLanguages.map((lang) => [lang, tailWords(rng, lang, 8000)]))
  let serial = 0
  return () => {
    const lang = pickLanguage(rng)
    const words = vocabulary[lang]
    const tail = tails.get(lang)!
    const length = 5 + Math.floor(46 * Math.pow(rng.next(), 1.5))
    const parts: string[] = []
    const links: string[] = []
    for (let i = 0; i < length; i++) {
      const u = rng.next()
      let word = u < 0.45 ? rng.zipf(words.common) : u < 0.47 ? rng.pick(words.trade) : u < 0.475 ? rng.pick(words.places) : rng.pick(tail)
      if (u > 0.997) word = `#${rng.pick(rng.chance(0.5) ? words.trade : tail)}`
      else if (u > 0.995) word = `@${rng.chance(0.2) ? rng.pick(brands).handle : `user${rng.int(100_000)}`}`
      parts.push(decorate(rng, lang, word))
      if (rng.chance(0.08)) parts[parts.length - 1] += rng.pick(words.punctuation)
    }
    if (rng.chance(0.03)) {
      const brand = brands[rng.int(brands.length)]!
      const at = rng.int(parts.length)
      const mention = rng.pick([brand.name, brand.word, `#${brand.handle}`, `@${brand.handle}`, brand.name.toLowerCase()])
      parts.splice(at, 0, mention)
      if (rng.chance(0.3)) links.push(`https://www.${brand.site}/${rng.pick(words.trade)}`)
    }
    if (rng.chance(0.03)) parts.push(`https://${rng.pick(brands).site}/p/${serial}`)
    parts[0] = capitalize(parts[0]!)
    serial++
    const item: MatchItem = { text: parts.join(' '), authorHandle: rng.chance(0.01) ? rng.pick(brands).handle : `user${rng.int(200_000)}.bsky.social` }
    if (rng.chance(0.7)) item.lang = rng.chance(0.2) ? `${lang}-${lang.toUpperCase()}` : lang
    if (rng.chance(0.3)) item.url = `https://bsky.app/profile/user${serial}/post/${serial}`
    if (links.length > 0) item.links = links
    return item
  }
}
