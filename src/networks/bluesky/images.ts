/**
 * Images: each uploaded as a blob, then embedded with its alt text and, when its size is known,
 * its aspect ratio (so apps lay the post out before the image arrives).
 */
import type { AppBskyEmbedImages, AtpAgent } from '@atproto/api'
import type { MediaAttachment } from '../connector.js'
import { Rejected } from '../errors.js'
import { network } from './xrpc-errors.js'

/** Uploads the images and returns the embed that carries them; undefined when there are none. */
export async function imagesEmbed(agent: AtpAgent, media: MediaAttachment[]): Promise<(AppBskyEmbedImages.Main & { $type: 'app.bsky.embed.images' }) | undefined> {
  if (media.length === 0) return undefined
  const unsupported = media.find((m) => m.kind !== 'image' && m.kind !== 'gif')
  if (unsupported) throw new Rejected(network, `Bluesky posts made here carry images only, not ${unsupported.kind}`, 'UnsupportedMedia')
  const images = await Promise.all(
    media.map(async (m): Promise<AppBskyEmbedImages.Image> => {
      const { data } = await agent.uploadBlob(m.bytes, { encoding: m.mimeType })
      const width = Math.round(m.width ?? 0)
      const height = Math.round(m.height ?? 0)
      return { image: data.blob, alt: m.altText, ...(width >= 1 && height >= 1 ? { aspectRatio: { width, height } } : {}) }
    }),
  )
  return { $type: 'app.bsky.embed.images', images }
}
