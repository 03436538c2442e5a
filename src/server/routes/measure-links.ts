/**
 * Tracked links and measuring settings in the app: list (with click, bot-click and conversion
 * counts), create and delete standalone links, their QR images, and the workspace's tracking
 * switch, site key and website snippets.
 */
import { z } from 'zod'
import { createStandaloneLink, deleteLink, getMeasureSettings, linkQr, listLinks, updateMeasureSettings, type MeasureContext, type QrFormat } from '../../measure/index.js'
import { linkListSchema, measureSettingsSchema, presentLink, presentLinkPage, presentSettings, trackedLinkSchema } from '../measure-presenters.js'
import type { App } from '../types.js'
import { idSchema } from '../schemas.js'
import { actorOf } from './deps.js'

const tags = ['measure']
const params = z.object({ id: idSchema })
const optionalText = z.string().trim().max(100).nullable().optional()

export function measureLinkRoutes(app: App, ctx: MeasureContext): void {
  const actor = (request: Parameters<typeof actorOf>[0]) => {
    const { userId, workspaceId } = actorOf(request)
    return { userId, workspaceId }
  }

  app.get(
    '/api/measure/links',
    {
      config: { access: 'measure.read' },
      schema: {
        tags,
        summary: 'Tracked links, newest first, with their clicks (bots apart) and conversions',
        querystring: z.object({
          cursor: z.string().max(64).optional().describe('the `nextCursor` of the previous page'),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: { 200: linkListSchema },
      },
    },
    async (request) => presentLinkPage(await listLinks(ctx, actor(request).workspaceId, request.query), ctx.publicUrl),
  )

  app.post(
    '/api/measure/links',
    {
      config: { access: 'measure.write' },
      schema: {
        tags,
        summary: 'A standalone tracked link (a bio, a flyer, a QR code) to an http(s) address',
        body: z.object({ url: z.string().trim().min(1).max(2048), label: optionalText, campaign: optionalText }),
        response: { 201: z.object({ link: trackedLinkSchema }) },
      },
    },
    async (request, reply) => {
      const link = await createStandaloneLink(ctx, actor(request), request.body)
      return reply.code(201).send({ link: presentLink(link, ctx.publicUrl) })
    },
  )

  app.delete(
    '/api/measure/links/:id',
    { config: { access: 'measure.write' }, schema: { tags, summary: 'Delete a link and its clicks: its short address stops working', params, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteLink(ctx, actor(request).workspaceId, request.params.id)
      return reply.code(204).send(null)
    },
  )

  for (const format of ['svg', 'png'] as const satisfies QrFormat[]) {
    app.get(
      `/api/measure/links/:id/qr.${format}`,
      {
        config: { access: 'measure.read' },
        schema: {
          tags,
          summary: `The QR image of the short address (${format.toUpperCase()})`,
          params,
          querystring: z.object({ size: z.coerce.number().int().min(64).max(2048).default(512) }),
        },
      },
      async (request, reply) => {
        const image = await linkQr(ctx, actor(request).workspaceId, request.params.id, format, request.query.size)
        return reply
          .type(image.contentType)
          // The code never changes: the image of a link is the same forever.
          .header('cache-control', 'private, max-age=86400')
          .header('content-disposition', `inline; filename="link-${image.code}.${format}"`)
          .send(image.body)
      },
    )
  }

  app.get(
    '/api/measure/settings',
    { config: { access: 'measure.read' }, schema: { tags, summary: 'Link tracking, the site key and the website snippets', response: { 200: measureSettingsSchema } } },
    async (request) => presentSettings(await getMeasureSettings(ctx, actor(request).workspaceId), ctx.publicUrl, request.t('measure.snippets.hear_form_title')),
  )

  app.patch(
    '/api/measure/settings',
    {
      config: { access: 'measure.configure' },
      schema: { tags, summary: 'Turn link tracking on or off for the workspace', body: z.strictObject({ trackLinks: z.boolean().optional() }), response: { 200: measureSettingsSchema } },
    },
    async (request) => presentSettings(await updateMeasureSettings(ctx, actor(request).workspaceId, request.body), ctx.publicUrl, request.t('measure.snippets.hear_form_title')),
  )
}
