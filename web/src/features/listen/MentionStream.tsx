/** The mentions themselves, newest first, a page at a time with "load more". */
import { Button, Card, Center, Stack, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadError } from '../../components/LoadError'
import { PageLoader } from '../../components/PageLoader'
import { useNow } from '../../i18n/format'
import { MentionCard } from './MentionCard'
import { useMentions } from './listen-queries'
import type { ListenQuery, MentionFilters } from './listen-types'

export function MentionStream({ filters, queries, filtered }: { filters: MentionFilters; queries: readonly ListenQuery[]; filtered: boolean }) {
  const { t } = useTranslation()
  const now = useNow()
  const stream = useMentions(filters)
  const byId = useMemo(() => new Map(queries.map((query) => [query.id, query])), [queries])
  if (stream.isPending) return <PageLoader />
  // A failed "load more" keeps the pages already shown; only a first page that failed replaces them.
  if (!stream.data) return <LoadError error={stream.error} onRetry={() => void stream.refetch()} />
  const mentions = stream.data.pages.flatMap((page) => page.mentions)
  if (mentions.length === 0) {
    return (
      <Card bg="gray.0" withBorder={false} data-testid="mentions-empty">
        <Stack gap={4}>
          <Text fw={600}>{filtered ? t('listen.stream.noneFiltered') : t('listen.stream.noneYet')}</Text>
          <Text size="sm">{filtered ? t('listen.stream.noneFilteredHint') : t('listen.stream.noneYetHint')}</Text>
        </Stack>
      </Card>
    )
  }
  return (
    <Stack gap="sm" data-testid="mention-stream">
      {mentions.map((mention) => (
        <MentionCard key={mention.id} mention={mention} queries={byId} now={now} />
      ))}
      {stream.hasNextPage && (
        <Center>
          <Button variant="default" loading={stream.isFetchingNextPage} onClick={() => void stream.fetchNextPage()} data-testid="mentions-more">
            {t('listen.stream.more')}
          </Button>
        </Center>
      )}
      {stream.isError && <LoadError error={stream.error} onRetry={() => void stream.fetchNextPage()} />}
    </Stack>
  )
}
