/**
 * The one migration set, for SQLite and PostgreSQL alike. Forward-only: a migration that has
 * shipped is never edited; a change is a new file added here under the next number.
 */
import type { Migration } from 'kysely'
import * as foundation from './0001-foundation.js'
import * as publish from './0002-publish.js'
import * as listen from './0003-listen.js'
import * as coach from './0004-coach.js'
import * as measure from './0005-measure.js'
import * as metrics from './0006-metrics.js'
import * as engage from './0007-engage.js'
import * as dispatch from './0008-dispatch.js'

export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-publish': publish,
  '0003-listen': listen,
  '0004-coach': coach,
  '0005-measure': measure,
  '0006-metrics': metrics,
  '0007-engage': engage,
  '0008-dispatch': dispatch,
}
