/**
 * i18next set up for the web app: every catalog is bundled (they are small), the starting
 * language comes from the remembered choice or the browser, and each change of language sets
 * `<html lang dir>` (Mantine's DirectionProvider follows `dir`) and the page title.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from '../locales/en.json'
import fr from '../locales/fr.json'
import ar from '../locales/ar.json'
import he from '../locales/he.json'
import bn from '../locales/bn.json'
import { defaultLanguage, directionOf, isLanguage, languages, type Language } from './languages'
import { rememberLanguage, storedLanguage } from './language-preference'

const resources = {
  en: { translation: en },
  fr: { translation: fr },
  ar: { translation: ar },
  he: { translation: he },
  bn: { translation: bn },
} as const

/** Wraps a value in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (invisible). */
function isolate(value: string): string {
  return `\u2068${value}\u2069`
}

function applyToDocument(language: Language): void {
  const root = document.documentElement
  root.lang = language
  root.dir = directionOf(language)
  document.title = i18next.t('app.name')
}

/** Initialises i18next synchronously, so the first render already has the right language and direction. */
export function initI18n(): typeof i18next {
  const language = storedLanguage() ?? defaultLanguage
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: languages,
    initAsync: false,
    returnEmptyString: false,
    // React escapes HTML itself. What we add instead: each interpolated value is a bidi isolate,
    // so a Hebrew name in an English sentence (or a Latin one in Arabic) keeps its own direction
    // without pulling the punctuation around it along.
    interpolation: { escapeValue: true, escape: isolate },
    react: { useSuspense: false },
  })
  applyToDocument(language)
  i18next.on('languageChanged', (next) => {
    if (isLanguage(next)) applyToDocument(next)
  })
  return i18next
}

/** The current UI language, narrowed to one we support. */
export function currentLanguage(): Language {
  const language = i18next.resolvedLanguage ?? i18next.language
  return isLanguage(language) ? language : defaultLanguage
}

/** Switches the UI language and remembers it on this device (localStorage and `sc_lang` cookie). */
export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(language)
  if (currentLanguage() !== language) await i18next.changeLanguage(language)
}
