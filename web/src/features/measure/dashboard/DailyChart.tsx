/**
 * Day-by-day lines over the period: clicks and conversions on one scale, and followers on their
 * own (their size would flatten the others) when the networks' counts are known. Days are
 * labelled in the UI language and time runs in the reading direction (right to left in Arabic
 * and Hebrew); unknown days leave a gap. For screen readers the same figures are a table.
 */
import { Box, ColorSwatch, Group, Stack, Table, Text, VisuallyHidden, useDirection } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { DailyPoint } from '../../../app/measure-types'
import { chartScale, labelledDays } from '../../../components/chart-scale'
import { useFormatters } from '../../../i18n/format'
import { dateAsUtcNoon } from '../../../i18n/zoned-time'
import { knownExtent, knownRuns } from './dashboard-figures'

const area = { start: 52, end: 12, top: 12, bottom: 30 }
/** Room a day label needs, in pixels. */
const labelWidth = 64

export interface ChartSeries {
  key: string
  name: string
  color: string
  values: Array<number | null>
}

interface LinesProps {
  days: readonly string[]
  series: readonly ChartSeries[]
  height: number
  /** Start the scale near the smallest value rather than at 0 (totals that move little). */
  floor?: boolean
  summary: string
  'data-testid': string
}

function useDayLabel(): (day: string) => string {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' })
    return (day: string) => format.format(dateAsUtcNoon(day))
  }, [i18n.language])
}

function Lines({ days, series, height, floor = false, summary, 'data-testid': testId }: LinesProps) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const { dir } = useDirection()
  const { ref, width } = useElementSize()
  const titleId = useId()
  const dayLabel = useDayLabel()
  const extent = knownExtent(series.flatMap((line) => line.values))
  const rtl = dir === 'rtl'
  const scale = chartScale({ width, height, ...area }, days.length, Math.max(0, extent?.max ?? 0), rtl, floor && extent ? extent.min : 0)
  const labels = labelledDays(days.length, Math.floor(Math.max(0, width - area.start - area.end) / labelWidth))
  // The drawing itself is laid out left to right (positions are mirrored by the scale instead);
  // tick labels stand outside the plot on its start side, growing away from it.
  const tickAnchor = rtl ? 'start' : 'end'
  const tickOffset = rtl ? 6 : -6
  const plotLeft = rtl ? area.end : area.start
  const plotRight = rtl ? width - area.start : width - area.end

  return (
    <Box ref={ref} style={{ width: '100%', height }} data-testid={testId}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-labelledby={titleId} style={{ display: 'block', overflow: 'visible', direction: 'ltr' }}>
          <title id={titleId}>{summary}</title>
          {scale.ticks.map((tick, index) => (
            <g key={tick}>
              <line x1={plotLeft} x2={plotRight} y1={scale.y(tick)} y2={scale.y(tick)} stroke="var(--mantine-color-gray-3)" strokeDasharray={index === 0 ? undefined : '3 4'} />
              <text x={scale.axisX + tickOffset} y={scale.y(tick)} dy="0.32em" textAnchor={tickAnchor} fontSize={11} fill="var(--mantine-color-dimmed)">
                {formatNumber(tick)}
              </text>
            </g>
          ))}
          {labels.map((index) => (
            <text key={days[index]} x={scale.x(index)} y={height - 8} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)" style={{ direction: dir }}>
              {dayLabel(days[index]!)}
            </text>
          ))}
          {series.map((line) => (
            <g key={line.key} data-testid={`${testId}-${line.key}`}>
              {knownRuns(line.values).map((run) => (
                <polyline
                  key={run[0]!.index}
                  points={run.map((point) => `${scale.x(point.index)},${scale.y(point.value)}`).join(' ')}
                  fill="none"
                  stroke={line.color}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  strokeLinecap="round"
                />
              ))}
              {days.length <= 31 &&
                line.values.map((value, index) =>
                  value === null ? null : (
                    <circle key={days[index]} cx={scale.x(index)} cy={scale.y(value)} r={value > 0 || floor ? 3 : 2} fill={line.color}>
                      <title>{t('measure.dashboard.chart.point', { name: line.name, date: dayLabel(days[index]!), value: formatNumber(value) })}</title>
                    </circle>
                  ),
                )}
            </g>
          ))}
        </svg>
      )}
    </Box>
  )
}

function Legend({ series }: { series: readonly ChartSeries[] }) {
  const { t } = useTranslation()
  return (
    <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('measure.dashboard.chart.legend')}>
      {series.map((line) => (
        <Group key={line.key} gap={6} wrap="nowrap" component="li">
          <ColorSwatch color={line.color} size={12} withShadow={false} aria-hidden />
          <Text size="sm">{line.name}</Text>
        </Group>
      ))}
    </Group>
  )
}

export function DailyChart({ daily }: { daily: readonly DailyPoint[] }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const dayLabel = useDayLabel()
  const days = daily.map((point) => point.day)
  const activity: ChartSeries[] = [
    { key: 'clicks', name: t('measure.dashboard.chart.clicks'), color: 'var(--mantine-color-indigo-6)', values: daily.map((point) => point.clicks) },
    { key: 'conversions', name: t('measure.dashboard.chart.conversions'), color: 'var(--mantine-color-teal-6)', values: daily.map((point) => point.conversions) },
  ]
  const followers: ChartSeries = { key: 'followers', name: t('measure.dashboard.chart.followers'), color: 'var(--mantine-color-grape-6)', values: daily.map((point) => point.followers) }
  const followersKnown = knownExtent(followers.values) !== null
  const first = days[0]
  const last = days.at(-1)
  const span = first && last ? { from: dayLabel(first), to: dayLabel(last) } : null
  const all = followersKnown ? [...activity, followers] : activity

  return (
    <Stack gap="sm" data-testid="dashboard-daily-chart">
      <Lines
        days={days}
        series={activity}
        height={220}
        summary={span ? t('measure.dashboard.chart.activitySummary', span) : t('measure.dashboard.chart.title')}
        data-testid="dashboard-chart-activity"
      />
      <Legend series={activity} />
      {followersKnown && (
        <Stack gap="xs">
          <Lines
            days={days}
            series={[followers]}
            height={140}
            floor
            summary={span ? t('measure.dashboard.chart.followersSummary', span) : t('measure.dashboard.chart.followers')}
            data-testid="dashboard-chart-followers"
          />
          <Legend series={[followers]} />
        </Stack>
      )}
      <VisuallyHidden>
        <Table>
          <caption>{t('measure.dashboard.chart.title')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('measure.dashboard.chart.day')}</Table.Th>
              {all.map((line) => (
                <Table.Th key={line.key}>{line.name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days.map((day, index) => (
              <Table.Tr key={day}>
                <Table.Td>{dayLabel(day)}</Table.Td>
                {all.map((line) => {
                  const value = line.values[index] ?? null
                  return <Table.Td key={line.key}>{value === null ? t('measure.dashboard.notKnown') : formatNumber(value)}</Table.Td>
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Stack>
  )
}
