/**
 * Who is signed in, and whether Stagecraft still needs its first-run setup. Both come from the
 * API and live in the query cache; sign-in, sign-out and profile changes update that cache.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { ApiError } from './api-client'
import type { Permission, SessionPayload, User, Workspace } from './api-types'
import { api, metaKey, sessionKey, setupKey } from './query-client'

async function fetchSession(): Promise<SessionPayload | null> {
  try {
    return await api.get<SessionPayload>('/api/session')
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** The session query: `null` when nobody is signed in, `undefined` while loading. */
export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity })
}

/** The session if there is one; for components shown both signed in and signed out. */
export function useOptionalSession(): SessionPayload | null {
  return useSessionQuery().data ?? null
}

/** The session, inside routes that `RequireSession` guards. */
export function useSession(): SessionPayload {
  const session = useOptionalSession()
  if (!session) throw new Error('useSession() used outside a signed-in route')
  return session
}

/** Whether the signed-in person has a permission (the server checks again on every call). */
export function useCan(permission: Permission): boolean {
  return useOptionalSession()?.permissions.includes(permission) ?? false
}

/** Whether the first-run setup is still needed. */
export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<{ needed: boolean }>('/api/setup'),
    staleTime: Infinity,
  })
}

/** Cached answers that do not depend on who is signed in. */
const appWideKeys: ReadonlySet<unknown> = new Set([sessionKey[0], setupKey[0], metaKey[0]])

/** Functions that keep the cached session in step with what the API answered. */
export function useSessionUpdates() {
  const queryClient = useQueryClient()
  const signedIn = useCallback(
    (payload: SessionPayload) => {
      // Another person or workspace makes every workspace answer in the cache stale.
      queryClient.removeQueries({ predicate: (query) => !appWideKeys.has(query.queryKey[0]) })
      queryClient.setQueryData(setupKey, { needed: false })
      queryClient.setQueryData(sessionKey, payload)
    },
    [queryClient],
  )
  const signedOut = useCallback(() => {
    queryClient.removeQueries({ predicate: (query) => !appWideKeys.has(query.queryKey[0]) })
    queryClient.setQueryData(sessionKey, null)
  }, [queryClient])
  const userChanged = useCallback(
    (user: User) => {
      queryClient.setQueryData<SessionPayload | null>(sessionKey, (old) => (old ? { ...old, user } : old))
    },
    [queryClient],
  )
  const workspaceChanged = useCallback(
    (workspace: Workspace) => {
      queryClient.setQueryData<SessionPayload | null>(sessionKey, (old) => (old ? { ...old, workspace } : old))
    },
    [queryClient],
  )
  return { signedIn, signedOut, userChanged, workspaceChanged }
}
