/**
 * Choosing the accounts a post goes to: one card per connected account with its picture, name
 * and network. Accounts that wait for reconnecting say so (their posts wait with them).
 */
import { Anchor, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'
import type { Account } from '../../app/publish-types'
import { AccountAvatar, AccountStatusBadge } from '../accounts'

export interface AccountPickerProps {
  accounts: readonly Account[]
  value: readonly string[]
  onChange: (accountIds: string[]) => void
  error?: string
}

export function AccountPicker({ accounts, value, onChange, error }: AccountPickerProps) {
  const { t } = useTranslation()
  if (accounts.length === 0) {
    return (
      <Stack gap={4} data-testid="compose-no-accounts">
        <Text size="sm">{t('compose.noAccounts')}</Text>
        <Anchor component={Link} to={paths.settingsAccounts} size="sm">
          {t('compose.connectAccount')}
        </Anchor>
      </Stack>
    )
  }
  return (
    <Checkbox.Group label={t('compose.accounts')} value={[...value]} onChange={onChange} error={error}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {accounts.map((account) => (
          <Checkbox.Card key={account.id} value={account.id} radius="md" p="xs" data-testid={`pick-account-${account.id}`}>
            <Group gap="sm" wrap="nowrap">
              <Checkbox.Indicator />
              <AccountAvatar account={account} size={30} />
              <Stack gap={0} miw={0} style={{ flex: 1 }}>
                <Text size="sm" fw={500} truncate="end" dir="auto">
                  {account.displayName}
                </Text>
                {account.displayName !== account.handle && (
                  <Text size="xs" c="dimmed" truncate="end" dir="ltr" ta="start">
                    {account.handle}
                  </Text>
                )}
              </Stack>
              {account.status !== 'active' && <AccountStatusBadge status={account.status} />}
            </Group>
          </Checkbox.Card>
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  )
}
