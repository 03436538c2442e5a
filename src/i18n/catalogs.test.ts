/**
 * The server's catalogs are complete in every language (the same checker as the web app's), and
 * every message key the server code can throw exists in them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkCatalogs, describeProblems } from '../../web/src/i18n/check-catalogs.js'
import { directionOf as webDirection, languageNames, languages } from '../../web/src/i18n/languages.js'
import { directionOf, localeNames, locales } from '../domain/index.js'
import { feedErrorReasons, feedMessageKey } from '../feeds/index.js'
import { catalogs, hasMessage, translator } from './index.js'

const srcDir = path.resolve(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : []
  })
}

/** Message keys the code refers to, found by the shapes it uses to throw and translate them. */
function referencedKeys(): Map<string, string> {
  const patterns: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
    [/errors\.(?:forbidden|conflict|gone|badRequest)\('([a-z_]+)'/g, (m) => `errors.${m[1]}`],
    [/errors\.notFound\('([a-z_]+)'/g, (m) => `errors.not_found_${m[1]}`],
    [/new AppError\('[a-z_]+', '([a-z_]+)'/g, (m) => `errors.${m[1]}`],
    [/params: \{ key: '([a-z_]+)' \}/g, (m) => `validation.${m[1]}`],
    [/\bt\('([a-z_]+\.[a-z_.]+)'/g, (m) => m[1]!],
    [/key: '([a-z_]+)', params/g, (m) => `validation.${m[1]}`],
  ]
  const found = new Map<string, string>()
  for (const file of sourceFiles(srcDir)) {
    const text = fs.readFileSync(file, 'utf8')
    for (const [pattern, key] of patterns) for (const m of text.matchAll(pattern)) found.set(key(m), path.relative(srcDir, file))
  }
  return found
}

describe('languages', () => {
  it('are the same, named and written the same way, on the server and in the web app', () => {
    // The web app keeps its own copy so the switcher works before the API answers.
    expect([...languages]).toEqual([...locales])
    expect(languageNames).toEqual(localeNames)
    expect(languages.map(webDirection)).toEqual(locales.map(directionOf))
  })
})

describe('server catalogs', () => {
  it('agree across the five languages: keys, plural forms, variables', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...locales].sort())
    expect(describeProblems(checkCatalogs(catalogs, { reference: 'en' }))).toBe('')
  })

  it('hold every message key the code uses', () => {
    const keys = referencedKeys()
    expect(keys.size).toBeGreaterThan(30)
    const missing = [...keys].filter(([key]) => !hasMessage(key)).map(([key, file]) => `${key} (${file})`)
    expect(missing).toEqual([])
  })

  it('hold the keys the code builds at run time: publishing failures and feed errors', () => {
    const built = [
      ...['rejected', 'transient', 'rate_limited', 'auth_expired', 'account_paused', 'account_restricted'].map((k) => `publish.error_${k}`),
      ...feedErrorReasons.map((r) => `errors.${feedMessageKey(r)}`),
    ]
    expect(built.filter((key) => !hasMessage(key))).toEqual([])
  })

  it('use each language\'s plural forms and digits', () => {
    const seconds = (lang: 'ar' | 'bn' | 'he', n: number) => translator(lang)('errors.rate_limited', { count: n })
    expect([0, 1, 2, 3, 11, 100].map((n) => seconds('ar', n))).toEqual([
      'محاولات كثيرة جدًا. أعد المحاولة بعد 0 ثانية.',
      'محاولات كثيرة جدًا. أعد المحاولة بعد ثانية واحدة.',
      'محاولات كثيرة جدًا. أعد المحاولة بعد ثانيتين.',
      'محاولات كثيرة جدًا. أعد المحاولة بعد 3 ثوانٍ.',
      'محاولات كثيرة جدًا. أعد المحاولة بعد 11 ثانية.',
      'محاولات كثيرة جدًا. أعد المحاولة بعد 100 ثانية.',
    ])
    expect(seconds('he', 2)).toBe('יותר מדי ניסיונות. אפשר לנסות שוב בעוד שתי שניות.')
    expect(seconds('bn', 45)).toBe('অনেকবার চেষ্টা করা হয়েছে। ৪৫ সেকেন্ড পরে আবার চেষ্টা করুন।')
    expect(translator('fr')('validation.too_short', { count: 1_000_000 })).toBe('Utilisez au moins 1\u202f000\u202f000 de caractères.')
  })
})
