/** Blog feeds whose new articles become post ideas (or, when the owner says so, posts). */
import { z } from 'zod'
import { errors } from '../../domain/index.js'
import { addFeed, changeFeed, pollFeed, removeFeed } from '../../publish/index.js'
import { findFeed, listFeeds, type Feed } from '../../store/index.js'
import type { Translate } from '../../i18n/index.js'
import { idSchema } from '../schemas.js'
import type { App } from '../types.js'
import { publishActorOf, type RouteDeps } from './deps.js'

const feedSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  siteUrl: z.string().nullable(),
  status: z.enum(['active', 'error']),
  error: z.string().nullable().describe("Why the last poll failed, in the request's language"),
  autoPublish: z.boolean(),
  accountIds: z.array(z.string()),
  lastPolledAt: z.number().nullable(),
})

function feedError(reason: string | null, t: Translate): string | null {
  if (!reason) return null
  const [key, status] = reason.split(':')
  return t(`errors.${key}`, { status: status ?? '' })
}

function presentFeed(feed: Feed, t: Translate): z.infer<typeof feedSchema> {
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title,
    siteUrl: feed.siteUrl,
    status: feed.status,
    error: feedError(feed.errorReason, t),
    autoPublish: feed.autoPublish === 1,
    accountIds: JSON.parse(feed.accountIds) as string[],
    lastPolledAt: feed.lastPolledAt,
  }
}

export function feedRoutes(app: App, deps: RouteDeps): void {
  const ctx = deps.publish
  const params = z.object({ id: idSchema })
  const ownerOnlyAutoPublish = (role: string, autoPublish: boolean | undefined) => {
    if (autoPublish && role !== 'owner') throw errors.forbidden('auto_publish_owner_only')
  }

  app.get(
    '/api/feeds',
    { config: { access: 'posts.read' }, schema: { tags: ['feeds'], summary: 'Blog feeds and how their last poll went', response: { 200: z.object({ feeds: z.array(feedSchema) }) } } },
    async (request) => ({ feeds: (await listFeeds(ctx.db, publishActorOf(request).workspaceId)).map((f) => presentFeed(f, request.t)) }),
  )

  app.post(
    '/api/feeds',
    {
      config: { access: 'publishing.configure' },
      schema: {
        tags: ['feeds'],
        summary: "Add a blog's RSS or Atom feed; its latest articles become ideas at once",
        body: z.object({ url: z.string().trim().min(1).max(2000), autoPublish: z.boolean().default(false), accountIds: z.array(idSchema).max(25).default([]) }),
        response: { 201: z.object({ feed: feedSchema }) },
      },
    },
    async (request, reply) => {
      const actor = publishActorOf(request)
      ownerOnlyAutoPublish(actor.role, request.body.autoPublish)
      const feed = await addFeed(ctx, actor, request.body)
      return reply.code(201).send({ feed: presentFeed(feed, request.t) })
    },
  )

  app.patch(
    '/api/feeds/:id',
    {
      config: { access: 'publishing.configure' },
      schema: {
        tags: ['feeds'],
        summary: 'Change the accounts a feed drafts for, or (owners only) auto-publishing',
        params,
        body: z.object({ autoPublish: z.boolean().optional(), accountIds: z.array(idSchema).max(25).optional() }),
        response: { 200: z.object({ feed: feedSchema }) },
      },
    },
    async (request) => {
      const actor = publishActorOf(request)
      ownerOnlyAutoPublish(actor.role, request.body.autoPublish)
      return { feed: presentFeed(await changeFeed(ctx, actor, request.params.id, request.body), request.t) }
    },
  )

  app.delete(
    '/api/feeds/:id',
    { config: { access: 'publishing.configure' }, schema: { tags: ['feeds'], summary: 'Remove a feed (its ideas stay)', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeFeed(ctx, publishActorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/feeds/:id/poll',
    {
      config: { access: 'posts.write' },
      schema: { tags: ['feeds'], summary: 'Read a feed now', params, response: { 200: z.object({ feed: feedSchema, newArticles: z.number() }) } },
    },
    async (request) => {
      const { workspaceId } = publishActorOf(request)
      const feed = await findFeed(ctx.db, workspaceId, request.params.id)
      if (!feed) throw errors.notFound('feed')
      const newArticles = await pollFeed(ctx, feed)
      return { feed: presentFeed((await findFeed(ctx.db, workspaceId, feed.id))!, request.t), newArticles }
    },
  )
}
