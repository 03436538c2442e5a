/**
 * The web app's catalogs agree with each other: same keys everywhere, every plural form each
 * language needs (per `Intl.PluralRules`), no empty text, same interpolation variables.
 */
import { describe, expect, it } from 'vitest'
import { checkCatalogs, describeProblems, flatten } from '../i18n/check-catalogs'
import { languages } from '../i18n/languages'
import ar from './ar.json'
import bn from './bn.json'
import en from './en.json'
import fr from './fr.json'
import he from './he.json'

const catalogs = { en, fr, ar, he, bn }

describe('web catalogs', () => {
  it('has a catalog for every language the app offers', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...languages].sort())
  })

  it('agree across languages', () => {
    expect(describeProblems(checkCatalogs(catalogs, { reference: 'en' }))).toBe('')
  })

  it('translates rather than copies: most texts differ from English', () => {
    const englishTexts = new Set(flatten(en).values())
    for (const [language, catalog] of Object.entries(catalogs)) {
      if (language === 'en') continue
      const texts = [...flatten(catalog).values()]
      const same = texts.filter((text) => englishTexts.has(text)).length
      // Brand names and the like may stay; a catalog that is mostly English was not translated.
      expect(same / texts.length, `${language} repeats English`).toBeLessThan(0.1)
    }
  })
})
