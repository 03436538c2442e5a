/** A network's name as people know it: from the catalog for the networks we list, else its id. */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { isKnownNetwork } from './plan-format'

export function useNetworkName(): (network: string) => string {
  const { t } = useTranslation()
  return useCallback((network: string) => (isKnownNetwork(network) ? t(`plan.networkNames.${network}`) : network), [t])
}
