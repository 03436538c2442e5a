/**
 * The in-process runner's due index keyed the way its queries ask: by state and job name, then
 * due time and id. A claim (`state = queued AND name = ? AND run_at <= ? ORDER BY run_at, id`)
 * and the next due time per name then read the index in order instead of sorting every queued
 * job, which mattered once a backlog of tens of thousands of publish jobs built up. Recovery
 * (`state = active`) and pruning (`state IN (done, failed)`) still use its first column.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('jobs_due_by_name_idx').on('jobs').columns(['state', 'name', 'run_at', 'id']).execute()
  await db.schema.dropIndex('jobs_due_idx').execute()
}
