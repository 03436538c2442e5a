import { describe, expect, it } from 'vitest'
import { bestTimes } from './best-times.js'

const utc = (iso: string) => Date.parse(`${iso}Z`)
const post = (iso: string, engagement = 0, clicks = 0) => ({ publishedAt: utc(iso), engagement, clicks })
const cellsOf = (result: ReturnType<typeof bestTimes>) => result.cells.map((c) => [c.weekday, c.hour, c.posts])

describe('bestTimes: weekday and hour on the business\'s clock', () => {
  it('keeps a 09:00 post at 09:00 across both daylight-saving changes in Paris', () => {
    const posts = [
      post('2025-03-28T08:00:00'), // Friday 09:00 CET (UTC+1)
      post('2025-04-04T07:00:00'), // Friday 09:00 CEST (UTC+2), after the spring change
      post('2025-10-24T07:00:00'), // Friday 09:00 CEST
      post('2025-10-31T08:00:00'), // Friday 09:00 CET, after the autumn change
      post('2025-04-04T08:00:00'), // Friday 10:00 CEST: a fixed UTC+1 would have put it at 09:00
    ]
    expect(cellsOf(bestTimes(posts, 'Europe/Paris'))).toEqual([[5, 9, 4], [5, 10, 1]])
  })

  it('puts both 02:30s of the autumn change in the same hour, and skips the hour that does not exist in spring', () => {
    const autumn = [post('2025-10-26T00:30:00'), post('2025-10-26T01:30:00')] // 02:30 CEST, then 02:30 CET
    expect(cellsOf(bestTimes(autumn, 'Europe/Paris'))).toEqual([[7, 2, 2]])
    const spring = [post('2025-03-30T00:59:00'), post('2025-03-30T01:00:00')] // 01:59 CET, then 03:00 CEST
    expect(cellsOf(bestTimes(spring, 'Europe/Paris'))).toEqual([[7, 1, 1], [7, 3, 1]])
  })

  it('uses the zone\'s weekday, not UTC\'s, with a half-hour offset (Asia/Kolkata, +05:30)', () => {
    const posts = [
      post('2025-01-05T20:00:00'), // Sunday in UTC, Monday 01:30 in Kolkata
      post('2025-01-05T18:29:00'), // Sunday 23:59 in Kolkata
      post('2025-01-06T03:29:00'), // Monday 08:59
      post('2025-01-06T03:30:00'), // Monday 09:00
    ]
    expect(cellsOf(bestTimes(posts, 'Asia/Kolkata'))).toEqual([[1, 1, 1], [1, 8, 1], [1, 9, 1], [7, 23, 1]])
    expect(cellsOf(bestTimes(posts, 'UTC'))).toEqual([[1, 3, 2], [7, 18, 1], [7, 20, 1]])
  })

  it('rejects a zone it does not know', () => {
    expect(() => bestTimes([], 'Mars/Olympus')).toThrow(RangeError)
  })
})

describe('bestTimes: means and the best hours', () => {
  it('gives nothing for no posts', () => {
    expect(bestTimes([], 'Europe/Paris')).toEqual({ posts: 0, cells: [], best: [] })
  })

  it('averages engagement and clicks per post in each cell', () => {
    const result = bestTimes([post('2025-01-06T09:00:00', 10, 1), post('2025-01-13T09:10:00', 21, 2)], 'UTC')
    expect(result).toEqual({ posts: 2, cells: [{ weekday: 1, hour: 9, posts: 2, engagement: 15.5, clicks: 1.5 }], best: [{ weekday: 1, hour: 9 }] })
  })

  it('takes quarter-hour groups of posts, their engagement and clicks being sums', () => {
    const grouped = bestTimes([{ ...post('2025-01-06T09:00:00', 31, 3), posts: 2 }, post('2025-01-06T10:15:00', 4, 0)], 'UTC')
    expect(grouped.posts).toBe(3)
    expect(grouped.cells[0]).toEqual({ weekday: 1, hour: 9, posts: 2, engagement: 15.5, clicks: 1.5 })
    expect(grouped.best).toEqual([{ weekday: 1, hour: 9 }])
  })

  it('ranks by mean engagement + 5 × clicks, needs 2 posts, breaks ties by more posts then the earlier cell, keeps 3', () => {
    const twice = (iso1: string, iso2: string, engagement: number, clicks: number) => [post(iso1, engagement, clicks), post(iso2, engagement, clicks)]
    const posts = [
      ...twice('2025-01-06T09:00:00', '2025-01-13T09:00:00', 10, 0), // Mon 09: 10
      ...twice('2025-01-07T12:00:00', '2025-01-14T12:00:00', 0, 3), // Tue 12: 15, clicks weigh 5 each
      post('2025-01-08T18:00:00', 500, 50), // Wed 18: one lucky post is not a pattern
      ...twice('2025-01-09T08:00:00', '2025-01-16T08:00:00', 10, 0), post('2025-01-23T08:00:00', 10, 0), // Thu 08: 10 over 3 posts
      ...twice('2025-01-10T07:00:00', '2025-01-17T07:00:00', 0, 0), // Fri 07: nothing happened
      ...twice('2025-01-05T10:00:00', '2025-01-12T10:00:00', 10, 0), // Sun 10: 10, ties with Mon 09 but later in the week
    ]
    const result = bestTimes(posts, 'UTC')
    expect(result.posts).toBe(12)
    expect(result.best).toEqual([{ weekday: 2, hour: 12 }, { weekday: 4, hour: 8 }, { weekday: 1, hour: 9 }])
    expect(bestTimes(posts.filter((p) => p.clicks === 0 && p.engagement === 0), 'UTC').best).toEqual([])
  })
})
