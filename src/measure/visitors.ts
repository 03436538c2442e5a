/**
 * Unique visitors without keeping anyone's address: a click's visitor is
 * sha256(day's salt | address | user agent). The salt is random, one per UTC day, shared by every
 * process through `visitor_salts` (inserted once with insert-on-conflict, then read back, so
 * processes racing at midnight agree), and deleted once its day is over: the same person gets
 * the same hash all day and an unrelated one the next, and nobody can recompute old hashes.
 *
 * Deletion: a process that starts a new day deletes salts older than yesterday (yesterday's is
 * kept a little longer because clicks of the day's last moments may still be in a batch), and the
 * daily `measure-salts` job at 00:05 UTC deletes yesterday's.
 */
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { randomToken } from '../security/index.js'
import { claimVisitorSalt, deleteVisitorSaltsBefore, type Database } from '../store/index.js'

const dayMs = 24 * 3600_000

/** The UTC day of `time`, as yyyy-mm-dd. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}

/** The day before `day` (yyyy-mm-dd). */
function dayBefore(day: string): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) - dayMs)
}

/** The visitor hash (hex) of an address and user agent under a day's salt. */
export function visitorHash(salt: string, address: string, userAgent: string): string {
  return crypto.createHash('sha256').update(`${salt}|${address}|${userAgent}`).digest('hex')
}

export interface VisitorSalts {
  /** The salt of `day` (yyyy-mm-dd, UTC): made on first use, then the same for every process. */
  saltFor(day: string): Promise<string>
  /** Deletes the salts of days before `day`; returns how many went. */
  deleteBefore(day: string): Promise<number>
}

/** Salts from the database, remembered for the few days a process can be writing clicks of. */
export function createVisitorSalts(db: Kysely<Database>, options: { onError?: (error: unknown) => void } = {}): VisitorSalts {
  const known = new Map<string, Promise<string>>()
  let newest = ''
  return {
    saltFor(day) {
      let salt = known.get(day)
      if (!salt) {
        salt = claimVisitorSalt(db, day, randomToken(32))
        known.set(day, salt)
        // A failed read is forgotten, so the next batch asks again.
        salt.catch(() => known.delete(day))
        if (day > newest) {
          newest = day
          for (const old of known.keys()) if (old < dayBefore(day)) known.delete(old)
          // Rotation: nothing is written for days before yesterday any more.
          void salt.then(() => deleteVisitorSaltsBefore(db, dayBefore(day))).catch((error: unknown) => options.onError?.(error))
        }
      }
      return salt
    },
    deleteBefore: (day) => deleteVisitorSaltsBefore(db, day),
  }
}
