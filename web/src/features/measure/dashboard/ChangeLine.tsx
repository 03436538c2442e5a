/**
 * A figure's change against the previous period: ▲ or ▼ with its size, in green when it is good
 * news and red when it is not (up is good, unless the figure says otherwise: a longer wait is
 * not); grey and plain words when it stayed the same or cannot be compared. The arrow is for the
 * eye; screen readers hear "up" or "down".
 */
import { Group, Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../../i18n/format'
import type { Change } from './change'

const arrows = { up: '▲', down: '▼' } as const

export interface ChangeLineProps {
  change: Change
  /** Said after the size ("in this period", "was 3.4 %"). */
  detail?: string
  /** Whether the move is good news; by default going up is. */
  better?: boolean | null
  'data-testid': string
}

export function ChangeLine({ change, detail, better, 'data-testid': testId }: ChangeLineProps) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  if (change.trend === 'unknown' || change.trend === 'flat') {
    return (
      <Text size="xs" c="dimmed" data-testid={testId} data-trend={change.trend}>
        {change.trend === 'flat' ? t('measure.dashboard.change.same') : t('measure.dashboard.change.unknown')}
      </Text>
    )
  }
  const size =
    change.kind === 'fromZero'
      ? t('measure.dashboard.change.fromZero')
      : change.kind === 'percent'
        ? formatNumber(change.amount, { style: 'percent', maximumFractionDigits: 0 })
        : change.kind === 'points'
          ? t('measure.dashboard.change.points', { value: formatNumber(change.amount, { maximumFractionDigits: 1 }) })
          : formatNumber(change.amount)
  const color = (better ?? change.trend === 'up') ? 'teal.8' : 'red.8'
  return (
    <Group gap={4} wrap="nowrap" data-testid={testId} data-trend={change.trend}>
      <Text size="xs" fw={700} c={color} aria-hidden>
        {arrows[change.trend]}
      </Text>
      <VisuallyHidden>{change.trend === 'up' ? t('measure.dashboard.change.up') : t('measure.dashboard.change.down')}</VisuallyHidden>
      <Text size="xs" fw={600} c={color}>
        {size}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Group>
  )
}
