/**
 * Measures a scorer against labelled texts: accuracy, macro-F1 and the confusion counts. The
 * accuracy test uses it on the committed samples; a candidate replacement model is judged the
 * same way.
 */
import type { SentimentLabel, SentimentScorer } from './types.js'

/** One labelled text of a sample. */
export interface LabelledText {
  text: string
  label: SentimentLabel
}

/** Counts of (expected label → predicted label). */
export type Confusion = Record<SentimentLabel, Record<SentimentLabel, number>>

/** What `evaluate` measured. */
export interface Evaluation {
  total: number
  correct: number
  accuracy: number
  /** The mean over the three labels of F1 (0 for a label never expected nor predicted). */
  macroF1: number
  confusion: Confusion
}

const labels: readonly SentimentLabel[] = ['positive', 'neutral', 'negative']

/** Scores every text with the sample's language and compares with its label. */
export function evaluate(scorer: SentimentScorer, items: readonly LabelledText[], lang: string): Evaluation {
  const confusion = Object.fromEntries(labels.map((l) => [l, { positive: 0, neutral: 0, negative: 0 }])) as Confusion
  for (const item of items) confusion[item.label][scorer.score(item.text, lang).label] += 1
  const correct = labels.reduce((n, l) => n + confusion[l][l], 0)
  const f1s = labels.map((l) => {
    const tp = confusion[l][l]
    const predicted = labels.reduce((n, e) => n + confusion[e][l], 0)
    const expected = labels.reduce((n, p) => n + confusion[l][p], 0)
    return predicted + expected === 0 ? 0 : (2 * tp) / (predicted + expected)
  })
  return {
    total: items.length,
    correct,
    accuracy: items.length === 0 ? 0 : correct / items.length,
    macroF1: f1s.reduce((a, b) => a + b, 0) / labels.length,
    confusion,
  }
}

/** The confusion counts as a short line: "pos→pos 20 pos→neu 2 …". */
export function formatConfusion(c: Confusion): string {
  const short: Record<SentimentLabel, string> = { positive: 'pos', neutral: 'neu', negative: 'neg' }
  return labels.flatMap((e) => labels.map((p) => `${short[e]}→${short[p]} ${c[e][p]}`)).join('  ')
}
