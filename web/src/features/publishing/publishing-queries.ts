/** How the workspace publishes (posting slots, approval) and its blog feeds, through the API. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Feed, PublishingSettings } from '../../app/publish-types'
import { api } from '../../app/query-client'
import { postsKey } from '../posts'

export const publishingKey = ['publishing'] as const
export const feedsKey = ['feeds'] as const

const feedUrl = (id: string) => `/api/feeds/${encodeURIComponent(id)}`

export function usePublishingSettings(enabled = true) {
  return useQuery({ queryKey: publishingKey, queryFn: () => api.get<PublishingSettings>('/api/publishing'), enabled })
}

export function useSavePublishingSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (settings: PublishingSettings) => api.put<PublishingSettings>('/api/publishing', settings),
    onSuccess: (data) => queryClient.setQueryData(publishingKey, data),
  })
}

export function useFeeds(enabled = true) {
  return useQuery({
    queryKey: feedsKey,
    queryFn: () => api.get<{ feeds: Feed[] }>('/api/feeds'),
    select: (data) => data.feeds,
    enabled,
  })
}

/** Adding a feed reads it at once, so new ideas may appear too. */
export function useAddFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (request: { url: string; autoPublish: boolean; accountIds: string[] }) => api.post<{ feed: Feed }>('/api/feeds', request),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: feedsKey }), queryClient.invalidateQueries({ queryKey: postsKey })]),
  })
}

export function useChangeFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...changes }: { id: string; autoPublish?: boolean; accountIds?: string[] }) => api.patch<{ feed: Feed }>(feedUrl(id), changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  })
}

export function usePollFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.post<{ feed: Feed; newArticles: number }>(`${feedUrl(id)}/poll`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: feedsKey }), queryClient.invalidateQueries({ queryKey: postsKey })]),
  })
}

export function useRemoveFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(feedUrl(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  })
}
