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

/** One unit asked of the window of `key` (at most `max` per `windowMs`). */
export interface RateUnitRequest {
  key: string
  max: number
  windowMs: number
}

/**
 * Takes one unit per request, as `takeRateUnit` would one after the other, in a few statements:
 * the requests are counted per key and each key's count is taken at once by one multi-row upsert
 * (keys in sorted order, so two processes lock rows in the same order). A key whose window
 * cannot hold its whole count falls back to single takes, so a nearly full window still gives
 * out its last units. Results are in request order: undefined when taken, else when to come back.
 */
export async function takeRateUnits(db: Db, requests: RateUnitRequest[], now: number): Promise<Array<number | undefined>> {
  const counts = new Map<string, { request: RateUnitRequest; count: number }>()
  for (const request of requests) {
    const entry = counts.get(request.key)
    if (entry) entry.count++
    else counts.set(request.key, { request, count: 1 })
  }
  const granted = new Set<string>()
  // Keys sharing a limit go in one statement (in practice one or two groups per batch).
  const groups = new Map<string, Array<{ key: string; count: number }>>()
  for (const { request, count } of counts.values()) {
    if (count > request.max) continue
    const limit = `${request.max}/${request.windowMs}`
    groups.set(limit, [...(groups.get(limit) ?? []), { key: request.key, count }])
  }
  for (const [limit, entries] of groups) {
    const [max, windowMs] = limit.split('/').map(Number) as [number, number]
    const expired = now - windowMs
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    for (let i = 0; i < entries.length; i += 300) {
      const rows = await db
        .insertInto('rateWindows')
        .values(entries.slice(i, i + 300).map((e) => ({ key: e.key, windowStart: now, used: e.count })))
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet({
              used: sql<number>`case when rate_windows.window_start <= ${expired} then excluded.used else rate_windows.used + excluded.used end`,
              windowStart: sql<number>`case when rate_windows.window_start <= ${expired} then ${now} else rate_windows.window_start end`,
            })
            .where((eb) => eb.or([eb('rateWindows.windowStart', '<=', expired), eb(sql`rate_windows.used + excluded.used`, '<=', max)])),
        )
        .returning('key')
        .execute()
      for (const row of rows) granted.add(row.key)
    }
  }
  const results: Array<number | undefined> = []
  for (const request of requests) {
    results.push(granted.has(request.key) ? undefined : await takeRateUnit(db, request.key, request.max, request.windowMs, now))
  }
  return results
}
