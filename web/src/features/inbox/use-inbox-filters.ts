/** The inbox's filters, read from and written to the address (see `inbox-filters.ts`). */
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { filterParams, parseFilters, type InboxFilters } from './inbox-filters'

export function useInboxFilters(): [InboxFilters, (changes: Partial<InboxFilters>) => void] {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => parseFilters(params), [params])
  const change = useCallback((changes: Partial<InboxFilters>) => setParams(filterParams({ ...filters, ...changes }), { replace: true }), [filters, setParams])
  return [filters, change]
}
