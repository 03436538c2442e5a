/**
 * The redirect's work, kept cheap because every click of every post passes through it: find the
 * code in memory (the link cache), hand the click to the writer (a push into memory) and say
 * where to send. People get `sc_click=<click id>` appended, so the website's script can tie a
 * conversion to the click; bots and preview fetchers get the plain destination and are recorded
 * apart. Nothing here waits on the database unless the code is not in memory yet.
 */
import { newId } from '../store/index.js'
import type { MeasureContext } from './context.js'
import type { CachedLink } from './link-cache.js'
import { isLinkCode } from './links.js'

/** What the redirect knows of a request (the server passes raw header values). */
export interface ClickRequest {
  code: string
  /** HEAD requests are answered but not counted: nobody was sent anywhere. */
  method: string
  userAgent: string | undefined
  referrer: string | undefined
  acceptLanguage: string | undefined
  country: string | string[] | undefined
  /** The client's address (after the trusted proxy, when configured): for the visitor hash only. */
  address: string
}

export type RedirectOutcome = { found: true; location: string; clickId: string | null } | { found: false }

const notFound: RedirectOutcome = { found: false }

/** The host of a Referer header, or null (absent, or not an address). */
export function referrerHost(referrer: string | undefined): string | null {
  if (!referrer) return null
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(referrer)
  const host = match?.[1]?.toLowerCase()
  return host ? host.slice(0, 253) : null
}

const languageTag = /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i

// Browsers send a handful of distinct Accept-Language values: each is read once.
const languages = new Map<string, string | null>()

/** The first language the visitor lists (quality above zero), as a lower-case tag, or null. */
export function firstLanguage(acceptLanguage: string | undefined): string | null {
  if (!acceptLanguage) return null
  let found = languages.get(acceptLanguage)
  if (found === undefined) {
    found = readFirstLanguage(acceptLanguage)
    if (languages.size >= 1000) languages.clear()
    if (acceptLanguage.length <= 200) languages.set(acceptLanguage, found)
  }
  return found
}

function readFirstLanguage(acceptLanguage: string): string | null {
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.split(';')
    const trimmed = tag.trim()
    if (!languageTag.test(trimmed)) continue
    if (params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/i.test(p))) continue
    return trimmed.toLowerCase()
  }
  return null
}

/** A two-letter country code from the proxy's header; `XX` and `T1` (Cloudflare: unknown, Tor) are none. */
export function countryCode(header: string | string[] | undefined): string | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toUpperCase()
  if (!value || !/^[A-Z]{2}$/.test(value) || value === 'XX') return null
  return value
}

function answer(ctx: MeasureContext, request: ClickRequest, link: CachedLink | null): RedirectOutcome {
  if (!link) return notFound
  if (request.method === 'HEAD') return { found: true, location: link.destination, clickId: null }
  const { device, bot } = ctx.classify(request.userAgent)
  const at = ctx.now()
  const id = newId(at)
  ctx.clicks.record({
    id,
    linkId: link.id,
    workspaceId: link.workspaceId,
    postId: link.postId,
    network: link.network,
    at,
    referrerHost: referrerHost(request.referrer),
    device,
    lang: firstLanguage(request.acceptLanguage),
    country: countryCode(request.country),
    bot,
    address: request.address,
    userAgent: request.userAgent ?? '',
  })
  return bot ? { found: true, location: link.destination, clickId: null } : { found: true, location: link.clickPrefix + id + link.clickSuffix, clickId: id }
}

/**
 * Records the click and says where to send; synchronous when the code is in memory (the common
 * case), a promise only when it must be looked up.
 */
export function redirectClick(ctx: MeasureContext, request: ClickRequest): RedirectOutcome | Promise<RedirectOutcome> {
  if (!isLinkCode(request.code)) return notFound
  const link = ctx.links.lookup(request.code)
  if (link instanceof Promise) return link.then((found) => answer(ctx, request, found))
  return answer(ctx, request, link)
}
