/** Signing in, seeing who is signed in, signing out. */
import { z } from 'zod'
import { login, logout } from '../../accounts/index.js'
import { errors } from '../../domain/index.js'
import { clearSessionCookie, setSessionCookie } from '../cookies.js'
import { presentSession } from '../presenters.js'
import { sessionPayloadSchema } from '../schemas.js'
import type { App } from '../types.js'
import { limitedAttempts, sessionOf, type RouteDeps } from './deps.js'

export function sessionRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/session',
    {
      config: { access: 'public' },
      schema: { tags: ['session'], summary: 'The signed-in person (401 when nobody is)', response: { 200: sessionPayloadSchema } },
    },
    async (request) => {
      if (request.auth?.kind !== 'session') throw errors.unauthenticated()
      return presentSession(request.auth.info)
    },
  )

  app.post(
    '/api/session',
    {
      config: { access: 'public', ...limitedAttempts },
      schema: {
        tags: ['session'],
        summary: 'Sign in',
        body: z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }),
        response: { 200: sessionPayloadSchema },
      },
    },
    async (request, reply) => {
      const opened = await login(deps.accounts, request.body)
      setSessionCookie(request, reply, opened.token, deps.config.publicUrl)
      return presentSession(opened)
    },
  )

  app.delete(
    '/api/session',
    { config: { access: 'person' }, schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      await logout(deps.accounts, sessionOf(request).session.id)
      clearSessionCookie(request, reply, deps.config.publicUrl)
      return reply.code(204).send(null)
    },
  )
}
