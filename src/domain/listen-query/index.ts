/**
 * The listening query language: what a person writes to say which posts mention their business.
 * Pure: normalization, tokenization, the parser, the tree and the reference evaluator. The fast
 * matcher over many queries lives in src/listen/matcher. User guide: docs/listen-query.md.
 *
 * Terms
 * - `word`            a word of the text (case, accents, Arabic diacritics, Hebrew niqqud ignored)
 * - `"exact phrase"`  words next to each other, in order (also “…”, „…“, «…»)
 * - `caf*`            a word starting with `caf` (at least two letters before `*`; not in phrases)
 * - `#hashtag`        a hashtag of the item
 * - `@handle`         a mention of the handle (`@alice` also matches `@alice.bsky.social` and
 *                     `@alice@mastodon.social`: a longer handle continuing with `.` or `@`)
 * - `site:example.com` the item's address or a link in it is on that host or a subdomain
 * - `lang:ar`         the item's language (primary subtag: en fr ar he bn or any other)
 * - `author:handle`   the item's author (with or without `@`; same longer-handle rule)
 * Operators (keywords in capitals; lower-case `and`/`or`/`not` are plain words)
 * - `a b`, `a AND b`  both; `a OR b` either; `NOT a`, `-a`, `-"a b"`, `-(a OR b)` not
 * - precedence NOT > AND > OR; parentheses group: `(latte OR mocha) -decaf`
 * A query needs content: every way it can match must require a word, phrase, wildcard, hashtag,
 * mention, site or author (`-spam`, `lang:fr` and `cafe OR -tea` are refused).
 * A word with inner punctuation is a phrase (`joe's` = "joe s", `e-bike` = "e bike"). Arabic and
 * Hebrew words also match their text forms with attached prefixes (clitics.ts). Text is compared
 * after normalization (normalize.ts): NFKC, lower case, Latin/Greek/Cyrillic diacritics, Arabic
 * harakat, tatweel and letter variants, Hebrew niqqud, zero-width and bidi controls.
 *
 * Modules: normalize (text → normal form → words), clitics, facts (hashtags, mentions, hosts,
 * author, language of an item), item (the whole analysis), lexer + parser → ast, evaluate (the
 * reference evaluator), describe (terms for the interface), errors (QueryError and its reasons).
 */
export * from './ast.js'
export * from './errors.js'
export { parseQuery, maxQueryDepth } from './parser.js'
export { evaluateNode, evaluateQuery } from './evaluate.js'
export { analyzeItem, mayHaveClitics, type AnalyzedItem } from './item.js'
export {
  itemFacts,
  handleKeys,
  handleKeyEnds,
  hostKeys,
  hostKeyStarts,
  hostOf,
  normalizeHandle,
  primaryLanguage,
  type ItemFacts,
  type MatchItem,
} from './facts.js'
export { normalizeText, tokenize, wordSpans, codePointLength } from './normalize.js'
export { cliticForms, cliticStems, attachedPrefixes } from './clitics.js'
export { queryTerms, describeQuery, type QueryTerms } from './describe.js'
