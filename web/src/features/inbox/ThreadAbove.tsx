/**
 * The posts above an item, as the network has them: everyone's, not only what reached the inbox,
 * top first, ours marked. Read from the network when the item is opened; when the network cannot
 * be asked, a line says why and the panel goes on with what the inbox has. A deleted post above
 * cuts the chain, and the line says so.
 */
import { Anchor, Badge, Divider, Group, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import type { ThreadMessage } from '../../app/inbox-types'
import { textDirection } from '../../components/bidi'
import { useFormatters } from '../../i18n/format'
import { AccountAvatar } from '../accounts'
import { atHandle } from './inbox-format'
import { useInboxThread } from './inbox-queries'
import { safeHref } from './safe-href'

function Message({ message, network, now }: { message: ThreadMessage; network: string; now: number }) {
  const { t } = useTranslation()
  const { formatRelativeTime, formatDateTime } = useFormatters()
  const href = safeHref(message.url)
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" p="sm" data-testid="inbox-thread-message" data-ours={message.ours}>
      <AccountAvatar account={{ network, displayName: message.author.name, handle: message.author.handle, avatarUrl: message.author.avatarUrl }} size={28} />
      <Stack gap={4} miw={0} style={{ flex: 1 }}>
        <Group gap={6} wrap="wrap">
          <Text fw={600} size="sm" dir="auto">
            {message.author.name}
          </Text>
          <Text size="xs" c="dimmed" dir="ltr">
            {atHandle(message.author.handle)}
          </Text>
          {message.ours && (
            <Badge size="xs" variant="light" color="indigo" radius="sm" tt="none">
              {t('inbox.thread.ours')}
            </Badge>
          )}
          {href ? (
            <Anchor href={href} target="_blank" rel="noreferrer noopener" size="xs" c="dimmed" title={formatDateTime(message.createdAt)}>
              <Group gap={2} wrap="nowrap">
                <time dateTime={new Date(message.createdAt).toISOString()}>{formatRelativeTime(message.createdAt, now)}</time>
                <IconExternalLink size={11} className="sc-mirror" aria-hidden />
              </Group>
            </Anchor>
          ) : (
            <Text size="xs" c="dimmed" title={formatDateTime(message.createdAt)}>
              {formatRelativeTime(message.createdAt, now)}
            </Text>
          )}
        </Group>
        <Text size="sm" dir={textDirection(message.text)} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.text}
        </Text>
      </Stack>
    </Group>
  )
}

export function ThreadAbove({ itemId, network, now }: { itemId: string; network: string; now: number }) {
  const { t } = useTranslation()
  const thread = useInboxThread(itemId)
  if (thread.isPending) return <Skeleton height={56} radius="md" data-testid="inbox-thread-loading" />
  const data = thread.data
  if (!data || !data.available) {
    const reason = data && !data.available ? data.reason : 'unreachable'
    if (reason === 'unsupported') return null
    return (
      <Text size="xs" c="dimmed" data-testid="inbox-thread-unavailable" data-reason={reason}>
        {t(`inbox.thread.unavailable.${reason}`)}
      </Text>
    )
  }
  if (data.deleted || (data.ancestors.length === 0 && !data.cut)) return null
  return (
    <Stack gap={4} data-testid="inbox-thread-above">
      <Text size="xs" c="dimmed">
        {t('inbox.thread.title', { count: data.ancestors.length })}
      </Text>
      <Paper withBorder radius="md" bg="gray.0" style={{ overflow: 'hidden' }}>
        {data.cut && (
          <Text size="xs" c="dimmed" fs="italic" p="sm" data-testid="inbox-thread-cut">
            {t('inbox.thread.cut')}
          </Text>
        )}
        {data.ancestors.map((message, index) => (
          <Fragment key={message.remoteId}>
            {(index > 0 || data.cut) && <Divider />}
            <Message message={message} network={network} now={now} />
          </Fragment>
        ))}
      </Paper>
    </Stack>
  )
}
