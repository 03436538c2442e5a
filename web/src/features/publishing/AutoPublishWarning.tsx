/**
 * The warning shown wherever a feed may publish on its own: articles then go out as they are,
 * with nobody reading them first, which is exactly the blind automation that leaves small
 * businesses thinking "it doesn't work".
 */
import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export function AutoPublishWarning() {
  const { t } = useTranslation()
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('feeds.autoPublishWarningTitle')} data-testid="auto-publish-warning">
      <Text size="sm">{t('feeds.autoPublishWarning')}</Text>
    </Alert>
  )
}
