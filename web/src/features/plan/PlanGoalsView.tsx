/**
 * The plan's goals as they stand today: each with its area, measure, target and date, the live
 * value with a progress bar and a status (met, on track, behind), or, while the data it needs does
 * not exist yet, the sentence saying what it waits for.
 */
import { Badge, Card, Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { GoalLive, PlanGoal } from '../../app/coach-types'
import { useFormatters } from '../../i18n/format'
import { formatDay, formatMetricValue, progressPercent, statusColor } from './plan-format'

export interface PlanGoalsViewProps {
  goals: PlanGoal[]
  live: GoalLive[]
}

function GoalRow({ goal, live, index }: { goal: PlanGoal; live: GoalLive | undefined; index: number }) {
  const { t, i18n } = useTranslation()
  const { formatNumber } = useFormatters()
  const language = i18n.language
  const status = live?.status ?? 'waiting'
  const percent = progressPercent(live?.progress ?? null)
  const target = formatMetricValue(goal.target, goal.metric, language)
  return (
    <Card padding="md" bg="gray.0" data-testid={`plan-goal-view-${index}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={4}>
            <Text fw={600} dir="auto">
              {goal.text}
            </Text>
            <Group gap={6}>
              <Badge variant="light" color="gray" size="sm">
                {t(`plan.goalAreas.${goal.area}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('plan.view.goalMeasure', { metric: t(`plan.goalMetrics.${goal.metric}`), target, date: formatDay(goal.due, language) })}
              </Text>
            </Group>
          </Stack>
          <Badge color={statusColor(status)} variant="light" style={{ flexShrink: 0 }} data-testid={`plan-goal-view-${index}-status`}>
            {t(`plan.status.${status}`)}
          </Badge>
        </Group>
        {live && live.value !== null && status !== 'waiting' ? (
          <Stack gap={4}>
            <Progress
              value={percent}
              color={statusColor(status)}
              size="md"
              aria-label={t('plan.view.progressLabel', { name: goal.text, percent: formatNumber(percent / 100, { style: 'percent' }) })}
            />
            <Text size="sm" data-testid={`plan-goal-view-${index}-value`}>
              {t('plan.view.liveValue', { value: formatMetricValue(live.value, goal.metric, language), target })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" fs="italic" data-testid={`plan-goal-view-${index}-waiting`}>
            {live?.waitingFor ?? t('plan.view.waitingDefault')}
          </Text>
        )}
      </Stack>
    </Card>
  )
}

export function PlanGoalsView({ goals, live }: PlanGoalsViewProps) {
  const { t } = useTranslation()
  if (goals.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('plan.view.noGoals')}
      </Text>
    )
  }
  return (
    <Stack gap="sm">
      {goals.map((goal, index) => (
        <GoalRow key={goal.id} goal={goal} index={index} live={live.find((entry) => entry.goalId === goal.id)} />
      ))}
    </Stack>
  )
}
