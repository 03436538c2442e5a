/**
 * Checks a set of i18next catalogs (one per language) against each other: the same keys in every
 * language, every plural category each language needs, no empty text, and the same interpolation
 * variables for the same key. Pure (no DOM, no i18next), so the server's catalogs can be checked
 * with it too.
 */

/** One problem found, naming the language and the key. */
export interface CatalogProblem {
  language: string
  key: string
  problem: 'missing' | 'extra' | 'not-text' | 'empty' | 'plural-mismatch' | 'missing-plural-form' | 'unused-plural-form' | 'variables'
  detail?: string
}

/** A catalog as read from JSON: nested objects of strings. */
export type Catalog = { readonly [key: string]: unknown }

export interface CheckOptions {
  /** The language the others are compared with; the first one given by default. */
  reference?: string
  /** Plural categories a language needs; `Intl.PluralRules` by default. */
  pluralCategories?: (language: string) => readonly string[]
}

const pluralSuffixes = ['zero', 'one', 'two', 'few', 'many', 'other'] as const
const pluralPattern = new RegExp(`^(.+)_(${pluralSuffixes.join('|')})$`)

/** A catalog key after plural forms are folded into their base key. */
interface Entry {
  /** Plural category → text; the empty category for a plain (non-plural) key. */
  forms: Map<string, unknown>
  plural: boolean
}

/** Every leaf of a catalog by its dotted key (`home.greeting`). */
export function flatten(catalog: Catalog, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) flatten(value as Catalog, path, into)
    else into.set(path, value)
  }
  return into
}

function entriesOf(catalog: Catalog): Map<string, Entry> {
  const entries = new Map<string, Entry>()
  for (const [key, value] of flatten(catalog)) {
    const match = pluralPattern.exec(key)
    const base = match ? match[1]! : key
    const entry = entries.get(base) ?? { forms: new Map<string, unknown>(), plural: Boolean(match) }
    entry.plural ||= Boolean(match)
    entry.forms.set(match ? match[2]! : '', value)
    entries.set(base, entry)
  }
  return entries
}

/** Interpolation variable names in `{{name}}` or `{{name, format}}`, nesting `$t(...)` aside. */
export function variablesOf(text: string): string[] {
  const names = new Set<string>()
  for (const match of text.matchAll(/\{\{-?\s*([^},\s]+)\s*(?:,[^}]*)?\}\}/g)) names.add(match[1]!)
  return [...names].sort()
}

/**
 * The variables a key uses in a language. For a plural key, the union over its forms without
 * `count`: `count` always selects the form, and a form may spell the number out ("one member").
 */
function entryVariables(entry: Entry): string[] {
  const names = new Set<string>()
  for (const text of entry.forms.values()) if (typeof text === 'string') for (const name of variablesOf(text)) names.add(name)
  if (entry.plural) names.delete('count')
  return [...names].sort()
}

function defaultPluralCategories(language: string): readonly string[] {
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories
}

/** Every problem across the catalogs; an empty list means they agree. */
export function checkCatalogs(catalogs: Readonly<Record<string, Catalog>>, options: CheckOptions = {}): CatalogProblem[] {
  const languages = Object.keys(catalogs)
  const reference = options.reference ?? languages[0]
  if (reference === undefined) return []
  const categoriesOf = options.pluralCategories ?? defaultPluralCategories
  const parsed = new Map(languages.map((language) => [language, entriesOf(catalogs[language] ?? {})]))
  const referenceEntries = parsed.get(reference) ?? new Map<string, Entry>()
  const problems: CatalogProblem[] = []

  for (const [language, entries] of parsed) {
    const needed = new Set(categoriesOf(language))
    for (const [key, entry] of entries) {
      for (const [category, text] of entry.forms) {
        const formKey = category ? `${key}_${category}` : key
        if (typeof text !== 'string') problems.push({ language, key: formKey, problem: 'not-text' })
        else if (text.trim() === '') problems.push({ language, key: formKey, problem: 'empty' })
      }
      if (entry.plural) {
        for (const category of needed)
          if (!entry.forms.has(category)) problems.push({ language, key, problem: 'missing-plural-form', detail: category })
        // `zero` is always allowed: i18next uses it for a count of 0 in any language.
        for (const category of entry.forms.keys())
          if (category !== 'zero' && !needed.has(category))
            problems.push({ language, key, problem: 'unused-plural-form', detail: category || '(no suffix)' })
      }
      if (language === reference) continue
      const expected = referenceEntries.get(key)
      if (!expected) {
        problems.push({ language, key, problem: 'extra', detail: `not in ${reference}` })
        continue
      }
      if (expected.plural !== entry.plural) {
        problems.push({ language, key, problem: 'plural-mismatch', detail: expected.plural ? `plural in ${reference}` : `not plural in ${reference}` })
        continue
      }
      const mine = entryVariables(entry).join(', ')
      const theirs = entryVariables(expected).join(', ')
      if (mine !== theirs) problems.push({ language, key, problem: 'variables', detail: `{${mine}} here, {${theirs}} in ${reference}` })
    }
    if (language === reference) continue
    for (const key of referenceEntries.keys())
      if (!entries.has(key)) problems.push({ language, key, problem: 'missing', detail: `in ${reference}` })
  }
  return problems
}

/** One line per problem, for test output and scripts. */
export function describeProblems(problems: readonly CatalogProblem[]): string {
  return problems.map((p) => `${p.language} ${p.key}: ${p.problem}${p.detail ? ` (${p.detail})` : ''}`).join('\n')
}
