/**
 * What the "test this query" box found in the recent items of the workspace's sources: how many
 * matched, the mentions a day to expect (rounded, since it is an estimate), and the matches
 * themselves. With no items yet, it says so and points to adding a source.
 */
import { Anchor, Button, Card, Group, Paper, Stack, Text } from '@mantine/core'
import { IconExternalLink, IconRss } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'
import { useFormatters, useNow } from '../../i18n/format'
import { SourceKindIcon } from './ListenBadges'
import { MentionAuthor, safeHref } from './MentionCard'
import { estimatePerDay, formatSpan } from './listen-format'
import type { QueryTestResult as Result, SampleItem } from './listen-types'

/** Matches shown before "show all". */
const firstShown = 3

function Example({ item, now }: { item: SampleItem; now: number }) {
  const { t } = useTranslation()
  const { formatRelativeTime } = useFormatters()
  const href = safeHref(item.url)
  return (
    <Card padding="sm" withBorder data-testid="query-test-example">
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <SourceKindIcon kind={item.sourceKind} size={14} />
            <MentionAuthor name={item.authorName} handle={item.authorHandle} />
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatRelativeTime(item.publishedAt, now)}
            </Text>
          </Group>
          {href && (
            <Anchor href={href} target="_blank" rel="noreferrer noopener" size="xs" style={{ whiteSpace: 'nowrap' }}>
              {t('listen.mention.open')}
              <IconExternalLink size={12} className="sc-mirror" style={{ marginInlineStart: 4, verticalAlign: 'middle' }} aria-hidden />
            </Anchor>
          )}
        </Group>
        {item.title && (
          <Text size="sm" fw={600} dir="auto">
            {item.title}
          </Text>
        )}
        <Text size="sm" dir="auto" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
          {item.text}
        </Text>
      </Stack>
    </Card>
  )
}

function Estimate({ perDay }: { perDay: number }) {
  const { t } = useTranslation()
  const estimate = estimatePerDay(perDay)
  const text = estimate.kind === 'about' ? t('listen.test.perDay', { count: estimate.count }) : t(estimate.kind === 'none' ? 'listen.test.perDayNone' : 'listen.test.perDayUnderOne')
  return (
    <Text fz="lg" fw={650} data-testid="query-test-per-day">
      {text}
    </Text>
  )
}

export function QueryTestResult({ result }: { result: Result }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const [showAll, setShowAll] = useState(false)

  if (result.sampled === 0) {
    return (
      <Paper withBorder p="md" bg="yellow.0" data-testid="query-test-result" data-empty>
        <Stack gap={6} align="flex-start">
          <Text fw={600}>{t('listen.test.noItemsTitle')}</Text>
          <Text size="sm">{t('listen.test.noItems')}</Text>
          <Button component={Link} to={paths.listenSources} size="xs" variant="light" leftSection={<IconRss size={14} />}>
            {t('listen.start.addSource')}
          </Button>
        </Stack>
      </Paper>
    )
  }

  const shown = showAll ? result.examples : result.examples.slice(0, firstShown)
  return (
    <Paper withBorder p="md" bg="gray.0" data-testid="query-test-result">
      <Stack gap="sm">
        <Stack gap={2}>
          <Estimate perDay={result.perDay} />
          <Group gap={6} data-testid="query-test-matched">
            <Text size="sm" fw={500}>
              {t('listen.test.matched', { count: result.matched })}
            </Text>
            <Text size="sm" c="dimmed" aria-hidden>
              ·
            </Text>
            <Text size="sm" c="dimmed">
              {t('listen.test.sampled', { count: result.sampled, span: formatSpan(result.spanMs, i18n.language) })}
            </Text>
          </Group>
        </Stack>
        {result.matched === 0 ? (
          <Text size="sm">{t('listen.test.noneMatched')}</Text>
        ) : (
          <Stack gap="xs">
            {shown.map((item) => (
              <Example key={item.key} item={item} now={now} />
            ))}
            {result.examples.length > firstShown && (
              <Group>
                <Button variant="subtle" size="xs" onClick={() => setShowAll((current) => !current)}>
                  {showAll ? t('listen.test.showFewer') : t('listen.test.showAll', { count: result.examples.length })}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}
