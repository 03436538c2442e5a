/**
 * `GET /l/:code`: the short links' redirect, public and on the hot path of every click. It skips
 * what the app's other pages need (who is signed in, their language, helmet's page headers):
 * a 302 carries no content to protect. An unknown code gets a small page in the visitor's
 * language (from Accept-Language alone), which sets its own strict policy.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { directionOf, defaultLocale, negotiateLocale } from '../../domain/index.js'
import { translator } from '../../i18n/index.js'
import { redirectClick, type MeasureContext, type RedirectOutcome } from '../../measure/index.js'
import type { App } from '../types.js'

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** The page for a code that leads nowhere (deleted, mistyped, or never made). */
export function notFoundPage(acceptLanguage: string | undefined): string {
  const locale = negotiateLocale(acceptLanguage) ?? defaultLocale
  const t = translator(locale)
  const title = escape(t('measure.link_not_found.title'))
  const body = escape(t('measure.link_not_found.body'))
  return (
    `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1.5rem;line-height:1.5;color:#222">` +
    `<h1 style="font-size:1.5rem">${title}</h1><p>${body}</p></body></html>`
  )
}

function send(request: FastifyRequest, reply: FastifyReply, outcome: RedirectOutcome): FastifyReply {
  reply.header('cache-control', 'no-store')
  if (!outcome.found) {
    return reply
      .code(404)
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'")
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(notFoundPage(request.headers['accept-language']))
  }
  return reply.code(302).header('location', outcome.location).header('referrer-policy', 'no-referrer-when-downgrade').send()
}

export function redirectRoutes(app: App, ctx: MeasureContext): void {
  app.get<{ Params: { code: string } }>(
    '/l/:code',
    // No schema: the code is checked by shape in the feature, and a schema's validation would cost every click.
    { config: { access: 'public', anonymous: true }, helmet: false, schema: { hide: true } },
    (request, reply) => {
      const outcome = redirectClick(ctx, {
        code: request.params.code,
        method: request.method,
        userAgent: request.headers['user-agent'],
        referrer: request.headers.referer,
        acceptLanguage: request.headers['accept-language'],
        country: request.headers[ctx.countryHeader],
        address: request.ip,
      })
      if (outcome instanceof Promise) return outcome.then((found) => send(request, reply, found))
      return send(request, reply, outcome)
    },
  )
}
