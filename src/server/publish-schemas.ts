/** Zod schemas of the publishing API: accounts, drafts, schedules, posts as returned. */
import { z } from 'zod'
import { contentTypes } from '../publish/index.js'
import { idSchema } from './schemas.js'

export const wallTimeSchema = z.object({
  date: z
    .string()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), { params: { key: 'invalid_date' } })
    .describe('YYYY-MM-DD in the workspace time zone'),
  time: z
    .string()
    .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { params: { key: 'invalid_time' } })
    .describe('HH:mm, 24-hour'),
})

export const scheduleSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('now') }),
    z.object({ mode: z.literal('at'), at: wallTimeSchema }),
    z.object({ mode: z.literal('queue') }),
  ])
  .describe('Publish now, at a time in the workspace time zone, or in the next free queue slot')

export const draftSchema = z.object({
  text: z.string().max(20_000),
  targets: z
    .array(z.object({ accountId: idSchema, text: z.string().max(20_000).nullable().optional().describe('This account\'s own version; null or absent: the post\'s text') }))
    .max(25),
  mediaIds: z.array(idSchema).max(10).default([]),
  contentType: z.enum(contentTypes).nullable().optional().describe('The 4E the post serves'),
  trackLinks: z.boolean().optional().describe("False keeps this post's links as written; by default they become tracked short links when the workspace tracks links"),
  campaign: z.string().trim().max(100).nullable().optional().describe("The campaign the post serves (a plan goal, a promotion): its tracked links' utm_campaign; none gives `social`"),
})

const capabilitiesSchema = z.object({
  text: z.object({ maxLength: z.number(), counting: z.enum(['graphemes', 'codepoints']), linkLength: z.number().optional(), mentionsWithoutDomain: z.boolean().optional() }),
  media: z.object({
    kinds: z.array(z.string()),
    maxCount: z.number(),
    maxBytes: z.record(z.string(), z.number()),
    mimeTypes: z.array(z.string()),
    altTextMaxLength: z.number().optional(),
  }),
  threads: z.boolean(),
  linkCards: z.boolean(),
})

export const accountSchema = z.object({
  id: z.string(),
  network: z.string(),
  networkName: z.string(),
  handle: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  profileUrl: z.string(),
  status: z.enum(['active', 'paused', 'restricted', 'disconnected']),
  statusReason: z.string().nullable().describe("The network's own words when the account is paused or restricted"),
  expiresAt: z.number().nullable(),
  checkedAt: z.number().nullable(),
  capabilities: capabilitiesSchema,
})

export const networkSchema = z.object({
  id: z.string(),
  name: z.string(),
  oauth: z.boolean(),
  capabilities: capabilitiesSchema,
})

export const problemSchema = z.object({
  key: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  media: z.number().optional(),
})

export const mediaSchema = z.object({
  id: z.string(),
  kind: z.string(),
  mimeType: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  altText: z.string(),
  url: z.string(),
})

export const targetSchema = z.object({
  id: z.string(),
  account: accountSchema.pick({ id: true, network: true, networkName: true, handle: true, displayName: true, avatarUrl: true, status: true }),
  text: z.string(),
  customText: z.boolean(),
  status: z.enum(['pending', 'publishing', 'published', 'failed', 'waiting', 'cancelled']),
  remoteUrl: z.string().nullable(),
  publishedAt: z.number().nullable(),
  attempts: z.number(),
  nextAttemptAt: z.number().nullable(),
  error: z.object({ kind: z.string(), reason: z.string().nullable(), message: z.string() }).nullable(),
  length: z.number(),
  maxLength: z.number(),
  problems: z.array(problemSchema),
})

export const postSchema = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(['draft', 'awaiting_approval', 'scheduled', 'publishing', 'published', 'partly_published', 'failed']),
  scheduleMode: z.enum(['now', 'at', 'queue']).nullable(),
  scheduledAt: z.number().nullable(),
  contentType: z.enum(contentTypes).nullable(),
  trackLinks: z.boolean(),
  campaign: z.string().nullable(),
  source: z.enum(['composer', 'feed', 'listen', 'inbox']),
  authorId: z.string().nullable(),
  approvedBy: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  media: z.array(mediaSchema),
  targets: z.array(targetSchema),
})
