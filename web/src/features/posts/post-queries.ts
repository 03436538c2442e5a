/**
 * Posts through the API: one post, the posts of a calendar period, ideas from blog feeds, and
 * everything done to a post (save, schedule, take off the calendar, approve, retry, delete).
 * Every change refreshes the cached lists, and puts the answered post in the cache.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { Draft, Post, ScheduleRequest, TargetPreview } from '../../app/publish-types'
import { api } from '../../app/query-client'

export const postsKey = ['posts'] as const
export const postKey = (id: string) => ['posts', 'one', id] as const
const rangeKey = (from: number, to: number) => ['posts', 'range', from, to] as const
const ideasKey = ['posts', 'ideas'] as const

const postUrl = (id: string) => `/api/posts/${encodeURIComponent(id)}`

/** Statuses a post can still change from (the dispatcher may move it on its own). */
const moving: ReadonlySet<Post['status']> = new Set(['scheduled', 'publishing'])

/** How often to look again: every few seconds while a post is (nearly) going out. */
export function pollInterval(post: Post | undefined, now = Date.now()): number | false {
  if (!post || !moving.has(post.status)) return false
  if (post.status === 'publishing') return 2_000
  const dueIn = (post.scheduledAt ?? now) - now
  return dueIn < 90_000 ? 2_000 : 30_000
}

export function usePost(id: string) {
  return useQuery({
    queryKey: postKey(id),
    queryFn: () => api.get<{ post: Post }>(postUrl(id)),
    select: (data) => data.post,
    refetchInterval: (query) => pollInterval(query.state.data?.post),
  })
}

/** Posts scheduled or published within [from, to). */
export function usePostsInRange(from: number, to: number, enabled = true) {
  return useQuery({
    queryKey: rangeKey(from, to),
    queryFn: () => api.get<{ posts: Post[] }>(`/api/posts?from=${from}&to=${to}`),
    select: (data) => data.posts,
    enabled,
  })
}

/** Drafts made from blog feeds that nobody has scheduled yet. */
export function useIdeas() {
  return useQuery({
    queryKey: ideasKey,
    queryFn: () => api.get<{ posts: Post[] }>('/api/posts?unscheduled=true&source=feed'),
    select: (data) => data.posts,
  })
}

/** Each account's version of a draft, counted and checked by the server. */
export function fetchPreview(draft: Draft): Promise<TargetPreview[]> {
  return api.post<{ targets: TargetPreview[] }>('/api/posts/preview', draft).then((data) => data.targets)
}

function remember(queryClient: QueryClient, post: Post): Promise<void> {
  queryClient.setQueryData(postKey(post.id), { post })
  return queryClient.invalidateQueries({ queryKey: postsKey, predicate: (query) => query.queryKey[1] !== 'one' })
}

/** Creates a post (and schedules it when asked), or saves changes to an existing one. */
export function useSavePost() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, draft, schedule }: { id?: string; draft: Draft; schedule?: ScheduleRequest }) =>
      id ? api.put<{ post: Post }>(postUrl(id), draft) : api.post<{ post: Post }>('/api/posts', { ...draft, ...(schedule ? { schedule } : {}) }),
    onSuccess: ({ post }) => remember(queryClient, post),
  })
}

/** A change to a post's life: schedule (now, at a time, queue), unschedule, approve, retry a network. */
export type PostAction =
  | { kind: 'schedule'; schedule: ScheduleRequest }
  | { kind: 'unschedule' }
  | { kind: 'approve' }
  | { kind: 'retry'; targetId: string }

function actionRequest(id: string, action: PostAction): Promise<{ post: Post }> {
  switch (action.kind) {
    case 'schedule':
      return api.post(`${postUrl(id)}/schedule`, action.schedule)
    case 'unschedule':
      return api.post(`${postUrl(id)}/unschedule`)
    case 'approve':
      return api.post(`${postUrl(id)}/approve`)
    case 'retry':
      return api.post(`${postUrl(id)}/targets/${encodeURIComponent(action.targetId)}/retry`)
  }
}

export function usePostAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: PostAction }) => actionRequest(id, action),
    onSuccess: ({ post }) => remember(queryClient, post),
  })
}

export function useDeletePost() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(postUrl(id)),
    onSuccess: (_data, id) => {
      queryClient.removeQueries({ queryKey: postKey(id) })
      return queryClient.invalidateQueries({ queryKey: postsKey })
    },
  })
}
