/**
 * The workspace's members with their roles. People who manage members can change a role (only to
 * roles they may grant) or remove someone, never themselves and never someone above them.
 */
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Member, Role } from '../../app/api-types'
import { useNotice } from '../../app/Notices'
import { useCan, useSession } from '../../app/session'
import { ConfirmButton } from '../../components/ConfirmButton'
import { DataTable } from '../../components/DataTable'
import { FormAlert } from '../../components/FormAlert'
import { QueryState } from '../../components/QueryState'
import { RoleBadge } from '../../components/RoleBadge'
import { RoleSelect } from '../../components/RoleSelect'
import { useFormatters } from '../../i18n/format'
import { useChangeRole, useMembers, useRemoveMember } from './settings-queries'

function MemberRow({ member, manageable, assignable }: { member: Member; manageable: boolean; assignable: readonly Role[] }) {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  const notify = useNotice()
  const changeRole = useChangeRole()
  const remove = useRemoveMember()
  return (
    <Table.Tr data-testid={`member-${member.userId}`}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {member.name}
          </Text>
          {member.isYou && (
            <Badge size="xs" variant="outline" color="gray">
              {t('team.you')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          <span dir="ltr">{member.email}</span>
        </Text>
      </Table.Td>
      <Table.Td>
        {manageable ? (
          <Stack gap={4}>
            <RoleSelect
              aria-label={t('team.roleOf', { name: member.name })}
              roles={assignable}
              value={member.role}
              onChange={(role) => changeRole.mutate({ userId: member.userId, role }, { onSuccess: () => notify(t('team.roleChanged', { name: member.name })) })}
              disabled={changeRole.isPending}
              size="xs"
              w={150}
              data-testid={`member-role-${member.userId}`}
            />
            <FormAlert error={changeRole.error} />
          </Stack>
        ) : (
          <RoleBadge role={member.role} />
        )}
      </Table.Td>
      <Table.Td>{formatDate(member.joinedAt)}</Table.Td>
      <Table.Td ta="end">
        {manageable && (
          <ConfirmButton
            label={t('team.remove')}
            title={t('team.removeTitle', { name: member.name })}
            message={t('team.removeMessage', { name: member.name })}
            confirmLabel={t('team.remove')}
            onConfirm={() => remove.mutateAsync(member.userId).then(() => notify(t('team.removed', { name: member.name })))}
            data-testid={`member-remove-${member.userId}`}
          />
        )}
      </Table.Td>
    </Table.Tr>
  )
}

export function MembersSection() {
  const { t } = useTranslation()
  const { assignableRoles } = useSession()
  const canManage = useCan('members.manage')
  const members = useMembers()
  const headings = [t('team.person'), t('team.role'), t('team.joined')]

  return (
    <Card>
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('team.membersTitle')}
        </Title>
        <QueryState query={members}>
          {(list) => (
            <DataTable headings={headings} minWidth={560} data-testid="members-table">
              {list.map((member) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  // The same rule as the server's: only members whose role one may grant.
                  manageable={canManage && !member.isYou && assignableRoles.includes(member.role)}
                  assignable={assignableRoles}
                />
              ))}
            </DataTable>
          )}
        </QueryState>
      </Stack>
    </Card>
  )
}
