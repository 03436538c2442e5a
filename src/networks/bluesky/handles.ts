/**
 * The handle check: whether a name is free on a PDS, without an account.
 *
 * - A bare name (`cafe-lune`, `@Cafe-Lune`) becomes a handle under the server's first user domain
 *   (`com.atproto.server.describeServer` → `availableUserDomains`, e.g. `.bsky.social`); a full
 *   domain handle (`shop.example.com`) is checked as it is. Both are lowercased.
 * - Syntax follows the atproto handle rules (https://atproto.com/specs/handle: ASCII letters,
 *   digits and hyphens, labels of 1–63 characters not starting or ending with a hyphen, a last
 *   label not starting with a digit, 253 characters at most). A name under a user domain must also
 *   pass the PDS's own constraints (@atproto/pds `ensureHandleServiceConstraints`): 3–18
 *   characters, no dot. TLDs refused at registration (@atproto/syntax `DISALLOWED_TLDS`) are
 *   "reserved".
 * - `com.atproto.identity.resolveHandle` finding a DID means taken; the PDS answering "Unable to
 *   resolve handle" means no account has it. The bsky.social entryway also answers
 *   `com.atproto.temp.checkHandleAvailability`, which knows the names it reserves ("shop",
 *   "help"…, @atproto/pds handle/reserved.ts), so a free-looking name under a user domain is asked
 *   there too; a PDS without that method (any self-hosted one) is simply not asked again.
 *
 * Only a 429 throws (RateLimited); a server that cannot be asked gives `unknown`/`unreachable`.
 */
import { XRPCError } from '@atproto/api'
import type { HandleCheck } from '../connector.js'
import { type BlueskyDeps, defaultService, newAgent } from './client.js'
import { toConnectorError } from './xrpc-errors.js'

/** How long a server's user domains are trusted before asking again. */
const domainsTtlMs = 10 * 60_000
/** A check is interactive: a server silent this long counts as unreachable. */
const requestTimeoutMs = 10_000

/** The handle rules of the atproto spec, as a regular expression (labels, last label). */
const handleSyntax = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/
/** One label: letters, digits, inner hyphens. */
const labelSyntax = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/
/** TLDs the reference implementation refuses at registration (@atproto/syntax). */
const disallowedTlds = ['.local', '.arpa', '.invalid', '.localhost', '.internal', '.example', '.alt', '.onion']
/** The PDS's limits on the name in front of a user domain. */
const serviceName = { min: 3, max: 18 }

type Reason = NonNullable<HandleCheck['reason']>

/** `https://bsky.social/`, `bsky.social` → `https://bsky.social`; undefined when it is not a web address. */
function normalizeServer(raw: string): string | undefined {
  try {
    const trimmed = raw.trim()
    const url = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined
  } catch {
    return undefined
  }
}

/** Why a whole handle breaks the atproto rules, if it does. */
function handleProblem(handle: string): Reason | undefined {
  if (handle.length > 253 || handle.split('.').some((label) => label.length > 63)) return 'too_long'
  if (!handleSyntax.test(handle)) return 'syntax'
  if (disallowedTlds.some((tld) => handle.endsWith(tld))) return 'reserved'
  return undefined
}

/** Why a name in front of a user domain would be refused by the PDS, if it would. */
function serviceNameProblem(name: string): Reason | undefined {
  if (name.length === 0) return 'too_short'
  if (!labelSyntax.test(name)) return 'syntax'
  if (name.length < serviceName.min) return 'too_short'
  if (name.length > serviceName.max) return 'too_long'
  return undefined
}

/** Whether an XRPC failure is the PDS saying the handle belongs to no one. */
function isUnresolved(error: unknown): boolean {
  return error instanceof XRPCError && error.status === 400 && /unable to resolve handle/i.test(error.message)
}

/** 429 anywhere becomes RateLimited, with the PDS's reset time; everything else is the caller's to judge. */
function rethrowRateLimit(error: unknown): void {
  if (error instanceof XRPCError && error.status === 429) throw toConnectorError(error)
}

