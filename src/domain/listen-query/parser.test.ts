import { describe, expect, it } from 'vitest'
import { printQuery, type QueryNode } from './ast.js'
import { describeQuery } from './describe.js'
import { QueryError, queryErrorReasons, type QueryErrorReason } from './errors.js'
import { parseQuery } from './parser.js'

const tree = (query: string) => parseQuery(query).root
const w = (value: string): QueryNode => ({ kind: 'word', value })
const and = (...children: QueryNode[]): QueryNode => ({ kind: 'and', children })
const or = (...children: QueryNode[]): QueryNode => ({ kind: 'or', children })
const not = (child: QueryNode): QueryNode => ({ kind: 'not', child })

function failure(query: string): QueryError {
  try {
    parseQuery(query)
  } catch (error) {
    if (error instanceof QueryError) return error
    throw error
  }
  throw new Error(`expected ${query} to be refused`)
}

describe('parseQuery: terms', () => {
  it('normalizes words and turns words with inner punctuation into phrases', () => {
    expect(tree('Café')).toEqual(w('cafe'))
    expect(tree("Joe's")).toEqual({ kind: 'phrase', tokens: ['joe', 's'] })
    expect(tree('e-bike')).toEqual({ kind: 'phrase', tokens: ['e', 'bike'] })
    expect(tree('قَهْوَة')).toEqual(w('قهوه'))
  })

  it('reads quoted phrases, in straight, curly and French quotes; a one-word phrase is a word', () => {
    expect(tree('"Joe\'s Bakery"')).toEqual({ kind: 'phrase', tokens: ['joe', 's', 'bakery'] })
    expect(tree('“le pain”')).toEqual({ kind: 'phrase', tokens: ['le', 'pain'] })
    expect(tree('« pain au chocolat »')).toEqual({ kind: 'phrase', tokens: ['pain', 'au', 'chocolat'] })
    expect(tree('„Bäckerei Müller“')).toEqual({ kind: 'phrase', tokens: ['backerei', 'muller'] })
    expect(tree('"café"')).toEqual(w('cafe'))
  })

  it('keeps gershayim typed as an ASCII quote inside a Hebrew word', () => {
    expect(tree('צה"ל')).toEqual(tree('צה״ל'))
    expect(tree('צה"ל')).toEqual({ kind: 'phrase', tokens: ['צה', 'ל'] })
  })

  it('reads wildcards, hashtags, mentions and filters', () => {
    expect(tree('Caf*')).toEqual({ kind: 'prefix', value: 'caf' })
    expect(tree('قهو*')).toEqual({ kind: 'prefix', value: 'قهو' })
    expect(tree('#Café')).toEqual({ kind: 'hashtag', value: 'cafe' })
    expect(tree('@Joe.bsky.social')).toEqual({ kind: 'mention', value: 'joe.bsky.social' })
    expect(tree('@bob@mastodon.social')).toEqual({ kind: 'mention', value: 'bob@mastodon.social' })
    expect(tree('cafe site:https://Shop.Example.com/menu')).toEqual(and(w('cafe'), { kind: 'site', value: 'shop.example.com' }))
    expect(tree('cafe LANG:ar-EG')).toEqual(and(w('cafe'), { kind: 'lang', value: 'ar' }))
    expect(tree('cafe lang:iw')).toEqual(and(w('cafe'), { kind: 'lang', value: 'he' }))
    expect(tree('author:@Joe')).toEqual({ kind: 'author', value: 'joe' })
  })

  it('reads a word followed by a colon as the word', () => {
    expect(tree('menu: cafe')).toEqual(and(w('menu'), w('cafe')))
  })
})

describe('parseQuery: operators', () => {
  it('gives NOT precedence over AND, and AND over OR', () => {
    expect(tree('a b OR c')).toEqual(or(and(w('a'), w('b')), w('c')))
    expect(tree('a OR b c')).toEqual(or(w('a'), and(w('b'), w('c'))))
    expect(tree('NOT a b')).toEqual(and(not(w('a')), w('b')))
    expect(tree('a AND b OR c AND NOT d')).toEqual(or(and(w('a'), w('b')), and(w('c'), not(w('d')))))
  })

  it('reads adjacent terms as AND, the same as the keyword', () => {
    expect(tree('latte mocha')).toEqual(tree('latte AND mocha'))
    expect(tree('a b c')).toEqual(and(w('a'), w('b'), w('c')))
  })

  it('groups with parentheses and keeps a group as a nested node', () => {
    expect(tree('(latte OR mocha) -decaf')).toEqual(and(or(w('latte'), w('mocha')), not(w('decaf'))))
    expect(tree('a (b c)')).toEqual(and(w('a'), and(w('b'), w('c'))))
    expect(tree('((cafe))')).toEqual(w('cafe'))
  })

  it('reads -word, -"phrase", -(group), -#tag and NOT as negation', () => {
    expect(tree('cafe -starbucks')).toEqual(and(w('cafe'), not(w('starbucks'))))
    expect(tree('cafe -"coffee shop"')).toEqual(and(w('cafe'), not({ kind: 'phrase', tokens: ['coffee', 'shop'] })))
    expect(tree('cafe -(job OR hiring)')).toEqual(and(w('cafe'), not(or(w('job'), w('hiring')))))
    expect(tree('cafe -#ad')).toEqual(and(w('cafe'), not({ kind: 'hashtag', value: 'ad' })))
    expect(tree('cafe NOT NOT latte')).toEqual(and(w('cafe'), not(not(w('latte')))))
    expect(tree('cafe --latte')).toEqual(and(w('cafe'), not(not(w('latte')))))
  })

  it('treats lower-case and/or/not as words', () => {
    expect(tree('bread and butter')).toEqual(and(w('bread'), w('and'), w('butter')))
  })
})

