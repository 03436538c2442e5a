/**
 * Mentions per day for each query: one line per query over the period, days labelled in the UI
 * language and time running in the reading direction (right to left in Arabic and Hebrew). For
 * screen readers the same figures are a table; each point also names its figure on hover.
 */
import { Box, ColorSwatch, Group, Stack, Table, Text, VisuallyHidden, useDirection } from '@mantine/core'
import { useElementSize } from '@mantine/hooks'
import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { chartScale, labelledDays } from '../../components/chart-scale'
import { useFormatters } from '../../i18n/format'
import { dateAsUtcNoon } from '../../i18n/zoned-time'
import type { ListenReport } from './listen-types'

const height = 220
const area = { start: 44, end: 12, top: 12, bottom: 30 }
/** Room a day label needs, in pixels. */
const labelWidth = 64
const palette = ['indigo', 'orange', 'teal', 'grape', 'cyan', 'pink', 'lime', 'yellow', 'blue', 'red']

/** The colour of the n-th query's line. */
export function seriesColor(index: number): string {
  return `var(--mantine-color-${palette[index % palette.length]}-6)`
}

export interface VolumeChartProps {
  days: ListenReport['days']
  series: ListenReport['volume']
}

export function VolumeChart({ days, series }: VolumeChartProps) {
  const { t, i18n } = useTranslation()
  const { formatNumber } = useFormatters()
  const { dir } = useDirection()
  const { ref, width } = useElementSize()
  const titleId = useId()
  const dayLabel = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' })
    return (date: string) => format.format(dateAsUtcNoon(date))
  }, [i18n.language])
  const max = Math.max(0, ...series.flatMap((line) => line.perDay))
  const scale = chartScale({ width, height, ...area }, days.length, max, dir === 'rtl')
  const labels = labelledDays(days.length, Math.floor(Math.max(0, width - area.start - area.end) / labelWidth))
  const first = days[0]
  const last = days.at(-1)
  const summary = first && last ? t('listen.chart.summary', { from: dayLabel(first), to: dayLabel(last) }) : t('listen.chart.title')
  const rtl = dir === 'rtl'
  // The drawing itself is laid out left to right (positions are mirrored by the scale instead);
  // tick labels stand outside the plot on its start side, growing away from it.
  const tickAnchor = rtl ? 'start' : 'end'
  const tickOffset = rtl ? 6 : -6
  const plotLeft = rtl ? area.end : area.start
  const plotRight = rtl ? width - area.start : width - area.end

  return (
    <Stack gap="sm" data-testid="volume-chart">
      <Box ref={ref} style={{ width: '100%', height }}>
        {width > 0 && (
          <svg width={width} height={height} role="img" aria-labelledby={titleId} style={{ display: 'block', overflow: 'visible', direction: 'ltr' }}>
            <title id={titleId}>{summary}</title>
            {scale.ticks.map((tick) => (
              <g key={tick}>
                <line x1={plotLeft} x2={plotRight} y1={scale.y(tick)} y2={scale.y(tick)} stroke="var(--mantine-color-gray-3)" strokeDasharray={tick === 0 ? undefined : '3 4'} />
                <text x={scale.axisX + tickOffset} y={scale.y(tick)} dy="0.32em" textAnchor={tickAnchor} fontSize={11} fill="var(--mantine-color-dimmed)">
                  {formatNumber(tick)}
                </text>
              </g>
            ))}
            {labels.map((index) => (
              <text key={days[index]} x={scale.x(index)} y={height - 8} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)" style={{ direction: dir }} data-testid="volume-day-label">
                {dayLabel(days[index]!)}
              </text>
            ))}
            {series.map((line, lineIndex) => (
              <g key={line.queryId} data-testid={`volume-series-${line.queryId}`}>
                <polyline
                  points={line.perDay.map((value, index) => `${scale.x(index)},${scale.y(value)}`).join(' ')}
                  fill="none"
                  stroke={seriesColor(lineIndex)}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  strokeLinecap="round"
                />
                {line.perDay.map((value, index) =>
                  days.length <= 31 || value > 0 ? (
                    <circle key={days[index]} cx={scale.x(index)} cy={scale.y(value)} r={value > 0 ? 3.5 : 2} fill={seriesColor(lineIndex)}>
                      <title>{t('listen.chart.point', { name: line.name, date: dayLabel(days[index]!), count: value })}</title>
                    </circle>
                  ) : null,
                )}
              </g>
            ))}
          </svg>
        )}
      </Box>
      <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('listen.chart.legend')}>
        {series.map((line, index) => (
          <Group key={line.queryId} gap={6} wrap="nowrap" component="li">
            <ColorSwatch color={seriesColor(index)} size={12} withShadow={false} aria-hidden />
            <Text size="sm" dir="auto">
              {line.name}
            </Text>
            <Text size="sm" c="dimmed">
              {t('listen.chart.total', { count: line.total })}
            </Text>
          </Group>
        ))}
      </Group>
      <VisuallyHidden>
        <Table>
          <caption>{summary}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('listen.chart.day')}</Table.Th>
              {series.map((line) => (
                <Table.Th key={line.queryId}>{line.name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days.map((day, index) => (
              <Table.Tr key={day}>
                <Table.Td>{dayLabel(day)}</Table.Td>
                {series.map((line) => (
                  <Table.Td key={line.queryId}>{formatNumber(line.perDay[index] ?? 0)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Stack>
  )
}
