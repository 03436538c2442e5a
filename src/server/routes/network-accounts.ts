/**
 * Networks and connected accounts: which networks exist and what they can do, connecting
 * (credentials typed in, or the network's OAuth sign-in), listing, checking and disconnecting.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { errors } from '../../domain/index.js'
import { randomToken, safeEqual } from '../../security/index.js'
import { checkAccounts, checkServerAddresses, connectAccount, disconnectAccount, listAccounts } from '../../publish/index.js'
import { presentAccount } from '../publish-presenters.js'
import { accountSchema, networkSchema } from '../publish-schemas.js'
import { idSchema } from '../schemas.js'
import type { App } from '../types.js'
import { publishActorOf, type RouteDeps } from './deps.js'

const oauthCookie = 'sc_oauth'
const oauthLifetimeMs = 10 * 60_000

interface PendingOAuth {
  state: string
  network: string
  server: string
  pending: Record<string, unknown>
  workspaceId: string
  userId: string
  expiresAt: number
}

export function networkAccountRoutes(app: App, deps: RouteDeps): void {
  const ctx = deps.publish
  const networkName = (id: string) => ctx.networks.get(id)?.displayName ?? id
  const callbackUrl = new URL('/api/accounts/oauth/callback', deps.config.publicUrl).toString()

  app.get(
    '/api/networks',
    {
      config: { access: 'accounts.read' },
      schema: { tags: ['accounts'], summary: 'Networks Stagecraft can publish to, and what each can do', response: { 200: z.object({ networks: z.array(networkSchema) }) } },
    },
    async () => ({
      networks: [...ctx.networks.values()].map((c) => {
        const caps = c.capabilities()
        return { id: c.id, name: c.displayName, oauth: typeof c.beginOAuth === 'function', capabilities: { text: caps.text, media: { ...caps.media, maxBytes: { ...caps.media.maxBytes } }, threads: caps.threads, linkCards: caps.linkCards } }
      }),
    }),
  )

  app.get(
    '/api/accounts',
    {
      config: { access: 'accounts.read' },
      schema: { tags: ['accounts'], summary: 'Connected accounts with their status', response: { 200: z.object({ accounts: z.array(accountSchema) }) } },
    },
    async (request) => ({ accounts: (await listAccounts(ctx, publishActorOf(request).workspaceId)).map((a) => presentAccount(a, networkName)) }),
  )

  app.post(
    '/api/accounts',
    {
      config: { access: 'accounts.manage' },
      schema: {
        tags: ['accounts'],
        summary: 'Connect an account with credentials (Bluesky: identifier, appPassword, service; Mastodon: server, accessToken)',
        body: z.object({ network: z.string().min(1).max(40), input: z.record(z.string(), z.string().max(2000)) }),
        response: { 201: z.object({ account: accountSchema }) },
      },
    },
    async (request, reply) => {
      const view = await connectAccount(ctx, publishActorOf(request), request.body)
      return reply.code(201).send({ account: presentAccount(view, networkName) })
    },
  )

  app.delete(
    '/api/accounts/:id',
    {
      config: { access: 'accounts.manage' },
      schema: { tags: ['accounts'], summary: 'Disconnect an account (its published history stays)', params: z.object({ id: idSchema }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await disconnectAccount(ctx, publishActorOf(request), request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/accounts/check',
    {
      config: { access: 'accounts.manage' },
      schema: { tags: ['accounts'], summary: 'Check every connection now (also done daily)', response: { 200: z.object({ accounts: z.array(accountSchema) }) } },
    },
    async (request) => {
      await checkAccounts(ctx)
      return { accounts: (await listAccounts(ctx, publishActorOf(request).workspaceId)).map((a) => presentAccount(a, networkName)) }
    },
  )

  app.post(
    '/api/accounts/oauth',
    {
      config: { access: 'accounts.manage' },
      schema: {
        tags: ['accounts'],
        summary: "Start connecting through the network's own sign-in page; open `authorizeUrl` in the browser",
        body: z.object({ network: z.string().min(1).max(40), server: z.url({ protocol: /^https?$/ }) }),
        response: { 200: z.object({ authorizeUrl: z.string() }) },
      },
    },
    async (request, reply) => {
      const connector = ctx.networks.get(request.body.network)
      if (!connector?.beginOAuth) throw errors.badRequest('oauth_not_supported')
      const actor = publishActorOf(request)
      await checkServerAddresses(ctx, { server: request.body.server })
      const state = randomToken(24)
      const { authorizeUrl, pending } = await connector.beginOAuth({ server: request.body.server, redirectUri: callbackUrl, state })
      const value: PendingOAuth = { state, network: connector.id, server: request.body.server, pending, workspaceId: actor.workspaceId, userId: actor.userId, expiresAt: ctx.now() + oauthLifetimeMs }
      reply.setCookie(oauthCookie, ctx.secrets.seal(JSON.stringify(value)), {
        path: '/api/accounts/oauth',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.publicUrl.protocol === 'https:',
        maxAge: oauthLifetimeMs / 1000,
      })
      return { authorizeUrl }
    },
  )

  app.get(
    '/api/accounts/oauth/callback',
    {
      config: { access: 'accounts.manage' },
      schema: {
        tags: ['accounts'],
        summary: 'Where the network sends the browser back; finishes connecting and returns to Settings → Accounts',
        querystring: z.object({ code: z.string().max(2000).optional(), state: z.string().max(200).optional(), error: z.string().max(500).optional() }),
      },
    },
    async (request: FastifyRequest<{ Querystring: { code?: string; state?: string; error?: string } }>, reply: FastifyReply) => {
      const back = (query: string) => reply.clearCookie(oauthCookie, { path: '/api/accounts/oauth' }).redirect(`/settings/accounts?${query}`)
      const sealed = request.cookies[oauthCookie]
      let pending: PendingOAuth | undefined
      try {
        pending = sealed ? (JSON.parse(ctx.secrets.open(sealed)) as PendingOAuth) : undefined
      } catch {
        pending = undefined
      }
      const actor = publishActorOf(request)
      const { code, state } = request.query
      if (!pending || !state || !safeEqual(state, pending.state) || pending.expiresAt < ctx.now() || pending.workspaceId !== actor.workspaceId) {
        return back('oauth=expired')
      }
      if (!code) return back(`oauth=denied`)
      try {
        const view = await connectAccount(ctx, actor, { network: pending.network, input: { server: pending.server, code, redirectUri: callbackUrl, pending: JSON.stringify(pending.pending) } })
        return back(`connected=${encodeURIComponent(view.account.id)}`)
      } catch {
        return back('oauth=failed')
      }
    },
  )
}
