/**
 * Today's check-in, on top of the inbox (METHODOLOGY.md, stage 3: time set aside each day to
 * talk to people rather than automate). While a block runs: until when, its messages, people to
 * talk to, what is scheduled, and "done for this block". Before the next one: when it is and how
 * many messages would fit. Without blocks: why to set them, and (for owners and admins) where.
 * Opens unfolded while a block runs, or when the reminder e-mail's link (`?checkin=`) led here.
 */
import { Badge, Button, Card, Collapse, Group, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core'
import { IconCalendarTime, IconCheck, IconChevronDown, IconClockHour9, IconSettings } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CheckInToday } from '../../../app/inbox-types'
import { useCan } from '../../../app/session'
import { FormAlert } from '../../../components/FormAlert'
import { useNow } from '../../../i18n/format'
import { dayWording } from './checkin-logic'
import { useCheckInBlocks, useCheckInToday, useCompleteCheckIn } from './checkin-queries'
import { CheckInBlocksEditor } from './CheckInBlocksEditor'
import { CheckInContent } from './CheckInContent'
import { useCheckInFormats } from './use-checkin-formats'

/** What the card shows (`data-state`, for tests and styles): no blocks, a block running, or the next one. */
type CheckInState = 'none' | 'now' | 'next'
const noBlocks: CheckInState = 'none'

export interface CheckInCardProps {
  names: ReadonlyMap<string, string>
  selectedId: string | undefined
  /** The reminder e-mail's link led here: start unfolded. */
  fromReminder: boolean
}

function NoBlocks({ canConfigure, onEdit }: { canConfigure: boolean; onEdit: () => void }) {
  const { t } = useTranslation()
  return (
    <Group gap="md" wrap="nowrap" align="flex-start" data-testid="checkin-none">
      <ThemeIcon size={40} radius="md" variant="light">
        <IconCalendarTime size={22} aria-hidden />
      </ThemeIcon>
      <Stack gap={6} align="flex-start">
        <Title order={2} fz="md">
          {t('inbox.checkin.none.title')}
        </Title>
        <Text size="sm">{t('inbox.checkin.none.text')}</Text>
        {canConfigure ? (
          <Button variant="light" size="sm" onClick={onEdit} data-testid="checkin-edit">
            {t('inbox.checkin.none.action')}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {t('inbox.checkin.none.askAdmin')}
          </Text>
        )}
      </Stack>
    </Group>
  )
}

function Completion({ today }: { today: CheckInToday }) {
  const { t } = useTranslation()
  const canUse = useCan('inbox.use')
  const complete = useCompleteCheckIn()
  const { checkIn, block } = today
  if (checkIn?.done) {
    return (
      <Badge size="lg" variant="light" color="teal" radius="sm" tt="none" fw={500} leftSection={<IconCheck size={14} aria-hidden />} data-testid="checkin-done" data-answered={checkIn.answered ?? 0}>
        {t('inbox.checkin.done', { count: checkIn.answered ?? 0 })}
      </Badge>
    )
  }
  // A block that has not been prepared yet has nothing to complete.
  if (!checkIn || !block?.running || !canUse) return null
  return (
    <Stack gap={4} align="flex-end">
      <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} loading={complete.isPending} onClick={() => complete.mutate(checkIn.id)} data-testid="checkin-complete">
        {t('inbox.checkin.complete')}
      </Button>
      <FormAlert error={complete.error} />
    </Stack>
  )
}

export function CheckInCard({ names, selectedId, fromReminder }: CheckInCardProps) {
  const { t } = useTranslation()
  const now = useNow()
  const canConfigure = useCan('inbox.configure')
  const today = useCheckInToday().data
  const [editing, setEditing] = useState(false)
  const blocks = useCheckInBlocks(editing)
  // Unset until the person folds or unfolds it: then their choice stands.
  const [unfolded, setUnfolded] = useState<boolean | null>(null)
  const formats = useCheckInFormats(today?.timeZone ?? 'UTC')
  if (!today) return null
  const { block } = today

  const editor = canConfigure && (
    <CheckInBlocksEditor opened={editing} onClose={() => setEditing(false)} blocks={blocks.data?.blocks} timeZone={blocks.data?.timeZone ?? today.timeZone} />
  )
  if (!block) {
    return (
      <Card withBorder data-testid="checkin-card" data-state={noBlocks}>
        <NoBlocks canConfigure={canConfigure} onEdit={() => setEditing(true)} />
        {editor}
      </Card>
    )
  }

  const state: CheckInState = block.running ? 'now' : 'next'
  const open = unfolded ?? (block.running || fromReminder)
  const isToday = dayWording(block.startsAt, now, today.timeZone) === 'today'
  return (
    <Card withBorder data-testid="checkin-card" data-state={state} style={block.running ? { borderColor: 'var(--mantine-color-indigo-4)' } : undefined}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
            <ThemeIcon size={36} radius="md" variant={block.running ? 'filled' : 'light'}>
              <IconClockHour9 size={20} aria-hidden />
            </ThemeIcon>
            <Stack gap={2} miw={0}>
              {block.running ? (
                <Title order={2} fz="md" data-testid="checkin-now">
                  {t('inbox.checkin.now', { time: formats.time(block.endsAt) })}
                </Title>
              ) : (
                <Title order={2} fz="md" data-testid="checkin-next">
                  {formats.next(block.startsAt, block.minutes, now)}
                </Title>
              )}
              <Text size="sm" c="dimmed" data-testid="checkin-count" data-count={today.items.length}>
                {today.items.length === 0
                  ? t('inbox.checkin.nothingWaiting')
                  : block.running
                    ? t('inbox.checkin.lined', { count: today.items.length, duration: formats.minutes(today.estimatedMinutes) })
                    : t('inbox.checkin.preview', { count: today.items.length })}
              </Text>
            </Stack>
          </Group>
          <Group gap="xs" align="flex-start">
            <Completion today={today} />
            {canConfigure && (
              <Button variant="subtle" color="gray" size="sm" leftSection={<IconSettings size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="checkin-edit">
                {t('inbox.checkin.edit')}
              </Button>
            )}
          </Group>
        </Group>
        <UnstyledButton onClick={() => setUnfolded(!open)} aria-expanded={open} data-testid="checkin-toggle" style={{ alignSelf: 'flex-start' }}>
          <Group gap={4} wrap="nowrap">
            <Text size="sm" c="indigo.7" fw={500}>
              {open ? t('inbox.checkin.hide') : t('inbox.checkin.show')}
            </Text>
            <IconChevronDown size={14} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined, color: 'var(--mantine-color-indigo-7)' }} />
          </Group>
        </UnstyledButton>
        <Collapse expanded={open} keepMounted={false}>
          <CheckInContent today={today} formats={formats} now={now} names={names} selectedId={selectedId} isToday={isToday} />
        </Collapse>
      </Stack>
      {editor}
    </Card>
  )
}
