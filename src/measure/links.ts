/**
 * Tracked links: the short address `<public url>/l/<code>` that sends to the destination with UTM
 * tags. Two kinds:
 * - a post's links, made when a target is published (`trackTargetLinks`): UTM source = the
 *   network, medium = `social`, campaign = the given one or `social`, content = the post id;
 * - standalone links for a bio, a flyer or a QR code: UTM source = the label as a slug
 *   ("Instagram bio" → `instagram-bio`, or `link` without a label), medium = `link` (so that the
 *   website's analytics can tell them from post links), campaign = the given one, if any.
 * Codes are 8 random characters of [0-9A-Za-z] (62^8 ≈ 2·10^14), unique, drawn again on a collision.
 */
import crypto from 'node:crypto'
import { AppError, findLinks } from '../domain/index.js'
import { checkPublicUrl, UrlRejectedError } from '../security/index.js'
import {
  deleteTrackedLink,
  findTargetLinks,
  findTrackedLink,
  insertTrackedLink,
  listTrackedLinks,
  newId,
  postTracksLinks,
  type TrackedLinkRow,
  type TrackedLinkWithCounts,
} from '../store/index.js'
import type { MeasureActor, MeasureContext } from './context.js'
import { addUtm, utmSlug } from './utm.js'

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
export const linkCodeLength = 8
const codePattern = /^[0-9A-Za-z]{7,8}$/

/** A fresh random code: 8 characters of 62, without modulo bias. */
export function newLinkCode(): string {
  let code = ''
  while (code.length < linkCodeLength) {
    for (const byte of crypto.randomBytes(16)) {
      // 248 = 4 × 62: bytes above it would favour the first letters.
      if (byte < 248 && code.length < linkCodeLength) code += alphabet[byte % 62]
    }
  }
  return code
}

/** True for something shaped like a code (7 or 8 of [0-9A-Za-z]); anything else is unknown at once. */
export function isLinkCode(code: string): boolean {
  return codePattern.test(code)
}

/** The short address of `code`. */
export function shortUrl(publicUrl: URL, code: string): string {
  return new URL(`/l/${code}`, publicUrl).toString()
}

