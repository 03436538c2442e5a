/** Threads, snooze times on the workspace's clock, saved-reply order and answer outcomes. */
import { describe, expect, it } from 'vitest'
import type { InboxAnswer, InboxItem, SavedReply } from '../../app/inbox-types'
import { answerOutcome, draftAnswerText, groupByConversation, isOnItsWay, orderSavedReplies, snoozeUntil, waitingReason } from './inbox-logic'

function buildItem(id: string, conversationKey: string, createdAt: number, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id,
    kind: 'reply',
    network: 'bluesky',
    accountId: 'acc1',
    accountHandle: 'cafe.example',
    text: `text of ${id}`,
    lang: null,
    url: null,
    conversationKey,
    author: { remoteId: 'did:a', handle: 'a.example', name: 'A', avatarUrl: null, url: null, followers: null, followsUs: null, items: 1 },
    inReplyTo: null,
    question: false,
    sentiment: 'neutral',
    status: 'open',
    assigneeId: null,
    snoozedUntil: null,
    deleted: false,
    createdAt,
    receivedAt: createdAt,
    firstResponseAt: null,
    responseMs: null,
    respondedBy: null,
    pendingReplyId: null,
    ...overrides,
  }
}

function buildAnswer(overrides: Partial<InboxAnswer>): InboxAnswer {
  return { postId: 'p1', text: 'Thanks!', authorId: 'u1', status: 'draft', targetStatus: 'pending', publishedAt: null, url: null, error: null, errorKind: null, createdAt: 1, ...overrides }
}

describe('groupByConversation', () => {
  it('keeps a thread together, oldest first, the thread with the newest item first', () => {
    const items = [buildItem('c', 'T1', 300), buildItem('b', 'T2', 200), buildItem('a', 'T1', 100), buildItem('d', 'T3', 50)]
    const groups = groupByConversation(items)
    expect(groups.map((group) => [group.key, group.items.map((item) => item.id), group.latestAt])).toEqual([
      ['T1', ['a', 'c'], 300],
      ['T2', ['b'], 200],
      ['T3', ['d'], 50],
    ])
  })

  it('mends a thread split across pages, whatever order the items come in', () => {
    const firstPage = [buildItem('x2', 'T', 20), buildItem('y', 'U', 15)]
    const secondPage = [buildItem('x1', 'T', 10), buildItem('x0', 'T', 5)]
    expect(groupByConversation([...secondPage, ...firstPage]).map((group) => group.items.map((item) => item.id))).toEqual([['x0', 'x1', 'x2'], ['y']])
  })

  it('has no thread for no items', () => {
    expect(groupByConversation([])).toEqual([])
  })
})

describe('snoozeUntil', () => {
  // Thursday 5 March 2026, 22:30 in New York (Friday 03:30 UTC); clocks there go forward on Sunday 8 March.
  const thursdayEvening = Date.UTC(2026, 2, 6, 3, 30)

  it('wakes an hour from now', () => {
    expect(snoozeUntil('hour', thursdayEvening, 'America/New_York')).toBe(thursdayEvening + 3_600_000)
  })

  it("wakes tomorrow at 9:00 on the workspace's clock, not the reader's or UTC's", () => {
    expect(snoozeUntil('tomorrow', thursdayEvening, 'America/New_York')).toBe(Date.UTC(2026, 2, 6, 14, 0))
    // Already Friday afternoon in Tokyo: tomorrow is Saturday there.
    expect(snoozeUntil('tomorrow', thursdayEvening, 'Asia/Tokyo')).toBe(Date.UTC(2026, 2, 7, 0, 0))
  })

  it('wakes next Monday at 9:00, across a daylight-saving change', () => {
    // 9:00 on Monday 9 March is daylight time in New York (UTC−4), one hour earlier in UTC than Friday's.
    expect(snoozeUntil('nextWeek', thursdayEvening, 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 13, 0))
    expect(snoozeUntil('nextWeek', thursdayEvening, 'Asia/Tokyo')).toBe(Date.UTC(2026, 2, 9, 0, 0))
  })

  it('wakes a week later when it is Monday already', () => {
    const mondayMorning = Date.UTC(2026, 5, 1, 6, 0) // Monday 1 June 2026, 08:00 in Paris
    expect(snoozeUntil('nextWeek', mondayMorning, 'Europe/Paris')).toBe(Date.UTC(2026, 5, 8, 7, 0))
  })
})

