/** What route files receive, and small helpers they share. */
import type { FastifyRequest } from 'fastify'
import type { AccountsContext, Actor, SessionInfo } from '../../accounts/index.js'
import type { PublishActor, PublishContext } from '../../publish/index.js'
import type { Config } from '../../config.js'
import { errors } from '../../domain/index.js'
import { sensitiveRateLimit } from '../plugins/security.js'

export interface RouteDeps {
  accounts: AccountsContext
  publish: PublishContext
  config: Config
  version: string
}

/** The acting person or API key; the route's access rule has already required one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw errors.unauthenticated()
  return request.auth.actor
}

/** The actor as publishing needs it. */
export function publishActorOf(request: FastifyRequest): PublishActor {
  const actor = actorOf(request)
  return { userId: actor.userId, workspaceId: actor.workspaceId, role: actor.role }
}

/** The signed-in person's session; for routes whose access is `person`. */
export function sessionOf(request: FastifyRequest): SessionInfo {
  if (request.auth?.kind !== 'session') throw errors.unauthenticated()
  return request.auth.info
}

/** Route config for endpoints that check a password or a token. */
export const limitedAttempts = { rateLimit: sensitiveRateLimit }
