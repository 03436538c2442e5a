/** The check-in editor's rows and blocks, the API's problems on rows, and how a block's day is said. */
import { describe, expect, it } from 'vitest'
import type { CheckInBlock } from '../../../app/inbox-types'
import { blocksFromRows, dayWording, newRow, placeProblems, presetRows, rowsFromBlocks, rowsWithoutDays, type BlockRow } from './checkin-logic'

const block = (weekday: number, time: string, minutes = 15): CheckInBlock => ({ weekday, time, minutes })
const withoutKeys = (rows: BlockRow[]) => rows.map(({ weekdays, time, minutes }) => ({ weekdays, time, minutes }))
const row = (key: string, weekdays: number[], time: string, minutes: number | '' = 15): BlockRow => ({ key, weekdays, time, minutes })

describe('rowsFromBlocks and blocksFromRows', () => {
  it('gathers the weekdays of one time and length into a row, the earliest time first', () => {
    const blocks = [block(5, '16:00'), block(1, '16:00'), block(3, '09:00', 30), block(1, '09:00', 30), block(6, '09:00')]
    expect(withoutKeys(rowsFromBlocks(blocks))).toEqual([
      { weekdays: [6], time: '09:00', minutes: 15 },
      { weekdays: [1, 3], time: '09:00', minutes: 30 },
      { weekdays: [1, 5], time: '16:00', minutes: 15 },
    ])
  })

  it('gives back the same blocks, one per weekday, each tied to its row', () => {
    const rows = rowsFromBlocks([block(1, '09:00'), block(2, '09:00'), block(7, '18:30', 45)])
    const { blocks, rowOf } = blocksFromRows(rows)
    expect(blocks).toEqual([block(1, '09:00'), block(2, '09:00'), block(7, '18:30', 45)])
    expect(rowOf).toEqual([rows[0]!.key, rows[0]!.key, rows[1]!.key])
  })

  it('sends empty minutes as 0, for the API to explain, and sends nothing for a row without days', () => {
    expect(blocksFromRows([row('a', [3, 1], '10:00', ''), row('b', [], '11:00')])).toEqual({
      blocks: [block(1, '10:00', 0), block(3, '10:00', 0)],
      rowOf: ['a', 'a'],
    })
    expect(rowsWithoutDays([row('a', [3, 1], '10:00'), row('b', [], '11:00')])).toEqual(['b'])
  })

  it('has no rows without blocks', () => {
    expect(rowsFromBlocks([])).toEqual([])
    expect(blocksFromRows([])).toEqual({ blocks: [], rowOf: [] })
  })
})

describe('presetRows and newRow', () => {
  it('suggests Monday to Friday at 09:00 and 16:00 for 15 minutes', () => {
    expect(blocksFromRows(presetRows()).blocks).toEqual([1, 2, 3, 4, 5].map((d) => block(d, '09:00')).concat([1, 2, 3, 4, 5].map((d) => block(d, '16:00'))))
  })

  it('gives every row its own key', () => {
    const keys = [...presetRows(), newRow(), newRow(), ...rowsFromBlocks([block(1, '08:00'), block(1, '12:00')])].map((r) => r.key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('starts a new row an hour after the last one, on its days and for its length, never past 23:00', () => {
    expect(withoutKeys([newRow()])).toEqual([{ weekdays: [1, 2, 3, 4, 5], time: '09:00', minutes: 15 }])
    expect(withoutKeys([newRow(row('a', [6, 7], '10:30', 20))])).toEqual([{ weekdays: [6, 7], time: '11:30', minutes: 20 }])
    expect(newRow(row('a', [1], '23:10')).time).toBe('23:10')
    expect(newRow(row('a', [1], '')).time).toBe('09:00')
  })
})

describe('placeProblems', () => {
  const rowOf = ['a', 'a', 'a', 'b', 'b']

  it('puts each block problem on the field of the row it came from', () => {
    const placed = placeProblems(
      [
        { field: 'blocks.4.time', message: 'Overlaps' },
        { field: 'blocks.0.minutes', message: '5 to 240' },
        { field: 'blocks.3.weekday', message: 'Too many' },
      ],
      rowOf,
    )
    expect(placed).toEqual({ byRow: { a: { minutes: '5 to 240' }, b: { time: 'Overlaps', weekdays: 'Too many' } }, unplaced: [] })
  })

  it('says a problem shared by several blocks of a row once, and different ones each', () => {
    const placed = placeProblems(
      [
        { field: 'blocks.0.minutes', message: 'Past midnight' },
        { field: 'blocks.1.minutes', message: 'Past midnight' },
        { field: 'blocks.2.minutes', message: 'Too long' },
      ],
      rowOf,
    )
    expect(placed.byRow).toEqual({ a: { minutes: 'Past midnight\nToo long' } })
  })

  it('keeps problems that name no block sent for the form', () => {
    const other = [
      { field: 'blocks', message: 'Too many blocks' },
      { field: 'blocks.9.time', message: 'Unknown block' },
    ]
    expect(placeProblems(other, rowOf)).toEqual({ byRow: {}, unplaced: other })
  })
})

describe('dayWording', () => {
  const zone = 'Europe/Paris'
  const now = Date.parse('2026-03-28T22:30:00Z') // Saturday 23:30 in Paris

  it('reads the day on the workspace clock, not in UTC', () => {
    expect(dayWording(Date.parse('2026-03-28T22:45:00Z'), now, zone)).toBe('today')
    // 00:10 on Sunday in Paris, still Saturday in UTC.
    expect(dayWording(Date.parse('2026-03-28T23:10:00Z'), now, zone)).toBe('tomorrow')
    expect(dayWording(Date.parse('2026-03-28T23:10:00Z'), now, 'UTC')).toBe('today')
  })

  it('names the weekday within the week, and the date a week or more on', () => {
    expect(dayWording(Date.parse('2026-03-30T07:00:00Z'), now, zone)).toBe('weekday') // Monday
    expect(dayWording(Date.parse('2026-04-03T07:00:00Z'), now, zone)).toBe('weekday') // Friday
    expect(dayWording(Date.parse('2026-04-04T07:00:00Z'), now, zone)).toBe('date') // next Saturday
  })

  it('calls a block that already started today', () => {
    expect(dayWording(now - 600_000, now, zone)).toBe('today')
  })
})
