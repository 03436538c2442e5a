/**
 * Connecting a Mastodon account: the server's address, then either the server's own sign-in
 * page (the browser goes there and comes back) or an access token pasted from the account's
 * development settings.
 */
import { Anchor, Button, Collapse, Group, Stack, Text, TextInput } from '@mantine/core'
import { IconBrandMastodon, IconPlugConnected } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { FormAlert } from '../../components/FormAlert'
import { PasswordField } from '../../components/PasswordField'
import { useConnectAccount, useStartOAuth } from './account-queries'
import { normalizeServerAddress } from './server-address'

export interface ConnectMastodonProps {
  /** The server to start with, when reconnecting. */
  server?: string
  /** Whether this Stagecraft can use the network's sign-in page. */
  oauth: boolean
  /** Called once the account is connected with a token. */
  onConnected?: () => void
}

export function ConnectMastodon({ server: initialServer = '', oauth, onConnected }: ConnectMastodonProps) {
  const { t } = useTranslation()
  const notify = useNotice()
  const startOAuth = useStartOAuth()
  const connect = useConnectAccount()
  const [server, setServer] = useState(initialServer)
  const [token, setToken] = useState('')
  const [withToken, setWithToken] = useState(!oauth)
  const [missing, setMissing] = useState<'server' | 'token' | null>(null)
  const address = normalizeServerAddress(server)

  const signIn = () => {
    if (!address) return setMissing('server')
    startOAuth.mutate({ network: 'mastodon', server: address }, { onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl) })
  }

  const connectWithToken = () => {
    if (!address) return setMissing('server')
    if (!token.trim()) return setMissing('token')
    connect.mutate(
      { network: 'mastodon', input: { server: address, accessToken: token.trim() } },
      {
        onSuccess: ({ account }) => {
          notify(t('accounts.connected', { handle: account.handle }))
          setToken('')
          setServer('')
          onConnected?.()
        },
      },
    )
  }

  return (
    <Stack gap="sm" data-testid="connect-mastodon">
      <TextInput
        label={t('accounts.mastodon.server')}
        description={t('accounts.mastodon.serverHint')}
        dir="ltr"
        inputMode="url"
        value={server}
        onChange={(event) => {
          setServer(event.currentTarget.value)
          setMissing(null)
        }}
        error={missing === 'server' ? t('validation.required') : undefined}
        data-testid="mastodon-server"
      />
      {oauth && (
        <>
          <FormAlert error={startOAuth.error} />
          <Group>
            <Button leftSection={<IconBrandMastodon size={18} />} color="violet" loading={startOAuth.isPending} onClick={signIn} data-testid="mastodon-sign-in">
              {t('accounts.mastodon.signIn')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('accounts.mastodon.signInHint')}
          </Text>
          <Anchor component="button" type="button" size="sm" ta="start" onClick={() => setWithToken((open) => !open)} data-testid="mastodon-use-token">
            {t('accounts.mastodon.useToken')}
          </Anchor>
        </>
      )}
      <Collapse expanded={withToken}>
        <Stack gap="sm">
          <PasswordField
            label={t('accounts.mastodon.token')}
            description={t('accounts.mastodon.tokenHint')}
            dir="ltr"
            autoComplete="off"
            value={token}
            onChange={(event) => {
              setToken(event.currentTarget.value)
              setMissing(null)
            }}
            error={missing === 'token' ? t('validation.required') : undefined}
            data-testid="mastodon-token"
          />
          <FormAlert error={connect.error} />
          <Group>
            <Button variant="light" leftSection={<IconPlugConnected size={16} />} loading={connect.isPending} onClick={connectWithToken} data-testid="mastodon-connect-token">
              {t('accounts.mastodon.connectToken')}
            </Button>
          </Group>
        </Stack>
      </Collapse>
    </Stack>
  )
}
