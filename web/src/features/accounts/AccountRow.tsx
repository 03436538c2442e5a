/**
 * One connected account: picture, name, handle, network and status. A paused or restricted
 * account shows the network's reason, and paused ones a Reconnect action.
 */
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import type { Account, Network } from '../../app/publish-types'
import { ConfirmButton } from '../../components/ConfirmButton'
import { useFormatters, useNow } from '../../i18n/format'
import { useDisconnectAccount } from './account-queries'
import { AccountAvatar } from './AccountAvatar'
import { AccountStatusBadge } from './AccountStatusBadge'
import { ConnectForm } from './ConnectForm'

export interface AccountRowProps {
  account: Account
  network: Network | undefined
  canManage: boolean
}

export function AccountRow({ account, network, canManage }: AccountRowProps) {
  const { t } = useTranslation()
  const { formatRelativeTime } = useFormatters()
  const now = useNow()
  const notify = useNotice()
  const disconnect = useDisconnectAccount()
  const [reconnecting, setReconnecting] = useState(false)
  const troubled = account.status === 'paused' || account.status === 'restricted'

  return (
    <Card padding="md" data-testid={`account-${account.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="md" wrap="nowrap" miw={0}>
            <AccountAvatar account={account} size={44} />
            <Stack gap={2} miw={0}>
              {account.displayName !== account.handle && (
                <Text fw={600} truncate="end" dir="auto">
                  {account.displayName}
                </Text>
              )}
              <Anchor
                href={account.profileUrl}
                target="_blank"
                rel="noreferrer"
                size="sm"
                fw={account.displayName === account.handle ? 600 : undefined}
                c={account.displayName === account.handle ? 'dark' : 'dimmed'}
                dir="ltr"
                ta="start"
                truncate="end"
                data-testid="account-handle"
              >
                {account.handle}
              </Anchor>
              <Text size="xs" c="dimmed">
                {account.checkedAt === null
                  ? account.networkName
                  : t('accounts.networkChecked', { network: account.networkName, when: formatRelativeTime(account.checkedAt, now) })}
              </Text>
            </Stack>
          </Group>
          <Stack gap="xs" align="flex-end">
            <AccountStatusBadge status={account.status} />
            {canManage && (
              <Group gap="xs" wrap="nowrap">
                {troubled && network && (
                  <Button size="xs" leftSection={<IconRefresh size={14} />} onClick={() => setReconnecting(true)} data-testid="account-reconnect">
                    {t('accounts.reconnect')}
                  </Button>
                )}
                <ConfirmButton
                  label={t('accounts.disconnect')}
                  title={t('accounts.disconnectTitle', { handle: account.handle })}
                  message={t('accounts.disconnectMessage', { network: account.networkName })}
                  confirmLabel={t('accounts.disconnect')}
                  onConfirm={() => disconnect.mutateAsync(account.id).then(() => notify(t('accounts.disconnected', { handle: account.handle })))}
                  data-testid={`account-disconnect-${account.id}`}
                />
              </Group>
            )}
          </Stack>
        </Group>
        {troubled && (
          <Alert color={account.status === 'paused' ? 'orange' : 'red'} variant="light" icon={<IconAlertTriangle size={18} />} data-testid="account-reason">
            <Stack gap={4}>
              <Text size="sm">{t(account.status === 'paused' ? 'accounts.pausedHelp' : 'accounts.restrictedHelp', { network: account.networkName })}</Text>
              {account.statusReason && (
                <Text size="sm" fs="italic" dir="auto">
                  {t('accounts.networkSays', { network: account.networkName, reason: account.statusReason })}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
      {network && (
        <Modal
          opened={reconnecting}
          onClose={() => setReconnecting(false)}
          title={t('accounts.reconnectTitle', { handle: account.handle })}
          centered
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <ConnectForm network={network} account={account} onConnected={() => setReconnecting(false)} />
        </Modal>
      )}
    </Card>
  )
}
