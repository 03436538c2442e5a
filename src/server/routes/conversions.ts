/**
 * Conversions from the business's website and the "How did you hear about us?" form:
 * - `GET /m.js`: the site script (any origin may load it);
 * - `POST /api/public/conversions` (+ its CORS preflight): what the script sends, named by the
 *   public site key, rate-limited per client address;
 * - `GET /m/p.gif`: the pixel, always a transparent GIF, recording when its query is valid;
 * - `POST /api/conversions`: the server-to-server API, with a workspace API key;
 * - `GET|POST /f/hear/:siteKey`: the form, an HTML page any site may frame;
 * - `GET /api/measure/conversions`: the latest conversions, for the app.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError } from '../../domain/index.js'
import {
  answerHearForm,
  listConversions,
  openHearForm,
  recordConversion,
  recordSiteConversion,
  renderHearForm,
  renderHearThanks,
  renderHearUnavailable,
  hearFormLocale,
  siteScript,
  transparentGif,
  type ConversionsContext,
  type HearRequest,
} from '../../measure/index.js'
import {
  conversionViewSchema,
  parsePixelQuery,
  presentConversion,
  publicConversionBody,
  serverConversionBody,
  toConversionInput,
} from '../conversion-schemas.js'
import type { App } from '../types.js'
import { actorOf } from './deps.js'

const tags = ['measure']

/** Conversions one client address may send per minute: a busy shop behind one NAT stays well under. */
export const publicConversionRateLimit = { max: 120, timeWindow: 60_000 }
/** Answers to the form one client address may send per minute. */
const formRateLimit = { max: 20, timeWindow: 60_000 }

/** Anyone may call, without credentials, so `*` is safe (and the only value that works for every shop). */
function allowAnyOrigin(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*')
  reply.header('cross-origin-resource-policy', 'cross-origin')
}

/**
 * The form lives in other sites' iframes: this page alone may be framed by anyone. Its policy
 * replaces the app's (which forbids framing): no script at all, inline styles, posts to itself.
 */
function allowFraming(reply: FastifyReply): void {
  reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors *")
  reply.removeHeader('x-frame-options')
  reply.header('cross-origin-resource-policy', 'cross-origin')
  reply.header('cache-control', 'no-store')
}

function html(reply: FastifyReply, status: number, body: string) {
  allowFraming(reply)
  return reply.code(status).type('text/html; charset=utf-8').send(body)
}

const siteKeyParams = z.object({ siteKey: z.string().max(64) })
const hearQuery = z.object({ lang: z.string().max(35).optional(), click: z.string().max(64).optional(), done: z.string().max(1).optional() })
const hearBody = z.object({ answer: z.string().max(64).optional(), lang: z.string().max(35).optional(), click: z.string().max(64).optional() })

function hearRequest(request: FastifyRequest, input: { lang?: string | undefined; click?: string | undefined }): HearRequest {
  return { lang: input.lang, acceptLanguage: request.headers['accept-language'], clickId: input.click || undefined }
}

