/**
 * The query parser: recursive descent over the lexemes with NOT > AND > OR, implicit AND between
 * adjacent terms, parentheses, and the check that the query needs some content (see
 * `isAnchored`). Every failure is a QueryError with a stable reason and the position at fault.
 *
 *   query := or
 *   or    := and ('OR' and)*
 *   and   := unary (['AND'] unary)*
 *   unary := ('NOT' | '-') unary | '(' or ')' | term
 */
import { isAnchored, type ParsedQuery, type QueryNode } from './ast.js'
import { queryError } from './errors.js'
import { lex, type Lexeme } from './lexer.js'

/** Parentheses and negations deeper than this are refused (they only ever come from a machine). */
export const maxQueryDepth = 32

class Parser {
  private index = 0
  private depth = 0
  /** Where each node starts in the query, to point at the part that has no content term. */
  readonly starts = new Map<QueryNode, number>()

  constructor(
    private readonly query: string,
    private readonly lexemes: readonly Lexeme[],
  ) {}

  private peek(): Lexeme | undefined {
    return this.lexemes[this.index]
  }

  private fail(reason: Parameters<typeof queryError>[1], lexeme: Lexeme | undefined): never {
    throw queryError(this.query, reason, lexeme ? lexeme.pos : this.query.length, lexeme ? lexeme.text : '')
  }

  private node(node: QueryNode, start: number): QueryNode {
    if (!this.starts.has(node)) this.starts.set(node, start)
    return node
  }

  /** After a binary or prefix operator: there must be an operand. */
  private expectOperand(operator: Lexeme): void {
    const next = this.peek()
    if (next === undefined || next.type === 'rparen') this.fail('missing_operand', operator)
    if (next.type === 'and' || next.type === 'or') this.fail('unexpected_operator', next)
  }

  parseOr(): QueryNode {
    const start = this.peek()?.pos ?? this.query.length
    const children = [this.parseAnd()]
    for (let next = this.peek(); next?.type === 'or'; next = this.peek()) {
      this.index++
      this.expectOperand(next)
      children.push(this.parseAnd())
    }
    return children.length === 1 ? children[0]! : this.node({ kind: 'or', children }, start)
  }

  private parseAnd(): QueryNode {
    const start = this.peek()?.pos ?? this.query.length
    const children = [this.parseUnary()]
    for (let next = this.peek(); next !== undefined; next = this.peek()) {
      if (next.type === 'and') {
        this.index++
        this.expectOperand(next)
      } else if (next.type === 'or' || next.type === 'rparen') {
        break
      }
      children.push(this.parseUnary())
    }
    return children.length === 1 ? children[0]! : this.node({ kind: 'and', children }, start)
  }

  private parseUnary(): QueryNode {
    const lexeme = this.peek()
    if (lexeme === undefined) return this.fail('missing_operand', this.lexemes[this.index - 1])
    switch (lexeme.type) {
      case 'not':
      case 'minus': {
        this.index++
        this.expectOperand(lexeme)
        const child = this.nested(lexeme, () => this.parseUnary())
        return this.node({ kind: 'not', child }, lexeme.pos)
      }
      case 'lparen': {
        this.index++
        if (this.peek()?.type === 'rparen') this.fail('empty_group', lexeme)
        const inner = this.nested(lexeme, () => this.parseOr())
        if (this.peek()?.type !== 'rparen') this.fail('unbalanced_parenthesis', lexeme)
        this.index++
        return inner
      }
      case 'term':
        this.index++
        return this.node(lexeme.node, lexeme.pos)
      case 'rparen':
        return this.fail('unbalanced_parenthesis', lexeme)
      default:
        return this.fail('unexpected_operator', lexeme)
    }
  }

  private nested(at: Lexeme, parse: () => QueryNode): QueryNode {
    if (++this.depth > maxQueryDepth) this.fail('too_deeply_nested', at)
    const node = parse()
    this.depth--
    return node
  }

  /** Parses the whole query; anything left over can only be a stray `)`. */
  parse(): QueryNode {
    const root = this.parseOr()
    const rest = this.peek()
    if (rest !== undefined) this.fail('unbalanced_parenthesis', rest)
    return root
  }
}

/** The first part of the query that can match without any content term, for the error's position. */
function unanchoredStart(node: QueryNode, starts: ReadonlyMap<QueryNode, number>): number {
  if (node.kind === 'or') {
    const bad = node.children.find((c) => !isAnchored(c))
    if (bad) return unanchoredStart(bad, starts)
  }
  return starts.get(node) ?? 0
}

/**
 * Parses a listening query (see docs/listen-query.md). Throws a QueryError when the query is
 * malformed, or when it could match items containing none of its words, phrases, hashtags,
 * mentions, sites or authors (`-coffee`, `lang:fr`, `coffee OR -tea`).
 */
export function parseQuery(text: string): ParsedQuery {
  const lexemes = lex(text)
  if (lexemes.length === 0) throw queryError(text, 'empty_query', 0)
  const parser = new Parser(text, lexemes)
  const root = parser.parse()
  if (!isAnchored(root)) {
    const at = unanchoredStart(root, parser.starts)
    throw queryError(text, 'no_positive_term', at, text.slice(at).split(/\s/)[0] ?? '')
  }
  return { text, root }
}
