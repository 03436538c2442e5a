/**
 * Security headers (helmet, with a Content-Security-Policy that fits the bundled web app) and the
 * rate limiter that routes opt into (sign-in, first run, invites, password change).
 */
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import { errors } from '../../domain/index.js'
import type { App } from '../types.js'

/** Attempts allowed per client address and minute on the routes that check passwords. */
export const sensitiveRateLimit = { max: 10, timeWindow: 60_000 }

export async function registerSecurity(app: App, options: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // Component styles set inline style attributes; no inline scripts are allowed.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', 'https:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': options.https ? [] : null,
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 15552000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => errors.rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  })
}
