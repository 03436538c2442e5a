/** First run: is setup needed, and doing it. */
import { z } from 'zod'
import { isSetupNeeded, setupWorkspace } from '../../accounts/index.js'
import { setSessionCookie } from '../cookies.js'
import { presentSession } from '../presenters.js'
import { emailSchema, localeSchema, passwordSchema, personNameSchema, sessionPayloadSchema, timeZoneSchema } from '../schemas.js'
import type { App } from '../types.js'
import { limitedAttempts, type RouteDeps } from './deps.js'

export function setupRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: { tags: ['setup'], summary: 'Whether first-run setup is still needed', response: { 200: z.object({ needed: z.boolean() }) } },
    },
    async () => ({ needed: await isSetupNeeded(deps.accounts) }),
  )

  app.post(
    '/api/setup',
    {
      config: { access: 'public', ...limitedAttempts },
      schema: {
        tags: ['setup'],
        summary: 'Create the workspace and its owner (first run only)',
        body: z.object({
          businessName: z.string().trim().min(1).max(120),
          timeZone: timeZoneSchema,
          locale: localeSchema,
          name: personNameSchema,
          email: emailSchema,
          password: passwordSchema,
        }),
        response: { 201: sessionPayloadSchema },
      },
    },
    async (request, reply) => {
      const created = await setupWorkspace(deps.accounts, request.body)
      setSessionCookie(request, reply, created.token, deps.config.publicUrl)
      return reply.code(201).send(presentSession(created))
    },
  )
}
