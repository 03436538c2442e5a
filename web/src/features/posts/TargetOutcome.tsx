/**
 * How the post went on one account: published (with a link to it there), failed (the network's
 * reason in plain words, and Retry), waiting or pending (why, and when it tries again).
 */
import { Alert, Anchor, Button, Card, Group, Stack, Text } from '@mantine/core'
import { IconAlertCircle, IconClockPause, IconExternalLink, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Target } from '../../app/publish-types'
import { useFormatters, useNow } from '../../i18n/format'
import { AccountAvatar } from '../accounts'
import { TargetStatusBadge } from './StatusBadges'

export interface TargetOutcomeProps {
  target: Target
  /** Retries a failed network; absent when the person may not. */
  onRetry?: () => void
  retrying?: boolean
}

export function TargetOutcome({ target, onRetry, retrying = false }: TargetOutcomeProps) {
  const { t } = useTranslation()
  const { formatDateTime, formatRelativeTime } = useFormatters()
  const now = useNow(15_000)
  const { account } = target
  const network = account.networkName

  return (
    <Card padding="md" data-testid={`target-${target.id}`} data-network={account.network}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <AccountAvatar account={account} size={36} />
            <Stack gap={0} miw={0}>
              <Text size="sm" fw={600} truncate="end" dir="auto">
                {account.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" dir="ltr" ta="start">
                {account.handle}
              </Text>
            </Stack>
          </Group>
          <TargetStatusBadge status={target.status} />
        </Group>
        {target.customText && (
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} c="dimmed">
            {target.text}
          </Text>
        )}
        {target.status === 'published' && (
          <Group gap="md">
            {target.publishedAt !== null && (
              <Text size="sm" c="dimmed">
                {t('posts.publishedAt', { when: formatDateTime(target.publishedAt) })}
              </Text>
            )}
            {target.remoteUrl && (
              <Anchor href={target.remoteUrl} target="_blank" rel="noreferrer" size="sm" data-testid="target-link">
                <Group gap={4} wrap="nowrap">
                  {t('posts.viewOn', { network })}
                  <IconExternalLink size={14} />
                </Group>
              </Anchor>
            )}
          </Group>
        )}
        {target.status === 'failed' && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="target-error">
            <Stack gap="xs" align="flex-start">
              <Text size="sm" dir="auto">
                {target.error?.message ?? t('posts.failedNoReason', { network })}
              </Text>
              {onRetry && (
                <Button size="xs" color="red" variant="white" leftSection={<IconRefresh size={14} />} loading={retrying} onClick={onRetry} data-testid="target-retry">
                  {t('posts.retry')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {(target.status === 'waiting' || target.status === 'pending') && target.error && (
          <Alert color={target.status === 'waiting' ? 'orange' : 'gray'} variant="light" icon={<IconClockPause size={18} />} data-testid="target-waiting">
            <Text size="sm" dir="auto">
              {target.error.message}
            </Text>
          </Alert>
        )}
        {target.status === 'pending' && target.nextAttemptAt !== null && (
          <Text size="xs" c="dimmed">
            {t('posts.nextAttempt', { when: formatRelativeTime(target.nextAttemptAt, now) })}
          </Text>
        )}
        {target.status === 'cancelled' && (
          <Text size="sm" c="dimmed">
            {t('posts.cancelledHelp')}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
