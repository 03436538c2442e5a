/**
 * One mention in the stream: who wrote it and when, where, its sentiment, the text in its own
 * direction (an Arabic review reads right to left in an English interface), a link to the
 * original and the queries it matched.
 */
import { Anchor, Badge, Card, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/format'
import { SentimentBadge, SourceKindIcon } from './ListenBadges'
import { languageName } from './listen-format'
import type { ListenQuery, Mention } from './listen-types'
import { MentionReply } from './MentionReply'

/** Only web addresses become links: a feed could carry `javascript:` or worse. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

export interface MentionAuthorProps {
  name: string | null | undefined
  handle: string | null | undefined
  url?: string | null
}

/** An author's name and handle, each in its own direction; a link to their profile when known. */
export function MentionAuthor({ name, handle, url }: MentionAuthorProps) {
  const { t } = useTranslation()
  const href = safeHref(url)
  const shownName = name || handle || t('listen.mention.unknownAuthor')
  return (
    <Group gap={6} wrap="nowrap" miw={0}>
      {href ? (
        <Anchor href={href} target="_blank" rel="noreferrer noopener" fw={600} size="sm" dir="auto" truncate="end">
          {shownName}
        </Anchor>
      ) : (
        <Text fw={600} size="sm" dir="auto" truncate="end">
          {shownName}
        </Text>
      )}
      {handle && name && (
        <Text size="xs" c="dimmed" dir="ltr" truncate="end">
          @{handle}
        </Text>
      )}
    </Group>
  )
}

export function MentionCard({ mention, queries, now }: { mention: Mention; queries: ReadonlyMap<string, ListenQuery>; now: number }) {
  const { t, i18n } = useTranslation()
  const { formatRelativeTime, formatDateTime } = useFormatters()
  const href = safeHref(mention.url)
  const matched = mention.queryIds.map((id) => queries.get(id)).filter((query): query is ListenQuery => query !== undefined)
  return (
    <Card padding="md" data-testid={`mention-${mention.id}`} data-sentiment={mention.sentiment}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <SourceKindIcon kind={mention.sourceKind} />
            <MentionAuthor name={mention.authorName} handle={mention.authorHandle} url={mention.authorUrl} />
            <Tooltip label={formatDateTime(mention.publishedAt)} withArrow>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} component="time" dateTime={new Date(mention.publishedAt).toISOString()}>
                {formatRelativeTime(mention.publishedAt, now)}
              </Text>
            </Tooltip>
          </Group>
          <SentimentBadge sentiment={mention.sentiment} />
        </Group>
        {mention.title && (
          <Text fw={600} dir="auto" data-testid="mention-title">
            {mention.title}
          </Text>
        )}
        <Text size="sm" dir="auto" lineClamp={8} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="mention-text">
          {mention.text}
        </Text>
        <Group justify="space-between" gap="xs">
          <Group gap={6}>
            {matched.map((query) => (
              <Badge key={query.id} variant="outline" color="gray" radius="sm" tt="none" fw={500} data-testid="mention-query">
                <span dir="auto">{query.name}</span>
              </Badge>
            ))}
            {mention.lang && (
              <Text size="xs" c="dimmed">
                {languageName(mention.lang, i18n.language)}
              </Text>
            )}
          </Group>
          {href && (
            <Anchor href={href} target="_blank" rel="noreferrer noopener" size="sm" data-testid="mention-link">
              <Group gap={4} wrap="nowrap">
                {t('listen.mention.open')}
                <IconExternalLink size={14} className="sc-mirror" aria-hidden />
              </Group>
            </Anchor>
          )}
        </Group>
        <MentionReply mention={mention} />
      </Stack>
    </Card>
  )
}
