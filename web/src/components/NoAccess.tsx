/** What a page shows to someone whose role does not allow it (the server refuses it anyway). */
import { Alert } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export function NoAccess() {
  const { t } = useTranslation()
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={18} />} title={t('errors.noAccessTitle')} data-testid="no-access">
      {t('errors.noAccess')}
    </Alert>
  )
}
