/**
 * The dashboard's period and network live in the address (`/measure?days=7&network=bluesky`),
 * so a view can be bookmarked or sent to a teammate. "Today" is the workspace's today.
 */
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { useSession } from '../../../app/session'
import { useNow } from '../../../i18n/format'
import { wallTimeOf } from '../../../i18n/zoned-time'
import { periodParams, readPeriod, type Period } from './period'

export interface DashboardFilters {
  period: Period
  network: string | null
  /** The workspace's today, the last day a preset period reaches. */
  today: string
}

export function useDashboardFilters(): [DashboardFilters, (changes: Partial<Pick<DashboardFilters, 'period' | 'network'>>) => void] {
  const [params, setParams] = useSearchParams()
  const { workspace } = useSession()
  const now = useNow()
  const today = wallTimeOf(now, workspace.timeZone).date
  const filters = useMemo<DashboardFilters>(() => ({ period: readPeriod(params, today), network: params.get('network') || null, today }), [params, today])
  const change = useCallback(
    (changes: Partial<Pick<DashboardFilters, 'period' | 'network'>>) => {
      const period = changes.period ?? filters.period
      const network = changes.network === undefined ? filters.network : changes.network
      setParams([...periodParams(period), ...(network ? [['network', network] as [string, string]] : [])], { replace: true })
    },
    [filters, setParams],
  )
  return [filters, change]
}
