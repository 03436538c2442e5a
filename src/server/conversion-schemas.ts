/**
 * Schemas and presenters of the conversion endpoints: what the website's script, the server API
 * and the pixel may send, and a conversion as the API shows it (ConversionView in the web app).
 */
import { z } from 'zod'
import { conversionTypePattern, isConversionValue, isCurrencyCode, maxConversionValue, maxDedupeKeyLength, publicTokenPattern, type ConversionInput } from '../measure/index.js'
import type { ConversionWithLink } from '../store/index.js'

const tokenSchema = z.string().max(64).refine((v) => publicTokenPattern.test(v), { params: { key: 'invalid_format' } })

/** The fields of one conversion, as the script and the server API send them. */
export const conversionFields = {
  type: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(40)
    .refine((v) => conversionTypePattern.test(v), { params: { key: 'conversion_type' } })
    .describe('What happened: 1–40 of a-z 0-9 _ - (purchase, signup…); lower-cased'),
  value: z.number().min(0).max(maxConversionValue).nullish().describe('Its worth, from 0 to 1,000,000,000'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, { params: { key: 'invalid_currency' } })
    .nullish()
    .describe('ISO 4217 code (EUR, USD, BDT…)'),
  clickId: tokenSchema.nullish().describe('The sc_click id the landing URL carried; a click of another workspace is ignored'),
  dedupeKey: z.string().min(1).max(maxDedupeKeyLength).nullish().describe('Sent again with the same key, the conversion counts once'),
}

export const serverConversionBody = z.strictObject(conversionFields)
export const publicConversionBody = z.strictObject({ siteKey: tokenSchema.describe('The workspace’s public site key'), ...conversionFields })

/** The validated body as the measure feature takes it. */
export function toConversionInput(body: z.infer<typeof serverConversionBody>): ConversionInput {
  return {
    type: body.type,
    value: body.value ?? null,
    currency: body.currency ?? null,
    clickId: body.clickId ?? null,
    dedupeKey: body.dedupeKey ?? null,
  }
}

/** The pixel's query: all strings; anything invalid means "record nothing", never an error. */
const pixelQuery = z.object({
  k: tokenSchema,
  type: conversionFields.type,
  value: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number)
    .refine(isConversionValue)
    .optional(),
  currency: conversionFields.currency,
  click: tokenSchema.optional(),
  id: conversionFields.dedupeKey,
})

/** The pixel's site key and conversion, or undefined when the query is not a valid conversion. */
export function parsePixelQuery(query: unknown): { siteKey: string; input: ConversionInput } | undefined {
  const parsed = pixelQuery.safeParse(query)
  if (!parsed.success) return undefined
  const q = parsed.data
  return { siteKey: q.k, input: { type: q.type, value: q.value ?? null, currency: q.currency ?? null, clickId: q.click ?? null, dedupeKey: q.id ?? null } }
}

export const conversionViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  value: z.number().nullable(),
  currency: z.string().nullable(),
  source: z.enum(['script', 'pixel', 'server', 'form']),
  answer: z.string().nullable(),
  postId: z.string().nullable(),
  network: z.string().nullable(),
  linkCode: z.string().nullable(),
  at: z.number(),
})

export type ConversionView = z.infer<typeof conversionViewSchema>

/** A conversion as the API shows it (no workspace id, click id or dedupe key). */
export function presentConversion(row: Omit<ConversionWithLink, 'linkCode'> & { linkCode?: string | null }): ConversionView {
  return {
    id: row.id,
    type: row.type,
    value: row.value,
    currency: row.currency,
    source: row.source,
    answer: row.answer,
    postId: row.postId,
    network: row.network,
    linkCode: row.linkCode ?? null,
    at: row.at,
  }
}
