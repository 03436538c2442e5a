/**
 * The networks Stagecraft can talk to: one line per network in `createDefaultRegistry`.
 */
import { createOAuthAPIClient, createRestAPIClient } from 'masto'
import { createBlueskyConnector } from './bluesky/index.js'
import type { ConnectedAccount, Connector } from './connector.js'
import { createMastodonConnector } from './mastodon/index.js'

export type ConnectorRegistry = ReadonlyMap<string, Connector>

/** Builds a registry from the connectors given. */
export function createRegistry(connectors: Connector[]): ConnectorRegistry {
  const registry = new Map<string, Connector>()
  for (const connector of connectors) {
    if (registry.has(connector.id)) throw new Error(`Two connectors claim the network id "${connector.id}"`)
    registry.set(connector.id, connector)
  }
  return registry
}

/**
 * Renewed credentials are copied onto the account object the caller passed, which the caller
 * stores after every call (see `Connector`): rotating tokens are never lost.
 */
function renewInPlace(previous: ConnectedAccount, renewed: ConnectedAccount): void {
  previous.credentials = renewed.credentials
  if (renewed.expiresAt !== undefined) previous.expiresAt = renewed.expiresAt
}

/** Every network Stagecraft ships with. Outbound connections go through the process's fetch. */
export function createDefaultRegistry(): ConnectorRegistry {
  return createRegistry([
    createBlueskyConnector({ onCredentialsRenewed: renewInPlace }),
    createMastodonConnector({ createRestAPIClient, createOAuthAPIClient }),
  ])
}
