/**
 * When the post goes out: now, at a date and time on the workspace's clocks (the zone is named,
 * since the reader may be elsewhere), or in the next free posting slot of the queue.
 */
import { Alert, Anchor, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { IconClock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'
import { useSession } from '../../app/session'
import { useFormatters } from '../../i18n/format'
import { instantOf, isDate } from '../../i18n/zoned-time'
import type { ScheduleChoice } from './composer-state'

export interface SchedulePickerProps {
  value: ScheduleChoice
  onChange: (choice: ScheduleChoice) => void
  /** A suggested date and time for switching to "at". */
  suggestion: { date: string; time: string }
  /** How many posting slots the queue has (undefined while unknown). */
  queueSlots: number | undefined
  error?: string
}

export function SchedulePicker({ value, onChange, suggestion, queueSlots, error }: SchedulePickerProps) {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  const { workspace } = useSession()
  const zone = workspace.timeZone
  const at = value.mode === 'at' ? value.at : suggestion
  const valid = isDate(at.date) && /^\d{2}:\d{2}$/.test(at.time)
  const when = valid ? formatDate(instantOf(at, zone), { dateStyle: 'full', timeStyle: 'short' }) : ''

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('compose.schedule.label')}
      </Text>
      <SegmentedControl
        value={value.mode}
        onChange={(mode) => onChange(mode === 'at' ? { mode: 'at', at } : mode === 'queue' ? { mode: 'queue' } : { mode: 'now' })}
        data={[
          { value: 'now', label: t('compose.schedule.now') },
          { value: 'at', label: t('compose.schedule.at') },
          { value: 'queue', label: t('compose.schedule.queue') },
        ]}
        data-testid="schedule-mode"
      />
      {value.mode === 'at' && (
        <Stack gap={6}>
          <Group grow align="flex-start" preventGrowOverflow={false}>
            <TextInput
              type="date"
              label={t('compose.schedule.date')}
              value={value.at.date}
              onChange={(event) => onChange({ mode: 'at', at: { ...value.at, date: event.currentTarget.value } })}
              data-testid="schedule-date"
            />
            <TextInput
              type="time"
              label={t('compose.schedule.time')}
              value={value.at.time}
              onChange={(event) => onChange({ mode: 'at', at: { ...value.at, time: event.currentTarget.value } })}
              data-testid="schedule-time"
            />
          </Group>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconClock size={16} style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="xs" c="dimmed" data-testid="schedule-zone">
              {valid
                ? t('compose.schedule.zoneWhen', { when, zone: zone.replaceAll('_', ' ') })
                : t('compose.schedule.zone', { zone: zone.replaceAll('_', ' ') })}
            </Text>
          </Group>
        </Stack>
      )}
      {value.mode === 'now' && (
        <Text size="xs" c="dimmed">
          {t('compose.schedule.nowHint')}
        </Text>
      )}
      {value.mode === 'queue' &&
        (queueSlots === 0 ? (
          <Alert color="yellow" variant="light" p="xs">
            <Text size="sm">{t('compose.schedule.queueEmpty')}</Text>
            <Anchor component={Link} to={paths.settingsPublishing} size="sm">
              {t('compose.schedule.queueSettings')}
            </Anchor>
          </Alert>
        ) : (
          <Text size="xs" c="dimmed">
            {t('compose.schedule.queueHint')}
          </Text>
        ))}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  )
}
