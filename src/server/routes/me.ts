/** The signed-in person's own account. */
import { z } from 'zod'
import { changePassword, updateProfile } from '../../accounts/index.js'
import { presentUser } from '../presenters.js'
import { localeSchema, passwordSchema, personNameSchema, userSchema } from '../schemas.js'
import type { App } from '../types.js'
import { limitedAttempts, sessionOf, type RouteDeps } from './deps.js'

export function meRoutes(app: App, deps: RouteDeps): void {
  app.patch(
    '/api/me',
    {
      config: { access: 'person' },
      schema: {
        tags: ['me'],
        summary: 'Change your name or language (the language is remembered for you)',
        body: z.object({ name: personNameSchema.optional(), locale: localeSchema.optional() }),
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (request) => {
      const user = await updateProfile(deps.accounts, sessionOf(request).user.id, request.body)
      return { user: presentUser(user) }
    },
  )

  app.post(
    '/api/me/password',
    {
      config: { access: 'person', ...limitedAttempts },
      schema: {
        tags: ['me'],
        summary: 'Change your password (signs you out everywhere else)',
        body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: passwordSchema }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const { user, session } = sessionOf(request)
      await changePassword(deps.accounts, { userId: user.id, keepSessionId: session.id, ...request.body })
      return reply.code(204).send(null)
    },
  )
}
