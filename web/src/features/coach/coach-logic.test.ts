/** The coach's screen rules: where steps lead, how the ladder and history read, the handle table. */
import { describe, expect, it } from 'vitest'
import type { Stage } from '../../app/coach-types'
import {
  answeredCount,
  handleRows,
  knownAnswers,
  labelFromId,
  ladder,
  mythForStage,
  mythLink,
  stageChanges,
  stepChartPath,
  stepPath,
  stepTargets,
  withReserved,
} from './coach-logic'

const day = 86_400_000

describe('stepPath', () => {
  it('opens the page of each feature that has one', () => {
    expect(stepPath('listen')).toBe('/listen')
    expect(stepPath('handles')).toBe('/coach/handles')
    expect(stepPath('queue')).toBe('/settings/publishing')
    expect(stepPath('inbox')).toBe('/listen')
    expect(stepPath('measure')).toBe('/measure/setup')
    expect(stepPath('share')).toBe('/coach/results')
    expect(stepPath('team')).toBe('/settings/team')
  })

  it('offers no page for a feature without one, nor for a target it does not know', () => {
    expect(stepPath('checkins')).toBeNull()
    expect(stepPath('teleport')).toBeNull()
  })

  it('never sends a step back to the coach page itself', () => {
    for (const target of stepTargets) expect(stepPath(target)).not.toBe('/coach')
  })
})

describe('ladder', () => {
  it('climbs from stage 1 to 6, marking stages behind, the current one and those ahead', () => {
    expect(ladder(3)).toEqual([
      { stage: 1, state: 'passed' },
      { stage: 2, state: 'passed' },
      { stage: 3, state: 'current' },
      { stage: 4, state: 'ahead' },
      { stage: 5, state: 'ahead' },
      { stage: 6, state: 'ahead' },
    ])
  })

  it('has everything ahead before the first assessment', () => {
    expect(ladder(null).map((rung) => rung.state)).toEqual(Array(6).fill('ahead'))
  })
})

describe('stageChanges', () => {
  const at = (n: number) => n * day

  it('keeps one line per stretch of the same stage, saying which way it went', () => {
    const history = [
      { stage: 2 as Stage, assessedAt: at(1) },
      { stage: 2 as Stage, assessedAt: at(2) },
      { stage: 3 as Stage, assessedAt: at(3) },
      { stage: 3 as Stage, assessedAt: at(4) },
      { stage: 2 as Stage, assessedAt: at(5) },
    ]
    expect(stageChanges(history)).toEqual([
      { stage: 2, at: at(1), direction: 'start' },
      { stage: 3, at: at(3), direction: 'up' },
      { stage: 2, at: at(5), direction: 'down' },
    ])
  })

  it('reads the history in time order whatever order it arrives in', () => {
    const changes = stageChanges([
      { stage: 4, assessedAt: at(9) },
      { stage: 1, assessedAt: at(1) },
    ])
    expect(changes.map((change) => [change.stage, change.direction])).toEqual([
      [1, 'start'],
      [4, 'up'],
    ])
  })

  it('is empty without history', () => {
    expect(stageChanges([])).toEqual([])
  })
})

describe('stepChartPath', () => {
  it('draws a step line from the first point to now, stage 1 at the bottom and 6 at the top', () => {
    const path = stepChartPath(
      [
        { stage: 1, assessedAt: 0 },
        { stage: 6, assessedAt: 50 },
      ],
      100,
      50,
      100,
    )
    expect(path).toBe('M0 50 H50 V0 H100')
  })

  it('draws nothing with fewer than two points', () => {
    expect(stepChartPath([{ stage: 3, assessedAt: 0 }], 100, 50, 10)).toBeNull()
    expect(stepChartPath([], 100, 50, 10)).toBeNull()
  })
})

describe('answers', () => {
  const questions = [
    { id: 'posting', options: ['never', 'weekly'] },
    { id: 'replies', options: ['rarely', 'always'] },
  ]

  it('keeps only answers to questions and options still offered', () => {
    expect(knownAnswers(questions, { posting: 'weekly', replies: 'sometimes', gone: 'x' })).toEqual({ posting: 'weekly' })
  })

  it('counts the answered questions', () => {
    expect(answeredCount(questions, {})).toBe(0)
    expect(answeredCount(questions, { posting: 'never', replies: 'always' })).toBe(2)
    expect(answeredCount(questions, { posting: 'nonsense' })).toBe(0)
  })

  it('makes a readable label from an unknown id', () => {
    expect(labelFromId('posts_per_week')).toBe('Posts per week')
    expect(labelFromId('x')).toBe('X')
  })
})

describe('handle table', () => {
  const result = (network: string, handle: string) =>
    ({ network, displayName: network.toUpperCase(), handle, status: 'available', reason: null, server: `${network}.example` }) as const

  it('lists the checked networks, then the ones only the checklist knows', () => {
    const rows = handleRows([result('bluesky', 'bakery.bsky.social')], [{ network: 'mastodon', handle: '@bakery@mastodon.social', reserved: true }])
    expect(rows.map((row) => [row.network, row.handle, row.reserved, row.result === null])).toEqual([
      ['bluesky', 'bakery.bsky.social', false, false],
      ['mastodon', '@bakery@mastodon.social', true, true],
    ])
  })

  it('ticks a row only for the handle reserved, and names another handle reserved there', () => {
    const [same] = handleRows([result('bluesky', 'bakery.bsky.social')], [{ network: 'bluesky', handle: 'bakery.bsky.social', reserved: true }])
    expect(same).toMatchObject({ reserved: true, reservedOther: null })
    const [other] = handleRows([result('bluesky', 'newname.bsky.social')], [{ network: 'bluesky', handle: 'bakery.bsky.social', reserved: true }])
    expect(other).toMatchObject({ reserved: false, reservedOther: 'bakery.bsky.social' })
    const [unticked] = handleRows([result('bluesky', 'newname.bsky.social')], [{ network: 'bluesky', handle: 'bakery.bsky.social', reserved: false }])
    expect(unticked).toMatchObject({ reserved: false, reservedOther: null })
  })

  it('ticks by network: one item per network, the others left alone', () => {
    const items = [
      { network: 'bluesky', handle: 'old.bsky.social', reserved: false },
      { network: 'mastodon', handle: '@b@m.social', reserved: true },
    ]
    expect(withReserved(items, { network: 'bluesky', handle: 'new.bsky.social' }, true)).toEqual([
      { network: 'bluesky', handle: 'new.bsky.social', reserved: true },
      { network: 'mastodon', handle: '@b@m.social', reserved: true },
    ])
    expect(withReserved(items, { network: 'threads', handle: 'b' }, true)).toHaveLength(3)
    expect(withReserved(items, { network: 'mastodon', handle: '@b@m.social' }, false)[1]).toEqual({ network: 'mastodon', handle: '@b@m.social', reserved: false })
  })
})

describe('myths', () => {
  it('answers the myth each stage tends to hold, and none for an evangelist', () => {
    expect(mythForStage(3)).toBe('followers')
    expect(mythForStage(4)).toBe('roi')
    expect(mythForStage(6)).toBeNull()
  })

  it('links the every-network tip to the handle check', () => {
    expect(mythLink('every_network')).toBe('/coach/handles')
    expect(mythLink('followers')).toBeNull()
  })
})
