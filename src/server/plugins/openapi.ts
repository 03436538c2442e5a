/** The OpenAPI document (`/api/openapi.json`) and its browsable reference (`/api/docs`). */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import type { App } from '../types.js'

export async function registerOpenApi(app: App, options: { version: string; publicUrl: URL }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Stagecraft API',
        version: options.version,
        description:
          'Sign in with the session cookie (send the x-csrf-token header on writes) or a workspace API key ' +
          '(`Authorization: Bearer sck_…`). Errors are `{error: {code, message, fields?}}`, with the message in the ' +
          'language of the request (Accept-Language).',
      },
      servers: [{ url: options.publicUrl.origin }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sc_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  })
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })
}