/** How long a short link is on this server (for counting a post's length before it is published). */
export function shortLinkLength(publicUrl: URL): number {
  return shortUrl(publicUrl, 'x'.repeat(linkCodeLength)).length
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** Inserts a link under a fresh code, drawing again on the (very rare) collision. */
async function insertWithNewCode(ctx: MeasureContext, row: Omit<TrackedLinkRow, 'code'>): Promise<TrackedLinkRow> {
  for (let attempt = 0; ; attempt++) {
    const link = { ...row, code: newLinkCode() }
    try {
      await insertTrackedLink(ctx.db, link)
      // Someone may have tried this code before it existed: it is no longer unknown.
      ctx.links.forget(link.code)
      return link
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error
    }
  }
}

export interface TargetLinksInput {
  workspaceId: string
  postId: string
  targetId: string
  /** The network id (`bluesky`, `mastodon`): the UTM source. */
  network: string
  text: string
  /** The plan goal or campaign the post serves; default `social`. */
  campaign?: string | null
}

/**
 * The text to publish for one target: each link (as `findLinks` sees them, so the same ones the
 * counters count) replaced by its short link. Idempotent: a (target, url) pair keeps its link,
 * so a retried publish sends the very same text. Returns the text as written when the workspace
 * or the post has tracking off, unless an earlier attempt of this target already used tracked
 * links (a retry then stays identical). Links that are already short links of ours stay as they are.
 */
export async function trackTargetLinks(ctx: MeasureContext, input: TargetLinksInput): Promise<string> {
  const own = `${new URL('/l/', ctx.publicUrl).toString()}`
  const found = findLinks(input.text)
  const wanted = [...new Set(found.filter((url) => !url.startsWith(own)))]
  if (wanted.length === 0) return input.text
  const existing = new Map((await findTargetLinks(ctx.db, input.targetId)).map((row) => [row.url, row.code]))
  if (existing.size === 0 && !(await postTracksLinks(ctx.db, input.postId))) return input.text
  for (const url of wanted) {
    if (existing.has(url)) continue
    let destination: string
    try {
      destination = addUtm(url, { source: input.network, medium: 'social', campaign: input.campaign?.trim() || 'social', content: input.postId })
    } catch {
      continue // not an address a browser could follow: left as written
    }
    const now = ctx.now()
    const link = await insertWithNewCode(ctx, {
      id: newId(now),
      workspaceId: input.workspaceId,
      url,
      destination,
      postId: input.postId,
      targetId: input.targetId,
      network: input.network,
      campaign: input.campaign?.trim() || null,
      label: null,
      createdBy: null,
      createdAt: now,
    })
    existing.set(url, link.code)
  }
  let text = ''
  let cursor = 0
  for (const url of found) {
    const at = input.text.indexOf(url, cursor)
    if (at < 0) continue
    const code = existing.get(url)
    text += input.text.slice(cursor, at) + (code ? shortUrl(ctx.publicUrl, code) : url)
    cursor = at + url.length
  }
  return text + input.text.slice(cursor)
}

/** Why a link's address was refused, as a field problem on `url`. */
function urlProblem(reason: string): AppError {
  return new AppError('validation', 'measure_link_url', {}, [{ field: 'url', messageKey: `measure.link_url.${reason}` }])
}

export interface StandaloneLinkInput {
  url: string
  label?: string | null
  campaign?: string | null
}

/** A link for a bio, a flyer or a QR code. The address must be http(s), without credentials. */
export async function createStandaloneLink(ctx: MeasureContext, actor: MeasureActor, input: StandaloneLinkInput): Promise<TrackedLinkWithCounts> {
  const url = input.url.trim()
  let parsed: URL
  try {
    // Syntax only: the server never fetches it, the visitor's browser does.
    parsed = await checkPublicUrl(url, { allowPrivate: true })
  } catch (error) {
    if (error instanceof UrlRejectedError) throw urlProblem(error.reason)
    throw error
  }
  const label = input.label?.trim() || null
  const campaign = input.campaign?.trim() || null
  const now = ctx.now()
  const link = await insertWithNewCode(ctx, {
    id: newId(now),
    workspaceId: actor.workspaceId,
    url,
    destination: addUtm(parsed.toString(), { source: (label && utmSlug(label)) || 'link', medium: 'link', campaign }),
    postId: null,
    targetId: null,
    network: null,
    campaign,
    label,
    createdBy: actor.userId,
    createdAt: now,
  })
  return { ...link, clicks: 0, botClicks: 0, conversions: 0 }
}

export interface LinkPage {
  links: TrackedLinkWithCounts[]
  /** The cursor of the next page, or null at the end. */
  nextCursor: string | null
}

/** The workspace's links, newest first, with their counts; `cursor` continues a previous page. */
export async function listLinks(ctx: MeasureContext, workspaceId: string, page: { cursor?: string | undefined; limit: number }): Promise<LinkPage> {
  const rows = await listTrackedLinks(ctx.db, workspaceId, { limit: page.limit + 1, ...(page.cursor ? { before: page.cursor } : {}) })
  const links = rows.slice(0, page.limit)
  return { links, nextCursor: rows.length > page.limit ? links.at(-1)!.id : null }
}

/** One link of the workspace. */
export async function getLink(ctx: MeasureContext, workspaceId: string, id: string): Promise<TrackedLinkRow> {
  const link = await findTrackedLink(ctx.db, workspaceId, id)
  if (!link) throw new AppError('not_found', 'not_found_link')
  return link
}

/** Deletes a link and its clicks; its short address stops working at once in this process. */
export async function deleteLink(ctx: MeasureContext, workspaceId: string, id: string): Promise<void> {
  const code = await deleteTrackedLink(ctx.db, workspaceId, id)
  if (!code) throw new AppError('not_found', 'not_found_link')
  ctx.links.forget(code)
}
