/**
 * The contract every SentimentScorer keeps, as one vitest suite (`runSentimentScorerContract`):
 * clear cases in each of the five languages, negation, emoji, and the shape of a result. A model
 * that replaces the lexicon scorer must pass it, and then the accuracy floors in accuracy.test.ts.
 * The texts here are not in the labelled samples.
 */
import { describe, expect, it } from 'vitest'
import type { SentimentLabel, SentimentScorer } from './types.js'

type Case = [text: string, label: SentimentLabel]

/** Per language: clear praise, a clear complaint, a plain announcement, a negation, and emoji. */
const clearCases: Record<'en' | 'fr' | 'ar' | 'he' | 'bn', Case[]> = {
  en: [
    ['Absolutely love this bakery, the bread is wonderful', 'positive'],
    ['Terrible service and the coffee was awful', 'negative'],
    ['The shop opens at nine on Mondays.', 'neutral'],
    ['The croissant was not good', 'negative'],
    ['not bad at all', 'positive'],
    ['The shop opens at nine 😍', 'positive'],
    ['The shop opens at nine 😡', 'negative'],
    ['Haircut done 👍', 'positive'],
    ['Haircut done 👎', 'negative'],
  ],
  fr: [
    ["J'adore cette boulangerie, le pain est excellent", 'positive'],
    ['Service horrible et café infect', 'negative'],
    ['La boutique ouvre à neuf heures le lundi.', 'neutral'],
    ["Le croissant n'était pas bon", 'negative'],
    ['pas bon', 'negative'],
    ['La boutique ouvre à neuf heures 👍', 'positive'],
    ['La boutique ouvre à neuf heures 👎', 'negative'],
  ],
  ar: [
    ['أحب هذا المخبز، الخبز رائع', 'positive'],
    ['خدمة سيئة والقهوة فظيعة', 'negative'],
    ['يفتح المحل الساعة التاسعة يوم الاثنين', 'neutral'],
    ['الكرواسون ليس جيداً', 'negative'],
    ['ليس جيدا', 'negative'],
    ['يفتح المحل الساعة التاسعة 😍', 'positive'],
    ['يفتح المحل الساعة التاسعة 👎', 'negative'],
  ],
  he: [
    ['אני אוהבת את המאפייה הזאת, הלחם נהדר', 'positive'],
    ['שירות גרוע והקפה נוראי', 'negative'],
    ['החנות נפתחת בתשע בבוקר ביום שני', 'neutral'],
    ['הקרואסון לא טוב', 'negative'],
    ['לא טוב', 'negative'],
    ['החנות נפתחת בתשע 😍', 'positive'],
    ['החנות נפתחת בתשע 😡', 'negative'],
  ],
  bn: [
    ['এই বেকারিটা আমার খুব প্রিয়, রুটি অসাধারণ', 'positive'],
    ['পরিষেবা জঘন্য, কফি খুব খারাপ', 'negative'],
    ['দোকান সোমবার সকাল নটায় খোলে', 'neutral'],
    ['ক্রোয়াসাঁটা ভালো ছিল না', 'negative'],
    ['ভালো না', 'negative'],
    ['দোকান নটায় খোলে 👍', 'positive'],
    ['দোকান নটায় খোলে 😡', 'negative'],
  ],
}

/** Runs the contract suite against the scorer from `factory`. */
export function runSentimentScorerContract(label: string, factory: () => SentimentScorer): void {
  describe(`SentimentScorer contract: ${label}`, () => {
    const scorer = factory()

    it('has a name', () => {
      expect(scorer.name.length).toBeGreaterThan(0)
    })

    for (const [lang, cases] of Object.entries(clearCases)) {
      it.each(cases)(`${lang}: %s → %s`, (text, expected) => {
        expect(scorer.score(text, lang).label).toBe(expected)
      })
    }

    it('gives a score in -1..1 whose sign agrees with the label', () => {
      for (const cases of Object.values(clearCases)) {
        for (const [text] of cases) {
          const { label, score } = scorer.score(text)
          expect(score).toBeGreaterThanOrEqual(-1)
          expect(score).toBeLessThanOrEqual(1)
          if (label === 'positive') expect(score).toBeGreaterThan(0)
          if (label === 'negative') expect(score).toBeLessThan(0)
        }
      }
    })

    it('scores an empty or blank text as neutral', () => {
      expect(scorer.score('').label).toBe('neutral')
      expect(scorer.score('   \n', 'fr').label).toBe('neutral')
    })

    it('guesses the language when the source gives none', () => {
      for (const [lang, cases] of Object.entries(clearCases)) {
        for (const [text] of cases) expect(scorer.score(text).label, text).toBe(scorer.score(text, lang).label)
      }
    })
  })
}
