/**
 * The mention stream's filters live in the address (`/listen?query=…&sentiment=negative&days=7`),
 * so a filtered view can be shared, and an alert's link opens the mentions it is about.
 */
import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { sentiments, sourceKinds, type MentionFilters, type Sentiment, type SourceKind } from './listen-types'

/** The periods offered, in days; the first one the API's report and the stream both accept. */
export const periods = [7, 30, 90] as const
const defaultDays = 30

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value)
}

export function useMentionFilters(): [MentionFilters, (changes: Partial<MentionFilters>) => void] {
  const [params, setParams] = useSearchParams()
  const filters = useMemo<MentionFilters>(() => {
    const days = Number(params.get('days'))
    return {
      ...(params.get('query') ? { queryId: params.get('query')! } : {}),
      ...(oneOf<SourceKind>(params.get('source'), sourceKinds) ? { source: params.get('source') as SourceKind } : {}),
      ...(params.get('lang') ? { lang: params.get('lang')! } : {}),
      ...(oneOf<Sentiment>(params.get('sentiment'), sentiments) ? { sentiment: params.get('sentiment') as Sentiment } : {}),
      days: (periods as readonly number[]).includes(days) ? days : defaultDays,
    }
  }, [params])
  const change = useCallback(
    (changes: Partial<MentionFilters>) => {
      const next = { ...filters, ...changes }
      const entries: Array<[string, string | undefined]> = [
        ['query', next.queryId],
        ['source', next.source],
        ['lang', next.lang],
        ['sentiment', next.sentiment],
        ['days', next.days === defaultDays ? undefined : String(next.days)],
      ]
      setParams(entries.filter((entry): entry is [string, string] => Boolean(entry[1])), { replace: true })
    },
    [filters, setParams],
  )
  return [filters, change]
}
