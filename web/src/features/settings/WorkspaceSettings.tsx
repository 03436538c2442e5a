/** The workspace's name, time zone and default language: editable by admins and owners, read-only for others. */
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Workspace } from '../../app/api-types'
import { useNotice } from '../../app/Notices'
import { useCan } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { fieldErrors } from '../../components/form-errors'
import { LanguageSelect } from '../../components/LanguageSelect'
import { QueryState } from '../../components/QueryState'
import { TimeZoneSelect } from '../../components/TimeZoneSelect'
import { required, useForm } from '../../components/use-form'
import { useFormatters } from '../../i18n/format'
import { defaultLanguage, isLanguage, type Language } from '../../i18n/languages'
import { useUpdateWorkspace, useWorkspace } from './settings-queries'

const fields = ['name', 'timeZone', 'locale'] as const

function WorkspaceForm({ workspace, editable }: { workspace: Workspace; editable: boolean }) {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  const notify = useNotice()
  const update = useUpdateWorkspace()
  const form = useForm({ name: workspace.name }, { name: [required] })
  const [timeZone, setTimeZone] = useState(workspace.timeZone)
  const [locale, setLocale] = useState<Language>(isLanguage(workspace.locale) ? workspace.locale : defaultLanguage)
  const name = form.values.name.trim()
  const changed = name !== workspace.name || timeZone !== workspace.timeZone || locale !== workspace.locale

  const serverErrors = fieldErrors(update.error, fields)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate()) return
    update.mutate({ name, timeZone, locale }, { onSuccess: () => notify(t('settings.workspace.saved')) })
  }

  return (
    <Card component="form" onSubmit={submit} noValidate>
      <Stack gap="md" maw={520}>
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {t('settings.workspace.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.workspace.since', { date: formatDate(workspace.createdAt, { dateStyle: 'long' }) })}
          </Text>
        </Stack>
        {!editable && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} data-testid="workspace-read-only">
            {t('settings.workspace.readOnly')}
          </Alert>
        )}
        <TextInput label={t('settings.workspace.name')} readOnly={!editable} {...form.field('name', update.error)} data-testid="workspace-name" />
        <TimeZoneSelect
          label={t('fields.timeZone')}
          description={t('settings.workspace.timeZoneHint')}
          value={timeZone}
          onChange={setTimeZone}
          readOnly={!editable}
          error={serverErrors.timeZone}
          data-testid="workspace-time-zone"
        />
        <LanguageSelect
          label={t('settings.workspace.language')}
          description={t('settings.workspace.languageHint')}
          value={locale}
          onChange={setLocale}
          readOnly={!editable}
          error={serverErrors.locale}
          data-testid="workspace-language"
        />
        <FormAlert error={update.error} fields={fields} />
        {editable && (
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!changed} data-testid="workspace-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}

export function WorkspaceSettings() {
  const editable = useCan('workspace.update')
  return (
    <QueryState query={useWorkspace()}>
      {(workspace) => (
        // Remounting on every saved change starts the form from what the server now holds.
        <WorkspaceForm key={`${workspace.id}:${workspace.name}:${workspace.timeZone}:${workspace.locale}`} workspace={workspace} editable={editable} />
      )}
    </QueryState>
  )
}
