/**
 * Step 3 of the plan: the road, built from the four Es. A share for each (a slider and its number,
 * in percent, adding up to 100), one line saying what each E is, and a suggestion fitted to the
 * company: a small team should lean on the one or two Es that pay off most, not run all four.
 */
import { Button, Card, Grid, Group, NumberInput, Slider, Stack, Text } from '@mantine/core'
import { IconScale } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contentTypes, type ContentType } from '../../app/coach-types'
import { useFormatters } from '../../i18n/format'
import { numberOf } from './plan-draft'
import { mixTotal, normalizeMix, type Mix } from './plan-mix'
import { SuggestMix } from './SuggestMix'
import type { StepProps } from './step-props'

export function MixStep({ draft, change, errorAt }: StepProps) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const percent = (value: number) => formatNumber(value / 100, { style: 'percent' })
  const total = mixTotal(draft.mix)
  const mixError = errorAt('mix')
  const setMix = (mix: Mix) => change((current) => ({ ...current, mix }), 'mix', 'mix.*')
  const setShare = (type: ContentType, value: number) =>
    change((current) => ({ ...current, mix: { ...current.mix, [type]: Math.min(100, Math.max(0, Math.round(value))) } }), 'mix', 'mix.*')

  return (
    <Stack gap="md">
      {contentTypes.map((type) => (
        <Card key={type} padding="md" data-testid={`plan-mix-${type}`}>
          <Grid gap="sm" align="center">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Text fw={600}>{t(`contentTypes.${type}.name`)}</Text>
              <Text size="sm" c="dimmed">
                {t(`plan.mix.explain.${type}`)}
              </Text>
            </Grid.Col>
            <Grid.Col span={{ base: 8, sm: 5 }}>
              <Slider
                min={0}
                max={100}
                step={5}
                value={draft.mix[type]}
                onChange={(value) => setShare(type, value)}
                label={percent}
                thumbLabel={t('plan.mix.shareOf', { name: t(`contentTypes.${type}.name`) })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 4, sm: 2 }}>
              <NumberInput
                aria-label={t('plan.mix.shareOf', { name: t(`contentTypes.${type}.name`) })}
                min={0}
                max={100}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="strict"
                value={draft.mix[type]}
                onChange={(value) => setShare(type, numberOf(value) ?? 0)}
                error={errorAt(`mix.${type}`)}
                data-testid={`plan-mix-${type}-value`}
              />
            </Grid.Col>
          </Grid>
        </Card>
      ))}
      <Group justify="space-between" gap="sm">
        <Stack gap={2}>
          <Text fw={600} c={total === 100 ? 'teal' : 'orange'} data-testid="plan-mix-total">
            {t('plan.mix.total', { total: percent(total) })}
          </Text>
          <Text size="sm" c={mixError ? 'red' : 'dimmed'} role={mixError ? 'alert' : undefined}>
            {mixError ?? (total === 100 ? t('plan.mix.totalOk') : t('plan.mix.totalHint'))}
          </Text>
        </Stack>
        {total !== 100 && (
          <Button
            variant="light"
            leftSection={<IconScale size={16} />}
            onClick={() => setMix(normalizeMix(draft.mix))}
            data-testid="plan-mix-normalize"
          >
            {t('plan.mix.normalize')}
          </Button>
        )}
      </Group>
      <SuggestMix draft={draft} onSuggested={setMix} />
    </Stack>
  )
}
