/**
 * The inbox through the API: the list (paged, refreshed every 30 seconds and when the window
 * comes back into focus, so new replies arrive without a reload), the header's counts, one item
 * with its conversation, the changes a teammate makes, answers, response times and saved replies.
 * Every answer lives under the `inbox` key, so one change refreshes the list, the item and the counts.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { InboxChange, InboxCounts, InboxDetail, InboxPage, InboxThread, ResponseTimes, SavedReply, SavedReplyInput } from '../../app/inbox-types'
import { api } from '../../app/query-client'
import { useCan } from '../../app/session'
import { postsKey } from '../posts'
import { useMembers } from '../settings'
import { apiQuery, type InboxFilters } from './inbox-filters'
import { isOnItsWay } from './inbox-logic'

const inboxKey = ['inbox'] as const
const listKey = [...inboxKey, 'list'] as const
const countsKey = [...inboxKey, 'counts'] as const
const itemKey = (id: string) => [...inboxKey, 'item', id] as const
const threadKey = (id: string) => [...inboxKey, 'thread', id] as const
const responseTimesKey = [...inboxKey, 'response-times'] as const
const savedRepliesKey = [...inboxKey, 'saved-replies'] as const

const base = '/api/inbox'
/** How often the list and the counts are asked for again while the page is open. */
const refreshMs = 30_000
/** How often an item is looked at again while one of its answers is on its way. */
const sendingRefreshMs = 5_000
/** "This month" in the header: the last four weeks, whole weeks so weekdays weigh alike. */
const responseTimeDays = 28

const itemPath = (id: string) => `${base}/${encodeURIComponent(id)}`

/** Refreshes the list, the counts, the items and response times after something changed. */
function useRefreshInbox() {
  const queryClient = useQueryClient()
  // Saved replies and threads above items do not change with what the team does here.
  return () => queryClient.invalidateQueries({ queryKey: inboxKey, predicate: (query) => query.queryKey[1] !== savedRepliesKey[1] && query.queryKey[1] !== 'thread' })
}

/** The list, newest first, a page at a time; each page also brings the header's counts. */
export function useInboxList(filters: InboxFilters, enabled = true) {
  const queryClient = useQueryClient()
  return useInfiniteQuery({
    queryKey: [...listKey, filters],
    queryFn: async ({ pageParam }) => {
      const page = await api.get<InboxPage>(`${base}${apiQuery(filters, pageParam)}`)
      // The navigation's badge reads the same counts: keep it in step without asking twice.
      queryClient.setQueryData<InboxCounts>(countsKey, page.counts)
      return page
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs,
    refetchOnWindowFocus: true,
    enabled,
  })
}

/** Open, unanswered and question counts (the header and the navigation's badge). */
export function useInboxCounts(enabled = true) {
  return useQuery({
    queryKey: countsKey,
    queryFn: () => api.get<InboxCounts>(`${base}/counts`),
    refetchInterval: refreshMs,
    refetchOnWindowFocus: true,
    enabled,
  })
}

/** One item with its conversation, notes and answers; looked at often while an answer is sending. */
export function useInboxItem(id: string | undefined) {
  return useQuery({
    queryKey: itemKey(id ?? ''),
    queryFn: () => api.get<InboxDetail>(itemPath(id!)),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data?.replies.some(isOnItsWay) ? sendingRefreshMs : refreshMs),
    refetchOnWindowFocus: true,
  })
}

/**
 * The posts above an item, read from its network when the item is opened (not on every refresh:
 * a thread above changes rarely, and each read is a request to the network). When the network
 * says the item's post is gone, the item is read again to show it deleted.
 */
export function useInboxThread(id: string) {
  const queryClient = useQueryClient()
  return useQuery({
    queryKey: threadKey(id),
    queryFn: async () => {
      const thread = await api.get<InboxThread>(`${itemPath(id)}/thread`)
      if (thread.available && thread.deleted) await queryClient.invalidateQueries({ queryKey: itemKey(id) })
      return thread
    },
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  })
}

/** Assigning, snoozing, marking done or open again: the answer is the item as it is now. */
export function useChangeItem(id: string) {
  const queryClient = useQueryClient()
  const refresh = useRefreshInbox()
  return useMutation({
    mutationFn: (change: InboxChange) => api.patch<InboxDetail>(itemPath(id), change),
    onSuccess: (detail) => {
      queryClient.setQueryData(itemKey(id), detail)
      return refresh()
    },
  })
}

export function useAddNote(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (text: string) => api.post<InboxDetail>(`${itemPath(id)}/notes`, { text }),
    onSuccess: (detail) => queryClient.setQueryData(itemKey(id), detail),
  })
}

/**
 * Answering on the network. Refused or not, the item changes (an answer on its way, or the text
 * kept as its draft), and the answer is a post the calendar and the post pages show too.
 */
export function useSendReply(id: string) {
  const queryClient = useQueryClient()
  const refresh = useRefreshInbox()
  return useMutation({
    mutationFn: (text: string) => api.post<{ postId: string; status: string }>(`${itemPath(id)}/reply`, { text }),
    onSettled: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: postsKey })]),
  })
}

export function useResponseTimes(enabled = true) {
  return useQuery({
    queryKey: responseTimesKey,
    queryFn: () => api.get<ResponseTimes>(`${base}/response-times?days=${responseTimeDays}`),
    refetchInterval: 5 * 60_000,
    enabled,
  })
}

/** "Check for new now": reads every account's notifications at once. */
export function useSyncInbox() {
  const refresh = useRefreshInbox()
  return useMutation({
    mutationFn: () => api.post<{ stored: number }>(`${base}/sync`),
    onSuccess: refresh,
  })
}

export function useSavedReplies(enabled = true) {
  return useQuery({
    queryKey: savedRepliesKey,
    queryFn: () => api.get<{ replies: SavedReply[] }>(`${base}/saved-replies`),
    select: (data) => data.replies,
    staleTime: 5 * 60_000,
    enabled,
  })
}

export function useAddSavedReply() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: SavedReplyInput) => api.post<{ reply: SavedReply }>(`${base}/saved-replies`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedRepliesKey }),
  })
}

export function useDeleteSavedReply() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(`${base}/saved-replies/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedRepliesKey }),
  })
}

/** The workspace's people (to assign to) and their names by user id (assignees, note authors). */
export function useTeam() {
  const members = useMembers()
  const list = useMemo(() => members.data ?? [], [members.data])
  const names = useMemo(() => new Map(list.map((member) => [member.userId, member.name])), [list])
  return { members: list, names }
}

/** Unanswered open items, for the navigation's badge; undefined until known or without access. */
export function useUnansweredCount(): number | undefined {
  return useInboxCounts(useCan('inbox.read')).data?.unanswered
}
