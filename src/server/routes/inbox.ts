/**
 * The inbox: pages with filters and the header's counts, one item with its conversation, notes
 * and answers, assigning / done / snooze, notes, answering from the app, response times, saved
 * replies, and "read now" (the sync job also runs every minute).
 */
import { z } from 'zod'
import {
  addInboxNote,
  addSavedReply,
  changeInboxItem,
  changeSavedReply,
  countInbox,
  getInboxItem,
  listInbox,
  removeSavedReply,
  replyToItem,
  responseTimes,
  savedReplies,
  syncInboxes,
  threadAbove,
  type EngageContext,
} from '../../engage/index.js'
import {
  inboxDetailSchema,
  inboxItemSchema,
  presentInboxDetail,
  presentInboxItem,
  presentResponseTimes,
  presentSavedReply,
  presentThreadAbove,
  responseTimesSchema,
  savedReplySchema,
  threadAboveSchema,
} from '../inbox-presenters.js'
import { errors } from '../../domain/index.js'
import { idSchema } from '../schemas.js'
import type { App } from '../types.js'
import { actorOf } from './deps.js'

const tags = ['inbox']
const params = z.object({ id: idSchema })
const flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true')
const dayMs = 24 * 3600_000

export function inboxRoutes(app: App, ctx: EngageContext): void {
  app.get(
    '/api/inbox',
    {
      config: { access: 'inbox.read' },
      schema: {
        tags,
        summary: 'Replies, mentions and quotes of the connected accounts, newest first, with filters and the counts for the header',
        querystring: z.object({
          status: z.enum(['open', 'snoozed', 'done', 'all']).default('open'),
          unanswered: flag,
          questions: flag,
          assignee: z.string().max(40).optional().describe('`me` or a teammate\'s user id'),
          network: z.string().max(40).optional(),
          accountId: idSchema.optional(),
          sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
          cursor: z.string().max(80).optional(),
        }),
        response: {
          200: z.object({ items: z.array(inboxItemSchema), nextCursor: z.string().nullable(), counts: z.object({ open: z.number(), unanswered: z.number(), questions: z.number() }) }),
        },
      },
    },
    async (request) => {
      const { userId, workspaceId } = actorOf(request)
      const q = request.query
      const assigneeId = q.assignee === 'me' ? userId : q.assignee
      const page = await listInbox(
        ctx,
        workspaceId,
        {
          status: q.status,
          ...(q.unanswered ? { unanswered: true } : {}),
          ...(q.questions ? { questions: true } : {}),
          ...(assigneeId ? { assigneeId } : {}),
          ...(q.network ? { network: q.network } : {}),
          ...(q.accountId ? { accountId: q.accountId } : {}),
          ...(q.sentiment ? { sentiment: q.sentiment } : {}),
        },
        q.cursor,
      )
      return { items: page.items.map(presentInboxItem), nextCursor: page.nextCursor, counts: page.counts }
    },
  )

  app.get(
    '/api/inbox/counts',
    {
      config: { access: 'inbox.read' },
      schema: { tags, summary: "The header's and the navigation badge's counts: open, unanswered, unanswered questions", response: { 200: z.object({ open: z.number(), unanswered: z.number(), questions: z.number() }) } },
    },
    async (request) => countInbox(ctx, actorOf(request).workspaceId),
  )

  app.get(
    '/api/inbox/response-times',
    {
      config: { access: 'inbox.read' },
      schema: {
        tags,
        summary: 'Time to first answer: median and share within the target, overall and per week, network and teammate',
        querystring: z.object({ days: z.coerce.number().int().min(1).max(365).default(28) }),
        response: { 200: responseTimesSchema },
      },
    },
    async (request) => {
      const now = ctx.now()
      return presentResponseTimes(await responseTimes(ctx, actorOf(request).workspaceId, { from: now - request.query.days * dayMs, to: now + 1 }))
    },
  )

  app.post(
    '/api/inbox/sync',
    { config: { access: 'inbox.use' }, schema: { tags, summary: "Read the accounts' new notifications now", response: { 200: z.object({ stored: z.number() }) } } },
    async (request) => {
      const outcomes = await syncInboxes(ctx, { force: true, workspaceId: actorOf(request).workspaceId })
      return { stored: outcomes.reduce((n, o) => n + o.stored, 0) }
    },
  )

  app.get(
    '/api/inbox/saved-replies',
    { config: { access: 'inbox.read' }, schema: { tags, summary: 'Saved replies, by language', response: { 200: z.object({ replies: z.array(savedReplySchema) }) } } },
    async (request) => ({ replies: (await savedReplies(ctx, actorOf(request).workspaceId)).map(presentSavedReply) }),
  )

  const replyBody = z.object({ language: z.string().max(10), title: z.string().max(200), text: z.string().max(5000) })
  app.post(
    '/api/inbox/saved-replies',
    { config: { access: 'inbox.use' }, schema: { tags, summary: 'Add a saved reply', body: replyBody, response: { 201: z.object({ reply: savedReplySchema }) } } },
    async (request, reply) => reply.code(201).send({ reply: presentSavedReply(await addSavedReply(ctx, actorOf(request), request.body)) }),
  )
  app.patch(
    '/api/inbox/saved-replies/:id',
    { config: { access: 'inbox.use' }, schema: { tags, summary: 'Change a saved reply', params, body: replyBody.partial(), response: { 200: z.object({ reply: savedReplySchema }) } } },
    async (request) => ({ reply: presentSavedReply(await changeSavedReply(ctx, actorOf(request), request.params.id, request.body)) }),
  )
  app.delete(
    '/api/inbox/saved-replies/:id',
    { config: { access: 'inbox.use' }, schema: { tags, summary: 'Delete a saved reply', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeSavedReply(ctx, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/inbox/:id',
    { config: { access: 'inbox.read' }, schema: { tags, summary: 'One item with its conversation, notes and answers', params, response: { 200: inboxDetailSchema } } },
    async (request) => presentInboxDetail(await getInboxItem(ctx, actorOf(request).workspaceId, request.params.id)),
  )

  app.get(
    '/api/inbox/:id/thread',
    {
      config: { access: 'inbox.read' },
      schema: {
        tags,
        summary: "The posts above the item, read from its network (everyone's, not only the inbox's); marks the item deleted when the network no longer has it",
        params,
        response: { 200: threadAboveSchema },
      },
    },
    async (request) => {
      const thread = await threadAbove(ctx, actorOf(request).workspaceId, request.params.id)
      if (!thread) throw errors.notFound('inbox_item')
      return presentThreadAbove(thread)
    },
  )

  app.patch(
    '/api/inbox/:id',
    {
      config: { access: 'inbox.use' },
      schema: {
        tags,
        summary: 'Assign (null: unassign), mark done or open, snooze until a time (null: wake now)',
        params,
        body: z.strictObject({ assigneeId: idSchema.nullable().optional(), status: z.enum(['open', 'done']).optional(), snoozedUntil: z.number().int().positive().nullable().optional() }),
        response: { 200: inboxDetailSchema },
      },
    },
    async (request) => presentInboxDetail(await changeInboxItem(ctx, actorOf(request), request.params.id, request.body)),
  )

  app.post(
    '/api/inbox/:id/notes',
    { config: { access: 'inbox.use' }, schema: { tags, summary: 'Add an internal note (never sent)', params, body: z.object({ text: z.string().max(5000) }), response: { 201: inboxDetailSchema } } },
    async (request, reply) => reply.code(201).send(presentInboxDetail(await addInboxNote(ctx, actorOf(request), request.params.id, request.body.text))),
  )

  app.post(
    '/api/inbox/:id/reply',
    {
      config: { access: 'posts.write' },
      schema: {
        tags,
        summary: 'Answer on the network as a threaded reply from the account it was sent to; a post sent now (or after approval); a refused answer stays as a draft',
        params,
        body: z.object({ text: z.string().trim().min(1).max(5000) }),
        response: { 201: z.object({ postId: z.string(), status: z.string() }) },
      },
    },
    async (request, reply) => {
      const view = await replyToItem(ctx, actorOf(request), request.params.id, request.body)
      return reply.code(201).send({ postId: view.post.id, status: view.post.status })
    },
  )
}
