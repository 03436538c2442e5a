/**
 * Posts: compose once with per-account versions, preview each network's count and problems,
 * schedule (now, at a time, next queue slot), approve, take off the calendar, retry a failed
 * network, delete; list by period for the calendar.
 */
import { z } from 'zod'
import {
  approvePost,
  capabilitiesOf,
  createPost,
  deletePost,
  findPosts,
  getPost,
  previewDraft,
  retryTarget,
  schedulePost,
  unschedulePost,
  updatePost,
  type PostView,
} from '../../publish/index.js'
import { countText } from '../../domain/index.js'
import type { Translate } from '../../i18n/index.js'
import { presentPost, presentProblem } from '../publish-presenters.js'
import { draftSchema, postSchema, problemSchema, scheduleSchema } from '../publish-schemas.js'
import { idSchema } from '../schemas.js'
import type { App } from '../types.js'
import { publishActorOf, type RouteDeps } from './deps.js'

const params = z.object({ id: idSchema })
const one = z.object({ post: postSchema })

export function postRoutes(app: App, deps: RouteDeps): void {
  const ctx = deps.publish
  const networkName = (id: string) => ctx.networks.get(id)?.displayName ?? id
  const present = (view: PostView, t: Translate) => presentPost(view, t, networkName, (a) => capabilitiesOf(ctx, a))

  app.get(
    '/api/posts',
    {
      config: { access: 'posts.read' },
      schema: {
        tags: ['posts'],
        summary: 'Posts in a period (the calendar), or unscheduled drafts and ideas',
        querystring: z.object({
          from: z.coerce.number().int().optional().describe('epoch ms, inclusive'),
          to: z.coerce.number().int().optional().describe('epoch ms, exclusive'),
          status: z.enum(['draft', 'awaiting_approval', 'scheduled', 'publishing', 'published', 'partly_published', 'failed']).optional(),
          source: z.enum(['composer', 'feed', 'listen']).optional(),
          unscheduled: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ posts: z.array(postSchema) }) },
      },
    },
    async (request) => {
      const q = request.query
      const views = await findPosts(ctx, publishActorOf(request).workspaceId, {
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
        ...(q.status ? { statuses: [q.status] } : {}),
        ...(q.source ? { source: q.source } : {}),
        ...(q.unscheduled === 'true' ? { unscheduled: true } : {}),
      })
      return { posts: views.map((v) => present(v, request.t)) }
    },
  )

  app.get(
    '/api/posts/:id',
    { config: { access: 'posts.read' }, schema: { tags: ['posts'], summary: 'A post with each network\'s status', params, response: { 200: one } } },
    async (request) => ({ post: present(await getPost(ctx, publishActorOf(request).workspaceId, request.params.id), request.t) }),
  )

  app.post(
    '/api/posts/preview',
    {
      config: { access: 'posts.write' },
      schema: {
        tags: ['posts'],
        summary: "Each account's version of a draft: its length by the network's own count, and its problems",
        body: draftSchema,
        response: {
          200: z.object({ targets: z.array(z.object({ accountId: z.string(), text: z.string(), length: z.number(), maxLength: z.number(), problems: z.array(problemSchema) })) }),
        },
      },
    },
    async (request) => {
      const preview = await previewDraft(ctx, publishActorOf(request), request.body)
      return {
        targets: preview.map(({ account, text, problems }) => {
          const rules = capabilitiesOf(ctx, account).text
          return { accountId: account.id, text, length: countText(text, rules), maxLength: rules.maxLength, problems: problems.map((p) => presentProblem(p, request.t)) }
        }),
      }
    },
  )

  app.post(
    '/api/posts',
    {
      config: { access: 'posts.write' },
      schema: {
        tags: ['posts'],
        summary: 'Save a draft, and schedule it when `schedule` is given',
        body: draftSchema.extend({ schedule: scheduleSchema.optional() }),
        response: { 201: one },
      },
    },
    async (request, reply) => {
      const actor = publishActorOf(request)
      const { schedule, ...draft } = request.body
      let view = await createPost(ctx, actor, draft)
      if (schedule) view = await schedulePost(ctx, actor, view.post.id, schedule)
      return reply.code(201).send({ post: present(view, request.t) })
    },
  )

  app.put(
    '/api/posts/:id',
    { config: { access: 'posts.write' }, schema: { tags: ['posts'], summary: 'Edit a post that has not gone out', params, body: draftSchema, response: { 200: one } } },
    async (request) => ({ post: present(await updatePost(ctx, publishActorOf(request), request.params.id, request.body), request.t) }),
  )

  app.post(
    '/api/posts/:id/schedule',
    {
      config: { access: 'posts.write' },
      schema: { tags: ['posts'], summary: 'Schedule or move a post (moving a post on the calendar uses this)', params, body: scheduleSchema, response: { 200: one } },
    },
    async (request) => ({ post: present(await schedulePost(ctx, publishActorOf(request), request.params.id, request.body), request.t) }),
  )

  app.post(
    '/api/posts/:id/unschedule',
    { config: { access: 'posts.write' }, schema: { tags: ['posts'], summary: 'Take a post off the calendar, back to draft', params, response: { 200: one } } },
    async (request) => ({ post: present(await unschedulePost(ctx, publishActorOf(request), request.params.id), request.t) }),
  )

  app.post(
    '/api/posts/:id/approve',
    { config: { access: 'posts.approve' }, schema: { tags: ['posts'], summary: "Approve an editor's post", params, response: { 200: one } } },
    async (request) => ({ post: present(await approvePost(ctx, publishActorOf(request), request.params.id), request.t) }),
  )

  app.post(
    '/api/posts/:id/targets/:targetId/retry',
    {
      config: { access: 'posts.write' },
      schema: { tags: ['posts'], summary: 'Try a failed network again', params: z.object({ id: idSchema, targetId: idSchema }), response: { 200: one } },
    },
    async (request) => ({ post: present(await retryTarget(ctx, publishActorOf(request), request.params.id, request.params.targetId), request.t) }),
  )

  app.delete(
    '/api/posts/:id',
    { config: { access: 'posts.write' }, schema: { tags: ['posts'], summary: 'Delete a post nothing was published from', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await deletePost(ctx, publishActorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
