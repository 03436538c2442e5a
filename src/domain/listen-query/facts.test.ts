import { describe, expect, it } from 'vitest'
import { attachedPrefixes, cliticForms } from './clitics.js'
import { handleKeys, hostKeys, hostOf, itemFacts, primaryLanguage, type MatchItem } from './facts.js'
import { analyzeItem } from './item.js'
import { normalizeText } from './normalize.js'

const facts = (item: MatchItem) => itemFacts(item, normalizeText(item.text))

describe('itemFacts', () => {
  it('finds hashtags in the text (not in words, entities or paths) and beside it', () => {
    const found = facts({ text: 'Fresh #Croissants and #café_au_lait at joe#5, &#39; example.com/#/menu', hashtags: ['#Brunch', 'croissants'] })
    expect(found.hashtags).toEqual(['croissants', 'cafe_au_lait', 'brunch'])
    expect(facts({ text: 'ما أجمل #قهوة_الصباح و #קפה' }).hashtags).toEqual(['قهوه_الصباح', 'קפה'])
  })

  it('finds mentions (not e-mail addresses) and takes the trailing dot as punctuation', () => {
    const found = facts({ text: 'Thanks @JoesBakery.bsky.social and @bob@mastodon.social. Write to joe@example.com', mentions: ['@Alice'] })
    expect(found.handles).toEqual(['joesbakery.bsky.social', 'bob@mastodon.social', 'alice'])
  })

  it('finds the hosts of the address, of the links and of links in the text', () => {
    const found = facts({
      text: 'Menu at https://Shop.Example.com/menu, also www.joes.fr (and see x.www.nope.com)',
      url: 'https://bsky.app/profile/joe/post/1',
      links: ['http://user@Blog.Example.org:8080/post'],
    })
    expect(found.hosts).toEqual(['bsky.app', 'blog.example.org', 'shop.example.com', 'www.joes.fr'])
  })

  it('normalizes the author handle and the language', () => {
    expect(facts({ text: '', authorHandle: '@Joe.BSKY.social', lang: 'fr-CA' })).toMatchObject({ author: 'joe.bsky.social', lang: 'fr' })
    expect(facts({ text: '' })).toMatchObject({ author: '', lang: undefined })
  })
})

describe('keys of handles, hosts and languages', () => {
  it('lets a handle answer to its shorter forms before a dot or an at sign', () => {
    expect(handleKeys('alice.bsky.social')).toEqual(['alice.bsky.social', 'alice.bsky', 'alice'])
    expect(handleKeys('bob@mastodon.social')).toEqual(['bob@mastodon.social', 'bob@mastodon', 'bob'])
    expect(handleKeys('joe')).toEqual(['joe'])
  })

  it('lets a host answer to its parent domains', () => {
    expect(hostKeys('shop.example.com')).toEqual(['shop.example.com', 'example.com', 'com'])
  })

  it('extracts hosts from addresses with or without a scheme', () => {
    expect(hostOf('HTTPS://WWW.Example.COM/path?q=1')).toBe('www.example.com')
    expect(hostOf('example.com/path')).toBe('example.com')
    expect(hostOf('ftp://files.example.net.')).toBe('files.example.net')
    expect(hostOf('https://[2001:db8::1]:443/')).toBe('[2001:db8::1]')
    expect(hostOf('https://Café.fr')).toBe('cafe.fr')
  })

  it('reads the primary language subtag, with legacy codes', () => {
    expect(primaryLanguage('EN-gb')).toBe('en')
    expect(primaryLanguage('iw')).toBe('he')
    expect(primaryLanguage('bn_BD')).toBe('bn')
    expect(primaryLanguage('constructor')).toBe('constructor')
  })
})

describe('attached prefixes (clitics)', () => {
  it('gives Arabic words their forms without conjunction, preposition and article', () => {
    expect(cliticForms(normalizeText('والقهوة'))).toEqual(['القهوه', 'قهوه'])
    expect(cliticForms(normalizeText('بالقهوة'))).toEqual(['القهوه', 'قهوه'])
    expect(cliticForms(normalizeText('فالمخبز'))).toEqual(['المخبز', 'مخبز'])
    expect(cliticForms(normalizeText('قهوة'))).toBeUndefined()
  })

  it('reads لل as ل + ال', () => {
    expect(cliticForms(normalizeText('للقهوة'))).toEqual(['لقهوه', 'قهوه', 'القهوه'])
    expect(cliticForms(normalizeText('وللمخبز'))).toEqual(['للمخبز', 'لمخبز', 'مخبز', 'المخبز'])
  })

  it('gives Hebrew words their forms without ו ה ב ל מ ש כ and their combinations', () => {
    expect(cliticForms('בקפה')).toEqual(['קפה'])
    expect(cliticForms('ובקפה')).toEqual(['בקפה', 'קפה'])
    expect(cliticForms('מהמאפייה')).toEqual(['המאפייה', 'מאפייה'])
    expect(cliticForms('שבאופניים')).toEqual(['באופניים', 'אופניים'])
  })

  it('keeps a stem of two letters at least', () => {
    expect(cliticForms('בית')).toEqual(['ית'])
    expect(cliticForms('של')).toBeUndefined()
    expect(cliticForms('ول')).toBeUndefined()
    expect(cliticForms('وال')).toEqual(['ال'])
  })

  it('lists the prefixes (for the documentation)', () => {
    expect(attachedPrefixes.arabic).toContain('وبال')
    expect(attachedPrefixes.arabic).not.toContain('لال')
    expect(attachedPrefixes.hebrew).toContain('וכש')
    expect(attachedPrefixes.hebrew.every((p) => p.length <= 3)).toBe(true)
  })

  it('adds the forms of Arabic and Hebrew words to the analysis, at their word position', () => {
    const analysis = analyzeItem({ text: 'أحب القهوة وبالحليب، ובקפה' })
    expect(analysis.tokens).toEqual(['احب', 'القهوه', 'وبالحليب', 'ובקפה'])
    expect(analysis.forms).toEqual(['قهوه', 'بالحليب', 'الحليب', 'حليب', 'בקפה', 'קפה'])
    expect(analysis.formPositions).toEqual([1, 2, 2, 2, 3, 3])
  })
})
