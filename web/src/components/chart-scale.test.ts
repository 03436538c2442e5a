/** The day charts' scale: round ticks, days placed along the reading direction, labels that fit. */
import { describe, expect, it } from 'vitest'
import { chartScale, labelledDays, niceStep, ticksFor } from './chart-scale'

const area = { width: 400, height: 200, start: 40, end: 10, top: 10, bottom: 30 }

describe('ticks', () => {
  it('uses whole, round steps', () => {
    expect(niceStep(0.3)).toBe(1)
    expect(niceStep(3)).toBe(5)
    expect(niceStep(13)).toBe(20)
    expect(ticksFor(0)).toEqual([0, 1])
    expect(ticksFor(3)).toEqual([0, 1, 2, 3])
    expect(ticksFor(14)).toEqual([0, 5, 10, 15])
    expect(ticksFor(380)).toEqual([0, 100, 200, 300, 400])
  })

  it('starts from a round floor below the smallest value when told one', () => {
    expect(ticksFor(1212, 4, 1200)).toEqual([1200, 1205, 1210, 1215])
    expect(ticksFor(1203, 4, 1203)).toEqual([1203, 1204])
  })
})

describe('chartScale', () => {
  it('runs time from the start side: left to right, or right to left', () => {
    const ltr = chartScale(area, 7, 10, false)
    expect(ltr.x(0)).toBe(40)
    expect(ltr.x(6)).toBe(390)
    expect(ltr.axisX).toBe(40)
    const rtl = chartScale(area, 7, 10, true)
    expect(rtl.x(0)).toBe(360)
    expect(rtl.x(6)).toBe(10)
    expect(rtl.axisX).toBe(360)
    for (let day = 0; day < 7; day++) expect(rtl.x(day)).toBe(area.width - ltr.x(day))
  })

  it('puts zero on the bottom line and the top tick at the top', () => {
    const scale = chartScale(area, 7, 14, false)
    expect(scale.y(0)).toBe(170)
    expect(scale.y(15)).toBe(10)
  })

  it('puts the floor on the bottom line when there is one', () => {
    const scale = chartScale(area, 7, 1212, false, 1200)
    expect(scale.ticks).toEqual([1200, 1205, 1210, 1215])
    expect(scale.y(1200)).toBe(170)
    expect(scale.y(1215)).toBe(10)
  })
})

describe('labelledDays', () => {
  it('labels every day when there is room, else the ends and evenly spaced days', () => {
    expect(labelledDays(5, 8)).toEqual([0, 1, 2, 3, 4])
    expect(labelledDays(30, 4)).toEqual([0, 10, 19, 29])
    expect(labelledDays(0, 4)).toEqual([])
  })
})
