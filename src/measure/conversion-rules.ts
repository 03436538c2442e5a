/**
 * What a conversion may look like: its type, value, currency and keys. Pure rules shared by the
 * API schemas, the pixel (which must never fail) and the form.
 */

/** A conversion type: 1–40 lower-case letters, digits, `_` or `-` (`purchase`, `sign-up`). */
export const conversionTypePattern = /^[a-z0-9_-]{1,40}$/

/** Click ids and site keys: short URL-safe tokens. */
export const publicTokenPattern = /^[A-Za-z0-9_-]{1,64}$/

export const maxConversionValue = 1e9
export const maxDedupeKeyLength = 100

let currencies: ReadonlySet<string> | undefined

/** True for an ISO 4217 code the runtime knows (`EUR`, `BDT`, `ILS`…), upper-case. */
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'))
  return currencies.has(code)
}

/** True for a value a conversion may carry: finite, from 0 to a billion. */
export function isConversionValue(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= maxConversionValue
}
