/** The workspace's settings. */
import { z } from 'zod'
import { getWorkspace, updateWorkspace } from '../../accounts/index.js'
import { presentWorkspace } from '../presenters.js'
import { localeSchema, timeZoneSchema, workspaceSchema } from '../schemas.js'
import type { App } from '../types.js'
import { actorOf, type RouteDeps } from './deps.js'

export function workspaceRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/workspace',
    {
      config: { access: 'workspace.read' },
      schema: { tags: ['workspace'], summary: 'The workspace', response: { 200: z.object({ workspace: workspaceSchema }) } },
    },
    async (request) => ({ workspace: presentWorkspace(await getWorkspace(deps.accounts, actorOf(request).workspaceId)) }),
  )

  app.patch(
    '/api/workspace',
    {
      config: { access: 'workspace.update' },
      schema: {
        tags: ['workspace'],
        summary: 'Rename the workspace or change its time zone or default language',
        body: z.object({
          name: z.string().trim().min(1).max(120).optional(),
          timeZone: timeZoneSchema.optional(),
          locale: localeSchema.optional(),
        }),
        response: { 200: z.object({ workspace: workspaceSchema }) },
      },
    },
    async (request) => ({
      workspace: presentWorkspace(await updateWorkspace(deps.accounts, actorOf(request).workspaceId, request.body)),
    }),
  )
}
