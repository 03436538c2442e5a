/** What the server says about itself: its languages, time zones and roles. Fetched once. */
import { useQuery } from '@tanstack/react-query'
import type { Meta } from './api-types'
import { api, metaKey } from './query-client'

export function useMeta() {
  return useQuery({ queryKey: metaKey, queryFn: () => api.get<Meta>('/api/meta'), staleTime: Infinity })
}
