/** The connect form of one network, or nothing for a network this app has no form for yet. */
import type { Account, Network } from '../../app/publish-types'
import { ConnectBluesky } from './ConnectBluesky'
import { ConnectMastodon } from './ConnectMastodon'

/** Networks the UI knows how to ask credentials for (the API says which exist). */
export const connectableNetworks: ReadonlySet<string> = new Set(['bluesky', 'mastodon'])

export interface ConnectFormProps {
  network: Network
  /** The account being reconnected, to start from what is known about it. */
  account?: Account
  onConnected?: () => void
}

/** A Mastodon account's server, from its profile address (https://server/@name). */
function serverOf(account: Account | undefined): string {
  if (!account) return ''
  try {
    return new URL(account.profileUrl).origin
  } catch {
    return ''
  }
}

export function ConnectForm({ network, account, onConnected }: ConnectFormProps) {
  if (network.id === 'bluesky') return <ConnectBluesky identifier={account?.handle ?? ''} onConnected={onConnected} />
  if (network.id === 'mastodon') return <ConnectMastodon server={serverOf(account)} oauth={network.oauth} onConnected={onConnected} />
  return null
}
