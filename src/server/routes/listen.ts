/**
 * Listening: queries (with the "test this query" box), sources, the mention stream and its
 * charts, alert channels, the in-app alert list, the crisis pause and resuming publishing.
 */
import { z } from 'zod'
import {
  addChannel,
  addSource,
  alertsOf,
  changeSettings,
  createQuery,
  deleteQuery,
  findMentions,
  getSettings,
  listenReport,
  maxQueryLength,
  maxReportDays,
  readAlerts,
  removeChannel,
  removeSource,
  replyToMention,
  resumeAfterCrisis,
  testQuery,
  updateQuery,
  type ListenActor,
  type ListenContext,
} from '../../listen/index.js'
import { listAlertChannels, listListenQueries, listListenSources, type AlertChannel, type ListenQuery, type ListenSourceRow, type MentionRow } from '../../store/index.js'
import type { Translate } from '../../i18n/index.js'
import { noteReportViewed, type CoachContext } from '../../coach/index.js'
import { idSchema } from '../schemas.js'
import type { App } from '../types.js'
import { actorOf } from './deps.js'

const params = z.object({ id: idSchema })
const sentimentSchema = z.enum(['positive', 'neutral', 'negative'])
const sourceKindSchema = z.enum(['feed', 'bluesky', 'mastodon'])

const querySchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  kind: z.enum(['brand', 'competitor', 'topic']),
  priority: z.enum(['normal', 'high']),
  active: z.boolean(),
  createdAt: z.number(),
})
const queryBody = z.object({
  name: z.string().trim().min(1).max(80),
  query: z.string().trim().min(1).max(maxQueryLength),
  kind: z.enum(['brand', 'competitor', 'topic']).default('brand'),
  priority: z.enum(['normal', 'high']).default('normal'),
  active: z.boolean().default(true),
})

const itemSchema = z.object({
  key: z.string(),
  sourceKind: sourceKindSchema,
  text: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
  authorHandle: z.string().optional(),
  authorName: z.string().optional(),
  lang: z.string().optional(),
  publishedAt: z.number(),
})

const sourceSchema = z.object({
  id: z.string(),
  kind: sourceKindSchema,
  label: z.string(),
  config: z.record(z.string(), z.unknown()),
  status: z.enum(['active', 'error']),
  error: z.string().nullable().describe("Why the last read failed, in the request's language"),
  itemsSeen: z.number(),
  lastItemAt: z.number().nullable(),
  createdAt: z.number(),
})
const sourceBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('feed'), url: z.string().trim().min(1).max(2000) }),
  z.object({ kind: z.literal('bluesky'), mode: z.enum(['firehose', 'jetstream']), service: z.string().trim().min(1).max(2000) }),
  z.object({ kind: z.literal('mastodon'), instanceUrl: z.string().trim().min(1).max(2000), hashtag: z.string().trim().min(1).max(101) }),
])

const mentionSchema = z.object({
  id: z.string(),
  sourceKind: sourceKindSchema,
  text: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  authorHandle: z.string().nullable(),
  authorName: z.string().nullable(),
  authorUrl: z.string().nullable(),
  lang: z.string().nullable(),
  reply: z
    .object({ network: z.enum(['bluesky', 'mastodon']), server: z.string().optional() })
    .nullable()
    .describe('Set when a connected account on this network can answer it from the app (Mastodon: an account on `server`)'),
  sentiment: sentimentSchema,
  sentimentScore: z.number(),
  publishedAt: z.number(),
  queryIds: z.array(z.string()),
})

const channelSchema = z.object({ id: z.string(), kind: z.enum(['email', 'webhook']), format: z.string(), label: z.string(), lastError: z.string().nullable(), createdAt: z.number() })
const settingsSchema = z.object({
  crisisPause: z.boolean(),
  digest: z.boolean(),
  publishingPaused: z.object({ at: z.number(), reason: z.string() }).nullable(),
  emailAvailable: z.boolean().describe('Whether the server has an SMTP server configured'),
})
const alertSchema = z.object({ id: z.string(), kind: z.string(), queryId: z.string().nullable(), createdAt: z.number(), read: z.boolean(), alert: z.record(z.string(), z.unknown()) })

