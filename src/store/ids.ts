/**
 * Identifiers: time-ordered, URL-safe and unguessable (48-bit time + 80 random bits, ULID layout).
 * Within one millisecond a process's ids keep increasing (ULID's monotonic mode: the random part
 * of the previous id plus one), so rows made in a burst sort in the order they were made.
 */
import crypto from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz' // Crockford base32, lower case

let lastTime = -1
let lastRandom: number[] = []

function encodeTime(now: number): string {
  let time = ''
  let t = now
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time
    t = Math.floor(t / 32)
  }
  return time
}

/** The random digits plus one; false when every digit was at its top (2^-80: never in practice). */
function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i]! < 31) {
      digits[i]!++
      return true
    }
    digits[i] = 0
  }
  return false
}

export function newId(now = Date.now()): string {
  if (!(now === lastTime && increment(lastRandom))) {
    const bytes = crypto.randomBytes(16)
    // The first digit stays below 16, leaving room to count up within the millisecond.
    lastRandom = Array.from(bytes, (b, i) => (i === 0 ? b % 16 : b % 32))
    lastTime = now
  }
  return encodeTime(now) + lastRandom.map((d) => ALPHABET[d]).join('')
}
