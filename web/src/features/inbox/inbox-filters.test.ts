/** The inbox's filters go from the address to the API and back without losing or inventing anything. */
import { describe, expect, it } from 'vitest'
import { apiQuery, defaultFilters, filterParams, isNarrowed, parseFilters } from './inbox-filters'

describe('parseFilters', () => {
  it('reads every filter from the address', () => {
    expect(parseFilters(new URLSearchParams('status=done&unanswered=1&questions=1&mine=1&network=bluesky&sentiment=negative'))).toEqual({
      status: 'done',
      unanswered: true,
      questions: true,
      mine: true,
      network: 'bluesky',
      sentiment: 'negative',
    })
  })

  it('falls back to the open items for anything unknown', () => {
    expect(parseFilters(new URLSearchParams('status=archived&unanswered=yes&sentiment=angry&network=<script>'))).toEqual(defaultFilters)
    expect(parseFilters(new URLSearchParams())).toEqual(defaultFilters)
  })
})

describe('filterParams', () => {
  it('writes only what differs from the default, and reads back the same filters', () => {
    expect(filterParams(defaultFilters).toString()).toBe('')
    const filters = { status: 'snoozed', unanswered: true, questions: false, mine: true, sentiment: 'positive' } as const
    const params = filterParams(filters)
    expect(params.toString()).toBe('status=snoozed&unanswered=1&mine=1&sentiment=positive')
    expect(parseFilters(params)).toEqual(filters)
  })
})

describe('isNarrowed', () => {
  it('is true once any filter beyond the status is on', () => {
    expect(isNarrowed(defaultFilters)).toBe(false)
    expect(isNarrowed({ ...defaultFilters, status: 'done' })).toBe(false)
    expect(isNarrowed({ ...defaultFilters, questions: true })).toBe(true)
    expect(isNarrowed({ ...defaultFilters, network: 'mastodon' })).toBe(true)
  })
})

describe('apiQuery', () => {
  it('asks the API in its own words', () => {
    expect(apiQuery(defaultFilters)).toBe('?status=open')
    expect(apiQuery({ status: 'all', unanswered: true, questions: true, mine: true, network: 'mastodon', sentiment: 'neutral' }, '1700.abc')).toBe(
      '?status=all&unanswered=true&questions=true&assignee=me&network=mastodon&sentiment=neutral&cursor=1700.abc',
    )
  })
})
