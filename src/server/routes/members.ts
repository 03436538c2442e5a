/** The team: list members, change a role, remove someone. */
import { z } from 'zod'
import { changeMemberRole, listMembers, removeMember } from '../../accounts/index.js'
import { presentMember } from '../presenters.js'
import { idSchema, memberSchema, roleSchema } from '../schemas.js'
import type { App } from '../types.js'
import { actorOf, type RouteDeps } from './deps.js'

const params = z.object({ userId: idSchema })

export function memberRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/members',
    {
      config: { access: 'members.read' },
      schema: { tags: ['team'], summary: 'Members of the workspace', response: { 200: z.object({ members: z.array(memberSchema) }) } },
    },
    async (request) => {
      const actor = actorOf(request)
      const you = request.auth?.kind === 'session' ? actor.userId : null
      return { members: (await listMembers(deps.accounts, actor.workspaceId)).map((m) => presentMember(m, you)) }
    },
  )

  app.patch(
    '/api/members/:userId',
    {
      config: { access: 'members.manage' },
      schema: {
        tags: ['team'],
        summary: "Change a member's role",
        params,
        body: z.object({ role: roleSchema }),
        response: { 200: z.object({ member: memberSchema }) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      const member = await changeMemberRole(deps.accounts, actor, { userId: request.params.userId, role: request.body.role })
      return { member: presentMember(member, actor.userId) }
    },
  )

  app.delete(
    '/api/members/:userId',
    {
      config: { access: 'members.manage' },
      schema: { tags: ['team'], summary: 'Remove a member from the workspace', params, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeMember(deps.accounts, actorOf(request), { userId: request.params.userId })
      return reply.code(204).send(null)
    },
  )
}
