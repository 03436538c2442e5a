/**
 * The strategic plan and the results page through the API: the living plan (with its live goal
 * values, fuel check and actual mix), saving it, the mix suggestion, the plan's share link, the
 * results page's settings, and the two public pages read without signing in.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { GoalArea, MixSuggestion, Plan, PlanResponse, PublicPlan, PublicResults, ResultFigure, ResultsSettings } from '../../app/coach-types'
import { api } from '../../app/query-client'

/** Everything the coach shows lives under this key; the coach page reads the plan's progress too. */
const coachKey = ['coach'] as const
export const planKey = [...coachKey, 'plan'] as const
const resultsKey = [...coachKey, 'results'] as const
const publicKey = ['public'] as const

/** The plan with its live measures; `plan` is null until one is saved. */
export function usePlan() {
  return useQuery({ queryKey: planKey, queryFn: () => api.get<PlanResponse>('/api/coach/plan') })
}

/**
 * Saving the plan: its answer is the new living plan. A saved plan may finish a next step or move
 * a stage on the coach page, so the rest of the coach's answers are read again.
 */
export function useSavePlan() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (plan: Plan) => api.put<PlanResponse>('/api/coach/plan', { plan }),
    onSuccess: (response) => {
      queryClient.setQueryData(planKey, response)
      return queryClient.invalidateQueries({ queryKey: coachKey, predicate: (query) => query.queryKey[1] !== planKey[1] })
    },
  })
}

export interface MixSuggestionInput {
  teamSize: number
  hoursPerWeek: number
  areas: GoalArea[]
}

/** A 4E mix fitted to the company's size, time and goals, with the reasons in words. */
export function useSuggestMix() {
  return useMutation({ mutationFn: (input: MixSuggestionInput) => api.post<MixSuggestion>('/api/coach/plan/suggest-mix', input) })
}

/**
 * Starting and stopping the public link. The link itself is read back from the plan
 * (`shareUrl`), so the mutation stays pending until the plan has been read again.
 */
export function useSharePlan() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (share: boolean) => (share ? api.post<unknown>('/api/coach/plan/share') : api.delete('/api/coach/plan/share')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKey }),
  })
}

export function useResultsSettings() {
  return useQuery({ queryKey: resultsKey, queryFn: () => api.get<ResultsSettings>('/api/coach/results') })
}

export interface ResultsSettingsInput {
  figures: ResultFigure[]
  story: string
  published: boolean
}

/** Saving the results page's settings; the public link appears once it is published. */
export function useSaveResultsSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ResultsSettingsInput) => api.put<ResultsSettings>('/api/coach/results', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultsKey }),
  })
}

/** A plan someone shared by link; no sign-in. */
export function usePublicPlan(token: string) {
  return useQuery({
    queryKey: [...publicKey, 'plan', token],
    queryFn: () => api.get<PublicPlan>(`/api/public/plans/${encodeURIComponent(token)}`),
  })
}

/** A published results page; no sign-in. */
export function usePublicResults(token: string) {
  return useQuery({
    queryKey: [...publicKey, 'results', token],
    queryFn: () => api.get<PublicResults>(`/api/public/results/${encodeURIComponent(token)}`),
  })
}
