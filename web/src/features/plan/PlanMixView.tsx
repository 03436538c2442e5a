/**
 * The 4E mix as planned beside the mix of recent posts: two bars per E, growing from the start
 * side in either reading direction (Mantine's progress bars follow the page's direction).
 */
import { Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ContentType } from '../../app/coach-types'
import { useFormatters } from '../../i18n/format'
import { mixRows } from './plan-mix'

export interface PlanMixViewProps {
  planned: Partial<Record<ContentType, number>>
  /** What recent posts were; absent where it is not shown (a shared plan). */
  actual?: Partial<Record<ContentType, number>>
}

const plannedColor = 'indigo'
const actualColor = 'teal'

export function PlanMixView({ planned, actual }: PlanMixViewProps) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const percent = (value: number) => formatNumber(value / 100, { style: 'percent' })
  const rows = mixRows(planned, actual ?? null)
  const compare = actual !== undefined
  const hasActual = rows.some((row) => row.actual !== null)

  return (
    <Stack gap="md">
      {compare && (
        <Group gap="md">
          <Group gap={6}>
            <Progress value={100} color={plannedColor} w={24} size="sm" aria-hidden />
            <Text size="xs">{t('plan.view.mixPlanned')}</Text>
          </Group>
          {hasActual && (
            <Group gap={6}>
              <Progress value={100} color={actualColor} w={24} size="sm" aria-hidden />
              <Text size="xs">{t('plan.view.mixActual')}</Text>
            </Group>
          )}
        </Group>
      )}
      {rows.map((row) => (
        <Stack key={row.type} gap={4} data-testid={`plan-mix-view-${row.type}`}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>
              {t(`contentTypes.${row.type}.name`)}
            </Text>
            <Text size="sm" c="dimmed">
              {row.actual === null
                ? percent(row.planned)
                : t('plan.view.mixFigures', { planned: percent(row.planned), actual: percent(row.actual) })}
            </Text>
          </Group>
          <Progress value={row.planned} color={plannedColor} size="md" aria-label={t('plan.view.mixPlannedOf', { name: t(`contentTypes.${row.type}.name`) })} />
          {row.actual !== null && (
            <Progress value={row.actual} color={actualColor} size="md" aria-label={t('plan.view.mixActualOf', { name: t(`contentTypes.${row.type}.name`) })} />
          )}
        </Stack>
      ))}
      {compare && !hasActual && (
        <Text size="sm" c="dimmed" fs="italic" data-testid="plan-mix-no-actual">
          {t('plan.view.mixNoActual')}
        </Text>
      )}
    </Stack>
  )
}
