/**
 * The inbox's filters as they live in the address (`/inbox?status=done&unanswered=1&network=bluesky`),
 * so a filtered view survives a reload and can be shared, and as the API asks for them.
 */
import { inboxSentiments, inboxStatuses, type InboxSentiment, type InboxStatusFilter } from '../../app/inbox-types'

export interface InboxFilters {
  status: InboxStatusFilter
  unanswered: boolean
  questions: boolean
  /** Only items assigned to the signed-in person. */
  mine: boolean
  network?: string
  sentiment?: InboxSentiment
}

export const defaultFilters: InboxFilters = { status: 'open', unanswered: false, questions: false, mine: false }

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value)
}

const networkPattern = /^[a-z0-9-]{1,40}$/

/** The filters an address names; anything unknown falls back to the default. */
export function parseFilters(params: URLSearchParams): InboxFilters {
  const network = params.get('network')
  const sentiment = oneOf(params.get('sentiment'), inboxSentiments)
  return {
    status: oneOf(params.get('status'), inboxStatuses) ?? defaultFilters.status,
    unanswered: params.get('unanswered') === '1',
    questions: params.get('questions') === '1',
    mine: params.get('mine') === '1',
    ...(network && networkPattern.test(network) ? { network } : {}),
    ...(sentiment ? { sentiment } : {}),
  }
}

/** The address's query for some filters: only what differs from the default, in a fixed order. */
export function filterParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.status !== defaultFilters.status) params.set('status', filters.status)
  if (filters.unanswered) params.set('unanswered', '1')
  if (filters.questions) params.set('questions', '1')
  if (filters.mine) params.set('mine', '1')
  if (filters.network) params.set('network', filters.network)
  if (filters.sentiment) params.set('sentiment', filters.sentiment)
  return params
}

/** Whether anything narrows the list beyond the open items (the empty state says so). */
export function isNarrowed(filters: InboxFilters): boolean {
  return filters.unanswered || filters.questions || filters.mine || filters.network !== undefined || filters.sentiment !== undefined
}

/** The API's query for a page of the list. */
export function apiQuery(filters: InboxFilters, cursor?: string): string {
  const query = new URLSearchParams({ status: filters.status })
  if (filters.unanswered) query.set('unanswered', 'true')
  if (filters.questions) query.set('questions', 'true')
  if (filters.mine) query.set('assignee', 'me')
  if (filters.network) query.set('network', filters.network)
  if (filters.sentiment) query.set('sentiment', filters.sentiment)
  if (cursor) query.set('cursor', cursor)
  return `?${query.toString()}`
}
