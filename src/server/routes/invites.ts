/** Invitations by link: make, list, withdraw; and the public side: look at one, accept it. */
import { z } from 'zod'
import { acceptInvite, createInvite, describeInvite, listInvites, revokeInvite } from '../../accounts/index.js'
import { findUser } from '../../store/index.js'
import { setSessionCookie } from '../cookies.js'
import { presentInvite, presentSession } from '../presenters.js'
import { emailSchema, idSchema, inviteSchema, personNameSchema, roleSchema, sessionPayloadSchema } from '../schemas.js'
import type { App } from '../types.js'
import { actorOf, limitedAttempts, type RouteDeps } from './deps.js'

const tokenParams = z.object({ token: z.string().min(1).max(128) })

export function inviteRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/invites',
    {
      config: { access: 'invites.manage' },
      schema: { tags: ['team'], summary: 'Open invitations', response: { 200: z.object({ invites: z.array(inviteSchema) }) } },
    },
    async (request) => ({ invites: (await listInvites(deps.accounts, actorOf(request).workspaceId)).map(presentInvite) }),
  )

  app.post(
    '/api/invites',
    {
      config: { access: 'invites.manage' },
      schema: {
        tags: ['team'],
        summary: 'Make an invitation link with a role (the link is shown only now)',
        body: z.object({ role: roleSchema, email: emailSchema.optional() }),
        response: { 201: z.object({ invite: inviteSchema, url: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { invite, url } = await createInvite(deps.accounts, actor, request.body)
      const creator = await findUser(deps.accounts.db, actor.userId)
      return reply.code(201).send({ invite: presentInvite({ invite, createdByName: creator?.name ?? '' }), url })
    },
  )

  app.delete(
    '/api/invites/:id',
    {
      config: { access: 'invites.manage' },
      schema: { tags: ['team'], summary: 'Withdraw an invitation', params: z.object({ id: idSchema }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeInvite(deps.accounts, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/invites/accept/:token',
    {
      config: { access: 'public', ...limitedAttempts },
      schema: {
        tags: ['team'],
        summary: 'What an invitation link is for (404 unknown, 410 used, withdrawn or expired)',
        params: tokenParams,
        response: {
          200: z.object({ workspaceName: z.string(), role: roleSchema, invitedBy: z.string(), expiresAt: z.number(), email: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const { invite, workspaceName, invitedBy } = await describeInvite(deps.accounts, request.params.token)
      return { workspaceName, role: roleSchema.parse(invite.role), invitedBy, expiresAt: invite.expiresAt, email: invite.email }
    },
  )

  app.post(
    '/api/invites/accept/:token',
    {
      config: { access: 'public', ...limitedAttempts },
      schema: {
        tags: ['team'],
        summary: 'Join the workspace (a new account, or an existing one with its password)',
        params: tokenParams,
        body: z.object({ name: personNameSchema, email: emailSchema, password: z.string().min(1).max(1024) }),
        response: { 200: sessionPayloadSchema },
      },
    },
    async (request, reply) => {
      const joined = await acceptInvite(deps.accounts, { token: request.params.token, ...request.body, locale: request.locale })
      setSessionCookie(request, reply, joined.token, deps.config.publicUrl)
      return presentSession(joined)
    },
  )
}