/** Each reason, a query that has it, where, and what is pointed at. */
const errorCases: Array<[QueryErrorReason, string, number, string]> = [
  ['empty_query', '   ', 0, ''],
  ['unclosed_quote', 'cafe "joe bakery', 5, '"'],
  ['unbalanced_parenthesis', 'cafe (latte OR mocha', 5, '('],
  ['unbalanced_parenthesis', 'cafe latte)', 10, ')'],
  ['empty_group', 'cafe ()', 5, '('],
  ['unexpected_operator', 'cafe AND OR latte', 9, 'OR'],
  ['unexpected_operator', 'OR cafe', 0, 'OR'],
  ['missing_operand', 'cafe OR', 5, 'OR'],
  ['missing_operand', 'cafe (latte NOT)', 12, 'NOT'],
  ['wildcard_too_short', 'cafe c*', 5, 'c*'],
  ['invalid_wildcard', 'cafe c*fe', 6, 'c*fe'],
  ['invalid_wildcard', "l'caf*", 0, "l'caf*"],
  ['unknown_filter', 'cafe colour:red', 5, 'colour:'],
  ['missing_value', 'cafe lang:', 5, 'lang:'],
  ['missing_value', 'cafe #', 5, '#'],
  ['invalid_value', 'cafe lang:english', 5, 'lang:english'],
  ['invalid_value', 'cafe site:exa_mple!', 5, 'site:exa_mple!'],
  ['invalid_value', 'cafe @joe.', 5, '@joe.'],
  ['term_without_letters', 'cafe & tea', 5, '&'],
  ['term_without_letters', 'cafe "!!"', 5, '"!!"'],
  ['no_positive_term', '-cafe', 0, '-cafe'],
  ['no_positive_term', 'lang:fr', 0, 'lang:fr'],
  ['no_positive_term', 'cafe OR -tea', 8, '-tea'],
  ['no_positive_term', 'lang:fr -spam', 0, 'lang:fr'],
  ['too_deeply_nested', `${'('.repeat(40)}cafe${')'.repeat(40)}`, 32, '('],
]

describe('parseQuery: errors', () => {
  it.each(errorCases)('%s: %j at %i', (reason, query, position, token) => {
    const error = failure(query)
    expect(error.reason).toBe(reason)
    expect(error.position).toBe(position)
    expect(error.token).toBe(token)
    expect(error.params).toMatchObject({ position, token })
    expect(error.messageKey).toBe(`listen.query_errors.${reason}`)
  })

  it('has a case for every reason', () => {
    expect(new Set(errorCases.map(([reason]) => reason))).toEqual(new Set(queryErrorReasons))
  })

  it('gives the column in graphemes, counted from 1', () => {
    // The family emoji is 8 UTF-16 code units but one grapheme.
    const error = failure('"👩‍👩‍👧 cafe" "open')
    expect(error.position).toBe(16)
    expect(error.column).toBe(10)
    expect(failure('קפה (').column).toBe(5)
  })
})

describe('printQuery', () => {
  it('prints with the fewest parentheses precedence allows, and parses back to the same tree', () => {
    const cases = ['cafe OR "joe s bakery" -starbucks', '(latte OR mocha) -decaf lang:fr', 'a (b c)', '-(a OR b) c', '--cafe latte', 'caf* #cafe @joe site:example.com author:bob']
    for (const text of cases) {
      expect(printQuery(tree(text))).toBe(text)
      expect(tree(printQuery(tree(text)))).toEqual(tree(text))
    }
  })
})

describe('describeQuery', () => {
  it('lists the terms a query wants and those it excludes', () => {
    expect(describeQuery(tree('(latte OR "flat white") -decaf -(-cafe) lang:fr'))).toEqual({
      include: ['latte', '"flat white"', 'cafe', 'lang:fr'],
      exclude: ['decaf'],
    })
  })
})
