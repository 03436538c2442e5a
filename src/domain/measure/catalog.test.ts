/**
 * The web catalogs hold every text the scores need, in all five languages: each part's title,
 * formula and explanation, and a label for every figure a part shows. A formula's placeholders are
 * exactly the part's `formulaValues`, so the printed formula and the computed one cannot drift.
 * Keys are looked up in web/src/locales or, until merged, in .scratch/catalog-additions.
 */
/* eslint-disable no-restricted-imports -- this test reads the catalogs from disk; the rules themselves do no I/O */
import fs from 'node:fs'
import path from 'node:path'
/* eslint-enable no-restricted-imports */
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { equityScore, type EquityInputs } from './equity.js'
import { influenceScore } from './influence.js'

const root = path.resolve(import.meta.dirname, '../../..')
const languages = ['en', 'fr', 'ar', 'he', 'bn'] as const
type Tree = Record<string, unknown>

function readJson(file: string): Tree | null {
  const full = path.join(root, file)
  return fs.existsSync(full) ? (JSON.parse(fs.readFileSync(full, 'utf8')) as Tree) : null
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into)
  return into
}

const additions = readJson('.scratch/catalog-additions/measure-formulas.json')
/** Each language's texts: the catalog's, then the additions file's (which win until merged). */
const catalogs = Object.fromEntries(
  languages.map((lang) => [lang, flatten(additions?.[lang], '', flatten(readJson(`web/src/locales/${lang}.json`), '', new Map()))]),
) as Record<(typeof languages)[number], Map<string, string>>

const variables = (text: string) => [...text.matchAll(/\{\{\s*([^},\s]+)/g)].map((m) => m[1]!).sort()

const equityInputs: EquityInputs = {
  posts: 10, reach: 3000, followers: 300, replies: 10, reposts: 8, quotes: 1, likes: 80, engagers: 15, repeatEngagers: 5,
  mentions: 6, previousMentions: 4, clicks: 40, directClicks: 8, conversions: 3, revenue: 90, previousConversions: 2, previousRevenue: 60, secondDegreeReach: 500,
}
const scores = [
  { name: 'influence', parts: influenceScore({ followers: 300, posts: 10, reach: 3000, likes: 80, reposts: 8, replies: 10, quotes: 1, engagers: 15 }).parts },
  { name: 'equity', parts: equityScore(equityInputs).parts },
]

describe('web catalogs hold the measure scores\' texts', () => {
  it('have a title and an explanation for each score, and a title, formula and explanation for each part, with no placeholder but the formula\'s', () => {
    const problems: string[] = []
    for (const lang of languages) {
      for (const { name, parts } of scores) {
        const keys = [`measure.${name}.title`, `measure.${name}.explain`, ...parts.flatMap((p) => ['title', 'formula', 'explain'].map((t) => `measure.${name}.parts.${p.key}.${t}`))]
        for (const key of keys) {
          const text = catalogs[lang].get(key)
          if (!text?.trim()) problems.push(`${lang} ${key}: missing`)
          else if (!key.endsWith('.formula') && variables(text).length > 0) problems.push(`${lang} ${key}: has placeholders`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('name in each formula exactly the constants the part computes with', () => {
    const problems: string[] = []
    for (const lang of languages) {
      for (const { name, parts } of scores) {
        for (const part of parts) {
          const formula = catalogs[lang].get(`measure.${name}.parts.${part.key}.formula`) ?? ''
          const named = variables(formula).join(',')
          const computed = Object.keys(part.formulaValues).sort().join(',')
          if (named !== computed) problems.push(`${lang} ${name}.${part.key}: text has {${named}}, code has {${computed}}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('label every figure a part shows, and hold no part or label the scores do not use', () => {
    const used = new Set(scores.flatMap((s) => s.parts.flatMap((p) => p.inputs.map((i) => `measure.inputs.${i.name}`))))
    const partKeys = new Set(scores.flatMap((s) => s.parts.map((p) => `measure.${s.name}.parts.${p.key}`)))
    for (const lang of languages) {
      expect([...used].filter((key) => !catalogs[lang].get(key)?.trim()), lang).toEqual([])
      const keys = [...catalogs[lang].keys()]
      expect(keys.filter((k) => k.startsWith('measure.inputs.') && !used.has(k)), lang).toEqual([])
      expect(keys.filter((k) => /^measure\.(influence|equity)\.parts\./.test(k) && !partKeys.has(k.replace(/\.[a-z]+$/, ''))), lang).toEqual([])
    }
  })

  it('print the formulas with their constants filled in', async () => {
    const i18n = i18next.createInstance()
    const resources = Object.fromEntries(languages.map((lang) => [lang, { translation: Object.fromEntries(catalogs[lang]) }]))
    await i18n.init({ lng: 'en', resources, keySeparator: false, interpolation: { escapeValue: false } })
    const [reach, quality] = scores[0]!.parts
    expect(i18n.t('measure.influence.parts.reach.formula', reach!.formulaValues)).toBe('100 × log₁₀(1 + reach ÷ posts) ÷ log₁₀(1 + 100,000), at most 100')
    expect(i18n.t('measure.influence.parts.quality.formula', quality!.formulaValues)).toContain('(likes + 3 × replies + 2 × (reposts + quotes)) ÷ reach ÷ 0.05)')
    expect(i18n.t('measure.influence.parts.quality.formula', { ...quality!.formulaValues, lng: 'fr' })).toContain('÷ 0,05')
  })
})
