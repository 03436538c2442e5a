/**
 * The coach through the API: the assessment (read, re-assessed on demand, answered again by the
 * questionnaire), the questionnaire, the handle check and its reservation checklist, and the
 * value check the composer asks while a post is written. Everything lives under the `coach` key.
 */
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  contentTypes,
  type AssessmentResponse,
  type ContentType,
  type HandleCheckResponse,
  type HandleChecklist,
  type Questionnaire,
  type ValueCheckResponse,
} from '../../app/coach-types'
import { api } from '../../app/query-client'

export const coachKey = ['coach'] as const
const assessmentKey = [...coachKey, 'assessment'] as const
const questionnaireKey = [...coachKey, 'questionnaire'] as const
const handlesKey = [...coachKey, 'handles'] as const
const checklistKey = [...coachKey, 'checklist'] as const
const valueKey = [...coachKey, 'value-check'] as const

const base = '/api/coach'
/** The pause in typing after which a draft is checked for value. */
const valuePauseMs = 400

export function useAssessment(enabled = true) {
  return useQuery({ queryKey: assessmentKey, queryFn: () => api.get<AssessmentResponse>(`${base}/assessment`), enabled })
}

/** "Re-assess now": the answer is the new assessment, so it goes straight into the cache. */
export function useReassess() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<AssessmentResponse>(`${base}/assess`),
    onSuccess: (assessment) => queryClient.setQueryData(assessmentKey, assessment),
  })
}

export function useQuestionnaire() {
  return useQuery({ queryKey: questionnaireKey, queryFn: () => api.get<Questionnaire>(`${base}/questionnaire`) })
}

/** Saving the answers assesses again; the coach page then shows the new stage without asking. */
export function useSaveAnswers() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (answers: Record<string, string>) => api.put<AssessmentResponse>(`${base}/answers`, { answers }),
    onSuccess: (assessment) => {
      queryClient.setQueryData(assessmentKey, assessment)
      return queryClient.invalidateQueries({ queryKey: questionnaireKey })
    },
  })
}

/** Where a name is free; nothing is asked until there is a name. */
export function useHandleCheck(name: string) {
  return useQuery({
    queryKey: [...handlesKey, name],
    queryFn: () => api.get<HandleCheckResponse>(`${base}/handles?${new URLSearchParams({ name }).toString()}`),
    enabled: name.trim() !== '',
    // Another network's answer may take a while to change; asking again on every visit is waste.
    staleTime: 5 * 60_000,
  })
}

/** Asks the networks again (a second "check" of the same name: a handle may have been freed or taken since). */
export function useRecheckHandles() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: handlesKey })
}

export function useHandleChecklist() {
  return useQuery({ queryKey: checklistKey, queryFn: () => api.get<HandleChecklist>(`${base}/handles/checklist`) })
}

/**
 * Saving the checklist. The tick shows at once and is taken back if the server refuses; a
 * reserved handle also ticks a next step, so the assessment is asked again.
 */
export function useSaveHandleChecklist() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (items: HandleChecklist['items']) => api.put<HandleChecklist | undefined>(`${base}/handles/checklist`, { items }),
    onMutate: async (items) => {
      await queryClient.cancelQueries({ queryKey: checklistKey })
      const before = queryClient.getQueryData<HandleChecklist>(checklistKey)
      queryClient.setQueryData<HandleChecklist>(checklistKey, { items })
      return { before }
    },
    onError: (_error, _items, context) => {
      if (context?.before) queryClient.setQueryData(checklistKey, context.before)
    },
    onSuccess: (saved) => {
      if (saved && Array.isArray(saved.items)) queryClient.setQueryData(checklistKey, saved)
    },
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: checklistKey }), queryClient.invalidateQueries({ queryKey: assessmentKey })]),
  })
}

function asContentType(value: string | null): ContentType | null {
  return value !== null && (contentTypes as readonly string[]).includes(value) ? (value as ContentType) : null
}

/**
 * The value check of a draft, asked once the typing pauses; the last hints stay on screen while
 * the next answer is on its way. A failed check shows nothing: hints never stand in the way.
 */
export function useValueCheck(text: string, contentType: string | null) {
  const [settled] = useDebouncedValue(JSON.stringify({ text: text.trim(), contentType: asContentType(contentType) }), valuePauseMs)
  const body = JSON.parse(settled) as { text: string; contentType: ContentType | null }
  return useQuery({
    queryKey: [...valueKey, settled],
    queryFn: () => api.post<ValueCheckResponse>(`${base}/value-check`, body),
    enabled: body.text !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  })
}
