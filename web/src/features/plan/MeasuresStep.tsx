/**
 * Step 5 of the plan: marking the map. Which of the four kinds of measurement the business will
 * use, and targets (0–100) for the four parts of social media equity, each with what it means:
 * a big audience that never interacts is only a number.
 */
import { Checkbox, Grid, NumberInput, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { equityParts, measureKinds, type MeasureKind } from '../../app/coach-types'
import type { StepProps } from './step-props'

export function MeasuresStep({ draft, change, errorAt }: StepProps) {
  const { t } = useTranslation()
  const setMeasures = (measures: string[]) => change((current) => ({ ...current, measures: measures as MeasureKind[] }), 'measures', 'measures.*')
  const measuresError = errorAt('measures')
  const equityError = errorAt('equityTargets')
  return (
    <Stack gap="lg">
      <Checkbox.Group
        label={t('plan.measures.kinds')}
        description={t('plan.measures.kindsHint')}
        value={draft.measures}
        onChange={setMeasures}
        error={measuresError}
        data-testid="plan-measures"
      >
        <Stack gap="sm" mt="xs">
          {measureKinds.map((kind) => (
            <Checkbox
              key={kind}
              value={kind}
              label={t(`plan.measureKinds.${kind}.name`)}
              description={t(`plan.measureKinds.${kind}.hint`)}
              data-testid={`plan-measure-${kind}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t('plan.measures.equity')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('plan.measures.equityHint')}
        </Text>
        <Grid gap="sm">
          {equityParts.map((part) => (
            <Grid.Col key={part} span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t(`plan.equityParts.${part}.name`)}
                description={t(`plan.equityParts.${part}.hint`)}
                placeholder={t('plan.measures.equityPlaceholder')}
                min={0}
                max={100}
                allowNegative={false}
                allowDecimal={false}
                clampBehavior="strict"
                value={draft.equityTargets[part]}
                onChange={(value) =>
                  change((current) => ({ ...current, equityTargets: { ...current.equityTargets, [part]: value } }), `equityTargets.${part}`)
                }
                error={errorAt(`equityTargets.${part}`)}
                data-testid={`plan-equity-${part}`}
              />
            </Grid.Col>
          ))}
        </Grid>
        {equityError && (
          <Text c="red" size="sm" role="alert">
            {equityError}
          </Text>
        )}
      </Stack>
    </Stack>
  )
}
