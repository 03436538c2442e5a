/** A query's data once it is there; until then a loader, or the error with a way to try again. */
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { LoadError } from './LoadError'
import { PageLoader } from './PageLoader'

export interface QueryStateProps<T> {
  query: UseQueryResult<T>
  children: (data: T) => ReactNode
}

export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  if (query.isPending) return <PageLoader />
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />
  return children(query.data)
}
