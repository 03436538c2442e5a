/**
 * Every problem the check-in block rules can give has its text in the five server catalogs (under
 * `validation.`), with the plural forms each language needs and only the params the rules pass.
 * Keys are looked up in src/i18n/locales or, until they are merged, in .scratch/catalog-additions.
 */
/* eslint-disable no-restricted-imports -- this test reads the catalogs from disk; the rules themselves do no I/O */
import fs from 'node:fs'
import path from 'node:path'
/* eslint-enable no-restricted-imports */
import { describe, expect, it } from 'vitest'
import { checkInBlockProblems, type CheckInBlock, type CheckInBlockProblem } from './check-in.js'

const root = path.resolve(import.meta.dirname, '../../..')
const languages = ['en', 'fr', 'ar', 'he', 'bn'] as const

function readJson(file: string): Record<string, unknown> | null {
  const full = path.join(root, file)
  return fs.existsSync(full) ? (JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>) : null
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into)
  return into
}

const additions = readJson('.scratch/catalog-additions/engage-domain.json')
const catalogs = Object.fromEntries(
  languages.map((lang) => [lang, flatten(additions?.[lang], '', flatten(readJson(`src/i18n/locales/${lang}.json`), '', new Map()))]),
)

const variables = (text: string) => [...text.matchAll(/\{\{\s*([^},\s]+)/g)].map((m) => m[1]!)

/** Every kind of problem, from blocks that are wrong in every way the rules check. */
function producedProblems(): CheckInBlockProblem[] {
  const bad: CheckInBlock[][] = [
    [{ weekday: 0, time: '9:00', minutes: 1 }],
    [{ weekday: 1, time: '23:50', minutes: 30 }],
    [{ weekday: 1, time: '09:00', minutes: 30 }, { weekday: 1, time: '09:10', minutes: 15 }],
    Array.from({ length: 7 }, (_, i) => ({ weekday: 2, time: `1${i}:00`, minutes: 15 })),
  ]
  return bad.flatMap(checkInBlockProblems)
}

describe('server catalogs hold the check-in block problems', () => {
  const problems = producedProblems()

  it('produces every kind of problem', () => {
    expect(new Set(problems.map((p) => p.messageKey))).toEqual(new Set(['checkin_weekday', 'checkin_time', 'checkin_minutes', 'checkin_midnight', 'checkin_overlap', 'checkin_too_many']))
  })

  it.each(languages)('%s has each text, plural when it has a count, with only the params passed', (lang) => {
    const missing: string[] = []
    for (const problem of problems) {
      const key = `validation.${problem.messageKey}`
      const params = problem.params ?? {}
      const forms = typeof params.count === 'number'
        ? new Intl.PluralRules(lang).resolvedOptions().pluralCategories.map((category) => catalogs[lang]!.get(`${key}_${category}`))
        : [catalogs[lang]!.get(key)]
      if (forms.some((text) => text === undefined || text.trim() === '')) missing.push(`${key}: missing`)
      for (const name of forms.flatMap((text) => variables(text ?? ''))) if (!(name in params)) missing.push(`${key}: {{${name}}} not passed`)
    }
    expect(missing).toEqual([])
  })
})
