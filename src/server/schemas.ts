/**
 * Zod schemas shared by routes: request fields with their rules, and the shapes the API returns.
 * They validate input, shape output, and become the OpenAPI document.
 */
import { z } from 'zod'
import { isTimeZone, locales, nameRules, passwordRules, permissions, roles } from '../domain/index.js'

export const localeSchema = z.enum(locales).describe('Language: en, fr, ar, he or bn')
export const roleSchema = z.enum(roles)
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, { params: { key: 'invalid_time_zone' } })
  .describe('IANA time zone, e.g. Europe/Paris')
export const emailSchema = z.email().max(254)
export const passwordSchema = z.string().min(passwordRules.minLength).max(passwordRules.maxLength)
export const personNameSchema = z.string().trim().min(1).max(nameRules.maxLength)
export const idSchema = z.string().min(1).max(64)

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  locale: localeSchema.nullable(),
})

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  locale: localeSchema,
  createdAt: z.number().describe('epoch milliseconds'),
})

export const sessionPayloadSchema = z
  .object({
    user: userSchema,
    workspace: workspaceSchema,
    role: roleSchema,
    permissions: z.array(z.enum(permissions as [string, ...string[]])),
    assignableRoles: z.array(roleSchema),
    csrfToken: z.string().describe('Send as the x-csrf-token header on every write made with the session cookie'),
  })
  .describe('The signed-in person, their workspace and what they may do')

export const memberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: z.number(),
  isYou: z.boolean(),
})

const personRefSchema = z.object({ id: z.string(), name: z.string() })

export const inviteSchema = z.object({
  id: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  createdAt: z.number(),
  expiresAt: z.number(),
  createdBy: personRefSchema,
})

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
  createdBy: personRefSchema,
})

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string().describe("In the request's language"),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe('Every error has this shape')
