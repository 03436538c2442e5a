/**
 * The app's one TanStack Query client and API client. The API client reads the CSRF token from
 * the cached session, so there is a single source of truth for who is signed in; any 401 clears
 * that session, and the route guards send the person to the login page.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError, createApiClient } from './api-client'
import type { SessionPayload } from './api-types'

export const sessionKey = ['session'] as const
export const setupKey = ['setup'] as const
export const metaKey = ['meta'] as const

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401
}

/** A client error will not go away by asking again; a network hiccup or a 5xx might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false
  return failureCount < 2
}

function forgetSession(): void {
  if (queryClient.getQueryData(sessionKey)) queryClient.setQueryData(sessionKey, null)
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (isUnauthenticated(error)) forgetSession()
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isUnauthenticated(error)) forgetSession()
    },
  }),
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
})

export const api = createApiClient({
  getCsrfToken: () => queryClient.getQueryData<SessionPayload | null>(sessionKey)?.csrfToken,
})
