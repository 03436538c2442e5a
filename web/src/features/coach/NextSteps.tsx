/**
 * The next steps for the current stage, one card each: what to do, why it moves the business
 * on, a button to the feature that does it, and a tick once real data shows it is done (the tick
 * is the coach's reading, not a checkbox to click).
 */
import { Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconArrowRight, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { NextStepView } from '../../app/coach-types'
import { isStepTarget, stepPath } from './coach-logic'

function DoneMark({ done }: { done: boolean }) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="nowrap" data-testid="step-done" data-done={done}>
      <ThemeIcon size={22} radius="xl" variant={done ? 'filled' : 'light'} color={done ? 'teal' : 'gray'} aria-hidden>
        {done ? <IconCircleCheck size={16} /> : <IconCircleDashed size={16} />}
      </ThemeIcon>
      <Text size="xs" c={done ? 'teal.8' : 'dimmed'} fw={500}>
        {t(done ? 'coach.steps.done' : 'coach.steps.todo')}
      </Text>
    </Group>
  )
}

function StepAction({ target }: { target: string }) {
  const { t } = useTranslation()
  if (!isStepTarget(target)) return null
  const to = stepPath(target)
  if (!to) {
    return (
      <Text size="sm" c="dimmed" data-testid="step-unavailable">
        {t('coach.steps.unavailable', { feature: t(`coach.targets.${target}.feature`) })}
      </Text>
    )
  }
  return (
    <Button component={Link} to={to} variant="light" size="sm" rightSection={<IconArrowRight size={16} className="sc-mirror" />} data-testid="step-open">
      {t(`coach.targets.${target}.action`)}
    </Button>
  )
}

function NextStepCard({ step }: { step: NextStepView }) {
  return (
    <Card data-testid={`next-step-${step.id}`} bg={step.done ? 'gray.0' : undefined}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={3} fz="md">
            {step.title}
          </Title>
          <DoneMark done={step.done} />
        </Group>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {step.why}
        </Text>
        <Group>
          <StepAction target={step.target} />
        </Group>
      </Stack>
    </Card>
  )
}

export function NextSteps({ steps }: { steps: readonly NextStepView[] }) {
  const { t } = useTranslation()
  const done = steps.filter((step) => step.done).length
  return (
    <Stack gap="sm" data-testid="next-steps">
      <Group justify="space-between" align="baseline">
        <Title order={2} fz="lg">
          {t('coach.steps.title')}
        </Title>
        {steps.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('coach.steps.progress', { count: steps.length, done })}
          </Text>
        )}
      </Group>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('coach.steps.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {steps.map((step) => (
            <NextStepCard key={step.id} step={step} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  )
}
