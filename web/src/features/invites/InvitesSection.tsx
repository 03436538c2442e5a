/**
 * Open invites of the workspace (Settings → Team): create a link for a role, optionally for one
 * e-mail; the link is shown once with a copy button; open invites can be revoked.
 */
import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Invite, Role } from '../../app/api-types'
import { useNotice } from '../../app/Notices'
import { useSession } from '../../app/session'
import { ConfirmButton } from '../../components/ConfirmButton'
import { DataTable } from '../../components/DataTable'
import { FormAlert } from '../../components/FormAlert'
import { fieldErrors } from '../../components/form-errors'
import { RoleBadge } from '../../components/RoleBadge'
import { defaultRoleFor, RoleSelect } from '../../components/RoleSelect'
import { SecretReveal } from '../../components/SecretReveal'
import { QueryState } from '../../components/QueryState'
import { useFormatters, useNow } from '../../i18n/format'
import { useCreateInvite, useInvites, useRevokeInvite } from './invite-queries'

const createFields = ['role', 'email'] as const

function CreateInviteForm() {
  const { t } = useTranslation()
  const { assignableRoles } = useSession()
  const [role, setRole] = useState<Role | null>(() => defaultRoleFor(assignableRoles))
  const [email, setEmail] = useState('')
  const create = useCreateInvite()

  const serverErrors = fieldErrors(create.error, createFields)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!role) return
    const address = email.trim()
    create.mutate(address ? { role, email: address } : { role }, { onSuccess: () => setEmail('') })
  }

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group align="flex-start" grow preventGrowOverflow={false}>
            <RoleSelect
              label={t('invites.role')}
              roles={assignableRoles}
              value={role}
              onChange={setRole}
              withHint
              error={serverErrors.role}
              data-testid="invite-role"
            />
            <TextInput
              label={t('invites.email')}
              description={t('invites.emailHint')}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={serverErrors.email}
              data-testid="invite-create-email"
            />
          </Group>
          <FormAlert error={create.error} fields={createFields} />
          <Group>
            <Button type="submit" leftSection={<IconLink size={16} />} loading={create.isPending} disabled={!role} data-testid="invite-create">
              {t('invites.create')}
            </Button>
          </Group>
        </Stack>
      </form>
      {create.data && (
        <Alert color="teal" variant="light" title={t('invites.createdTitle')} data-testid="invite-created">
          <Stack gap="sm">
            <Text size="sm">{t('invites.createdHelp')}</Text>
            <SecretReveal label={t('invites.link')} value={create.data.url} data-testid="invite-link" />
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}

function InviteRow({ invite }: { invite: Invite }) {
  const { t } = useTranslation()
  const { formatDate, formatRelativeTime } = useFormatters()
  const now = useNow()
  const notify = useNotice()
  const revoke = useRevokeInvite()
  return (
    <Table.Tr>
      <Table.Td>
        <RoleBadge role={invite.role} />
      </Table.Td>
      <Table.Td>{invite.email ? <span dir="ltr">{invite.email}</span> : <Text span c="dimmed" size="sm">{t('invites.anyone')}</Text>}</Table.Td>
      <Table.Td>{invite.createdBy.name}</Table.Td>
      <Table.Td title={formatDate(invite.expiresAt, { dateStyle: 'long', timeStyle: 'short' })}>{formatRelativeTime(invite.expiresAt, now)}</Table.Td>
      <Table.Td ta="end">
        <ConfirmButton
          label={t('invites.revoke')}
          title={t('invites.revokeTitle')}
          message={t('invites.revokeMessage')}
          confirmLabel={t('invites.revoke')}
          onConfirm={() => revoke.mutateAsync(invite.id).then(() => notify(t('invites.revoked')))}
          data-testid={`invite-revoke-${invite.id}`}
        />
      </Table.Td>
    </Table.Tr>
  )
}

function OpenInvites() {
  const { t } = useTranslation()
  const headings = [t('invites.role'), t('invites.for'), t('invites.invitedBy'), t('invites.expires')]
  return (
    <QueryState query={useInvites()}>
      {(invites) =>
        invites.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('invites.none')}
          </Text>
        ) : (
          <DataTable headings={headings} minWidth={560} data-testid="invites-table">
            {invites.map((invite) => (
              <InviteRow key={invite.id} invite={invite} />
            ))}
          </DataTable>
        )
      }
    </QueryState>
  )
}

export function InvitesSection() {
  const { t } = useTranslation()
  return (
    <Card>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {t('invites.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('invites.intro')}
          </Text>
        </Stack>
        <CreateInviteForm />
        <Title order={3} fz="md">
          {t('invites.openTitle')}
        </Title>
        <OpenInvites />
      </Stack>
    </Card>
  )
}
