/**
 * A response body read with a ceiling and decoded to text. The ceiling is enforced while
 * streaming, on decompressed bytes, so neither an endless body nor a compression bomb is ever
 * held in memory. The charset comes from a byte-order mark, else the Content-Type, else the XML
 * declaration, else UTF-8 (RFC 7303's order).
 */
import { TextDecoder } from 'node:util'
import { FeedError } from './errors.js'

/**
 * Reads the whole body, refusing it as soon as it passes `maxBytes`.
 * @throws FeedError `too_large`.
 */
export async function readBodyLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new FeedError('too_large', url)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, total)
}

/** The `charset` parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null): string | undefined {
  const match = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null
  return match?.[1]
}

/** The `encoding` of an XML declaration at the start of the bytes, if any. */
export function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every ASCII-compatible encoding, so latin1 reads it safely.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1')
  const match = /^\s*<\?xml\b[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)
  return match?.[1]
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return undefined
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined
  try {
    return new TextDecoder(label.trim().toLowerCase())
  } catch {
    // An unknown or misspelt label: fall through to the next source.
    return undefined
  }
}

/** What windows-1252 means by bytes 0x80–0x9F (WHATWG Encoding Standard); five are unassigned and stay C1. */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/**
 * Decodes a feed's bytes with the first charset that is declared and known. Malformed
 * sequences become U+FFFD rather than failing the whole feed.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): string {
  const decoder =
    decoderFor(charsetFromBom(bytes)) ??
    decoderFor(charsetFromContentType(contentType)) ??
    decoderFor(charsetFromXmlDeclaration(bytes)) ??
    new TextDecoder('utf-8')
  const text = decoder.decode(bytes)
  if (decoder.encoding !== 'windows-1252') return text
  // Node 20.18.3+ decodes windows-1252 (also the target of the latin1, iso-8859-1 and ascii
  // labels) as ISO-8859-1, leaving C1 controls where “, ” and € belong (nodejs/node#60888).
  // Mapping them afterwards is right either way: a fixed Node leaves no C1 characters here.
  return text.replace(/[\u0080-\u009f]/g, (c) => windows1252High[c.charCodeAt(0) - 0x80]!)
}
