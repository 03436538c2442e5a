/** Identifiers: time-ordered, URL-safe and unguessable (48-bit time + 80 random bits, ULID layout). */
import crypto from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz' // Crockford base32, lower case

export function newId(now = Date.now()): string {
  let time = ''
  let t = now
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time
    t = Math.floor(t / 32)
  }
  const bytes = crypto.randomBytes(16)
  let random = ''
  for (let i = 0; i < 16; i++) random += ALPHABET[bytes[i]! % 32]
  return time + random
}
