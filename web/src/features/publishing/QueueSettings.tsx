/**
 * The posting schedule: the times of the week "Add to queue" fills (at most ten a day, on the
 * workspace's clocks), and whether editors' posts wait for an admin's approval.
 */
import { ActionIcon, Button, Card, Group, Pill, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import type { PublishingSettings, QueueSlot } from '../../app/publish-types'
import { useSession } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { addDays, dateAsUtcNoon } from '../../i18n/zoned-time'
import { firstDayOfWeek, weekdayOrder } from '../calendar'
import { useSavePublishingSettings } from './publishing-queries'

const maxPerDay = 10

function useSlotFormats() {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' })
    const clock = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
    return {
      // 2024-01-01 was a Monday: weekday n is n − 1 days later.
      weekday: (n: number) => weekday.format(dateAsUtcNoon(addDays('2024-01-01', n - 1))),
      time: (time: string) => {
        const [hours, minutes] = time.split(':').map(Number) as [number, number]
        return clock.format(Date.UTC(2024, 0, 1, hours, minutes))
      },
    }
  }, [i18n.language])
}

function DayRow({ weekday, times, editable, onChange }: { weekday: number; times: string[]; editable: boolean; onChange: (times: string[]) => void }) {
  const { t } = useTranslation()
  const formats = useSlotFormats()
  const [adding, setAdding] = useState('')
  const add = () => {
    if (!/^\d{2}:\d{2}$/.test(adding) || times.includes(adding)) return
    onChange([...times, adding].sort())
    setAdding('')
  }
  return (
    <Group gap="sm" wrap="nowrap" align="center" py={6} style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-2)' }} data-testid={`slots-day-${weekday}`}>
      <Text size="sm" fw={500} w={120} style={{ flexShrink: 0 }}>
        {formats.weekday(weekday)}
      </Text>
      <Group gap={6} style={{ flex: 1 }}>
        {times.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('publishing.noSlots')}
          </Text>
        )}
        {times.map((time) => (
          <Pill
            key={time}
            withRemoveButton={editable}
            onRemove={() => onChange(times.filter((other) => other !== time))}
            removeButtonProps={{ 'aria-label': t('publishing.removeSlot', { day: formats.weekday(weekday), time: formats.time(time) }) }}
          >
            {formats.time(time)}
          </Pill>
        ))}
      </Group>
      {editable && times.length < maxPerDay && (
        <Group gap={4} wrap="nowrap">
          <TextInput type="time" size="xs" value={adding} onChange={(event) => setAdding(event.currentTarget.value)} aria-label={t('publishing.newSlot', { day: formats.weekday(weekday) })} />
          <ActionIcon variant="light" onClick={add} disabled={!adding} aria-label={t('publishing.addSlot', { day: formats.weekday(weekday) })} data-testid={`slots-add-${weekday}`}>
            <IconPlus size={16} />
          </ActionIcon>
        </Group>
      )}
    </Group>
  )
}

export function QueueSettings({ settings, editable }: { settings: PublishingSettings; editable: boolean }) {
  const { t, i18n } = useTranslation()
  const { workspace } = useSession()
  const notify = useNotice()
  const save = useSavePublishingSettings()
  const [slots, setSlots] = useState<QueueSlot[]>(settings.queueSlots)
  const [approvalRequired, setApprovalRequired] = useState(settings.approvalRequired)
  const timesOf = (weekday: number) => slots.filter((slot) => slot.weekday === weekday).map((slot) => slot.time)
  const setTimes = (weekday: number, times: string[]) => setSlots((current) => [...current.filter((slot) => slot.weekday !== weekday), ...times.map((time) => ({ weekday, time }))])

  return (
    <Card>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {t('publishing.slotsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('publishing.slotsIntro', { zone: workspace.timeZone.replaceAll('_', ' ') })}
          </Text>
        </Stack>
        <Stack gap={0} data-testid="queue-slots">
          {weekdayOrder(firstDayOfWeek(i18n.language)).map((weekday) => (
            <DayRow key={weekday} weekday={weekday} times={timesOf(weekday)} editable={editable} onChange={(times) => setTimes(weekday, times)} />
          ))}
        </Stack>
        <Switch
          label={t('publishing.approval')}
          description={t('publishing.approvalHint')}
          checked={approvalRequired}
          disabled={!editable}
          onChange={(event) => setApprovalRequired(event.currentTarget.checked)}
          data-testid="approval-toggle"
        />
        <FormAlert error={save.error} />
        {editable && (
          <Group>
            <Button loading={save.isPending} onClick={() => save.mutate({ approvalRequired, queueSlots: slots }, { onSuccess: () => notify(t('publishing.saved')) })} data-testid="publishing-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}
