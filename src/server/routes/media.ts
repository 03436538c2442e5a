/** Uploading images for posts (multipart), setting their alt text, and serving them back. */
import multipart from '@fastify/multipart'
import { z } from 'zod'
import { errors } from '../../domain/index.js'
import { maxAltTextLength, maxUploadBytes, setAltText, uploadMedia } from '../../publish/index.js'
import { findMediaFile } from '../../store/index.js'
import { presentMedia } from '../publish-presenters.js'
import { mediaSchema } from '../publish-schemas.js'
import { idSchema } from '../schemas.js'
import type { App } from '../types.js'
import { publishActorOf, type RouteDeps } from './deps.js'

export async function mediaRoutes(app: App, deps: RouteDeps): Promise<void> {
  const ctx = deps.publish
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 2, fieldSize: maxAltTextLength * 4 } })

  app.post(
    '/api/media',
    {
      config: { access: 'posts.write' },
      schema: {
        tags: ['posts'],
        summary: 'Upload an image (multipart/form-data: `file`, and `altText` describing it)',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ media: mediaSchema }) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw errors.badRequest('media_expected_multipart')
      const file = await request.file()
      if (!file) throw errors.badRequest('media_empty')
      const bytes = await file.toBuffer().catch(() => {
        throw errors.badRequest('media_upload_too_large', { mb: maxUploadBytes / 1024 / 1024 })
      })
      const altField = file.fields.altText
      const altText = altField && !Array.isArray(altField) && altField.type === 'field' ? String(altField.value) : ''
      const media = await uploadMedia(ctx, publishActorOf(request), { bytes, altText })
      return reply.code(201).send({ media: presentMedia(media) })
    },
  )

  app.patch(
    '/api/media/:id',
    {
      config: { access: 'posts.write' },
      schema: {
        tags: ['posts'],
        summary: "Change an image's alt text",
        params: z.object({ id: idSchema }),
        body: z.object({ altText: z.string().max(maxAltTextLength) }),
        response: { 200: z.object({ media: mediaSchema }) },
      },
    },
    async (request) => ({ media: presentMedia(await setAltText(ctx, publishActorOf(request), request.params.id, request.body.altText)) }),
  )

  app.get(
    '/api/media/:id',
    { config: { access: 'posts.read' }, schema: { tags: ['posts'], summary: 'The image itself', params: z.object({ id: idSchema }) } },
    async (request, reply) => {
      const media = await findMediaFile(ctx.db, publishActorOf(request).workspaceId, request.params.id)
      if (!media) throw errors.notFound('media')
      return reply.type(media.mimeType).header('cache-control', 'private, max-age=86400').header('x-content-type-options', 'nosniff').send(media.data)
    },
  )
}
