/** The daily digest's model: ordering, totals, the mentions it quotes, and what it refuses. */
import { describe, expect, it } from 'vitest'
import { buildDigest, type DigestInput } from './digest.js'
import type { AlertMention } from './types.js'

const dayStart = Date.UTC(2026, 4, 2, 22) // 3 May 2026 00:00 in Paris (UTC+2)
const dayEnd = dayStart + 24 * 3_600_000

function mention(n: number, extra: Partial<AlertMention> = {}): AlertMention {
  return { text: `mention ${n}`, url: `https://example.com/${n}`, publishedAt: dayStart + n * 60_000, ...extra }
}

function input(extra: Partial<DigestInput> = {}): DigestInput {
  return {
    workspaceName: 'Café Lune',
    perQuery: [
      { queryName: 'brand', count: 12, negative: 2 },
      { queryName: 'competitor', count: 30, negative: 1 },
      { queryName: 'bakery', count: 12, negative: 5 },
      { queryName: 'Alpha', count: 0, negative: 0 },
      { queryName: 'alpha', count: 0, negative: 0 },
    ],
    topMentions: [mention(1), mention(2)],
    periodStart: dayStart,
    periodEnd: dayEnd,
    link: 'https://social.example.com/listen',
    at: dayEnd + 8 * 3_600_000,
    timeZone: 'Europe/Paris',
    ...extra,
  }
}

describe('buildDigest', () => {
  it('sorts queries by mentions, then negative mentions, then name, and totals them', () => {
    const digest = buildDigest(input())
    expect(digest.kind).toBe('digest')
    expect(digest.perQuery!.map((q) => q.queryName)).toEqual(['competitor', 'bakery', 'brand', 'Alpha', 'alpha'])
    expect(digest.count).toBe(54)
    expect(digest).toMatchObject({ workspaceName: 'Café Lune', periodStart: dayStart, periodEnd: dayEnd, timeZone: 'Europe/Paris', link: 'https://social.example.com/listen' })
  })

  it('takes the distinct total when given (a mention matching two queries counts once)', () => {
    expect(buildDigest(input({ totalMentions: 40 })).count).toBe(40)
  })

  it('quotes at most five mentions by default, in the given order, without repeats or mentions from another day', () => {
    const candidates = [
      mention(1),
      mention(1, { text: 'same URL again' }),
      mention(2, { url: undefined, authorHandle: '@a' }),
      mention(3, { url: undefined, authorHandle: '@a', text: 'mention 2', publishedAt: dayStart + 5 }),
      mention(4, { publishedAt: dayStart - 1 }),
      mention(5, { publishedAt: dayEnd }),
      mention(6),
      mention(7),
      mention(8),
      mention(9),
      mention(10),
    ]
    const digest = buildDigest(input({ topMentions: candidates }))
    expect(digest.mentions.map((m) => m.text)).toEqual(['mention 1', 'mention 2', 'mention 6', 'mention 7', 'mention 8'])
    expect(buildDigest(input({ topMentions: candidates, maxMentions: 2 })).mentions).toHaveLength(2)
  })

  it('is a quiet day with count 0 when nothing matched', () => {
    const digest = buildDigest(input({ perQuery: [{ queryName: 'brand', count: 0, negative: 0 }], topMentions: [] }))
    expect(digest.count).toBe(0)
    expect(digest.mentions).toEqual([])
  })

  it('refuses an empty period and impossible rows', () => {
    expect(() => buildDigest(input({ periodEnd: dayStart }))).toThrow(RangeError)
    expect(() => buildDigest(input({ perQuery: [{ queryName: 'x', count: 2, negative: 3 }] }))).toThrow(RangeError)
    expect(() => buildDigest(input({ perQuery: [{ queryName: 'x', count: -1, negative: 0 }] }))).toThrow(RangeError)
  })

  it('survives a JSON round trip unchanged (the store keeps it as JSON)', () => {
    const digest = buildDigest(input())
    expect(JSON.parse(JSON.stringify(digest))).toEqual(digest)
  })
})