/** Installs the routes; the form and text bodies get their parsers in a scope of their own. */
export async function conversionRoutes(app: App, ctx: ConversionsContext): Promise<void> {
  // Counters that answer without replying: over the limit, the pixel and form skip recording only.
  const counter = (limit: { max: number; timeWindow: number }) => {
    const count = app.createRateLimit(limit)
    return async (request: FastifyRequest) => {
      const result = await count(request)
      return result.isAllowed || !result.isExceeded
    }
  }
  const pixelWithinLimit = counter(publicConversionRateLimit)
  const formWithinLimit = counter(formRateLimit)

  app.get('/m.js', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    allowAnyOrigin(reply)
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(siteScript())
  })

  app.get('/m/p.gif', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const parsed = parsePixelQuery(request.query)
    // Over the limit, or not a valid conversion: the image still loads, nothing is recorded.
    if (parsed && (await pixelWithinLimit(request))) {
      try {
        await recordSiteConversion(ctx, parsed.siteKey, parsed.input, 'pixel')
      } catch (error) {
        if (!(error instanceof AppError)) request.log.error({ err: error }, 'the pixel could not record a conversion')
      }
    }
    allowAnyOrigin(reply)
    return reply.type('image/gif').header('cache-control', 'no-store, max-age=0').send(transparentGif)
  })

  app.post(
    '/api/conversions',
    {
      config: { access: 'measure.write' },
      schema: {
        tags,
        summary: 'Record a conversion from your own server, with an API key (Authorization: Bearer sck_…); 200 when its dedupeKey was already recorded',
        body: serverConversionBody,
        response: { 200: z.object({ conversion: conversionViewSchema, duplicate: z.boolean() }), 201: z.object({ conversion: conversionViewSchema, duplicate: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const result = await recordConversion(ctx, actorOf(request).workspaceId, toConversionInput(request.body), 'server')
      return reply.code(result.duplicate ? 200 : 201).send({ conversion: presentConversion(result.conversion), duplicate: result.duplicate })
    },
  )

  app.get(
    '/api/measure/conversions',
    {
      config: { access: 'measure.read' },
      schema: {
        tags,
        summary: 'The latest conversions and form answers, newest first',
        querystring: z.object({ cursor: z.string().max(200).optional() }),
        response: { 200: z.object({ conversions: z.array(conversionViewSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const page = await listConversions(ctx, actorOf(request).workspaceId, request.query.cursor)
      return { conversions: page.conversions.map(presentConversion), nextCursor: page.nextCursor }
    },
  )

  await app.register(async (scope) => {
    const routes = scope.withTypeProvider<ZodTypeProvider>()
    // The script sends JSON as text/plain: a "simple" request needs no preflight and survives unload.
    routes.removeContentTypeParser('text/plain')
    routes.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 8192 }, (_request, body, done) => {
      try {
        done(null, JSON.parse(String(body)))
      } catch (error) {
        done(error as Error, undefined)
      }
    })
    routes.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))))
    })

    routes.options('/api/public/conversions', { config: { access: 'public' }, schema: { tags, summary: 'The CORS preflight: any origin may post conversions, without credentials', security: [] } }, async (_request, reply) => {
      allowAnyOrigin(reply)
      return reply
        .code(204)
        .header('access-control-allow-methods', 'POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400')
        .send()
    })

    routes.post(
      '/api/public/conversions',
      {
        config: { access: 'public', crossOrigin: true, rateLimit: publicConversionRateLimit },
        bodyLimit: 8192,
        // Errors too must carry the CORS header, or the page's script cannot read why.
        onSend: async (_request, reply) => allowAnyOrigin(reply),
        schema: {
          tags,
          summary: 'Record a conversion from the website (what m.js sends): any origin, no credentials; named by the public site key',
          security: [],
          body: publicConversionBody,
          response: { 200: z.object({ recorded: z.boolean(), attributed: z.boolean() }), 201: z.object({ recorded: z.boolean(), attributed: z.boolean() }) },
        },
      },
      async (request, reply) => {
        const { siteKey, ...fields } = request.body
        const result = await recordSiteConversion(ctx, siteKey, toConversionInput(fields), 'script')
        return reply.code(result.duplicate ? 200 : 201).send({ recorded: !result.duplicate, attributed: result.attributed })
      },
    )

    routes.get('/f/hear/:siteKey', { config: { access: 'public' }, schema: { hide: true, params: siteKeyParams, querystring: hearQuery } }, async (request, reply) => {
      try {
        const form = await openHearForm(ctx, request.params.siteKey, hearRequest(request, request.query))
        return html(reply, 200, request.query.done === '1' ? renderHearThanks(form) : renderHearForm(form))
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        return html(reply, 404, renderHearUnavailable(hearFormLocale(hearRequest(request, request.query), 'en')))
      }
    })

    routes.post('/f/hear/:siteKey', { config: { access: 'public' }, schema: { hide: true, params: siteKeyParams, body: hearBody } }, async (request, reply) => {
      const asked = hearRequest(request, request.body)
      try {
        if (!(await formWithinLimit(request))) {
          return html(reply, 429, renderHearForm(await openHearForm(ctx, request.params.siteKey, asked), { problem: 'too_many' }))
        }
        const result = await answerHearForm(ctx, request.params.siteKey, { ...asked, answer: request.body.answer })
        if (!result.ok) return html(reply, 400, renderHearForm(result.form, { problem: result.problem }))
        // Post/redirect/get: reloading the thank-you page sends nothing twice.
        const query = new URLSearchParams({ lang: result.form.locale, done: '1', ...(result.form.clickId ? { click: result.form.clickId } : {}) })
        allowFraming(reply)
        return reply.redirect(`/f/hear/${encodeURIComponent(request.params.siteKey)}?${query.toString()}`, 303)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        return html(reply, 404, renderHearUnavailable(hearFormLocale(asked, 'en')))
      }
    })
  })
}
