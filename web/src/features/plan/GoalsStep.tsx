/**
 * Step 1 of the plan: strong goals. Each goal names the part of the business it serves, what it
 * is in the owner's words, the live measure that follows it, a target and a date; under them,
 * what social media will not do for the business, since not every goal is served by it.
 */
import { Button, Card, Grid, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { goalAreas, goalMetrics, type GoalArea, type GoalMetric } from '../../app/coach-types'
import { autoDirection } from '../../components/bidi'
import { emptyGoal, type GoalDraft } from './plan-draft'
import { metricUnit } from './plan-format'
import { removeAt, replaceAt, type StepProps } from './step-props'

interface GoalCardProps extends StepProps {
  goal: GoalDraft
  index: number
}

function GoalCard({ goal, index, draft, change, errorAt }: GoalCardProps) {
  const { t } = useTranslation()
  const at = `goals.${index}`
  const set = (patch: Partial<GoalDraft>, field: keyof GoalDraft) =>
    change((current) => ({ ...current, goals: replaceAt(current.goals, index, { ...current.goals[index]!, ...patch }) }), `${at}.${field}`)
  const unit = goal.metric ? metricUnit(goal.metric) : 'count'
  // Later goals move up: messages naming their old indexes no longer apply.
  const remove = () => change((current) => ({ ...current, goals: removeAt(current.goals, index) }), 'goals', 'goals.*')

  return (
    <Card data-testid={`plan-goal-${index}`}>
      <Stack gap="sm">
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('plan.goals.area')}
              placeholder={t('plan.goals.areaPlaceholder')}
              data={goalAreas.map((area) => ({ value: area, label: t(`plan.goalAreas.${area}`) }))}
              value={goal.area}
              onChange={(value) => set({ area: value as GoalArea | null }, 'area')}
              error={errorAt(`${at}.area`)}
              allowDeselect={false}
              data-testid={`plan-goal-${index}-area`}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              ref={autoDirection}
              label={t('plan.goals.text')}
              placeholder={t('plan.goals.textPlaceholder')}
              maxLength={300}
              value={goal.text}
              onChange={(event) => set({ text: event.currentTarget.value }, 'text')}
              error={errorAt(`${at}.text`)}
              data-testid={`plan-goal-${index}-text`}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('plan.goals.metric')}
              placeholder={t('plan.goals.metricPlaceholder')}
              description={goal.metric ? t(`plan.metricHints.${goal.metric}`) : t('plan.goals.metricHint')}
              data={goalMetrics.map((metric) => ({ value: metric, label: t(`plan.goalMetrics.${metric}`) }))}
              value={goal.metric}
              onChange={(value) => set({ metric: value as GoalMetric | null }, 'metric')}
              error={errorAt(`${at}.metric`)}
              allowDeselect={false}
              searchable
              data-testid={`plan-goal-${index}-metric`}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NumberInput
              label={t('plan.goals.target')}
              description={t(`plan.goals.targetUnit.${unit}`)}
              min={0}
              max={unit === 'percent' ? 100 : undefined}
              allowNegative={false}
              value={goal.target}
              onChange={(value) => set({ target: value }, 'target')}
              error={errorAt(`${at}.target`)}
              data-testid={`plan-goal-${index}-target`}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput
              type="date"
              label={t('plan.goals.due')}
              description={t('plan.goals.dueHint')}
              value={goal.due}
              onChange={(event) => set({ due: event.currentTarget.value }, 'due')}
              error={errorAt(`${at}.due`)}
              data-testid={`plan-goal-${index}-due`}
            />
          </Grid.Col>
        </Grid>
        {draft.goals.length > 1 && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            leftSection={<IconTrash size={14} />}
            style={{ alignSelf: 'flex-end' }}
            onClick={remove}
            data-testid={`plan-goal-${index}-remove`}
          >
            {t('plan.goals.remove')}
          </Button>
        )}
      </Stack>
    </Card>
  )
}

export function GoalsStep(props: StepProps) {
  const { t } = useTranslation()
  const { draft, change, errorAt } = props
  const goalsError = errorAt('goals')
  const addGoal = () => change((current) => ({ ...current, goals: [...current.goals, emptyGoal()] }), 'goals')
  const setLimits = (limits: string) => change((current) => ({ ...current, limits }), 'limits')
  const limitsError = errorAt('limits')
  return (
    <Stack gap="md">
      {goalsError && (
        <Text c="red" size="sm" role="alert">
          {goalsError}
        </Text>
      )}
      {draft.goals.map((goal, index) => (
        <GoalCard key={goal.id} goal={goal} index={index} {...props} />
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        style={{ alignSelf: 'flex-start' }}
        onClick={addGoal}
        data-testid="plan-goal-add"
      >
        {t('plan.goals.add')}
      </Button>
      <Textarea
        ref={autoDirection}
        label={t('plan.goals.limits')}
        description={t('plan.goals.limitsHint')}
        placeholder={t('plan.goals.limitsPlaceholder')}
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        value={draft.limits}
        onChange={(event) => setLimits(event.currentTarget.value)}
        error={limitsError}
        data-testid="plan-limits"
      />
    </Stack>
  )
}
