/** A network's name as the app's registry of networks gives it (`bluesky` → Bluesky); its id until that list is there. */
import { useCallback } from 'react'
import { useNetworks } from '../../accounts'

export function useNetworkName(enabled = true): (network: string) => string {
  const networks = useNetworks(enabled)
  return useCallback((network: string) => networks.data?.find((candidate) => candidate.id === network)?.name ?? network, [networks.data])
}
