/**
 * Listening through the API: queries and the query tester, sources, the mention stream (paged),
 * the report behind the charts, alerts, alert channels and the crisis settings. Every answer
 * lives under the `listen` key, so a change that may bring new mentions refreshes all of them.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/query-client'
import { useOptionalSession } from '../../app/session'
import { postsKey } from '../posts'
import type {
  AlertChannel,
  ChannelInput,
  ListenAlert,
  ListenPermission,
  ListenQuery,
  ListenReport,
  ListenSettings,
  ListenSource,
  MentionFilters,
  MentionPage,
  QueryInput,
  QueryTestResult,
  SourceInput,
} from './listen-types'

export const listenKey = ['listen'] as const
const queriesKey = [...listenKey, 'queries'] as const
const sourcesKey = [...listenKey, 'sources'] as const
const mentionsKey = [...listenKey, 'mentions'] as const
const reportKey = [...listenKey, 'report'] as const
export const listenSettingsKey = [...listenKey, 'settings'] as const
const alertsKey = [...listenKey, 'alerts'] as const

const base = '/api/listen'
const dayMs = 86_400_000
/** Mentions per page of the stream. */
export const mentionPageSize = 20
/** How often the alert count (the badge in the navigation) and the pause are looked at again. */
const alertsRefreshMs = 60_000

/** What the signed-in person may do with listening (the server checks again on every call). */
export function useListenPermissions(): { canRead: boolean; canWrite: boolean; canConfigure: boolean } {
  const permissions = useOptionalSession()?.permissions ?? []
  const has = (permission: ListenPermission) => permissions.includes(permission)
  return { canRead: has('listen.read'), canWrite: has('listen.write'), canConfigure: has('listen.configure') }
}

function search(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, String(value))
  const text = query.toString()
  return text ? `?${text}` : ''
}

/** Refreshes everything a new query or source may change: mentions, charts, lists. */
function useRefreshListen() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: listenKey })
}

export function useListenQueries(enabled = true) {
  return useQuery({
    queryKey: queriesKey,
    queryFn: () => api.get<{ queries: ListenQuery[] }>(`${base}/queries`),
    select: (data) => data.queries,
    enabled,
  })
}

export function useSaveQuery() {
  const refresh = useRefreshListen()
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: QueryInput }) =>
      id ? api.patch<{ query: ListenQuery }>(`${base}/queries/${encodeURIComponent(id)}`, input) : api.post<{ query: ListenQuery }>(`${base}/queries`, input),
    onSuccess: refresh,
  })
}

/** Switching a query on or off (or any other single change) from the list. */
export function useChangeQuery() {
  const refresh = useRefreshListen()
  return useMutation({
    mutationFn: ({ id, ...changes }: { id: string } & Partial<QueryInput>) => api.patch<{ query: ListenQuery }>(`${base}/queries/${encodeURIComponent(id)}`, changes),
    onSuccess: refresh,
  })
}

export function useDeleteQuery() {
  const refresh = useRefreshListen()
  return useMutation({ mutationFn: (id: string) => api.delete(`${base}/queries/${encodeURIComponent(id)}`), onSuccess: refresh })
}

/** The "test this query" box: runs a query over recent items without saving it. */
export function useTestQuery() {
  return useMutation({ mutationFn: (query: string) => api.post<QueryTestResult>(`${base}/queries/test`, { query }) })
}

export function useSources(enabled = true) {
  return useQuery({
    queryKey: sourcesKey,
    queryFn: () => api.get<{ sources: ListenSource[] }>(`${base}/sources`),
    select: (data) => data.sources,
    enabled,
  })
}

/** Adding a source reads it at once (feeds, hashtags), so mentions may arrive with it. */
export function useAddSource() {
  const refresh = useRefreshListen()
  return useMutation({ mutationFn: (input: SourceInput) => api.post<{ source: ListenSource }>(`${base}/sources`, input), onSuccess: refresh })
}

export function useRemoveSource() {
  const refresh = useRefreshListen()
  return useMutation({ mutationFn: (id: string) => api.delete(`${base}/sources/${encodeURIComponent(id)}`), onSuccess: refresh })
}

/** The mention stream, newest first, a page at a time ("load more" asks for the next). */
export function useMentions(filters: MentionFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...mentionsKey, filters],
    queryFn: ({ pageParam }) =>
      api.get<MentionPage>(
        `${base}/mentions${search({
          queryId: filters.queryId,
          source: filters.source,
          lang: filters.lang,
          sentiment: filters.sentiment,
          // "The last n days" counts from when the page asked, not from when the filter was set.
          from: Date.now() - filters.days * dayMs,
          before: pageParam,
          limit: mentionPageSize,
        })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
    // A new filter keeps the current list on screen until its own answer arrives.
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useListenReport(days: number, queryId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...reportKey, days, queryId ?? null],
    queryFn: () => api.get<ListenReport>(`${base}/report${search({ days, queryId })}`),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useListenSettings(enabled = true) {
  return useQuery({
    queryKey: listenSettingsKey,
    queryFn: () => api.get<{ settings: ListenSettings; channels: AlertChannel[] }>(`${base}/settings`),
    refetchInterval: alertsRefreshMs,
    enabled,
  })
}

export function useChangeListenSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: Partial<Pick<ListenSettings, 'crisisPause' | 'digest'>>) => api.patch<{ settings: ListenSettings }>(`${base}/settings`, changes),
    onSuccess: ({ settings }) =>
      queryClient.setQueryData<{ settings: ListenSettings; channels: AlertChannel[] }>(listenSettingsKey, (old) => (old ? { ...old, settings } : old)),
  })
}

/** Resuming publishing after a pause: posts that waited go now, so the posts change too. */
export function useResumePublishing() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<{ released: number }>(`${base}/resume`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: listenSettingsKey }), queryClient.invalidateQueries({ queryKey: postsKey })]),
  })
}

export function useAddChannel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ChannelInput) => api.post<{ channel: AlertChannel }>(`${base}/channels`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listenSettingsKey }),
  })
}

export function useRemoveChannel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(`${base}/channels/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listenSettingsKey }),
  })
}

export function useAlerts(enabled = true) {
  return useQuery({
    queryKey: alertsKey,
    queryFn: () => api.get<{ alerts: ListenAlert[]; unread: number }>(`${base}/alerts`),
    refetchInterval: alertsRefreshMs,
    enabled,
  })
}

export function useMarkAlertsRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<undefined>(`${base}/alerts/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsKey }),
  })
}
