/**
 * The six stages of adoption as a ladder: each rung with its name and one line, the current one
 * highlighted, those behind ticked. On wide screens the rungs climb like stairs in the reading
 * direction (right to left in Arabic and Hebrew, since the grid follows the page's direction).
 */
import { Badge, Card, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Stage } from '../../app/coach-types'
import { useFormatters } from '../../i18n/format'
import { ladder, type RungState } from './coach-logic'

/** How far each rung sits below the next one up, in pixels, on wide screens. */
const stairStep = 14

function RungNumber({ stage, state }: { stage: Stage; state: RungState }) {
  const { formatNumber } = useFormatters()
  if (state === 'passed') {
    return (
      <ThemeIcon size={32} radius="xl" color="teal" variant="light" aria-hidden>
        <IconCheck size={18} />
      </ThemeIcon>
    )
  }
  return (
    <ThemeIcon size={32} radius="xl" color="indigo" variant={state === 'current' ? 'filled' : 'outline'} aria-hidden>
      <Text fw={700} size="sm">
        {formatNumber(stage)}
      </Text>
    </ThemeIcon>
  )
}

export function StageLadder({ current }: { current: Stage | null }) {
  const { t } = useTranslation()
  const rungs = ladder(current)
  return (
    <SimpleGrid
      component="ol"
      cols={{ base: 1, xs: 2, sm: 3, lg: 6 }}
      spacing="sm"
      aria-label={t('coach.ladder.label')}
      style={{ listStyle: 'none', padding: 0, margin: 0, alignItems: 'start' }}
      data-testid="stage-ladder"
    >
      {rungs.map(({ stage, state }) => (
        <Card
          key={stage}
          component="li"
          padding="sm"
          mt={{ base: 0, lg: (rungs.length - stage) * stairStep }}
          bg={state === 'current' ? 'indigo.0' : undefined}
          style={state === 'current' ? { borderColor: 'var(--mantine-color-indigo-5)', borderWidth: 2 } : undefined}
          aria-current={state === 'current' ? 'step' : undefined}
          data-testid={`stage-rung-${stage}`}
          data-state={state}
        >
          <Stack gap={6}>
            <RungNumber stage={stage} state={state} />
            <Text fw={650} size="sm" c={state === 'ahead' ? 'dimmed' : undefined}>
              {t('coach.stageTitle', { stage, name: t(`coach.stages.${stage}.name`) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`coach.stages.${stage}.hint`)}
            </Text>
            {state !== 'ahead' && (
              <Badge size="sm" variant={state === 'current' ? 'filled' : 'light'} color={state === 'current' ? 'indigo' : 'teal'}>
                {t(`coach.ladder.${state}`)}
              </Badge>
            )}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  )
}