describe('orderSavedReplies', () => {
  const reply = (id: string, language: string, title: string): SavedReply => ({ id, language, title, text: title, createdAt: 1, updatedAt: 1 })
  const replies = [reply('1', 'en', 'Opening hours'), reply('2', 'fr', 'Horaires'), reply('3', 'ar', 'ساعات العمل'), reply('4', 'en', 'Allergens'), reply('5', 'bn', 'সময়')]

  it("offers the item's language first, then the reader's, then the rest by language", () => {
    expect(orderSavedReplies(replies, ['fr-CA', 'en']).map((r) => r.id)).toEqual(['2', '4', '1', '3', '5'])
  })

  it("falls back to the reader's language when the item's is unknown", () => {
    expect(orderSavedReplies(replies, [null, 'ar']).map((r) => r.id)).toEqual(['3', '5', '4', '1', '2'])
  })
})

describe('answerOutcome', () => {
  it('names what became of an answer', () => {
    expect(answerOutcome({ status: 'published', targetStatus: 'published' })).toBe('published')
    expect(answerOutcome({ status: 'failed', targetStatus: 'failed' })).toBe('failed')
    expect(answerOutcome({ status: 'draft', targetStatus: 'pending' })).toBe('draft')
    expect(answerOutcome({ status: 'awaiting_approval', targetStatus: 'pending' })).toBe('awaiting_approval')
    expect(answerOutcome({ status: 'scheduled', targetStatus: 'pending' })).toBe('sending')
    expect(answerOutcome({ status: 'publishing', targetStatus: 'publishing' })).toBe('sending')
    // Held back by an account to reconnect or a pause: not "on its way", and not failed either.
    expect(answerOutcome({ status: 'scheduled', targetStatus: 'waiting' })).toBe('waiting')
  })

  it('says why an answer waits in terms the person can act on', () => {
    expect(waitingReason('auth_expired')).toBe('account')
    expect(waitingReason('account_expired')).toBe('account')
    expect(waitingReason('workspace_paused')).toBe('paused')
    expect(waitingReason(null)).toBe('other')
  })

  it('is on its way only while it is being sent', () => {
    expect(isOnItsWay({ status: 'scheduled', targetStatus: 'pending' })).toBe(true)
    expect(isOnItsWay({ status: 'published', targetStatus: 'published' })).toBe(false)
    expect(isOnItsWay({ status: 'draft', targetStatus: 'pending' })).toBe(false)
    expect(isOnItsWay({ status: 'scheduled', targetStatus: 'waiting' })).toBe(false)
  })
})

describe('draftAnswerText', () => {
  it('puts back the answer the server kept as a draft', () => {
    const item = buildItem('i', 'T', 1, { pendingReplyId: 'p2' })
    const replies = [buildAnswer({ postId: 'p1', text: 'Old one', status: 'published', targetStatus: 'published' }), buildAnswer({ postId: 'p2', text: 'A very long answer…' })]
    expect(draftAnswerText({ item, replies })).toBe('A very long answer…')
  })

  it('puts back nothing when the pending answer is on its way, or there is none', () => {
    expect(draftAnswerText({ item: buildItem('i', 'T', 1, { pendingReplyId: 'p2' }), replies: [buildAnswer({ postId: 'p2', status: 'scheduled' })] })).toBe('')
    expect(draftAnswerText({ item: buildItem('i', 'T', 1), replies: [buildAnswer({ postId: 'p2' })] })).toBe('')
  })
})
