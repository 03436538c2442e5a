/** How conversions read in a table: their value with its currency, and their origin. */
import type { ConversionView } from '../../app/measure-types'

/**
 * The value in the reader's language, with its currency when it has one (`12,50 €`, `‏12.50 US$`);
 * null when the conversion carries no value.
 */
export function formatConversionValue(conversion: Pick<ConversionView, 'value' | 'currency'>, language: string): string | null {
  if (conversion.value === null) return null
  if (!conversion.currency) return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(conversion.value)
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: conversion.currency }).format(conversion.value)
  } catch {
    // A code this browser does not know: the number, then the code as sent.
    return `${new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(conversion.value)} ${conversion.currency}`
  }
}

/** The answers of the "how did you hear" form that are not networks. */
export const fixedAnswers = ['friend', 'search', 'other'] as const

export function isFixedAnswer(answer: string): answer is (typeof fixedAnswers)[number] {
  return (fixedAnswers as readonly string[]).includes(answer)
}
