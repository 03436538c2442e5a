/**
 * The check-in routine through the API: today's check-in (under the inbox's key, so answering or
 * closing an item refreshes it, and asked again every minute so a block that starts or ends
 * shows without a reload), the blocks, saving them and completing a check-in.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CheckIn, CheckInBlock, CheckInBlocks, CheckInToday } from '../../../app/inbox-types'
import { api } from '../../../app/query-client'

const todayKey = ['inbox', 'check-in-today'] as const
const blocksKey = ['check-ins', 'blocks'] as const
const base = '/api/check-ins'
const refreshMs = 60_000

export function useCheckInToday(enabled = true) {
  return useQuery({
    queryKey: todayKey,
    queryFn: () => api.get<CheckInToday>(`${base}/today`),
    refetchInterval: refreshMs,
    refetchOnWindowFocus: true,
    enabled,
  })
}

export function useCheckInBlocks(enabled = true) {
  return useQuery({ queryKey: blocksKey, queryFn: () => api.get<CheckInBlocks>(`${base}/blocks`), enabled })
}

/** Replaces the blocks; refused as a whole with a problem per field (`blocks.<index>.<field>`). */
export function useSaveCheckInBlocks() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (blocks: CheckInBlock[]) => api.put<CheckInBlocks>(`${base}/blocks`, { blocks }),
    onSuccess: (saved) => {
      queryClient.setQueryData(blocksKey, saved)
      return queryClient.invalidateQueries({ queryKey: todayKey })
    },
  })
}

/** Marks a check-in done; the answer (who, when, how many answered) shows at once. */
export function useCompleteCheckIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.post<{ checkIn: CheckIn }>(`${base}/${encodeURIComponent(id)}/complete`),
    onSuccess: ({ checkIn }) => {
      queryClient.setQueryData<CheckInToday>(todayKey, (today) => (today?.checkIn?.id === checkIn.id ? { ...today, checkIn } : today))
      return queryClient.invalidateQueries({ queryKey: todayKey })
    },
  })
}
