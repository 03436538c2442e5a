/**
 * Measuring through the API: the workspace's settings and website snippets, its tracked links
 * (made, listed page by page, deleted) and the latest conversions.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ConversionView, LinkList, MeasureSettings, TrackedLink } from '../../app/measure-types'
import { api } from '../../app/query-client'

/** GET /api/measure/conversions answers a page of these. */
export interface ConversionList {
  conversions: ConversionView[]
  nextCursor: string | null
}

export interface NewLink {
  url: string
  label?: string
  campaign?: string
}

export const measureKey = ['measure'] as const
export const measureSettingsKey = [...measureKey, 'settings'] as const
export const measureLinksKey = [...measureKey, 'links'] as const
export const measureConversionsKey = [...measureKey, 'conversions'] as const

const withCursor = (path: string, cursor: string | null) => (cursor ? `${path}?cursor=${encodeURIComponent(cursor)}` : path)

/** A link's QR image: the SVG to show, the PNG to download. */
export function linkQrUrl(id: string, format: 'svg' | 'png', size?: number): string {
  return `/api/measure/links/${encodeURIComponent(id)}/qr.${format}${size ? `?size=${size}` : ''}`
}

export function useMeasureSettings(enabled = true) {
  return useQuery({ queryKey: measureSettingsKey, queryFn: () => api.get<MeasureSettings>('/api/measure/settings'), enabled })
}

export function useSaveMeasureSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: { trackLinks: boolean }) => api.patch<MeasureSettings>('/api/measure/settings', changes),
    onSuccess: (data) => queryClient.setQueryData(measureSettingsKey, data),
  })
}

export function useTrackedLinks(enabled = true) {
  return useInfiniteQuery({
    queryKey: measureLinksKey,
    queryFn: ({ pageParam }) => api.get<LinkList>(withCursor('/api/measure/links', pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    select: (data) => data.pages.flatMap((page) => page.links),
    enabled,
  })
}

export function useCreateLink() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (link: NewLink) => api.post<{ link: TrackedLink }>('/api/measure/links', link),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: measureLinksKey }),
  })
}

export function useDeleteLink() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/measure/links/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: measureKey }),
  })
}

export function useConversions(enabled = true) {
  return useInfiniteQuery({
    queryKey: measureConversionsKey,
    queryFn: ({ pageParam }) => api.get<ConversionList>(withCursor('/api/measure/conversions', pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    select: (data) => data.pages.flatMap((page) => page.conversions),
    enabled,
  })
}
