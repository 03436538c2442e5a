/**
 * Recording conversions (a purchase, a sign-up, an answer to "how did you hear about us?") and
 * tying each to the tracked click that brought the visitor, when the sender knows its id. The
 * same function serves the website's script, the pixel, the server API and the form; only the
 * way the workspace is found (public site key or API key) differs.
 */
import type { Kysely } from 'kysely'
import { AppError } from '../domain/index.js'
import {
  clickOriginFor,
  findConversionByDedupeKey,
  insertConversionOnce,
  listConversionRows,
  newId,
  workspaceForSiteKey,
  type ClickOrigin,
  type ConversionRow,
  type ConversionWithLink,
  type Database,
  type Workspace,
} from '../store/index.js'

/**
 * What recording conversions needs from outside (the consumer owns the interface: the measure
 * context satisfies it, and a test can pass its own).
 */
export interface ConversionsContext {
  db: Kysely<Database>
  now(): number
  /** Network ids → their names, for the form's choices (the connector registry fits). */
  networks: ReadonlyMap<string, { displayName: string }>
  /**
   * This process's clicks not written yet (the redirect's click writer): a visitor who converts
   * within a batch window of clicking is still tied to the click.
   */
  clicks?: { findPending(clickId: string): { id: string; linkId: string; workspaceId: string; postId: string | null; network: string | null } | undefined }
}

/** The click a conversion names: stored, or still waiting in this process's writer; only the workspace's own. */
async function clickOrigin(ctx: ConversionsContext, workspaceId: string, clickId: string): Promise<ClickOrigin | undefined> {
  const stored = await clickOriginFor(ctx.db, workspaceId, clickId)
  if (stored) return stored
  const pending = ctx.clicks?.findPending(clickId)
  if (!pending || pending.workspaceId !== workspaceId) return undefined
  return { clickId: pending.id, linkId: pending.linkId, postId: pending.postId, network: pending.network }
}

/** Where a conversion was sent from. */
export type ConversionSource = ConversionRow['source']

/** One conversion as the sender describes it, already validated. */
export interface ConversionInput {
  /** Lower-case, 1–40 of a-z 0-9 _ -. */
  type: string
  value: number | null
  /** ISO 4217, upper-case. */
  currency: string | null
  /** The click id the landing URL carried (`sc_click`); ignored unless it is the workspace's. */
  clickId: string | null
  /** Makes a retried conversion count once per workspace. */
  dedupeKey: string | null
  /** The "how did you hear about us?" choice. */
  answer?: string | null
}

/** What recording did: the stored conversion (or the earlier one with the same dedupe key). */
export interface RecordedConversion {
  conversion: ConversionRow
  /** True when an earlier conversion had the same dedupe key, so nothing new was stored. */
  duplicate: boolean
  /** True when the click id was one of the workspace's clicks. */
  attributed: boolean
}

/** Conversions per page of the list. */
export const conversionPageSize = 50

/** The workspace a site key names; an unknown key is a 404 (it is public, so nothing leaks). */
export async function workspaceOfSiteKey(ctx: Pick<ConversionsContext, 'db'>, siteKey: string): Promise<Workspace> {
  const workspace = await workspaceForSiteKey(ctx.db, siteKey)
  if (!workspace) throw new AppError('not_found', 'not_found_site_key')
  return workspace
}

/**
 * Stores one conversion for the workspace. A click of another workspace (or an unknown one) is
 * ignored rather than refused: the visitor's cookie may be stale, and the sale still happened.
 */
export async function recordConversion(ctx: ConversionsContext, workspaceId: string, input: ConversionInput, source: ConversionSource): Promise<RecordedConversion> {
  const origin = input.clickId ? await clickOrigin(ctx, workspaceId, input.clickId) : undefined
  const conversion: ConversionRow = {
    id: newId(ctx.now()),
    workspaceId,
    clickId: origin?.clickId ?? null,
    linkId: origin?.linkId ?? null,
    postId: origin?.postId ?? null,
    network: origin?.network ?? null,
    type: input.type,
    value: input.value,
    currency: input.currency,
    source,
    answer: input.answer ?? null,
    dedupeKey: input.dedupeKey,
    at: ctx.now(),
  }
  if (await insertConversionOnce(ctx.db, conversion)) return { conversion, duplicate: false, attributed: origin !== undefined }
  const earlier = input.dedupeKey ? await findConversionByDedupeKey(ctx.db, workspaceId, input.dedupeKey) : undefined
  if (!earlier) throw new Error('a conversion was neither stored nor found by its dedupe key')
  return { conversion: earlier, duplicate: true, attributed: earlier.clickId !== null }
}

/** Stores a conversion sent with the workspace's public site key (script, pixel, form). */
export async function recordSiteConversion(ctx: ConversionsContext, siteKey: string, input: ConversionInput, source: ConversionSource): Promise<RecordedConversion> {
  const workspace = await workspaceOfSiteKey(ctx, siteKey)
  return recordConversion(ctx, workspace.id, input, source)
}

/** One page of the latest conversions, and the cursor of the next (null at the end). */
export interface ConversionPage {
  conversions: ConversionWithLink[]
  nextCursor: string | null
}

function encodeCursor(row: { at: number; id: string }): string {
  return Buffer.from(`${row.at}:${row.id}`).toString('base64url')
}

/** A cursor that cannot be read starts from the newest again rather than failing the list. */
function decodeCursor(cursor: string | undefined): { at: number; id: string } | undefined {
  if (!cursor) return undefined
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':')
  const time = Number(at)
  return Number.isSafeInteger(time) && id ? { at: time, id } : undefined
}

/** The workspace's conversions, newest first. */
export async function listConversions(ctx: Pick<ConversionsContext, 'db'>, workspaceId: string, cursor?: string): Promise<ConversionPage> {
  const before = decodeCursor(cursor)
  const rows = await listConversionRows(ctx.db, workspaceId, { limit: conversionPageSize + 1, ...(before ? { before } : {}) })
  const page = rows.slice(0, conversionPageSize)
  const last = page.at(-1)
  return { conversions: page, nextCursor: rows.length > conversionPageSize && last ? encodeCursor(last) : null }
}
