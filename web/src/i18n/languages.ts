/**
 * The languages the web app speaks, each named in itself, with its writing direction.
 * Mirrors what `/api/meta` reports; kept here so the switcher works before the API answers.
 */

export const languages = ['en', 'fr', 'ar', 'he', 'bn'] as const
export type Language = (typeof languages)[number]
export const defaultLanguage: Language = 'en'

/** Each language's own name, as the switcher shows it. */
export const languageNames: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  he: 'עברית',
  bn: 'বাংলা',
}

const rightToLeft: ReadonlySet<Language> = new Set(['ar', 'he'])

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return rightToLeft.has(language) ? 'rtl' : 'ltr'
}

/** The first supported language among BCP 47 tags such as `navigator.languages` ("fr-CA", "iw"). */
export function pickLanguage(tags: readonly string[]): Language | undefined {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0]
    const candidate = base === 'iw' ? 'he' : base
    if (isLanguage(candidate)) return candidate
  }
  return undefined
}
