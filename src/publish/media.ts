/**
 * Media for posts: an upload is identified by its bytes (never by the name or type the browser
 * claims), measured (width and height, for networks that want an aspect ratio) and stored with
 * its alt text. Whether a network accepts it is checked when the post names its accounts.
 */
import { imageSize } from 'image-size'
import { errors } from '../domain/index.js'
import { findMediaInfo, insertMedia, newId, updateMediaAltText, type MediaInfo } from '../store/index.js'
import type { PublishActor, PublishContext } from './context.js'

/** The largest file accepted at all; each network's own limit is checked against the post. */
export const maxUploadBytes = 16 * 1024 * 1024
export const maxAltTextLength = 2000

const imageTypes: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' }

export async function uploadMedia(ctx: PublishContext, actor: PublishActor, props: { bytes: Buffer; altText: string }): Promise<MediaInfo> {
  if (props.bytes.length === 0) throw errors.badRequest('media_empty')
  if (props.bytes.length > maxUploadBytes) throw errors.badRequest('media_upload_too_large', { max: maxUploadBytes })
  let size: { width?: number; height?: number; type?: string }
  try {
    size = imageSize(props.bytes)
  } catch {
    throw errors.badRequest('media_unsupported')
  }
  const mimeType = size.type ? imageTypes[size.type] : undefined
  if (!mimeType || !size.width || !size.height) throw errors.badRequest('media_unsupported')
  const now = ctx.now()
  const media = {
    id: newId(now),
    workspaceId: actor.workspaceId,
    postId: null,
    position: 0,
    kind: mimeType === 'image/gif' ? ('gif' as const) : ('image' as const),
    mimeType,
    size: props.bytes.length,
    width: size.width,
    height: size.height,
    altText: props.altText.trim().slice(0, maxAltTextLength),
    data: props.bytes,
    uploadedBy: actor.userId,
    createdAt: now,
  }
  await insertMedia(ctx.db, media)
  const { data: _data, ...info } = media
  return info
}

export async function setAltText(ctx: PublishContext, actor: PublishActor, mediaId: string, altText: string): Promise<MediaInfo> {
  if (!(await updateMediaAltText(ctx.db, actor.workspaceId, mediaId, altText.trim().slice(0, maxAltTextLength)))) throw errors.notFound('media')
  const [info] = await findMediaInfo(ctx.db, actor.workspaceId, [mediaId])
  return info!
}
