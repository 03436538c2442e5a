/**
 * Figures of listening put into words a person can act on: the tester's "about 3 a day" (an
 * estimate, so rounded: nobody plans around 2.71 mentions), the time a sample spans, and
 * language names in the UI language.
 */

/** An expected volume as the tester says it. */
export type PerDayEstimate = { kind: 'none' } | { kind: 'underOne' } | { kind: 'about'; count: number }

/**
 * Rounds an expected number of mentions a day: nothing, fewer than one, whole numbers up to a
 * hundred, then two significant digits (1,234.5 → 1,200).
 */
export function estimatePerDay(perDay: number): PerDayEstimate {
  if (!Number.isFinite(perDay) || perDay <= 0) return { kind: 'none' }
  if (perDay < 0.5) return { kind: 'underOne' }
  if (perDay < 100) return { kind: 'about', count: Math.round(perDay) }
  const magnitude = 10 ** (Math.floor(Math.log10(perDay)) - 1)
  return { kind: 'about', count: Math.round(perDay / magnitude) * magnitude }
}

const hourMs = 3_600_000

/** A sample's time span in the UI language ("5 hours", "3 days"), whole units, at least one. */
export function formatSpan(spanMs: number, language: string): string {
  const useDays = spanMs >= 48 * hourMs
  const value = Math.max(1, Math.round(spanMs / (useDays ? 24 * hourMs : hourMs)))
  return new Intl.NumberFormat(language, { style: 'unit', unit: useDays ? 'day' : 'hour', unitDisplay: 'long' }).format(value)
}

/** A language's name in the UI language ("arabe" in French), or its code when unknown. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames(uiLanguage, { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Languages offered in the stream's language filter: ours, then other common ones. */
export const filterLanguages = ['en', 'fr', 'ar', 'he', 'bn', 'es', 'de', 'it', 'pt', 'nl', 'tr', 'fa', 'ur', 'hi', 'ru', 'ja', 'zh', 'ko'] as const
