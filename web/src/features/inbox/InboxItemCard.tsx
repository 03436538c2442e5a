/**
 * One item as the list and the conversation show it: who wrote it (how many follow them, whether
 * they follow us, how often they wrote before), what kind it is, whether it asks something, its
 * mood, the text in its own direction, when, the post of ours it answers, whether and how fast
 * it was answered, and who has it.
 */
import { Anchor, Avatar, Badge, Blockquote, Box, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconZzz } from '@tabler/icons-react'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { InboxItem } from '../../app/inbox-types'
import { useFormatters } from '../../i18n/format'
import { AccountAvatar } from '../accounts'
import { atHandle, formatDuration, ordinalForm } from './inbox-format'
import { KindBadge, QuestionBadge, SentimentDot } from './InboxMarks'
import { safeHref } from './safe-href'
import { textDirection } from '../../components/bidi'

export interface InboxItemCardProps {
  item: InboxItem
  now: number
  /** Where the item opens (its address, with the list's filters kept). */
  to: string
  /** Teammates' names by user id, for the assignee. */
  names: ReadonlyMap<string, string>
  selected?: boolean
  /** Opens the item when the card (not a link or button inside it) is clicked. */
  onOpen?: () => void
  /** The text in full (the open item) rather than clipped (the list). */
  full?: boolean
  /** `inbox-item-<id>` in the list; the open item and its conversation name theirs apart, so each id is once on the page. */
  'data-testid'?: string
}

function AuthorLine({ item }: { item: InboxItem }) {
  const { t, i18n } = useTranslation()
  const { author } = item
  const href = safeHref(author.url)
  const name = author.name || author.handle
  return (
    <Group gap={6} wrap="wrap" miw={0}>
      {href ? (
        <Anchor href={href} target="_blank" rel="noreferrer noopener" fw={600} size="sm" dir="auto" c="inherit">
          {name}
        </Anchor>
      ) : (
        <Text fw={600} size="sm" dir="auto">
          {name}
        </Text>
      )}
      {author.name && author.handle && (
        <Text size="xs" c="dimmed" dir="ltr">
          {atHandle(author.handle)}
        </Text>
      )}
      {author.followers !== null && (
        <Text size="xs" c="dimmed">
          {t('inbox.author.followers', { count: author.followers })}
        </Text>
      )}
      {author.followsUs && (
        <Badge size="xs" variant="outline" color="teal" radius="sm" tt="none">
          {t('inbox.author.followsUs')}
        </Badge>
      )}
      <Text size="xs" c="dimmed" data-testid="inbox-item-nth">
        {t(`inbox.author.nth.${ordinalForm(author.items, i18n.language)}`, { n: author.items })}
      </Text>
    </Group>
  )
}

/**
 * Clicks on links and buttons inside the card do their own thing, and selecting text to copy it
 * opens nothing; any other click opens the item.
 */
function opensItem(event: MouseEvent<HTMLElement>): boolean {
  if (window.getSelection()?.toString()) return false
  return !(event.target as HTMLElement).closest('a, button, input, textarea, [role="button"]')
}

export function InboxItemCard({ item, now, to, names, selected = false, onOpen, full = false, 'data-testid': testId = `inbox-item-${item.id}` }: InboxItemCardProps) {
  const { t, i18n } = useTranslation()
  const { formatRelativeTime, formatDateTime } = useFormatters()
  const ours = item.inReplyTo?.ours
  const assignee = item.assigneeId ? (names.get(item.assigneeId) ?? t('inbox.item.someone')) : null
  const snoozed = item.status === 'open' && item.snoozedUntil !== null && item.snoozedUntil > now
  return (
    <Box
      p="sm"
      bg={selected ? 'indigo.0' : undefined}
      style={{ borderInlineStart: `3px solid ${selected ? 'var(--mantine-color-indigo-6)' : 'transparent'}`, cursor: onOpen ? 'pointer' : undefined }}
      onClick={onOpen ? (event) => opensItem(event) && onOpen() : undefined}
      data-testid={testId}
      data-item-id={item.id}
      data-selected={selected}
      data-status={item.status}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <AccountAvatar account={{ network: item.network, displayName: item.author.name, handle: item.author.handle, avatarUrl: item.author.avatarUrl }} size={36} />
        <Stack gap={6} miw={0} style={{ flex: 1 }}>
          <AuthorLine item={item} />
          <Group gap={6} wrap="wrap">
            <KindBadge kind={item.kind} />
            {item.question && <QuestionBadge />}
            <SentimentDot sentiment={item.sentiment} />
            <Tooltip label={formatDateTime(item.createdAt)} withArrow>
              <Anchor component={Link} to={to} size="xs" c="dimmed" aria-current={selected ? 'true' : undefined}>
                <time dateTime={new Date(item.createdAt).toISOString()}>{formatRelativeTime(item.createdAt, now)}</time>
              </Anchor>
            </Tooltip>
            {item.accountHandle && (
              <Text size="xs" c="dimmed">
                {t('inbox.item.to', { handle: atHandle(item.accountHandle) })}
              </Text>
            )}
          </Group>
          {ours && (
            <Blockquote color="gray" p="xs" radius="sm" iconSize={0} data-testid="inbox-item-ours">
              <Text size="xs" c="dimmed">
                {t('inbox.item.answersOurs')}
              </Text>
              <Text size="xs" dir={textDirection(ours.text)} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                {ours.text}
              </Text>
            </Blockquote>
          )}
          <Text size="sm" dir={textDirection(item.text)} lineClamp={full ? undefined : 4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} td={item.deleted ? 'line-through' : undefined}>
            {item.text}
          </Text>
          {item.deleted && (
            <Text size="xs" c="dimmed">
              {t('inbox.item.deleted')}
            </Text>
          )}
          <Group gap="xs" wrap="wrap">
            {item.responseMs !== null && (
              <Badge size="sm" variant="light" color="teal" radius="sm" tt="none" fw={500} leftSection={<IconCheck size={12} aria-hidden />} data-testid="inbox-item-answered">
                {t('inbox.item.answeredIn', { duration: formatDuration(item.responseMs, i18n.language) })}
              </Badge>
            )}
            {item.status === 'done' && (
              <Badge size="sm" variant="light" color="gray" radius="sm" tt="none" fw={500}>
                {t('inbox.item.done')}
              </Badge>
            )}
            {snoozed && (
              <Badge size="sm" variant="light" color="yellow" radius="sm" tt="none" fw={500} leftSection={<IconZzz size={12} aria-hidden />}>
                {t('inbox.item.snoozedUntil', { time: formatDateTime(item.snoozedUntil!) })}
              </Badge>
            )}
            {assignee && (
              <Group gap={4} wrap="nowrap" data-testid="inbox-item-assignee">
                <Avatar name={assignee} color="initials" size={20} radius="xl" />
                <Text size="xs" c="dimmed">
                  {t('inbox.item.assignedTo', { name: assignee })}
                </Text>
              </Group>
            )}
          </Group>
        </Stack>
      </Group>
    </Box>
  )
}
