/**
 * The stage over time: a small step chart (drawn without text, so in right-to-left languages it
 * is simply mirrored and time flows with the reading direction) and the list of moves with
 * their dates, which is what screen readers get.
 */
import { Box, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconFlag, IconTrendingDown, IconTrendingUp } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AssessmentResponse } from '../../app/coach-types'
import { useFormatters, useNow } from '../../i18n/format'
import { stageChanges, stepChartPath, type StageChange } from './coach-logic'

const chartWidth = 300
/** The chart stretches to its card's width; the line keeps its thickness (non-scaling strokes). */
const stretch = { preserveAspectRatio: 'none' } as const
const chartHeight = 60
const directionLook: Record<StageChange['direction'], { color: string; icon: typeof IconFlag }> = {
  start: { color: 'gray', icon: IconFlag },
  up: { color: 'teal', icon: IconTrendingUp },
  down: { color: 'orange', icon: IconTrendingDown },
}

function StepChart({ history }: { history: AssessmentResponse['history'] }) {
  const now = useNow()
  const path = stepChartPath(history, chartWidth, chartHeight, now)
  if (!path) return null
  return (
    <Box
      component="svg"
      viewBox={`-4 -4 ${chartWidth + 8} ${chartHeight + 8}`}
      w="100%"
      h={chartHeight + 8}
      {...stretch}
      className="sc-mirror"
      aria-hidden
      data-testid="stage-chart"
    >
      {[1, 2, 3, 4, 5, 6].map((stage) => {
        const y = chartHeight - ((stage - 1) / 5) * chartHeight
        return <line key={stage} x1={0} x2={chartWidth} y1={y} y2={y} stroke="var(--mantine-color-gray-2)" strokeWidth={1} vectorEffect="non-scaling-stroke" />
      })}
      <path d={path} fill="none" stroke="var(--mantine-color-indigo-6)" strokeWidth={2.5} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
    </Box>
  )
}

export function StageHistory({ history }: { history: AssessmentResponse['history'] }) {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  const changes = stageChanges(history).reverse()
  if (changes.length === 0) return null
  return (
    <Card data-testid="stage-history">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('coach.history.title')}
        </Title>
        <StepChart history={history} />
        <List spacing="xs" listStyleType="none">
          {changes.map((change) => {
            const { color, icon: Icon } = directionLook[change.direction]
            return (
              <List.Item
                key={change.at}
                icon={
                  <ThemeIcon size={24} radius="xl" variant="light" color={color} aria-hidden>
                    <Icon size={14} className={change.direction === 'start' ? undefined : 'sc-mirror'} />
                  </ThemeIcon>
                }
              >
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={500}>
                    {t(`coach.history.${change.direction}`, { stage: change.stage, name: t(`coach.stages.${change.stage}.name`) })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {formatDate(change.at)}
                  </Text>
                </Group>
              </List.Item>
            )
          })}
        </List>
        {changes.length === 1 && (
          <Text size="xs" c="dimmed">
            {t('coach.history.onlyOne')}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
