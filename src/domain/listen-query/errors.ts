/**
 * The one error a malformed query throws: a stable reason (its message is
 * `listen.query_errors.<reason>` in the catalogs), where it is, and what is there.
 */

export const queryErrorReasons = [
  'empty_query',
  'unclosed_quote',
  'unbalanced_parenthesis',
  'empty_group',
  'unexpected_operator',
  'missing_operand',
  'wildcard_too_short',
  'invalid_wildcard',
  'unknown_filter',
  'missing_value',
  'invalid_value',
  'term_without_letters',
  'no_positive_term',
  'too_deeply_nested',
] as const

export type QueryErrorReason = (typeof queryErrorReasons)[number]

/** Message parameters: `position` (0-based, UTF-16 code units), `column` (1-based, graphemes), `token` (the text at fault, may be empty). */
export interface QueryErrorParams {
  position: number
  column: number
  token: string
  [name: string]: string | number
}

let segmenter: Intl.Segmenter | undefined

/** 1-based column of a UTF-16 offset, counted in graphemes (what a person sees as characters). */
export function graphemeColumn(text: string, position: number): number {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' })
  let column = 1
  for (const _ of segmenter.segment(text.slice(0, position))) column++
  return column
}

export class QueryError extends Error {
  readonly params: QueryErrorParams
  constructor(
    readonly reason: QueryErrorReason,
    /** 0-based index into the query, in UTF-16 code units. */
    readonly position: number,
    /** 1-based column, in graphemes. */
    readonly column: number,
    /** The text at fault ('' when there is none, e.g. at the end of the query). */
    readonly token: string,
  ) {
    super(`${reason} at ${position}${token ? ` (${token})` : ''}`)
    this.name = 'QueryError'
    this.params = { position, column, token }
  }

  /** The catalog key of this error's message. */
  get messageKey(): string {
    return `listen.query_errors.${this.reason}`
  }
}

/** Builds a QueryError for `query`, computing the grapheme column. */
export function queryError(query: string, reason: QueryErrorReason, position: number, token = ''): QueryError {
  return new QueryError(reason, position, graphemeColumn(query, position), token)
}
