/**
 * Accuracy of the default scorer on the committed, held-out labelled samples
 * (fixtures/<lang>.json), per language, with floors just below what was measured so that a
 * regression fails. It prints accuracy, macro-F1 and the confusion counts, and, for comparison,
 * the package's word lists alone and the dev sets the scorer was tuned on.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evaluate, formatConfusion, type LabelledText } from './evaluate.js'
import { createLexiconScorer, createSentimentScorer, sentimentLanguages, type SentimentLanguage } from './index.js'

function sample(name: string): LabelledText[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as LabelledText[]
}

// Measured: en 51/66, fr 58/66, ar 44/66, he 57/66, bn 54/66 (see README.md). Each floor is two
// items below.
const floors: Record<SentimentLanguage, number> = { en: 0.74, fr: 0.84, ar: 0.63, he: 0.83, bn: 0.78 }

describe('labelled samples', () => {
  it.each(sentimentLanguages)('%s: at least 60 texts, roughly balanced, none shared with the dev set', (lang) => {
    const held = sample(lang)
    const dev = new Set(sample(`dev-${lang}`).map((i) => i.text))
    expect(held.length).toBeGreaterThanOrEqual(60)
    for (const l of ['positive', 'neutral', 'negative']) expect(held.filter((i) => i.label === l).length).toBeGreaterThanOrEqual(held.length / 4)
    expect(new Set(held.map((i) => i.text)).size).toBe(held.length)
    expect(held.filter((i) => dev.has(i.text))).toEqual([])
  })
})

describe('accuracy on the held-out samples', () => {
  const scorer = createSentimentScorer()
  const packageOnly = createLexiconScorer({ supplement: false })

  it.each(sentimentLanguages)('%s: at or above its floor', (lang) => {
    const held = evaluate(scorer, sample(lang), lang)
    const base = evaluate(packageOnly, sample(lang), lang)
    const dev = evaluate(scorer, sample(`dev-${lang}`), lang)
    console.log(
      `[sentiment] ${lang}: accuracy ${held.accuracy.toFixed(3)} (${held.correct}/${held.total}), macro-F1 ${held.macroF1.toFixed(3)}; ` +
        `package lists only ${base.accuracy.toFixed(3)}; dev ${dev.accuracy.toFixed(3)} (${dev.correct}/${dev.total})\n` +
        `[sentiment] ${lang}: expected→predicted  ${formatConfusion(held.confusion)}`,
    )
    expect(held.accuracy).toBeGreaterThanOrEqual(floors[lang])
  })
})
