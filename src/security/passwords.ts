/**
 * Password hashing with scrypt (Node's built-in). The hash string carries its own parameters,
 * so the cost can be raised later without breaking existing accounts:
 * `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (salt and hash base64url).
 */
import crypto from 'node:crypto'
import { promisify } from 'node:util'

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>

/** OWASP's recommended minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB, ~0.3 s here). */
export const defaultPasswordCost = 17
const KEY_LENGTH = 64
const BLOCK_SIZE = 8
const PARALLELISM = 1

function maxmemFor(log2N: number, r: number): number {
  return 128 * 2 ** log2N * r * 2
}

/** Hashes a password. `cost` is log2 of scrypt's N (tests use a lower one for speed). */
export async function hashPassword(password: string, cost = defaultPasswordCost): Promise<string> {
  const salt = crypto.randomBytes(16)
  const hash = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, {
    N: 2 ** cost,
    r: BLOCK_SIZE,
    p: PARALLELISM,
    maxmem: maxmemFor(cost, BLOCK_SIZE),
  })
  return ['scrypt', cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

/** True when `password` matches `stored`; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !cost || !r || !p || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: 2 ** Number(cost),
    r: Number(r),
    p: Number(p),
    maxmem: maxmemFor(Number(cost), Number(r)),
  })
  return crypto.timingSafeEqual(actual, expected)
}

let dummyHash: Promise<string> | undefined
/**
 * Spends the same time as a real check when there is no account to check against, so a login
 * attempt does not reveal whether an e-mail is registered.
 */
export async function verifyAgainstDummy(password: string, cost = defaultPasswordCost): Promise<false> {
  dummyHash ??= hashPassword('stagecraft-dummy-password', cost)
  await verifyPassword(password, await dummyHash)
  return false
}
