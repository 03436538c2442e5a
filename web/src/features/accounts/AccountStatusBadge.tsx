/** An account's connection status as a small coloured badge. */
import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AccountStatus } from '../../app/publish-types'

const statusColors: Record<AccountStatus, string> = { active: 'teal', paused: 'orange', restricted: 'red', disconnected: 'gray' }

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={statusColors[status]} variant="light" radius="sm" data-testid="account-status">
      {t(`accounts.status.${status}`)}
    </Badge>
  )
}
