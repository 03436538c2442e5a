/**
 * Server-side translation: the messages a person sees from the server (errors, validation,
 * e-mails) in their language, from the catalogs in ./locales. Plurals follow each language's
 * CLDR rules through i18next's Intl.PluralRules support (Arabic has six forms).
 */
import i18next, { type TFunction } from 'i18next'
import { defaultLocale, locales, type Locale } from '../domain/index.js'
import en from './locales/en.json' with { type: 'json' }
import fr from './locales/fr.json' with { type: 'json' }
import ar from './locales/ar.json' with { type: 'json' }
import he from './locales/he.json' with { type: 'json' }
import bn from './locales/bn.json' with { type: 'json' }

/** The server catalogs, keyed by locale (used by the catalog completeness test too). */
export const catalogs: Record<Locale, Record<string, unknown>> = { en, fr, ar, he, bn }

const instance = i18next.createInstance()
void instance.init({
  resources: Object.fromEntries(locales.map((l) => [l, { translation: catalogs[l] }])),
  lng: defaultLocale,
  fallbackLng: defaultLocale,
  supportedLngs: [...locales],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
})

export type Translate = TFunction

const fixed = new Map<Locale, Translate>()

/** A translate function bound to `locale`: `t('errors.not_found_invite')`. */
export function translator(locale: Locale): Translate {
  let t = fixed.get(locale)
  if (!t) {
    t = instance.getFixedT(locale)
    fixed.set(locale, t)
  }
  return t
}

/** True when the English catalog has `key` (every other catalog is checked against English). */
export function hasMessage(key: string): boolean {
  return instance.exists(key, { lng: 'en' }) || instance.exists(`${key}_other`, { lng: 'en' })
}

/** Joins items the way the language does ("a, b and c"). */
export function formatList(locale: Locale, items: string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items)
}
