/**
 * Shared rate-limit counters (fixed windows) for every worker process: taking a unit is one
 * atomic statement, so two workers can never both take the last one.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.js'

type Db = Kysely<Database>

/**
 * Takes one unit from the window of `key` (at most `max` per `windowMs`). Returns undefined when
 * taken, or the time the current window ends when it is full.
 */
export async function takeRateUnit(db: Db, key: string, max: number, windowMs: number, now: number): Promise<number | undefined> {
  const expired = now - windowMs
  // One statement: a new window, or one more unit of the current one while any are left.
  const taken = await db
    .insertInto('rateWindows')
    .values({ key, windowStart: now, used: 1 })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          used: sql<number>`case when rate_windows.window_start <= ${expired} then 1 else rate_windows.used + 1 end`,
          windowStart: sql<number>`case when rate_windows.window_start <= ${expired} then ${now} else rate_windows.window_start end`,
        })
        .where((eb) => eb.or([eb('rateWindows.windowStart', '<=', expired), eb('rateWindows.used', '<', max)])),
    )
    .returning('key')
    .executeTakeFirst()
  if (taken) return undefined
  const row = await db.selectFrom('rateWindows').select('windowStart').where('key', '=', key).executeTakeFirst()
  return (row?.windowStart ?? now) + windowMs
}