function presentQuery(q: ListenQuery): z.infer<typeof querySchema> {
  return { id: q.id, name: q.name, query: q.query, kind: q.kind, priority: q.priority, active: q.active === 1, createdAt: q.createdAt }
}

function presentSource(s: ListenSourceRow, t: Translate): z.infer<typeof sourceSchema> {
  const error = s.errorReason ? (s.errorReason.includes(' ') ? s.errorReason : t(`errors.${s.errorReason}`, { defaultValue: s.errorReason, status: '' })) : null
  return {
    id: s.id,
    kind: s.kind,
    label: s.label,
    config: JSON.parse(s.config) as Record<string, unknown>,
    status: s.status,
    error,
    itemsSeen: Number(s.itemsSeen),
    lastItemAt: s.lastItemAt === null ? null : Number(s.lastItemAt),
    createdAt: s.createdAt,
  }
}

function presentMention(m: MentionRow): z.infer<typeof mentionSchema> {
  return {
    id: m.id, sourceKind: m.sourceKind, text: m.text, title: m.title, url: m.url, authorHandle: m.authorHandle, authorName: m.authorName,
    authorUrl: m.authorUrl, lang: m.lang, reply: replyOf(m), sentiment: m.sentiment, sentimentScore: m.sentimentScore, publishedAt: Number(m.publishedAt), queryIds: m.queryIds,
  }
}

function replyOf(m: MentionRow): z.infer<typeof mentionSchema>['reply'] {
  if (!m.replyRef || (m.sourceKind !== 'bluesky' && m.sourceKind !== 'mastodon')) return null
  const ref = JSON.parse(m.replyRef) as { server?: string }
  return { network: m.sourceKind, ...(ref.server ? { server: ref.server } : {}) }
}

function presentChannel(c: AlertChannel): z.infer<typeof channelSchema> {
  return { id: c.id, kind: c.kind, format: c.format, label: c.label, lastError: c.lastError, createdAt: c.createdAt }
}

