/**
 * Deterministic record keys: the same post request always gets the same key, so a retry after a
 * crash writes to a key that already holds the post instead of making a second one.
 *
 * A record key for `app.bsky.feed.post` must be a TID: 64 bits written as 13 characters of
 * base32-sortable, the top bit zero, then 53 bits of microseconds since the Unix epoch and 10
 * bits of "clock id" (https://atproto.com/specs/tid). The microseconds come from the request's
 * `createdAt` (milliseconds, identical on every retry); the sub-millisecond part and the clock id
 * come from a hash of the idempotency key, so two different posts created in the same
 * millisecond collide only once in about a million (20 bits), not once in 1,024.
 */
import { createHash } from 'node:crypto'

const alphabet = '234567abcdefghijklmnopqrstuvwxyz'

/** The TID record key for a post first attempted at `createdAtMs` with this idempotency key. */
export function recordKeyFor(createdAtMs: number, idempotencyKey: string): string {
  if (!Number.isSafeInteger(createdAtMs) || createdAtMs < 0) {
    throw new RangeError(`createdAt must be epoch milliseconds, got ${createdAtMs}`)
  }
  const hash = createHash('sha256').update(idempotencyKey).digest()
  const subMillisecond = BigInt(hash.readUInt16BE(0) % 1000)
  const clockId = BigInt(hash.readUInt16BE(2) & 0x3ff)
  let value = ((BigInt(createdAtMs) * 1000n + subMillisecond) << 10n) | clockId
  let key = ''
  for (let i = 0; i < 13; i += 1) {
    key = alphabet[Number(value & 31n)] + key
    value >>= 5n
  }
  return key
}

/** The time (epoch microseconds) a TID record key carries. */
export function microsecondsOf(tid: string): number {
  let value = 0n
  for (const char of tid) value = (value << 5n) | BigInt(alphabet.indexOf(char))
  return Number(value >> 10n)
}
