/**
 * An HTTP dispatcher (undici) that refuses connections to non-public addresses unless allowed:
 * host names are checked when resolved (`guardedLookup`, so DNS rebinding is caught), literal IP
 * addresses — which never go through a lookup — before connecting. Installed process-wide at
 * start-up, it guards every outbound `fetch`: feeds, a self-hosted PDS, a Mastodon instance.
 */
import net from 'node:net'
import { Agent, buildConnector } from 'undici'
import { guardedLookup, isPublicAddress, UrlRejectedError } from './url-guard.js'

export function createGuardedDispatcher(allowPrivate: boolean): Agent {
  const connector = buildConnector({ lookup: guardedLookup(allowPrivate) } as buildConnector.BuildOptions)
  return new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, '')
      if (!allowPrivate && net.isIP(host) !== 0 && !isPublicAddress(host)) {
        const denial = Object.assign(new UrlRejectedError('private_address', host), { code: 'EPRIVATEADDRESS' })
        callback(denial, null)
        return
      }
      connector(options, callback)
    },
  })
}
