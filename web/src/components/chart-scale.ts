/**
 * The arithmetic of the app's day-by-day charts (listening volume, measure dashboard), apart from
 * React so it can be tested: round tick values for counts, where each day sits (time runs from the
 * start side to the end side, so right to left in Arabic and Hebrew), and which days get a label
 * when there is no room for all of them.
 */

/** The smallest of 1, 2, 5 × 10ⁿ that is at least `value`, and at least 1 (counts are whole). */
export function niceStep(value: number): number {
  if (!(value > 1)) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= value)
  return step ?? 10 * power
}

/**
 * Tick values from a round floor at or below `min` (0 by default) to a round maximum at or above
 * `max`, about `count` steps. A floor above 0 suits totals that move little against their size
 * (1,200 followers becoming 1,212 would otherwise be a flat line).
 */
export function ticksFor(max: number, count = 4, min = 0): number[] {
  const step = niceStep((max - min) / count)
  const bottom = Math.floor(min / step) * step
  const top = Math.max(bottom + step, Math.ceil(max / step) * step)
  const ticks: number[] = []
  for (let value = bottom; value <= top; value += step) ticks.push(value)
  return ticks
}

export interface PlotArea {
  width: number
  height: number
  /** Room kept on the start side (tick labels), the end side, above and below (day labels). */
  start: number
  end: number
  top: number
  bottom: number
}

export interface ChartScale {
  /** Horizontal position of day `index` of `days`, mirrored when right to left. */
  x(index: number): number
  /** Vertical position of a count. */
  y(value: number): number
  ticks: number[]
  /** Where the tick labels stand: the start edge of the plot. */
  axisX: number
}

/** The scale of a chart of `days` days whose values run up to `max` (and down to `min`, 0 by default). */
export function chartScale(area: PlotArea, days: number, max: number, rtl: boolean, min = 0): ChartScale {
  const ticks = ticksFor(max, 4, min)
  const bottom = ticks[0] ?? 0
  const top = ticks.at(-1) ?? 1
  const plotWidth = Math.max(1, area.width - area.start - area.end)
  const plotHeight = Math.max(1, area.height - area.top - area.bottom)
  const forward = (index: number) => area.start + (days <= 1 ? plotWidth / 2 : (index * plotWidth) / (days - 1))
  return {
    x: (index) => (rtl ? area.width - forward(index) : forward(index)),
    y: (value) => area.top + plotHeight - ((value - bottom) / (top - bottom)) * plotHeight,
    ticks,
    axisX: rtl ? area.width - area.start : area.start,
  }
}

/** Indexes of the days that get a label: the first, the last, and evenly spaced ones between. */
export function labelledDays(days: number, room: number): number[] {
  if (days <= 0) return []
  if (days <= room) return Array.from({ length: days }, (_, i) => i)
  const slots = Math.max(2, room)
  const picked = new Set<number>()
  for (let slot = 0; slot < slots; slot++) picked.add(Math.round((slot * (days - 1)) / (slots - 1)))
  return [...picked].sort((a, b) => a - b)
}
