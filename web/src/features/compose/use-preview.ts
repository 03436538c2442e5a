/**
 * The server's view of the draft as it is being written: each account's count and problems,
 * asked for once the typing pauses, the last answer kept on screen meanwhile.
 */
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Draft, Media } from '../../app/publish-types'
import { fetchPreview } from '../posts'

const pauseMs = 450

export function useDraftPreview(draft: Draft, media: readonly Media[]) {
  // A string key: it only changes when the draft does (an object would be new on every render).
  // Alt texts are in the key because a description added later changes the warnings.
  const key = JSON.stringify({ draft, alt: media.map((item) => item.altText) })
  const [settled] = useDebouncedValue(key, pauseMs)
  const settledDraft = (JSON.parse(settled) as { draft: Draft }).draft
  return useQuery({
    queryKey: ['preview', settled],
    queryFn: () => fetchPreview(settledDraft),
    enabled: settledDraft.targets.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  })
}
