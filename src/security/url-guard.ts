/**
 * The URL guard: user-supplied URLs (feeds, webhooks) must not reach private, loopback or other
 * non-public addresses, unless the ALLOW_PRIVATE_URLS setting allows it. Checked twice: when the
 * URL is saved (`checkPublicUrl`) and when a connection is made (`guardedLookup`), so a name that
 * resolves differently later (DNS rebinding) is still refused.
 */
import dns from 'node:dns'
import type { LookupAddress, LookupOptions } from 'node:dns'
import ipaddr from 'ipaddr.js'

export type UrlRejection = 'invalid_url' | 'unsupported_protocol' | 'credentials_in_url' | 'private_address' | 'unresolvable'

/** Why a URL was refused; `reason` maps to a message in the catalogs (`errors.url_<reason>`). */
export class UrlRejectedError extends Error {
  constructor(
    readonly reason: UrlRejection,
    readonly url: string,
  ) {
    super(`URL refused (${reason}): ${url}`)
    this.name = 'UrlRejectedError'
  }
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true })

/** True for addresses on the public internet: not private, loopback, link-local, CGNAT, multicast, reserved… */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  }
  return parsed.range() === 'unicast'
}

export interface UrlGuardOptions {
  allowPrivate: boolean
  /** DNS resolution, injectable for tests. */
  resolve?: Resolver
}

/**
 * Parses and checks a user-supplied URL: http or https, no embedded credentials, and every
 * address its host resolves to is public (unless `allowPrivate`).
 * @throws UrlRejectedError naming the reason.
 */
export async function checkPublicUrl(raw: string, options: UrlGuardOptions): Promise<URL> {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new UrlRejectedError('invalid_url', raw)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UrlRejectedError('unsupported_protocol', raw)
  if (url.username || url.password) throw new UrlRejectedError('credentials_in_url', raw)
  if (options.allowPrivate) return url
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  if (ipaddr.isValid(host)) {
    addresses = [host]
  } else {
    try {
      addresses = (await (options.resolve ?? systemResolver)(host)).map((a) => a.address)
    } catch {
      throw new UrlRejectedError('unresolvable', raw)
    }
  }
  if (addresses.length === 0) throw new UrlRejectedError('unresolvable', raw)
  if (!addresses.every(isPublicAddress)) throw new UrlRejectedError('private_address', raw)
  return url
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` function for `http.request`/`net.connect` that refuses non-public addresses at
 * connection time. With `allowPrivate` it is plain `dns.lookup`.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, [])
      const list = addresses as LookupAddress[]
      const refused = !allowPrivate && list.some((a) => !isPublicAddress(a.address))
      if (refused) {
        const denial: NodeJS.ErrnoException = new UrlRejectedError('private_address', hostname)
        denial.code = 'EPRIVATEADDRESS'
        return callback(denial, [])
      }
      if (options.all) return callback(null, list)
      const first = list[0]
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), [])
      callback(null, first.address, first.family)
    })
  }
}
