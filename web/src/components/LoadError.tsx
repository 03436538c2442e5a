/** What a page shows when its data could not be loaded, with a way to try again. */
import { Alert, Button, Stack } from '@mantine/core'
import { IconAlertCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useErrorMessage } from './form-errors'

export interface LoadErrorProps {
  error: unknown
  onRetry?: () => void
}

export function LoadError({ error, onRetry }: LoadErrorProps) {
  const { t } = useTranslation()
  const message = useErrorMessage()
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('errors.loadTitle')} role="alert">
      <Stack gap="sm" align="flex-start">
        {message(error)}
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  )
}
