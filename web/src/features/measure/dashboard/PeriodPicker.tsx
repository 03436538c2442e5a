/**
 * The period: the last 7, 30 or 90 days, or days chosen by hand with the browser's date inputs.
 * Hand-picked days apply once both are real dates in order; until then the figures stay as they
 * were and the inputs say what is wrong.
 */
import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isValidRange, presetPeriod, presets, type Period, type Preset } from './period'

export interface PeriodPickerProps {
  period: Period
  today: string
  onChange: (period: Period) => void
}

function CustomRange({ period, today, onChange }: PeriodPickerProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState({ from: period.from, to: period.to })
  // The address may change under the inputs (back button, a shared link): they follow it.
  const [shown, setShown] = useState(period)
  if (shown.from !== period.from || shown.to !== period.to) {
    setShown(period)
    setDraft({ from: period.from, to: period.to })
  }
  const valid = isValidRange(draft.from, draft.to)
  const edit = (changes: Partial<typeof draft>) => {
    const next = { ...draft, ...changes }
    setDraft(next)
    if (isValidRange(next.from, next.to)) onChange({ preset: 'custom', ...next })
  }
  return (
    <Stack gap={4}>
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          size="sm"
          label={t('measure.dashboard.period.from')}
          value={draft.from}
          max={today}
          onChange={(event) => edit({ from: event.currentTarget.value })}
          data-testid="dashboard-period-from"
        />
        <TextInput
          type="date"
          size="sm"
          label={t('measure.dashboard.period.to')}
          value={draft.to}
          max={today}
          onChange={(event) => edit({ to: event.currentTarget.value })}
          data-testid="dashboard-period-to"
        />
      </Group>
      {!valid && (
        <Text size="xs" c="red" role="alert">
          {t('measure.dashboard.period.invalid')}
        </Text>
      )}
    </Stack>
  )
}

export function PeriodPicker({ period, today, onChange }: PeriodPickerProps) {
  const { t } = useTranslation()
  const labelId = useId()
  // Four choices do not fit side by side on a phone: they stack there.
  const narrow = useMediaQuery('(max-width: 36em)')
  const options = [...presets.map((days) => ({ value: String(days), label: t('measure.dashboard.period.last', { count: days }) })), { value: 'custom', label: t('measure.dashboard.period.custom') }]
  const choose = (value: string) => {
    if (value === 'custom') onChange({ ...period, preset: 'custom' })
    else onChange(presetPeriod(Number(value) as Preset, today))
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={labelId}>
        {t('measure.dashboard.period.label')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        data={options}
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow}
        value={String(period.preset)}
        onChange={choose}
        data-testid="dashboard-period"
      />
      {period.preset === 'custom' && <CustomRange period={period} today={today} onChange={onChange} />}
    </Stack>
  )
}
