/**
 * Where the chosen language is remembered before sign-in: localStorage for the app, and the
 * `sc_lang` cookie so the server answers errors in that language too.
 */
import { isLanguage, pickLanguage, type Language } from './languages'

const storageKey = 'sc_lang'
const oneYearInSeconds = 60 * 60 * 24 * 365

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`
  const entry = document.cookie.split('; ').find((part) => part.startsWith(prefix))
  return entry ? decodeURIComponent(entry.slice(prefix.length)) : undefined
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(storageKey)
  } catch {
    // Storage can be disabled (private modes, strict policies); the cookie still works.
    return null
  }
}

/** The language to start with: remembered choice, then the browser's languages, then English. */
export function storedLanguage(): Language | undefined {
  const remembered = readStorage() ?? readCookie(storageKey)
  if (isLanguage(remembered)) return remembered
  return pickLanguage(navigator.languages)
}

/** Remembers the language in localStorage and in the `sc_lang` cookie (one year, whole site). */
export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language)
  } catch {
    // See readStorage: nothing more to do without storage.
  }
  document.cookie = `${storageKey}=${language}; path=/; max-age=${oneYearInSeconds}; SameSite=Lax`
}
