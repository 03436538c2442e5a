/**
 * QR images of a link's short address (for a flyer, a menu, a shop window): SVG for print, PNG
 * for everything else. Medium error correction survives a small smudge or a logo sticker.
 */
import QRCode from 'qrcode'
import type { MeasureContext } from './context.js'
import { getLink, shortUrl } from './links.js'

export type QrFormat = 'svg' | 'png'

export interface QrImage {
  /** The short address it encodes. */
  text: string
  code: string
  body: string | Buffer
  contentType: string
}

/** The QR image of one of the workspace's links, `size` pixels wide (the SVG scales anyway). */
export async function linkQr(ctx: MeasureContext, workspaceId: string, id: string, format: QrFormat, size: number): Promise<QrImage> {
  const link = await getLink(ctx, workspaceId, id)
  const text = shortUrl(ctx.publicUrl, link.code)
  const options = { errorCorrectionLevel: 'M' as const, margin: 2, width: size }
  if (format === 'svg') {
    return { text, code: link.code, body: await QRCode.toString(text, { ...options, type: 'svg' }), contentType: 'image/svg+xml' }
  }
  return { text, code: link.code, body: await QRCode.toBuffer(text, { ...options, type: 'png' }), contentType: 'image/png' }
}
