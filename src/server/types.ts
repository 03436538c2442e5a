/**
 * What the server adds to Fastify's request and route types: who is asking (`auth`), in which
 * language to answer (`locale`, `t`), and what each route requires (`config.access`).
 */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type {} from '@fastify/cookie'
import type { Actor, SessionInfo } from '../accounts/index.js'
import type { Locale, Permission } from '../domain/index.js'
import type { Translate } from '../i18n/index.js'
import type { ApiKey, Workspace } from '../store/index.js'

/**
 * What a route requires: `public` (anyone), `person` (a signed-in person, not an API key), or a
 * permission that a person's or API key's role must grant. Every /api route declares one.
 */
export type Access = 'public' | 'person' | Permission

export type Auth =
  | { kind: 'session'; info: SessionInfo; actor: Actor }
  | { kind: 'apiKey'; apiKey: ApiKey; workspace: Workspace; actor: Actor }

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null
    locale: Locale
    t: Translate
  }
  interface FastifyContextConfig {
    access?: Access
    /**
     * A public route that other websites call from the browser (the conversion endpoint): the
     * cross-site write check is skipped. Only honoured with `access: 'public'`; such a route
     * must not act on the session.
     */
    crossOrigin?: boolean
    /**
     * A public route outside /api that needs nobody's identity or language (the short links'
     * redirect): the auth hook leaves it alone, so a click costs no session lookup.
     */
    anonymous?: boolean
  }
}

/** The Fastify instance with zod schemas as the type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>
