/** Days, progress, metric values, status colours and known networks, as the plan pages show them. */
import { describe, expect, it } from 'vitest'
import { formatDay, formatMetricValue, isKnownNetwork, metricUnit, progressPercent, statusColor } from './plan-format'

describe('formatDay', () => {
  it('shows the same calendar day whatever the zone', () => {
    expect(formatDay('2025-03-01', 'en')).toBe('Mar 1, 2025')
    expect(formatDay('2025-12-31', 'en', 'long')).toBe('December 31, 2025')
    expect(formatDay('2025-03-01', 'fr')).toBe('1 mars 2025')
  })

  it('gives back what it cannot read', () => {
    expect(formatDay('someday', 'en')).toBe('someday')
  })
})

describe('progressPercent', () => {
  it('is a whole percent between 0 and 100', () => {
    expect(progressPercent(0.456)).toBe(46)
    expect(progressPercent(1.7)).toBe(100)
    expect(progressPercent(-0.2)).toBe(0)
    expect(progressPercent(null)).toBe(0)
  })
})

describe('formatMetricValue', () => {
  it('uses the metric unit', () => {
    expect(metricUnit('reply_rate')).toBe('percent')
    expect(metricUnit('median_response_hours')).toBe('hours')
    expect(metricUnit('followers')).toBe('count')
    expect(formatMetricValue(80, 'reply_rate', 'en')).toBe('80%')
    expect(formatMetricValue(12.5, 'engagement_rate', 'en')).toBe('12.5%')
    expect(formatMetricValue(1250, 'followers', 'en')).toBe('1,250')
    expect(formatMetricValue(3, 'median_response_hours', 'en')).toBe('3 hr')
  })

  it('writes numbers in the UI language', () => {
    expect(formatMetricValue(1250, 'followers', 'bn')).toBe('১,২৫০')
  })
})

describe('statusColor', () => {
  it('tells the statuses apart', () => {
    const colors = (['met', 'on_track', 'behind', 'waiting'] as const).map(statusColor)
    expect(new Set(colors).size).toBe(4)
    expect(statusColor('behind')).toBe('orange')
  })
})

describe('isKnownNetwork', () => {
  it('knows the networks the plan offers', () => {
    expect(isKnownNetwork('mastodon')).toBe(true)
    expect(isKnownNetwork('myspace')).toBe(false)
  })
})
