/**
 * A whole plan, read-only, in the order of its seven steps: goals with their live values and the
 * limits, the landscape, the 4E mix (beside the actual one when known), tools, measures, fuel and
 * risks. The owner's page passes what only it has (actual mix, fuel check); a shared link does not.
 */
import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ContentType, GoalLive, Plan, PlanResponse } from '../../app/coach-types'
import { PlanGoalsView } from './PlanGoalsView'
import { PlanMixView } from './PlanMixView'
import { OwnerText, PlanSection } from './PlanSection'
import { PlanFuelView, PlanLandscapeView, PlanMeasuresView, PlanRisksView, PlanToolsView } from './PlanSections'

export interface PlanViewProps {
  plan: Plan
  live: GoalLive[]
  actualMix?: Partial<Record<ContentType, number>>
  fuel?: PlanResponse['fuel']
}

export function PlanView({ plan, live, actualMix, fuel }: PlanViewProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" data-testid="plan-view">
      <PlanSection title={t('plan.steps.goals.title')} data-testid="plan-view-goals">
        <PlanGoalsView goals={plan.goals} live={live} />
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('plan.view.limits')}
          </Text>
          <OwnerText text={plan.limits} data-testid="plan-view-limits" />
        </Stack>
      </PlanSection>
      <PlanLandscapeView plan={plan} />
      <PlanSection title={t('plan.steps.mix.title')} hint={actualMix ? t('plan.view.mixHint') : undefined} data-testid="plan-view-mix">
        <PlanMixView planned={plan.mix} actual={actualMix} />
      </PlanSection>
      <PlanToolsView plan={plan} />
      <PlanMeasuresView plan={plan} />
      <PlanFuelView plan={plan} fuel={fuel} />
      <PlanRisksView plan={plan} />
    </Stack>
  )
}
