/**
 * The parsed form of a listening query, and its printer. Values in the tree are already
 * normalized (see normalize.ts), so the tree says exactly what is compared; printing a tree and
 * parsing the text back gives the same tree.
 */

/** A single word; it matches a word of the text (or of its forms without attached prefixes). */
export interface WordNode {
  readonly kind: 'word'
  readonly value: string
}
/** Two or more words, consecutive in the text. */
export interface PhraseNode {
  readonly kind: 'phrase'
  readonly tokens: readonly string[]
}
/** `caf*`: a word starting with `value` (two letters at least). */
export interface PrefixNode {
  readonly kind: 'prefix'
  readonly value: string
}
/** `#value`: a hashtag of the item. */
export interface HashtagNode {
  readonly kind: 'hashtag'
  readonly value: string
}
/** `@value`: a handle mentioned in the item. */
export interface MentionNode {
  readonly kind: 'mention'
  readonly value: string
}
/** `site:value`: the item's address or a link in it is on this host or a subdomain of it. */
export interface SiteNode {
  readonly kind: 'site'
  readonly value: string
}
/** `lang:value`: the item's language (primary subtag). */
export interface LangNode {
  readonly kind: 'lang'
  readonly value: string
}
/** `author:value`: the item's author handle. */
export interface AuthorNode {
  readonly kind: 'author'
  readonly value: string
}
export interface AndNode {
  readonly kind: 'and'
  /** Two or more. */
  readonly children: readonly QueryNode[]
}
export interface OrNode {
  readonly kind: 'or'
  /** Two or more. */
  readonly children: readonly QueryNode[]
}
export interface NotNode {
  readonly kind: 'not'
  readonly child: QueryNode
}

/** A leaf of the tree: something an item has or has not. */
export type TermNode = WordNode | PhraseNode | PrefixNode | HashtagNode | MentionNode | SiteNode | LangNode | AuthorNode
export type QueryNode = TermNode | AndNode | OrNode | NotNode

/** A query as written, and its tree. */
export interface ParsedQuery {
  readonly text: string
  readonly root: QueryNode
}

const filterPrefix = { site: 'site:', lang: 'lang:', author: 'author:', hashtag: '#', mention: '@' } as const

function printTerm(node: TermNode): string {
  switch (node.kind) {
    case 'word':
      return node.value
    case 'phrase':
      return `"${node.tokens.join(' ')}"`
    case 'prefix':
      return `${node.value}*`
    default:
      return filterPrefix[node.kind] + node.value
  }
}

/**
 * The query language text of a tree, with as few parentheses as the precedence allows (an
 * AND or OR nested in another is always parenthesized, so the nesting survives a round trip).
 */
export function printQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'and':
      return node.children.map((c) => (c.kind === 'and' || c.kind === 'or' ? `(${printQuery(c)})` : printQuery(c))).join(' ')
    case 'or':
      return node.children.map((c) => (c.kind === 'or' ? `(${printQuery(c)})` : printQuery(c))).join(' OR ')
    case 'not':
      return node.child.kind === 'and' || node.child.kind === 'or' ? `-(${printQuery(node.child)})` : `-${printQuery(node.child)}`
    default:
      return printTerm(node)
  }
}

/** True for the leaves that name content an item must contain (everything but `lang:`). */
export function isContentTerm(node: QueryNode): boolean {
  return node.kind !== 'lang' && node.kind !== 'and' && node.kind !== 'or' && node.kind !== 'not'
}

/**
 * True when every item the query matches must contain one of its content terms, so the query
 * can be indexed by them and does not match the whole world. AND needs one such child, OR needs
 * all of its children to be such; NOT and `lang:` never are.
 */
export function isAnchored(node: QueryNode): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.some(isAnchored)
    case 'or':
      return node.children.every(isAnchored)
    case 'not':
      return false
    default:
      return isContentTerm(node)
  }
}
