/**
 * The URL guard for listening sources. HTTP requests are guarded where they are made (a guarded
 * undici agent per poll, and the process-wide dispatcher for libraries that call `fetch`), but
 * WebSocket connections (`ws`, used by @atproto/sync and our Jetstream client) open their own
 * sockets and never pass through undici. So a stream's address is checked twice like a feed's:
 * when it is entered (`checkListenSourceUrl`) and at every connection (`guardedSocket`), whose
 * lookup refuses private addresses after DNS resolution (rebinding included) and whose literal
 * IP check covers addresses that never go through a lookup.
 */
import net from 'node:net'
import tls from 'node:tls'
import type { ClientOptions } from 'ws'
import { checkPublicUrl, guardedLookup, isPublicAddress, UrlRejectedError } from '../../security/index.js'
import { fromUrlRejection, ListenSourceError, type SourceUrlKind } from './errors.js'

/** What kind of source an address is for. */
export type ListenSourceUrlKind = 'feed' | 'mastodon' | 'bluesky'

const streamSchemes: Readonly<Record<string, string>> = { 'ws:': 'http:', 'wss:': 'https:', 'http:': 'http:', 'https:': 'https:' }

/**
 * A stream service as a WebSocket base URL: `https://host` → `wss://host`, `http://` → `ws://`,
 * no trailing slash, no query. Paths are kept (a relay behind a prefix).
 * @throws ListenSourceError `invalid_url` or `unsupported_protocol`.
 */
export function toStreamUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new ListenSourceError('invalid_url', raw, { urlKind: 'stream' })
  }
  const httpScheme = streamSchemes[url.protocol]
  if (!httpScheme) throw new ListenSourceError('unsupported_protocol', raw, { urlKind: 'stream' })
  url.protocol = httpScheme === 'https:' ? 'wss:' : 'ws:'
  url.search = ''
  url.hash = ''
  url.pathname = url.pathname.replace(/\/+$/, '')
  return url
}

/**
 * Checks an address a person enters for a listening source, with the same rules as when it is
 * read: http(s) (or ws/wss for Bluesky relays and Jetstream), no credentials in it, and a host
 * that resolves only to public addresses unless `allowPrivate` (the ALLOW_PRIVATE_URLS setting).
 * Returns the address normalised: stream services as ws(s) base URLs.
 * @throws ListenSourceError with the URL guard's reason; its message key names the problem.
 */
export async function checkListenSourceUrl(raw: string, options: { kind: ListenSourceUrlKind; allowPrivate: boolean }): Promise<URL> {
  const urlKind: SourceUrlKind = options.kind === 'bluesky' ? 'stream' : 'http'
  const target = options.kind === 'bluesky' ? toStreamUrl(raw) : undefined
  // The guard speaks http(s); a stream's address is checked as its http(s) twin.
  const checked = target ? target.href.replace(/^ws/, 'http') : raw
  try {
    const url = await checkPublicUrl(checked, { allowPrivate: options.allowPrivate })
    return target ?? url
  } catch (error) {
    if (error instanceof UrlRejectedError) throw fromUrlRejection(new UrlRejectedError(error.reason, raw), urlKind)
    throw error
  }
}

/** A refusal in the shape socket errors have, so `ws` reports it like any failed connection. */
function refusal(host: string): NodeJS.ErrnoException {
  return Object.assign(new UrlRejectedError('private_address', host), { code: 'EPRIVATEADDRESS' })
}

/**
 * A `createConnection` for `ws` (and so for @atproto/sync, which hands its options to `ws`) that
 * applies the URL guard to the socket: names through `guardedLookup`, literal addresses checked
 * before connecting. With `allowPrivate` only the lookup's plain DNS remains. `secure` says
 * whether the stream is wss:// (ws hides the scheme from createConnection).
 */
export function guardedSocket(allowPrivate: boolean, secure: boolean): NonNullable<ClientOptions['createConnection']> {
  const lookup = guardedLookup(allowPrivate)
  const connect = (options: net.TcpNetConnectOpts & tls.ConnectionOptions): net.Socket => {
    const host = (options.host ?? '').replace(/^\[|\]$/g, '')
    if (!allowPrivate && net.isIP(host) !== 0 && !isPublicAddress(host)) {
      // An already failed socket: ws turns its error into the connection's error, as for ECONNREFUSED.
      const socket = new net.Socket()
      process.nextTick(() => socket.destroy(refusal(host)))
      return socket
    }
    // What ws's own connectors do: no Unix socket path, and SNI only for names.
    if (secure) return tls.connect({ ...options, path: undefined, servername: options.servername || (net.isIP(host) === 0 ? host : ''), lookup })
    return net.connect({ ...options, path: undefined, lookup } as net.TcpNetConnectOpts)
  }
  return connect as NonNullable<ClientOptions['createConnection']>
}

/**
 * Checks a stream's address right before connecting, for what the socket guard cannot see in
 * time to give a clear error: the scheme, credentials, and a literal private address.
 * @throws ListenSourceError
 */
export function checkStreamTarget(url: URL, allowPrivate: boolean): void {
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new ListenSourceError('unsupported_protocol', url.href, { urlKind: 'stream' })
  if (url.username || url.password) throw new ListenSourceError('credentials_in_url', url.href, { urlKind: 'stream' })
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (!allowPrivate && net.isIP(host) !== 0 && !isPublicAddress(host)) throw new ListenSourceError('private_address', url.href, { urlKind: 'stream' })
}
