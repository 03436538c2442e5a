/**
 * Who is asking, in which language to answer, and whether they may: runs on every request
 * before its body is read.
 * - Auth: the `sc_session` cookie, or `Authorization: Bearer sck_…` (a workspace API key).
 * - Locale: the person's saved language, else the `sc_lang` cookie, else Accept-Language, else
 *   the workspace's language, else English.
 * - Access: every /api route declares `config.access`; a route without one fails at start-up.
 * - Cross-site writes: a write carried by the session cookie must send the session's CSRF token
 *   in `x-csrf-token`; any write whose Origin is another site is refused, except on public routes
 *   that websites are meant to call (`config.crossOrigin`: the conversion endpoint).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { resolveApiKey, resolveSession, type AccountsContext } from '../../accounts/index.js'
import { can, errors, isLocale, negotiateLocale, defaultLocale, type Locale } from '../../domain/index.js'
import { translator } from '../../i18n/index.js'
import { safeEqual } from '../../security/index.js'
import type { Access, App, Auth } from '../types.js'

export const sessionCookie = 'sc_session'
export const languageCookie = 'sc_lang'

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** A route as the access table records it (used by the role tests and the OpenAPI document). */
export interface RouteAccess {
  method: string
  url: string
  access: Access
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with what it requires. */
    apiRoutes: RouteAccess[]
  }
}

/** Routes under /api that another plugin serves and that are public by nature. */
const exempt = (url: string) => url.startsWith('/api/docs')

async function authenticate(request: FastifyRequest, ctx: AccountsContext): Promise<Auth | null> {
  const header = request.headers.authorization
  if (header !== undefined) {
    const [scheme, secret] = header.split(' ')
    if (scheme?.toLowerCase() !== 'bearer' || !secret) throw errors.unauthenticated()
    const found = await resolveApiKey(ctx, secret)
    if (!found) throw errors.unauthenticated()
    return {
      kind: 'apiKey',
      apiKey: found.apiKey,
      workspace: found.workspace,
      actor: { kind: 'apiKey', userId: found.apiKey.createdBy, workspaceId: found.workspace.id, role: found.role },
    }
  }
  const token = request.cookies[sessionCookie]
  if (!token) return null
  const info = await resolveSession(ctx, token)
  if (!info) return null
  return { kind: 'session', info, actor: { kind: 'user', userId: info.user.id, workspaceId: info.workspace.id, role: info.role } }
}

function resolveLocale(request: FastifyRequest, auth: Auth | null): Locale {
  const saved = auth?.kind === 'session' ? auth.info.user.locale : null
  if (isLocale(saved)) return saved
  const cookie = request.cookies[languageCookie]
  if (isLocale(cookie)) return cookie
  const negotiated = negotiateLocale(request.headers['accept-language'])
  if (negotiated) return negotiated
  const workspaceLocale = auth?.kind === 'session' ? auth.info.workspace.locale : auth?.workspace.locale
  return isLocale(workspaceLocale) ? workspaceLocale : defaultLocale
}

function sameOrigin(origin: string, request: FastifyRequest, publicUrl: URL): boolean {
  return origin === publicUrl.origin || origin === `${request.protocol}://${request.host}`
}

/** Refuses a request that lacks what its route's access rule requires. */
function checkAccess(request: FastifyRequest, access: Access): void {
  if (access === 'public') return
  const auth = request.auth
  if (!auth) throw errors.unauthenticated()
  if (access === 'person') {
    if (auth.kind !== 'session') throw errors.forbidden('person_only')
    return
  }
  if (!can(auth.actor.role, access)) throw errors.forbidden()
}

function checkCrossSite(request: FastifyRequest, publicUrl: URL): void {
  if (safeMethods.has(request.method)) return
  const origin = request.headers.origin
  if (origin !== undefined && !sameOrigin(origin, request, publicUrl)) throw errors.forbidden('cross_site')
  if (request.headers['sec-fetch-site'] === 'cross-site') throw errors.forbidden('cross_site')
  if (request.auth?.kind === 'session') {
    const sent = request.headers['x-csrf-token']
    if (typeof sent !== 'string' || !safeEqual(sent, request.auth.info.session.csrfToken)) throw errors.forbidden('csrf')
  }
}

/** Installs auth, locale and access checks. Register before any route. */
export function registerAuth(app: App, ctx: AccountsContext): void {
  app.decorate('apiRoutes', [] as RouteAccess[])
  app.decorateRequest('auth', null)
  app.decorateRequest('locale', defaultLocale)
  app.decorateRequest('t', translator(defaultLocale))

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || exempt(route.url)) return
    const access = route.config?.access
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`)
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access })
    }
  })

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    // Public routes that settle what they need themselves; never /api ones (see onRoute).
    if (request.routeOptions.config?.anonymous === true && !request.url.startsWith('/api')) return
    // The language is settled first so that even an authentication failure is answered in it.
    request.locale = resolveLocale(request, null)
    request.t = translator(request.locale)
    request.auth = await authenticate(request, ctx)
    request.locale = resolveLocale(request, request.auth)
    request.t = translator(request.locale)
    if (!request.url.startsWith('/api') || exempt(request.url)) return
    const access = request.routeOptions.config?.access
    if (!(access === 'public' && request.routeOptions.config?.crossOrigin === true)) checkCrossSite(request, ctx.publicUrl)
    if (access) checkAccess(request, access)
  })
}
