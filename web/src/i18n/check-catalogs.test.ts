/** The catalog checker itself: each kind of problem is found, and agreeing catalogs pass. */
import { describe, expect, it } from 'vitest'
import { checkCatalogs, variablesOf } from './check-catalogs'

const problemsOf = (catalogs: Parameters<typeof checkCatalogs>[0]) =>
  checkCatalogs(catalogs).map(({ language, key, problem, detail }) => `${language} ${key} ${problem}${detail ? ` ${detail}` : ''}`)

describe('checkCatalogs', () => {
  it('passes catalogs that agree, plural forms per language included', () => {
    expect(
      problemsOf({
        en: { home: { greeting: 'Hello, {{name}}', members_one: '{{count}} member', members_other: '{{count}} members' } },
        ar: {
          home: {
            greeting: 'مرحبًا {{name}}',
            members_zero: 'لا أعضاء',
            members_one: 'عضو واحد',
            members_two: 'عضوان',
            members_few: '{{count}} أعضاء',
            members_many: '{{count}} عضوًا',
            members_other: '{{count}} عضو',
          },
        },
      }),
    ).toEqual([])
  })

  it('finds keys missing from, or only in, another language', () => {
    expect(problemsOf({ en: { a: 'A', b: 'B' }, fr: { a: 'A', c: 'C' } })).toEqual(['fr c extra not in en', 'fr b missing in en'])
  })

  it('finds plural categories a language needs but lacks, and forms it never uses', () => {
    expect(problemsOf({ en: { n_one: 'one', n_other: 'other' }, he: { n_one: 'אחד', n_other: 'הרבה', n_few: '?' } })).toEqual([
      'he n missing-plural-form two',
      'he n unused-plural-form few',
    ])
  })

  it('accepts a zero form in any language', () => {
    expect(problemsOf({ en: { n_zero: 'none', n_one: 'one', n_other: '{{count}}' } })).toEqual([])
  })

  it('finds empty and non-text values', () => {
    expect(problemsOf({ en: { a: '  ', b: 3, c: ['x'] } })).toEqual(['en a empty', 'en b not-text', 'en c not-text'])
  })

  it('finds a key that is plural in one language only', () => {
    expect(problemsOf({ en: { n_one: 'one', n_other: 'many' }, fr: { n: 'plusieurs' } })).toEqual(['fr n plural-mismatch plural in en'])
  })

  it('finds interpolation variables that differ between languages', () => {
    expect(problemsOf({ en: { hi: 'Hi {{name}}' }, fr: { hi: 'Salut {{nom}}' } })).toEqual(['fr hi variables {nom} here, {name} in en'])
  })

  it('lets a plural form spell out its count, but not drop another variable', () => {
    const en = { m_one: '{{count}} member of {{team}}', m_other: '{{count}} members of {{team}}' }
    expect(problemsOf({ en, he: { m_one: 'חבר אחד ב־{{team}}', m_two: 'שני חברים ב־{{team}}', m_other: '{{count}} חברים ב־{{team}}' } })).toEqual([])
    expect(problemsOf({ en, he: { m_one: 'חבר אחד', m_two: 'שני חברים', m_other: '{{count}} חברים' } })).toEqual([
      'he m variables {} here, {team} in en',
    ])
  })
})

describe('variablesOf', () => {
  it('reads names with or without a format, unescaped or not', () => {
    expect(variablesOf('{{count, number}} of {{ total }} by {{- name}} on {{date}} {{date}}')).toEqual(['count', 'date', 'name', 'total'])
  })
})
