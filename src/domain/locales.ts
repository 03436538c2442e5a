/**
 * The languages Stagecraft speaks and how each is written. Pure data and negotiation rules;
 * formatting itself goes through `Intl` where text is shown.
 */

export const locales = ['en', 'fr', 'ar', 'he', 'bn'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'en'

/** Each language's own name, as the language switcher shows it. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  he: 'עברית',
  bn: 'বাংলা',
}

const rightToLeft: ReadonlySet<Locale> = new Set(['ar', 'he'])

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr'
}

/**
 * Picks the best supported locale from an Accept-Language header ("fr-CA,fr;q=0.9,en;q=0.8"),
 * honouring quality values; `iw` is the legacy code for Hebrew.
 */
export function negotiateLocale(acceptLanguage: string | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q ? Number(q.slice(2)) : 1
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  for (const { tag } of ranked) {
    const base = tag.split('-')[0]
    const candidate = base === 'iw' ? 'he' : base
    if (isLocale(candidate)) return candidate
  }
  return undefined
}
