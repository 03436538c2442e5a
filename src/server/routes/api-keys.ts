/** Workspace API keys: make (shown once), list, revoke. */
import { z } from 'zod'
import { createApiKey, listApiKeys, revokeApiKey } from '../../accounts/index.js'
import { findUser } from '../../store/index.js'
import { presentApiKey } from '../presenters.js'
import { apiKeySchema, idSchema, roleSchema } from '../schemas.js'
import type { App } from '../types.js'
import { actorOf, type RouteDeps } from './deps.js'

export function apiKeyRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/api-keys',
    {
      config: { access: 'apiKeys.manage' },
      schema: { tags: ['api keys'], summary: 'Active API keys', response: { 200: z.object({ apiKeys: z.array(apiKeySchema) }) } },
    },
    async (request) => ({
      apiKeys: (await listApiKeys(deps.accounts, actorOf(request).workspaceId)).map((k) => presentApiKey(k.apiKey, k.createdByName)),
    }),
  )

  app.post(
    '/api/api-keys',
    {
      config: { access: 'apiKeys.manage' },
      schema: {
        tags: ['api keys'],
        summary: 'Make an API key with a role (the secret is shown only now)',
        body: z.object({ name: z.string().trim().min(1).max(80), role: roleSchema }),
        response: { 201: z.object({ apiKey: apiKeySchema, secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      const { apiKey, secret } = await createApiKey(deps.accounts, actor, request.body)
      const creator = await findUser(deps.accounts.db, actor.userId)
      return reply.code(201).send({ apiKey: presentApiKey(apiKey, creator?.name ?? ''), secret })
    },
  )

  app.delete(
    '/api/api-keys/:id',
    {
      config: { access: 'apiKeys.manage' },
      schema: { tags: ['api keys'], summary: 'Revoke an API key', params: z.object({ id: idSchema }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeApiKey(deps.accounts, actorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )
}
