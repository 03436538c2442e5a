/**
 * Every sentence the coach's rules can produce exists in the five catalogs, with the plural forms
 * each language needs and only the params the rules pass; every questionnaire label exists in the
 * web catalogs. Keys are looked up in the catalogs (src/i18n/locales, web/src/locales) or, until
 * they are merged, in .scratch/catalog-additions.
 */
/* eslint-disable no-restricted-imports -- this test reads the catalogs from disk; the rules themselves do no I/O */
import fs from 'node:fs'
import path from 'node:path'
/* eslint-enable no-restricted-imports */
import { describe, expect, it } from 'vitest'
import { assess } from './stage-model.js'
import { nextSteps } from './next-steps.js'
import { checkValue } from './value-check.js'
import { emptyPlan, planProblems } from './plan.js'
import { suggestMix } from './plan-mix.js'
import { checkFuel } from './plan-progress.js'
import { questionnaire } from './questionnaire.js'
import { answersFor, buildSignals } from './test-fixtures.js'
import { goalAreas, type CoachSignals, type Message, type Plan, type Stage } from './types.js'

const root = path.resolve(import.meta.dirname, '../../..')
const languages = ['en', 'fr', 'ar', 'he', 'bn'] as const
type Language = (typeof languages)[number]
const pluralSuffix = /_(zero|one|two|few|many|other)$/

function readJson(file: string): Record<string, unknown> | null {
  const full = path.join(root, file)
  return fs.existsSync(full) ? (JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>) : null
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value)
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into)
  return into
}

/** Each language's texts: the catalog's, then the additions file's (which win until merged). */
function texts(catalogDir: string, additionsFile: string): Record<Language, Map<string, string>> {
  const additions = readJson(additionsFile)
  return Object.fromEntries(
    languages.map((lang) => {
      const map = flatten(readJson(`${catalogDir}/${lang}.json`), '', new Map())
      flatten(additions?.[lang], '', map)
      return [lang, map]
    }),
  ) as Record<Language, Map<string, string>>
}

const server = texts('src/i18n/locales', '.scratch/catalog-additions/coach-domain.json')
const web = texts('web/src/locales', '.scratch/catalog-additions/coach-questionnaire.json')

/** The texts of `key` in `lang`: the plain text, or every plural form the language needs (null if any is missing). */
function lookUp(catalog: Map<string, string>, lang: Language, key: string): { plural: boolean; texts: string[] } | null {
  const plain = catalog.get(key)
  if (plain !== undefined) return { plural: false, texts: [plain] }
  const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.map((category) => catalog.get(`${key}_${category}`))
  return forms.every((f) => f !== undefined) ? { plural: true, texts: forms as string[] } : null
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([^},\s]+)/g)].map((m) => m[1]!)

/** Keys written as literals in the rules' source (`'coach.…'`). */
function literalKeys(): Set<string> {
  const keys = new Set<string>()
  for (const file of fs.readdirSync(import.meta.dirname)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue
    const source = fs.readFileSync(path.join(import.meta.dirname, file), 'utf8')
    for (const m of source.matchAll(/'(coach\.[a-z0-9_.]+)'/g)) keys.add(m[1]!)
  }
  return keys
}

const hour = 3_600_000
const signalCases: Array<Partial<CoachSignals>> = [
  {},
  { connectedAccounts: 1 },
  { postsPublished: 2, weeksWithPosts: 1 },
  { connectedAccounts: 1, postsPublished: 5, weeksWithPosts: 3, automatedShare: 0.8, conversations: { received: 5, answered: 0, medianResponseMs: null }, checkInsDone: 0, engagementTrend: 1, referralTrend: 1, heardViaSocial: 0 },
  { connectedAccounts: 1, postsPublished: 8, weeksWithPosts: 4, automatedShare: 0.2, conversations: { received: 1, answered: 1, medianResponseMs: 72 * hour }, checkInsDone: 3, engagementTrend: 0.8, referralTrend: 0.7, heardViaSocial: 1, weeksConnected: 3 },
  { connectedAccounts: 2, postsPublished: 20, weeksWithPosts: 7, automatedShare: 0, conversations: { received: 0, answered: 0, medianResponseMs: null }, checkInsDone: 20, engagementTrend: 1.3, referralTrend: 1.4, heardViaSocial: 4, listeningQueries: 2, mentionsFound: 1, reportsViewed: 1, measuresTracked: 2, resultsShared: 1, teammates: 2 },
  { connectedAccounts: 2, postsPublished: 20, weeksWithPosts: 7, automatedShare: 0, conversations: { received: 10, answered: 9, medianResponseMs: hour }, listeningQueries: 1, mentionsFound: 0 },
]

