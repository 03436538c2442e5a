/**
 * API keys for scripts and other tools: create one with a name and a role (its secret is shown
 * once, with a warning and a copy button), see when each was last used, revoke.
 */
import { Alert, Button, Card, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconKey } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiKey, Role } from '../../app/api-types'
import { useNotice } from '../../app/Notices'
import { useCan, useSession } from '../../app/session'
import { ConfirmButton } from '../../components/ConfirmButton'
import { DataTable } from '../../components/DataTable'
import { FormAlert } from '../../components/FormAlert'
import { fieldErrors } from '../../components/form-errors'
import { NoAccess } from '../../components/NoAccess'
import { QueryState } from '../../components/QueryState'
import { RoleBadge } from '../../components/RoleBadge'
import { defaultRoleFor, RoleSelect } from '../../components/RoleSelect'
import { SecretReveal } from '../../components/SecretReveal'
import { required, useForm } from '../../components/use-form'
import { useFormatters, useNow } from '../../i18n/format'
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from './settings-queries'

const createFields = ['name', 'role'] as const

function CreateApiKeyForm() {
  const { t } = useTranslation()
  const { assignableRoles } = useSession()
  const create = useCreateApiKey()
  const form = useForm({ name: '' }, { name: [required] })
  const [role, setRole] = useState<Role | null>(() => defaultRoleFor(assignableRoles))

  const serverErrors = fieldErrors(create.error, createFields)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate() || !role) return
    create.mutate({ name: form.values.name.trim(), role }, { onSuccess: () => form.setValues({ name: '' }) })
  }

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group align="flex-start" grow preventGrowOverflow={false}>
            <TextInput
              label={t('apiKeys.name')}
              description={t('apiKeys.nameHint')}
              {...form.field('name', create.error)}
              data-testid="api-key-name"
            />
            <RoleSelect
              label={t('apiKeys.role')}
              roles={assignableRoles}
              value={role}
              onChange={setRole}
              withHint
              error={serverErrors.role}
              data-testid="api-key-role"
            />
          </Group>
          <FormAlert error={create.error} fields={createFields} />
          <Group>
            <Button type="submit" leftSection={<IconKey size={16} />} loading={create.isPending} disabled={!role} data-testid="api-key-create">
              {t('apiKeys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
      {create.data && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('apiKeys.createdTitle')} data-testid="api-key-created">
          <Stack gap="sm">
            <Text size="sm">{t('apiKeys.createdWarning')}</Text>
            <SecretReveal label={t('apiKeys.secret', { name: create.data.apiKey.name })} value={create.data.secret} data-testid="api-key-secret" />
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const { t } = useTranslation()
  const { formatDate, formatRelativeTime } = useFormatters()
  const now = useNow()
  const notify = useNotice()
  const revoke = useRevokeApiKey()
  return (
    <Table.Tr data-testid={`api-key-${apiKey.id}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {apiKey.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t('apiKeys.createdBy', { name: apiKey.createdBy.name, date: formatDate(apiKey.createdAt) })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code dir="ltr">{t('apiKeys.prefix', { prefix: apiKey.prefix })}</Code>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={apiKey.role} />
      </Table.Td>
      <Table.Td>{apiKey.lastUsedAt === null ? <Text span size="sm" c="dimmed">{t('apiKeys.neverUsed')}</Text> : formatRelativeTime(apiKey.lastUsedAt, now)}</Table.Td>
      <Table.Td ta="end">
        <ConfirmButton
          label={t('apiKeys.revoke')}
          title={t('apiKeys.revokeTitle', { name: apiKey.name })}
          message={t('apiKeys.revokeMessage')}
          confirmLabel={t('apiKeys.revoke')}
          onConfirm={() => revoke.mutateAsync(apiKey.id).then(() => notify(t('apiKeys.revoked', { name: apiKey.name })))}
          data-testid={`api-key-revoke-${apiKey.id}`}
        />
      </Table.Td>
    </Table.Tr>
  )
}

function ApiKeyList() {
  const { t } = useTranslation()
  const headings = [t('apiKeys.name'), t('apiKeys.key'), t('apiKeys.role'), t('apiKeys.lastUsed')]
  return (
    <QueryState query={useApiKeys()}>
      {(apiKeys) =>
        apiKeys.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('apiKeys.none')}
          </Text>
        ) : (
          <DataTable headings={headings} minWidth={620} data-testid="api-keys-table">
            {apiKeys.map((apiKey) => (
              <ApiKeyRow key={apiKey.id} apiKey={apiKey} />
            ))}
          </DataTable>
        )
      }
    </QueryState>
  )
}

export function ApiKeysSettings() {
  const { t } = useTranslation()
  const canManage = useCan('apiKeys.manage')
  if (!canManage) return <NoAccess />
  return (
    <Card>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {t('apiKeys.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('apiKeys.intro')}
          </Text>
        </Stack>
        <CreateApiKeyForm />
        <Title order={3} fz="md">
          {t('apiKeys.listTitle')}
        </Title>
        <ApiKeyList />
      </Stack>
    </Card>
  )
}
