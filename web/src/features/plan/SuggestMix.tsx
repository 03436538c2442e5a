/**
 * "Suggest a mix for my company": the team's size, the hours it can give each week and the main
 * areas the goals serve go to the server, whose suggestion fills the mix (scaled to 100) and
 * comes with its reasons in words, so the person can judge it rather than take it blindly.
 */
import { Button, Card, Grid, List, MultiSelect, NumberInput, Stack, Text } from '@mantine/core'
import { IconSparkles } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { goalAreas, type GoalArea } from '../../app/coach-types'
import { FormAlert } from '../../components/FormAlert'
import { fieldErrors } from '../../components/form-errors'
import { numberOf, type NumberValue, type PlanDraft } from './plan-draft'
import { normalizeMix, type Mix } from './plan-mix'
import { useSuggestMix } from './plan-queries'

const shownFields = ['teamSize', 'hoursPerWeek', 'areas'] as const

export interface SuggestMixProps {
  draft: PlanDraft
  onSuggested: (mix: Mix) => void
}

export function SuggestMix({ draft, onSuggested }: SuggestMixProps) {
  const { t } = useTranslation()
  const suggest = useSuggestMix()
  // Starts from what the plan already says: the fuel step's hours, the goals' areas.
  const [teamSize, setTeamSize] = useState<NumberValue>(Math.max(1, draft.people.length))
  const [hours, setHours] = useState<NumberValue>(draft.hoursPerWeek)
  const [areas, setAreas] = useState<GoalArea[]>(() => [...new Set(draft.goals.flatMap((goal) => (goal.area ? [goal.area] : [])))])
  const [reasons, setReasons] = useState<string[]>([])

  const errors = fieldErrors(suggest.error, shownFields)

  const run = () => {
    suggest.mutate(
      { teamSize: numberOf(teamSize) ?? 1, hoursPerWeek: numberOf(hours) ?? 0, areas },
      {
        onSuccess: (suggestion) => {
          onSuggested(normalizeMix(suggestion.mix))
          setReasons(suggestion.reasons)
        },
      },
    )
  }

  return (
    <Card data-testid="plan-suggest-mix">
      <Stack gap="sm">
        <Stack gap={2}>
          <Text fw={600}>{t('plan.mix.suggestTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('plan.mix.suggestIntro')}
          </Text>
        </Stack>
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NumberInput
              label={t('plan.mix.teamSize')}
              min={1}
              max={1000}
              allowDecimal={false}
              allowNegative={false}
              value={teamSize}
              onChange={setTeamSize}
              error={errors.teamSize}
              data-testid="plan-suggest-team"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NumberInput
              label={t('plan.mix.hours')}
              min={0}
              max={168}
              allowNegative={false}
              value={hours}
              onChange={setHours}
              error={errors.hoursPerWeek}
              data-testid="plan-suggest-hours"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <MultiSelect
              label={t('plan.mix.areas')}
              placeholder={areas.length === 0 ? t('plan.mix.areasPlaceholder') : undefined}
              data={goalAreas.map((area) => ({ value: area, label: t(`plan.goalAreas.${area}`) }))}
              value={areas}
              onChange={(value) => setAreas(value as GoalArea[])}
              error={errors.areas}
              data-testid="plan-suggest-areas"
            />
          </Grid.Col>
        </Grid>
        <FormAlert error={suggest.error} fields={shownFields} />
        <Button variant="light" leftSection={<IconSparkles size={16} />} loading={suggest.isPending} onClick={run} style={{ alignSelf: 'flex-start' }} data-testid="plan-suggest-run">
          {t('plan.mix.suggest')}
        </Button>
        {reasons.length > 0 && (
          <Stack gap={4} data-testid="plan-suggest-reasons">
            <Text size="sm" fw={600}>
              {t('plan.mix.suggestedBecause')}
            </Text>
            <List size="sm" spacing={4}>
              {reasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Card>
  )
}