const badPlan = {
  ...emptyPlan(),
  goals: [
    { id: 'a', area: 'luck', text: ' ', metric: 'vibes', target: 0, due: 'soon' },
    { id: 'a', area: 'pr', text: 'Rate', metric: 'reply_rate', target: 120, due: '2025-01-01' },
  ],
  networks: [{ network: '', why: '' }, { network: 'x', why: '' }, { network: 'x', why: '' }],
  mix: { educate: 50.5, gossip: 1 },
  tools: { magic: [] },
  measures: ['media', 'media', 'gut'],
  equityTargets: { connection: 120, charm: 1 },
  hoursPerWeek: 1,
  people: [{ name: '', role: '', hoursPerWeek: -1 }, { name: 'A', role: '', hoursPerWeek: 9 }],
  reviewDates: ['later'],
} as unknown as Plan

/** Every message the rules produce over a broad set of cases. */
function producedMessages(): Message[] {
  const out: Message[] = []
  const answerSets = [{}, ...([1, 2, 3, 4, 5, 6] as const).map((s) => answersFor(s))]
  for (const overrides of signalCases) {
    for (const answers of answerSets) {
      const result = assess(answers, buildSignals(overrides))
      out.push(...result.evidence.map((e) => e.message), ...result.waitingFor, ...(result.disagreement ? [result.disagreement] : []))
    }
  }
  for (const stage of [1, 2, 3, 4, 5, 6] as Stage[]) for (const step of nextSteps(stage, buildSignals())) out.push(step.title, step.why)
  const drafts = ['New! https://cafe.example', 'BIG NEWS: WE ARE OPEN ON SUNDAYS FROM NOW ON!', '#a #b #c #d hello', 'Thanks @a @b @c @d', 'Sale! 20% off']
  const recent = [{ text: 'Sale today', contentType: 'educate' as const }, { text: 'Promo code X', contentType: 'educate' as const }, ...Array(4).fill({ text: 'x', contentType: 'educate' })]
  for (const text of drafts) {
    out.push(...checkValue({ text, contentType: null }, { recent, planMix: { engage: 100 } }).map((h) => h.message))
    out.push(...checkValue({ text, contentType: 'educate' }, { recent, planMix: { educate: 10, engage: 90 } }).map((h) => h.message))
  }
  out.push(...planProblems(badPlan).map((p) => ({ key: p.key, params: p.params })), ...planProblems(emptyPlan()))
  out.push(...planProblems({ ...emptyPlan(), mix: { educate: 50 } }))
  for (const [teamSize, hoursPerWeek] of [[1, 1], [1, 4], [3, 8], [6, 20]] as const) {
    for (const areas of [[], [...goalAreas]]) out.push(...suggestMix({ teamSize, hoursPerWeek, areas }).reasons)
  }
  for (const [planned, actual] of [[5, null], [0, null], [0, 2], [5, 1], [5, 5], [5, 9]] as const) out.push(checkFuel({ hoursPerWeek: planned }, { hoursPerWeek: actual }))
  return out
}

describe('server catalogs hold the coach rules\' messages', () => {
  const produced = producedMessages()
  const literals = literalKeys()

  it('finds the keys it checks', () => {
    expect(literals.size).toBeGreaterThan(30)
    expect(new Set(produced.map((m) => m.key)).size).toBeGreaterThan(100)
  })

  it('has every key written in the source, in all five languages', () => {
    const missing = [...literals].flatMap((key) => languages.filter((lang) => !lookUp(server[lang], lang, key)).map((lang) => `${lang} ${key}`))
    expect(missing).toEqual([])
  })

  it('has every produced message in all five languages, plural when it has a count, with only the params passed', () => {
    const problems = new Set<string>()
    for (const m of produced) {
      for (const lang of languages) {
        const found = lookUp(server[lang], lang, m.key)
        if (!found) {
          problems.add(`${lang} ${m.key}: missing`)
          continue
        }
        if (found.plural && typeof m.params.count !== 'number') problems.add(`${lang} ${m.key}: plural without a numeric count`)
        for (const name of found.texts.flatMap(variables)) if (!(name in m.params)) problems.add(`${lang} ${m.key}: {{${name}}} not passed`)
      }
    }
    expect([...problems]).toEqual([])
  })

  it('holds no key the rules never use (in the parts of `coach` the rules own)', () => {
    // Other parts of `coach` (labels, the PDF, handle checks…) belong to the server's own code.
    const owned = ['evidence', 'waiting', 'disagreement', 'steps', 'value', 'plan_problems', 'mix', 'fuel'].map((part) => `coach.${part}.`)
    const used = new Set([...literals, ...produced.map((m) => m.key)])
    const catalogKeys = new Set([...server.en.keys()].filter((k) => owned.some((prefix) => k.startsWith(prefix))).map((k) => k.replace(pluralSuffix, '')))
    expect([...catalogKeys].filter((k) => !used.has(k))).toEqual([])
  })
})

describe('web catalogs hold the questionnaire', () => {
  it('has every question and option label in all five languages, and no other', () => {
    const expected = questionnaire.flatMap((q) => [`coach.questions.${q.id}.text`, ...q.options.map((o) => `coach.questions.${q.id}.options.${o.id}`)])
    for (const lang of languages) {
      expect(expected.filter((key) => !web[lang].get(key)?.trim())).toEqual([])
      expect([...web[lang].keys()].filter((k) => k.startsWith('coach.questions.') && !expected.includes(k))).toEqual([])
    }
  })
})
