import { describe, expect, it } from 'vitest'
import { estimateMinutes, sizeCheckIn, type InboxCandidate } from './check-in-size.js'

const now = Date.parse('2026-11-16T08:00:00Z')
const hour = 3_600_000

/** A waiting item received `hoursAgo` hours before `now`; 100 characters (3 minutes) unless said. */
function item(id: string, hoursAgo: number, extra: Partial<InboxCandidate> = {}): InboxCandidate {
  return { id, receivedAt: now - hoursAgo * hour, question: false, answered: false, snoozedUntil: null, done: false, textLength: 100, ...extra }
}

describe('estimateMinutes', () => {
  it.each([
    [0, 2],
    [1, 3],
    [280, 3],
    [281, 4],
    [560, 4],
    [2800, 12],
  ])('%i characters take %i minutes', (length, minutes) => {
    expect(estimateMinutes(length)).toBe(minutes)
  })
})

describe('sizeCheckIn', () => {
  it('gives nothing to do when nothing waits', () => {
    expect(sizeCheckIn([], 15, now)).toEqual({ itemIds: [], estimatedMinutes: 0, left: 0 })
  })

  it('fills the block exactly, and counts what is left', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id, i) => item(id, 10 - i))
    expect(sizeCheckIn(five, 15, now)).toEqual({ itemIds: ['a', 'b', 'c', 'd', 'e'], estimatedMinutes: 15, left: 0 })
    expect(sizeCheckIn([...five, item('f', 1)], 15, now)).toEqual({ itemIds: ['a', 'b', 'c', 'd', 'e'], estimatedMinutes: 15, left: 1 })
  })

  it('puts questions first, the oldest first within each kind', () => {
    const items = [item('old-remark', 30), item('new-question', 1, { question: true }), item('old-question', 20, { question: true }), item('new-remark', 2)]
    expect(sizeCheckIn(items, 60, now).itemIds).toEqual(['old-question', 'new-question', 'old-remark', 'new-remark'])
  })

  it('stops at the first item that does not fit: a shorter, younger one does not jump the queue', () => {
    const items = [item('short-old', 5), item('long', 4, { textLength: 1000 }), item('short-young', 3)] // 3 + 6 + 3 minutes
    expect(sizeCheckIn(items, 8, now)).toEqual({ itemIds: ['short-old'], estimatedMinutes: 3, left: 2 })
  })

  it('always takes the first item, however long', () => {
    expect(sizeCheckIn([item('essay', 1, { textLength: 3000 }), item('short', 0.5)], 5, now)).toEqual({ itemIds: ['essay'], estimatedMinutes: 13, left: 1 })
  })

  it('leaves out answered, done and snoozed items; a snooze ending now is over', () => {
    const items = [
      item('answered', 9, { answered: true, question: true }),
      item('done', 8, { done: true, question: true }),
      item('snoozed', 7, { snoozedUntil: now + 1, question: true }),
      item('snooze-over', 6, { snoozedUntil: now }),
      item('waiting', 5),
    ]
    expect(sizeCheckIn(items, 15, now)).toEqual({ itemIds: ['snooze-over', 'waiting'], estimatedMinutes: 6, left: 0 })
  })

  it('orders items received at the same time by id, so the list is the same every time', () => {
    const items = [item('b', 1), item('a', 1), item('c', 1)]
    expect(sizeCheckIn(items, 60, now).itemIds).toEqual(['a', 'b', 'c'])
    expect(sizeCheckIn([...items].reverse(), 60, now).itemIds).toEqual(['a', 'b', 'c'])
  })
})
