/**
 * Splits a query into lexemes (parentheses, operators, terms) and turns each term into its
 * normalized tree leaf, rejecting malformed terms with the position where they start.
 */
import type { TermNode } from './ast.js'
import { queryError } from './errors.js'
import { handlePattern, hashtagPattern, hostOf, hostPattern, normalizeHandle, primaryLanguage } from './facts.js'
import { codePointLength, normalizeText, tokenize } from './normalize.js'

export type Lexeme =
  | { readonly type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus'; readonly pos: number; readonly text: string }
  | { readonly type: 'term'; readonly pos: number; readonly text: string; readonly node: TermNode }

/** Opening quote → the characters that may close it (ASCII, English/Hebrew curly, German low, French guillemets). */
const quotes = new Map([['"', '"'], ['“', '”"'], ['„', '“”"'], ['«', '»"']])
const whitespace = /\s/
const keywords = new Map<string, 'and' | 'or' | 'not'>([['AND', 'and'], ['OR', 'or'], ['NOT', 'not']])
const filterName = /^([a-z]+):/i
const languageTag = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i

function isHebrewLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '\u05d0' && ch <= '\u05ea'
}

/** Where a bare word starting at `start` ends (exclusive). */
function wordEnd(query: string, start: number): number {
  let i = start
  while (i < query.length) {
    const ch = query[i]!
    if (whitespace.test(ch) || ch === '(' || ch === ')' || quotes.has(ch)) {
      // Gershayim typed as ASCII `"` inside a Hebrew word (צה"ל) belongs to the word.
      if (!(ch === '"' && isHebrewLetter(query[i - 1]) && isHebrewLetter(query[i + 1]))) break
    }
    i++
  }
  return i
}

/** A word or quoted phrase: one word, several (a phrase), or none (an error). */
function textTerm(query: string, pos: number, raw: string, content: string): TermNode {
  const tokens = tokenize(normalizeText(content))
  if (tokens.length === 0) throw queryError(query, 'term_without_letters', pos, raw)
  return tokens.length === 1 ? { kind: 'word', value: tokens[0]! } : { kind: 'phrase', tokens }
}

function filterTerm(query: string, pos: number, raw: string, name: string, value: string): TermNode {
  switch (name) {
    case 'site': {
      const host = hostOf(value)
      if (!hostPattern.test(host)) throw queryError(query, 'invalid_value', pos, raw)
      return { kind: 'site', value: host }
    }
    case 'lang': {
      if (!languageTag.test(value)) throw queryError(query, 'invalid_value', pos, raw)
      return { kind: 'lang', value: primaryLanguage(value) }
    }
    default: {
      const handle = normalizeHandle(value)
      if (!handlePattern.test(handle)) throw queryError(query, 'invalid_value', pos, raw)
      return { kind: 'author', value: handle }
    }
  }
}

function wildcardTerm(query: string, pos: number, raw: string): TermNode {
  const stem = raw.replace(/\*+$/, '')
  const inner = stem.indexOf('*')
  if (inner >= 0) throw queryError(query, 'invalid_wildcard', pos + inner, raw)
  const value = normalizeText(stem)
  const tokens = tokenize(value)
  if (tokens.length === 0 || (tokens.length === 1 && codePointLength(tokens[0]!) < 2)) throw queryError(query, 'wildcard_too_short', pos, raw)
  if (tokens.length > 1 || tokens[0] !== value) throw queryError(query, 'invalid_wildcard', pos, raw)
  return { kind: 'prefix', value }
}

/** The term a bare word stands for. */
function bareTerm(query: string, pos: number, raw: string): TermNode {
  const head = raw[0]
  if (head === '#' || head === '@') {
    const rest = raw.slice(1)
    if (rest === '') throw queryError(query, 'missing_value', pos, raw)
    if (head === '#') {
      const tag = normalizeText(rest)
      if (!hashtagPattern.test(tag)) throw queryError(query, 'invalid_value', pos, raw)
      return { kind: 'hashtag', value: tag }
    }
    const handle = normalizeHandle(rest)
    if (!handlePattern.test(handle)) throw queryError(query, 'invalid_value', pos, raw)
    return { kind: 'mention', value: handle }
  }
  const filter = filterName.exec(raw)
  if (filter) {
    const name = filter[1]!.toLowerCase()
    const value = raw.slice(filter[0].length)
    if (name === 'site' || name === 'lang' || name === 'author') {
      if (value === '') throw queryError(query, 'missing_value', pos, `${name}:`)
      return filterTerm(query, pos, raw, name, value)
    }
    // `word:` with nothing after is a word followed by punctuation; `name:value` a typo'd filter.
    if (value !== '') throw queryError(query, 'unknown_filter', pos, `${filter[1]}:`)
  }
  if (raw.includes('*')) return wildcardTerm(query, pos, raw)
  return textTerm(query, pos, raw, raw)
}

/** The lexemes of `query`, or the first malformed term's QueryError. */
export function lex(query: string): Lexeme[] {
  const out: Lexeme[] = []
  let i = 0
  while (i < query.length) {
    const ch = query[i]!
    if (whitespace.test(ch)) {
      i++
    } else if (ch === '(' || ch === ')') {
      out.push({ type: ch === '(' ? 'lparen' : 'rparen', pos: i, text: ch })
      i++
    } else if (quotes.has(ch)) {
      const closers = quotes.get(ch)!
      let end = i + 1
      while (end < query.length && !closers.includes(query[end]!)) end++
      if (end >= query.length) throw queryError(query, 'unclosed_quote', i, ch)
      const raw = query.slice(i, end + 1)
      out.push({ type: 'term', pos: i, text: raw, node: textTerm(query, i, raw, query.slice(i + 1, end)) })
      i = end + 1
    } else if (ch === '-' && i + 1 < query.length && !whitespace.test(query[i + 1]!) && query[i + 1] !== ')') {
      out.push({ type: 'minus', pos: i, text: ch })
      i++
    } else {
      const end = wordEnd(query, i)
      const raw = query.slice(i, end)
      const keyword = keywords.get(raw)
      if (keyword) out.push({ type: keyword, pos: i, text: raw })
      else out.push({ type: 'term', pos: i, text: raw, node: bareTerm(query, i, raw) })
      i = end
    }
  }
  return out
}