export function listenRoutes(app: App, ctx: ListenContext, coach: CoachContext): void {
  const actor = (request: Parameters<typeof actorOf>[0]): ListenActor => {
    const a = actorOf(request)
    return { userId: a.userId, workspaceId: a.workspaceId, role: a.role }
  }

  app.get(
    '/api/listen/queries',
    { config: { access: 'listen.read' }, schema: { tags: ['listen'], summary: "The workspace's listening queries", response: { 200: z.object({ queries: z.array(querySchema) }) } } },
    async (request) => ({ queries: (await listListenQueries(ctx.db, actor(request).workspaceId)).map(presentQuery) }),
  )

  app.post(
    '/api/listen/queries',
    { config: { access: 'listen.write' }, schema: { tags: ['listen'], summary: 'Save a query (rejected with the position of the problem when malformed)', body: queryBody, response: { 201: z.object({ query: querySchema }) } } },
    async (request, reply) => reply.code(201).send({ query: presentQuery(await createQuery(ctx, actor(request), request.body)) }),
  )

  app.patch(
    '/api/listen/queries/:id',
    { config: { access: 'listen.write' }, schema: { tags: ['listen'], summary: 'Change a query, or switch it on or off', params, body: queryBody.partial(), response: { 200: z.object({ query: querySchema }) } } },
    async (request) => ({ query: presentQuery(await updateQuery(ctx, actor(request), request.params.id, request.body)) }),
  )

  app.delete(
    '/api/listen/queries/:id',
    { config: { access: 'listen.write' }, schema: { tags: ['listen'], summary: 'Remove a query (its mentions stay)', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteQuery(ctx, actor(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/listen/queries/test',
    {
      config: { access: 'listen.read' },
      schema: {
        tags: ['listen'],
        summary: "Run a query over the last week's items of the workspace's sources, without saving it",
        body: z.object({ query: z.string().trim().min(1).max(maxQueryLength) }),
        response: { 200: z.object({ sampled: z.number(), spanMs: z.number(), matched: z.number(), perDay: z.number(), examples: z.array(itemSchema) }) },
      },
    },
    async (request) => {
      const result = await testQuery(ctx, actor(request), request.body.query)
      return { ...result, examples: result.examples.map((e) => itemSchema.parse(e)) }
    },
  )

  app.get(
    '/api/listen/sources',
    { config: { access: 'listen.read' }, schema: { tags: ['listen'], summary: 'The sources the workspace listens to', response: { 200: z.object({ sources: z.array(sourceSchema) }) } } },
    async (request) => ({ sources: (await listListenSources(ctx.db, actor(request).workspaceId)).map((s) => presentSource(s, request.t)) }),
  )

  app.post(
    '/api/listen/sources',
    { config: { access: 'listen.write' }, schema: { tags: ['listen'], summary: 'Listen to a feed, a Bluesky firehose or a Mastodon hashtag', body: sourceBody, response: { 201: z.object({ source: sourceSchema }) } } },
    async (request, reply) => {
      const a = actor(request)
      const added = await addSource(ctx, a, request.body)
      const row = (await listListenSources(ctx.db, a.workspaceId)).find((s) => s.id === added.id)!
      return reply.code(201).send({ source: presentSource(row, request.t) })
    },
  )

  app.delete(
    '/api/listen/sources/:id',
    { config: { access: 'listen.write' }, schema: { tags: ['listen'], summary: 'Stop listening to a source (its mentions stay)', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeSource(ctx, actor(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/listen/mentions',
    {
      config: { access: 'listen.read' },
      schema: {
        tags: ['listen'],
        summary: 'Mentions, newest first, with filters',
        querystring: z.object({
          queryId: idSchema.optional(),
          source: sourceKindSchema.optional(),
          lang: z.string().min(2).max(8).optional(),
          sentiment: sentimentSchema.optional(),
          from: z.coerce.number().int().optional(),
          to: z.coerce.number().int().optional(),
          before: z.string().regex(/^\d+:[\w-]+$/).optional().describe('the `next` of the previous page'),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
        response: { 200: z.object({ mentions: z.array(mentionSchema), next: z.string().optional() }) },
      },
    },
    async (request) => {
      const q = request.query
      const [at, id] = q.before ? q.before.split(':') : []
      const page = await findMentions(
        ctx,
        actor(request),
        { ...(q.queryId ? { queryId: q.queryId } : {}), ...(q.source ? { sourceKind: q.source } : {}), ...(q.lang ? { lang: q.lang } : {}), ...(q.sentiment ? { sentiment: q.sentiment } : {}), ...(q.from !== undefined ? { from: q.from } : {}), ...(q.to !== undefined ? { to: q.to } : {}) },
        { limit: q.limit, ...(at && id ? { before: { publishedAt: Number(at), id } } : {}) },
      )
      return { mentions: page.mentions.map(presentMention), ...(page.next ? { next: `${page.next.publishedAt}:${page.next.id}` } : {}) }
    },
  )

  app.post(
    '/api/listen/mentions/:id/reply',
    {
      config: { access: 'posts.write' },
      schema: {
        tags: ['listen'],
        summary: "Answer a mention from one of the workspace's accounts on its network; the reply is a post, sent now (or after approval)",
        params,
        body: z.object({ accountId: idSchema, text: z.string().trim().min(1).max(5000) }),
        response: { 201: z.object({ postId: z.string(), status: z.string() }) },
      },
    },
    async (request, reply) => {
      const view = await replyToMention(ctx, actor(request), request.params.id, request.body)
      return reply.code(201).send({ postId: view.post.id, status: view.post.status })
    },
  )

  app.get(
    '/api/listen/report',
    {
      config: { access: 'listen.read' },
      schema: {
        tags: ['listen'],
        summary: 'Volume per query per day, share of voice, sentiment and top authors',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(maxReportDays).default(30), queryId: idSchema.optional() }),
        response: {
          200: z.object({
            days: z.array(z.string()),
            volume: z.array(z.object({ queryId: z.string(), name: z.string(), kind: z.string(), perDay: z.array(z.number()), total: z.number() })),
            shareOfVoice: z.array(z.object({ queryId: z.string(), name: z.string(), kind: z.string(), count: z.number(), share: z.number() })),
            sentiment: z.object({ positive: z.number(), neutral: z.number(), negative: z.number() }),
            topAuthors: z.array(z.object({ authorHandle: z.string().nullable(), authorName: z.string().nullable(), authorUrl: z.string().nullable(), n: z.number(), negative: z.number() })),
          }),
        },
      },
    },
    async (request) => {
      const report = await listenReport(ctx, actor(request), { days: request.query.days, ...(request.query.queryId ? { queryId: request.query.queryId } : {}) })
      // Looking at reports is a stage-5 habit the coach reads.
      await noteReportViewed(coach, actor(request).workspaceId, 'listen_report')
      return report
    },
  )

  app.get(
    '/api/listen/settings',
    { config: { access: 'listen.read' }, schema: { tags: ['listen'], summary: 'Crisis pause, digest, alert channels', response: { 200: z.object({ settings: settingsSchema, channels: z.array(channelSchema) }) } } },
    async (request) => ({ settings: await getSettings(ctx, actor(request)), channels: (await listAlertChannels(ctx.db, actor(request).workspaceId)).map(presentChannel) }),
  )

  app.patch(
    '/api/listen/settings',
    { config: { access: 'listen.configure' }, schema: { tags: ['listen'], summary: 'Turn the crisis pause or the daily digest on or off', body: z.object({ crisisPause: z.boolean().optional(), digest: z.boolean().optional() }), response: { 200: z.object({ settings: settingsSchema }) } } },
    async (request) => ({ settings: await changeSettings(ctx, actor(request), request.body) }),
  )

  app.post(
    '/api/listen/resume',
    { config: { access: 'listen.configure' }, schema: { tags: ['listen'], summary: 'Resume publishing after a pause; posts that waited go now', response: { 200: z.object({ released: z.number() }) } } },
    async (request) => ({ released: await resumeAfterCrisis(ctx, actor(request)) }),
  )

  app.post(
    '/api/listen/channels',
    {
      config: { access: 'listen.configure' },
      schema: {
        tags: ['listen'],
        summary: 'Send alerts to e-mail addresses or a webhook (Slack, Discord or plain JSON)',
        body: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('email'), addresses: z.array(z.string().max(254)).min(1).max(10) }),
          z.object({ kind: z.literal('webhook'), format: z.enum(['slack', 'discord', 'generic']), url: z.string().trim().min(1).max(2000) }),
        ]),
        response: { 201: z.object({ channel: channelSchema }) },
      },
    },
    async (request, reply) => reply.code(201).send({ channel: presentChannel(await addChannel(ctx, actor(request), request.body)) }),
  )

  app.delete(
    '/api/listen/channels/:id',
    { config: { access: 'listen.configure' }, schema: { tags: ['listen'], summary: 'Stop sending alerts there', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeChannel(ctx, actor(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/listen/alerts',
    { config: { access: 'listen.read' }, schema: { tags: ['listen'], summary: 'Recent alerts, newest first', response: { 200: z.object({ alerts: z.array(alertSchema), unread: z.number() }) } } },
    async (request) => {
      const { alerts, unread } = await alertsOf(ctx, actor(request), 50)
      return { unread, alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, queryId: a.queryId, createdAt: a.createdAt, read: a.readAt !== null, alert: JSON.parse(a.payload) as Record<string, unknown> })) }
    },
  )

  app.post(
    '/api/listen/alerts/read',
    { config: { access: 'listen.read' }, schema: { tags: ['listen'], summary: 'Mark every alert as read', response: { 204: z.null() } } },
    async (request, reply) => {
      await readAlerts(ctx, actor(request))
      return reply.code(204).send(null)
    },
  )
}
