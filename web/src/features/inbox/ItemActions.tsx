/**
 * Working an item: give it to a teammate (or yourself, or nobody), put it away until later (an
 * hour, tomorrow at 9:00 or next Monday at 9:00 on the workspace's clock), mark it done or open
 * it again.
 */
import { Button, Group, Menu, Select, Stack } from '@mantine/core'
import { IconCheck, IconChevronDown, IconRotateClockwise, IconZzz } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Member } from '../../app/api-types'
import type { InboxItem } from '../../app/inbox-types'
import { useSession } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { snoozeChoices, snoozeUntil } from './inbox-logic'
import { useChangeItem } from './inbox-queries'

/** The assign list's value for "nobody" (a user id is never empty). */
const nobody = 'nobody'

export function ItemActions({ item, members, now }: { item: InboxItem; members: readonly Member[]; now: number }) {
  const { t } = useTranslation()
  const { user, workspace } = useSession()
  const change = useChangeItem(item.id)
  const others = members.filter((member) => member.userId !== user.id)
  const assignOptions = [
    { value: user.id, label: t('inbox.actions.me', { name: user.name }) },
    ...others.map((member) => ({ value: member.userId, label: member.name })),
    { value: nobody, label: t('inbox.actions.nobody') },
  ]
  // Someone who left the workspace still shows as the assignee until the item is given to another.
  const assignee = item.assigneeId ?? nobody
  const known = assignOptions.some((option) => option.value === assignee)
  const snoozed = item.status === 'open' && item.snoozedUntil !== null && item.snoozedUntil > now
  return (
    <Stack gap="xs" data-testid="inbox-actions">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('inbox.actions.assign')}
          data={known ? assignOptions : [...assignOptions, { value: assignee, label: t('inbox.item.someone') }]}
          value={assignee}
          onChange={(value) => {
            if (value && value !== assignee) change.mutate({ assigneeId: value === nobody ? null : value })
          }}
          allowDeselect={false}
          size="sm"
          w={220}
          comboboxProps={{ withinPortal: true }}
          disabled={change.isPending}
          data-testid="inbox-assign"
        />
        {item.status === 'open' && (
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button variant="default" size="sm" leftSection={<IconZzz size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} data-testid="inbox-snooze">
                {t('inbox.actions.snooze')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {snoozeChoices.map((choice) => (
                <Menu.Item key={choice} onClick={() => change.mutate({ snoozedUntil: snoozeUntil(choice, Date.now(), workspace.timeZone) })} data-testid={`inbox-snooze-${choice}`}>
                  {t(`inbox.actions.snoozeChoices.${choice}`)}
                </Menu.Item>
              ))}
              {snoozed && (
                <>
                  <Menu.Divider />
                  <Menu.Item onClick={() => change.mutate({ snoozedUntil: null })} data-testid="inbox-wake">
                    {t('inbox.actions.wake')}
                  </Menu.Item>
                </>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
        {item.status === 'open' ? (
          <Button size="sm" color="teal" leftSection={<IconCheck size={16} aria-hidden />} loading={change.isPending} onClick={() => change.mutate({ status: 'done' })} data-testid="inbox-done">
            {t('inbox.actions.done')}
          </Button>
        ) : (
          <Button size="sm" variant="default" leftSection={<IconRotateClockwise size={16} aria-hidden />} loading={change.isPending} onClick={() => change.mutate({ status: 'open' })} data-testid="inbox-reopen">
            {t('inbox.actions.reopen')}
          </Button>
        )}
      </Group>
      <FormAlert error={change.error} />
    </Stack>
  )
}
