/**
 * Connecting a Bluesky account: handle or e-mail, an app password (with what it is and where to
 * make one), and, for accounts on another PDS, its address.
 */
import { Anchor, Button, Collapse, Group, Stack, Text, TextInput } from '@mantine/core'
import { IconPlugConnected } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { FormAlert } from '../../components/FormAlert'
import { PasswordField } from '../../components/PasswordField'
import { required, useForm } from '../../components/use-form'
import { useConnectAccount } from './account-queries'
import { normalizeServerAddress } from './server-address'

/** Where Bluesky accounts live unless they say otherwise (the API's default too). */
const defaultService = 'https://bsky.social'

export interface ConnectBlueskyProps {
  /** A handle to start with, when reconnecting. */
  identifier?: string
  /** Called once the account is connected. */
  onConnected?: () => void
}

export function ConnectBluesky({ identifier = '', onConnected }: ConnectBlueskyProps) {
  const { t } = useTranslation()
  const notify = useNotice()
  const connect = useConnectAccount()
  const form = useForm({ identifier, appPassword: '', service: '' }, { identifier: [required], appPassword: [required] })
  const [ownServer, setOwnServer] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.validate()) return
    const service = normalizeServerAddress(form.values.service)
    const input = { identifier: form.values.identifier.trim(), appPassword: form.values.appPassword.trim(), ...(service ? { service } : {}) }
    connect.mutate(
      { network: 'bluesky', input },
      {
        onSuccess: ({ account }) => {
          notify(t('accounts.connected', { handle: account.handle }))
          form.setValues({ identifier: '', appPassword: '', service: '' })
          onConnected?.()
        },
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate data-testid="connect-bluesky">
      <Stack gap="sm">
        <TextInput
          label={t('accounts.bluesky.identifier')}
          description={t('accounts.bluesky.identifierHint')}
          dir="ltr"
          autoComplete="username"
          {...form.field('identifier')}
          data-testid="bluesky-identifier"
        />
        <PasswordField
          label={t('accounts.bluesky.appPassword')}
          description={t('accounts.bluesky.appPasswordHint')}
          dir="ltr"
          autoComplete="off"
          {...form.field('appPassword')}
          data-testid="bluesky-app-password"
        />
        <Text size="xs" c="dimmed">
          {t('accounts.bluesky.whereToMake')}
        </Text>
        <Anchor component="button" type="button" size="sm" ta="start" onClick={() => setOwnServer((open) => !open)} data-testid="bluesky-own-server">
          {t('accounts.bluesky.ownServer')}
        </Anchor>
        <Collapse expanded={ownServer}>
          <TextInput
            label={t('accounts.bluesky.service')}
            description={t('accounts.bluesky.serviceHint')}
            placeholder={defaultService}
            dir="ltr"
            inputMode="url"
            {...form.field('service')}
            data-testid="bluesky-service"
          />
        </Collapse>
        <FormAlert error={connect.error} />
        <Group>
          <Button type="submit" loading={connect.isPending} leftSection={<IconPlugConnected size={16} />} data-testid="bluesky-connect">
            {t('accounts.bluesky.connect')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
