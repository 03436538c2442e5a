/** Health and the facts the web app needs before anyone signs in. */
import { z } from 'zod'
import { directionOf, localeNames, locales, roles } from '../../domain/index.js'
import type { App } from '../types.js'
import type { RouteDeps } from './deps.js'

const timeZones = Intl.supportedValuesOf('timeZone')

export function metaRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['meta'], summary: 'Is the server up?', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/api/meta',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meta'],
        summary: 'Languages, time zones and roles',
        response: {
          200: z.object({
            version: z.string(),
            locales: z.array(z.object({ code: z.string(), name: z.string(), dir: z.enum(['ltr', 'rtl']) })),
            timeZones: z.array(z.string()),
            roles: z.array(z.string()),
          }),
        },
      },
    },
    async () => ({
      version: deps.version,
      locales: locales.map((code) => ({ code, name: localeNames[code], dir: directionOf(code) })),
      timeZones,
      roles: [...roles],
    }),
  )
}
