/**
 * The networks Stagecraft can publish to and the workspace's connected accounts: listing,
 * connecting (credentials typed in, or the network's own sign-in page), checking, disconnecting.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Account, Network } from '../../app/publish-types'
import { api } from '../../app/query-client'

export const networksKey = ['networks'] as const
export const accountsKey = ['accounts'] as const

export function useNetworks(enabled = true) {
  return useQuery({
    queryKey: networksKey,
    queryFn: () => api.get<{ networks: Network[] }>('/api/networks'),
    select: (data) => data.networks,
    staleTime: 5 * 60_000,
    enabled,
  })
}

export function useAccounts(enabled = true) {
  return useQuery({
    queryKey: accountsKey,
    queryFn: () => api.get<{ accounts: Account[] }>('/api/accounts'),
    select: (data) => data.accounts.filter((account) => account.status !== 'disconnected'),
    enabled,
  })
}

export interface ConnectRequest {
  network: string
  input: Record<string, string>
}

export function useConnectAccount() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: ConnectRequest) => api.post<{ account: Account }>('/api/accounts', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  })
}

/** Starts the network's sign-in; the caller sends the browser to `authorizeUrl`. */
export function useStartOAuth() {
  return useMutation({
    mutationFn: (request: { network: string; server: string }) => api.post<{ authorizeUrl: string }>('/api/accounts/oauth', request),
  })
}

export function useDisconnectAccount() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/accounts/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  })
}

export function useCheckAccounts() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<{ accounts: Account[] }>('/api/accounts/check'),
    onSuccess: (data) => queryClient.setQueryData(accountsKey, data),
  })
}