/** Checks handles on any PDS; remembers each server's user domains for a while. */
export function createHandleChecker(deps: BlueskyDeps): (name: string, options?: { server?: string }) => Promise<HandleCheck> {
  const domainsByServer = new Map<string, { domains: string[]; until: number }>()
  const signal = () => AbortSignal.timeout(requestTimeoutMs)

  /** The server's user domains (`.bsky.social`), or undefined when it cannot be asked. */
  async function userDomains(server: string): Promise<string[] | undefined> {
    const known = domainsByServer.get(server)
    if (known && known.until > Date.now()) return known.domains
    try {
      const { data } = await newAgent(deps, server).com.atproto.server.describeServer(undefined, { signal: signal() })
      const domains = data.availableUserDomains.map((d) => d.toLowerCase()).filter((d) => d.startsWith('.'))
      domainsByServer.set(server, { domains, until: Date.now() + domainsTtlMs })
      return domains
    } catch (error) {
      rethrowRateLimit(error)
      return undefined
    }
  }

  /** taken, available, or reserved by the entryway; unknown when the PDS gives no usable answer. */
  async function lookUp(server: string, handle: string, underUserDomain: boolean): Promise<HandleCheck> {
    const agent = newAgent(deps, server)
    try {
      await agent.com.atproto.identity.resolveHandle({ handle }, { signal: signal() })
      return { status: 'taken', handle, server }
    } catch (error) {
      rethrowRateLimit(error)
      if (error instanceof XRPCError && error.error === 'InvalidHandle') return { status: 'invalid', handle, server, reason: 'syntax' }
      if (!isUnresolved(error)) return { status: 'unknown', handle, server, reason: 'unreachable' }
    }
    if (underUserDomain && (await reservedByServer(server, handle))) return { status: 'invalid', handle, server, reason: 'reserved' }
    return { status: 'available', handle, server }
  }

  /** Whether the server's own availability check refuses a handle no account holds (reserved names). */
  async function reservedByServer(server: string, handle: string): Promise<boolean> {
    try {
      const { data } = await newAgent(deps, server).com.atproto.temp.checkHandleAvailability({ handle }, { signal: signal() })
      return data.result.$type === 'com.atproto.temp.checkHandleAvailability#resultUnavailable'
    } catch (error) {
      // Most PDSes do not implement this method (501, or 400/404 from a proxy): resolveHandle has answered.
      rethrowRateLimit(error)
      return false
    }
  }

  return async (name, options = {}) => {
    const input = name.trim().replace(/^@/, '').toLowerCase()
    const requested = options.server ?? deps.defaultService ?? defaultService
    const server = normalizeServer(requested)
    if (!server) return { status: 'unknown', handle: input, server: requested, reason: 'unreachable' }
    const domains = await userDomains(server)

    if (!input.includes('.')) {
      const problem = serviceNameProblem(input)
      const domain = domains?.[0]
      const handle = domain ? `${input}${domain}` : input
      if (problem) return { status: 'invalid', handle, server, reason: problem }
      if (!domains) return { status: 'unknown', handle, server, reason: 'unreachable' }
      // A PDS that offers no user domain hosts only handles on people's own domains.
      if (!domain) return { status: 'invalid', handle, server, reason: 'syntax' }
      const whole = handleProblem(handle)
      if (whole) return { status: 'invalid', handle, server, reason: whole }
      return lookUp(server, handle, true)
    }

    const whole = handleProblem(input)
    if (whole) return { status: 'invalid', handle: input, server, reason: whole }
    const domain = domains?.find((d) => input.endsWith(d))
    if (domain) {
      const problem = serviceNameProblem(input.slice(0, -domain.length))
      if (problem) return { status: 'invalid', handle: input, server, reason: problem }
    }
    if (!domains) return { status: 'unknown', handle: input, server, reason: 'unreachable' }
    return lookUp(server, input, domain !== undefined)
  }
}
