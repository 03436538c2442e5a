/** Random tokens for sessions, invites and API keys; only their hashes are stored. */
import crypto from 'node:crypto'

/** A URL-safe random token with `bytes` of entropy (default 32 = 256 bits). */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url')
}

/** SHA-256 of a token, hex. Tokens are high-entropy, so a fast hash is the right tool here. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/** Constant-time string comparison for secrets of any length. */
export function safeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest()
  const hb = crypto.createHash('sha256').update(b).digest()
  return crypto.timingSafeEqual(ha, hb) && a.length === b.length
}
