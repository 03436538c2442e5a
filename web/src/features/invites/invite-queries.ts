/** The invites API: open invites of the workspace, creating and revoking them, and accepting one. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Invite, InvitePreview, Role, SessionPayload } from '../../app/api-types'
import { api } from '../../app/query-client'

export const invitesKey = ['invites'] as const

export function useInvites(enabled = true) {
  return useQuery({
    queryKey: invitesKey,
    queryFn: () => api.get<{ invites: Invite[] }>('/api/invites'),
    select: (data) => data.invites,
    enabled,
  })
}

export interface CreateInviteRequest {
  role: Role
  email?: string
}

export function useCreateInvite() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: CreateInviteRequest) => api.post<{ invite: Invite; url: string }>('/api/invites', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitesKey }),
  })
}

export function useRevokeInvite() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/invites/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitesKey }),
  })
}

export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: ['invite-preview', token],
    queryFn: () => api.get<InvitePreview>(`/api/invites/accept/${encodeURIComponent(token)}`),
  })
}

export interface AcceptInviteRequest {
  name: string
  email: string
  password: string
}

export function useAcceptInvite(token: string) {
  return useMutation({
    mutationFn: (request: AcceptInviteRequest) => api.post<SessionPayload>(`/api/invites/accept/${encodeURIComponent(token)}`, request),
  })
}
