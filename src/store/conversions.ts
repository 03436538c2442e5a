/**
 * Conversions: what the business's website (script, pixel, server API) and the "how did you hear
 * about us?" form record, tied when possible to the tracked click that brought the visitor.
 */
import type { Kysely, Selectable } from 'kysely'
import type { ConversionsTable, Database, Workspace } from './schema.js'

type Db = Kysely<Database>

/** One stored conversion. */
export type ConversionRow = Selectable<ConversionsTable>

/** A conversion with the short code of the link whose click brought it, for lists. */
export type ConversionWithLink = ConversionRow & { linkCode: string | null }

/** Where a click came from, as a conversion records it. */
export interface ClickOrigin {
  clickId: string
  linkId: string
  postId: string | null
  network: string | null
}

/** The workspace a public site key names. */
export async function workspaceForSiteKey(db: Db, siteKey: string): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('siteKey', '=', siteKey).executeTakeFirst()
}

/** The click, its link, post and network, when the click belongs to `workspaceId` (else undefined). */
export async function clickOriginFor(db: Db, workspaceId: string, clickId: string): Promise<ClickOrigin | undefined> {
  const row = await db
    .selectFrom('clicks')
    .innerJoin('trackedLinks', 'trackedLinks.id', 'clicks.linkId')
    .select(['clicks.id as clickId', 'clicks.linkId', 'clicks.postId', 'clicks.network', 'trackedLinks.postId as linkPostId', 'trackedLinks.network as linkNetwork'])
    .where('clicks.id', '=', clickId)
    .where('clicks.workspaceId', '=', workspaceId)
    .where('trackedLinks.workspaceId', '=', workspaceId)
    .executeTakeFirst()
  if (!row) return undefined
  return { clickId: row.clickId, linkId: row.linkId, postId: row.postId ?? row.linkPostId, network: row.network ?? row.linkNetwork }
}

/** Stores a conversion unless one with the same dedupe key exists; true when stored. */
export async function insertConversionOnce(db: Db, conversion: ConversionRow): Promise<boolean> {
  const result = await db
    .insertInto('conversions')
    .values(conversion)
    .onConflict((oc) => oc.columns(['workspaceId', 'dedupeKey']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function findConversionByDedupeKey(db: Db, workspaceId: string, dedupeKey: string): Promise<ConversionRow | undefined> {
  return db.selectFrom('conversions').selectAll().where('workspaceId', '=', workspaceId).where('dedupeKey', '=', dedupeKey).executeTakeFirst()
}

/**
 * The newest conversions first, `limit` of them, strictly older than `before` (time, then id) when
 * given: a keyset page that new conversions arriving meanwhile cannot shift.
 */
export async function listConversionRows(db: Db, workspaceId: string, options: { limit: number; before?: { at: number; id: string } }): Promise<ConversionWithLink[]> {
  let query = db
    .selectFrom('conversions')
    .leftJoin('trackedLinks', 'trackedLinks.id', 'conversions.linkId')
    .selectAll('conversions')
    .select('trackedLinks.code as linkCode')
    .where('conversions.workspaceId', '=', workspaceId)
  const before = options.before
  if (before) {
    query = query.where((eb) => eb.or([eb('conversions.at', '<', before.at), eb.and([eb('conversions.at', '=', before.at), eb('conversions.id', '<', before.id)])]))
  }
  return query.orderBy('conversions.at', 'desc').orderBy('conversions.id', 'desc').limit(options.limit).execute()
}

/** The networks of the workspace's connected accounts (each once), for the form's choices. */
export async function connectedNetworksOf(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db.selectFrom('accounts').select('network').distinct().where('workspaceId', '=', workspaceId).where('status', '!=', 'disconnected').orderBy('network').execute()
  return rows.map((row) => row.network)
}
