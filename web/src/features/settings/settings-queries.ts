/**
 * The settings API: the workspace, the signed-in person's profile and password, the members and
 * the API keys. Answers that change the session (profile, workspace) update it in the cache.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ApiKey, Member, Role, User, Workspace } from '../../app/api-types'
import { api } from '../../app/query-client'
import { useSessionUpdates } from '../../app/session'

export const workspaceKey = ['workspace'] as const
export const membersKey = ['members'] as const
export const apiKeysKey = ['api-keys'] as const

export function useWorkspace() {
  return useQuery({
    queryKey: workspaceKey,
    queryFn: () => api.get<{ workspace: Workspace }>('/api/workspace'),
    select: (data) => data.workspace,
  })
}

export function useUpdateWorkspace() {
  const queryClient = useQueryClient()
  const { workspaceChanged } = useSessionUpdates()
  return useMutation({
    mutationFn: (changes: Partial<Pick<Workspace, 'name' | 'timeZone' | 'locale'>>) =>
      api.patch<{ workspace: Workspace }>('/api/workspace', changes),
    onSuccess: (data) => {
      queryClient.setQueryData(workspaceKey, data)
      workspaceChanged(data.workspace)
    },
  })
}

export function useUpdateProfile() {
  const { userChanged } = useSessionUpdates()
  return useMutation({
    mutationFn: (changes: { name?: string; locale?: string }) => api.patch<{ user: User }>('/api/me', changes),
    onSuccess: (data) => userChanged(data.user),
  })
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (request: { currentPassword: string; newPassword: string }) => api.post<undefined>('/api/me/password', request),
  })
}

export function useMembers(enabled = true) {
  return useQuery({
    queryKey: membersKey,
    queryFn: () => api.get<{ members: Member[] }>('/api/members'),
    select: (data) => data.members,
    enabled,
  })
}

export function useChangeRole() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.patch<{ member: Member }>(`/api/members/${encodeURIComponent(userId)}`, { role }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey }),
  })
}

export function useRemoveMember() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/members/${encodeURIComponent(userId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey }),
  })
}

export function useApiKeys() {
  return useQuery({
    queryKey: apiKeysKey,
    queryFn: () => api.get<{ apiKeys: ApiKey[] }>('/api/api-keys'),
    select: (data) => data.apiKeys,
  })
}

export function useCreateApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: { name: string; role: Role }) => api.post<{ apiKey: ApiKey; secret: string }>('/api/api-keys', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  })
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  })
}
