/**
 * Is this inbox item a question? The inbox's "questions only" filter and the check-in's "oldest
 * questions first" both ask, in the five languages the product speaks.
 *
 * A message asks something when, once its links, @mentions and hashtags are set aside:
 * 1. it has a question mark (`?`, full-width `？`, Arabic `؟`…) anywhere, the end of a sentence
 *    included when emoji, links or mentions follow it; a `?` inside a link's query string was set
 *    aside with the link;
 * 2. or a sentence that does not end with a full stop or an exclamation mark (a statement or an
 *    exclamation, "Who doesn't love Fridays!") has a question form: a clause opening with an
 *    interrogative word or an inverted verb, a sentence-final question word in spoken French,
 *    Arabic and Hebrew, or a Bengali question word or particle anywhere (question-words.ts).
 *
 * The language narrows the word rules only where two languages share a script: `en` checks the
 * English words and not the French ones (so "Comment below" stays English), `fr` the reverse.
 * Arabic, Hebrew and Bengali words are always checked, since a message often mixes scripts; an
 * unknown or other language checks every list.
 */
import { questionWords, type QuestionWords } from './question-words.js'
import { questionMarks, sentences, withoutLinksAndMentions, type Sentence } from './question-text.js'

export type EngageLanguage = 'en' | 'fr' | 'ar' | 'he' | 'bn'

export const engageLanguages: readonly EngageLanguage[] = ['en', 'fr', 'ar', 'he', 'bn']

/** The word rules to apply for a message's language tag (`fr-CA`, `en`, `null`…). */
function rulesFor(language: string | null | undefined): QuestionWords[] {
  const primary = (language ?? '').toLowerCase().split(/[-_]/u)[0]
  // English and French share the Latin script: knowing one rules out the other's words.
  const ruledOut = primary === 'en' ? 'fr' : primary === 'fr' ? 'en' : undefined
  return engageLanguages.filter((lang) => lang !== ruledOut).map((lang) => questionWords[lang])
}

/** The clause without its leading greetings and fillers ("hi", "bonjour", "لو سمحت", "אז"). */
function withoutFillers(clause: string[], fillers: Set<string>): string[] {
  let i = 0
  while (i < clause.length) {
    if (i + 1 < clause.length && fillers.has(`${clause[i]} ${clause[i + 1]}`)) i += 2
    else if (fillers.has(clause[i]!)) i += 1
    else break
  }
  return clause.slice(i)
}

function asks(sentence: Sentence, rules: QuestionWords): boolean {
  const all = sentence.clauses.flat()
  if (rules.anywhere(all) || rules.closes(sentence.clauses.at(-1)!)) return true
  return sentence.clauses.some((clause) => rules.opens(withoutFillers(clause, rules.fillers)))
}

/**
 * True when the message asks something (see the module comment). `language` is the item's
 * language tag when known; unknown, every language's words are checked.
 */
export function isQuestion(text: string, language?: string | null): boolean {
  const plain = withoutLinksAndMentions(text)
  if (questionMarks.test(plain)) return true
  const rules = rulesFor(language)
  return sentences(plain).some((sentence) => sentence.end === 'open' && rules.some((r) => asks(sentence, r)))
}
