/**
 * The mentions tab (/listen): filters, volume per query per day, share of voice, sentiment, top
 * authors and the stream. Before the first query it teaches the two first steps (a source, a query).
 */
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconRss } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'
import { LoadError } from '../../components/LoadError'
import { PageLoader } from '../../components/PageLoader'
import { QueryState } from '../../components/QueryState'
import { GettingStarted } from './GettingStarted'
import { useListenPermissions, useListenQueries, useListenReport, useSources } from './listen-queries'
import type { ListenQuery, MentionFilters as Filters } from './listen-types'
import { MentionFilters } from './MentionFilters'
import { MentionStream } from './MentionStream'
import { SentimentSplit, ShareOfVoice, TopAuthors } from './ReportCards'
import { useMentionFilters } from './use-mention-filters'
import { VolumeChart } from './VolumeChart'

function NoSources({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation()
  return (
    <Alert color="yellow" variant="light" icon={<IconRss size={18} />} title={t('listen.start.noSourcesTitle')} data-testid="listen-no-sources">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('listen.start.sourceText')}</Text>
        {canWrite && (
          <Button component={Link} to={paths.listenSources} size="xs" variant="white" color="yellow">
            {t('listen.start.addSource')}
          </Button>
        )}
      </Stack>
    </Alert>
  )
}

function Report({ filters }: { filters: Filters }) {
  const { t } = useTranslation()
  const report = useListenReport(filters.days, filters.queryId)
  return (
    <QueryState query={report}>
      {(data) => {
        const series = filters.queryId ? data.volume.filter((line) => line.queryId === filters.queryId) : data.volume
        // The report counts by query only: say so when the stream is narrowed in other ways.
        const narrowed = Boolean(filters.source || filters.lang || filters.sentiment)
        return (
          <Stack gap="md">
            {narrowed && (
              <Text size="xs" c="dimmed" data-testid="report-unfiltered">
                {t('listen.report.unfilteredNote')}
              </Text>
            )}
            <Card padding="md">
              <Stack gap="sm">
                <Title order={3} fz="md">
                  {t('listen.chart.title')}
                </Title>
                <VolumeChart days={data.days} series={series} />
              </Stack>
            </Card>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <ShareOfVoice voices={data.shareOfVoice} />
              <SentimentSplit split={data.sentiment} />
              <TopAuthors authors={data.topAuthors} />
            </SimpleGrid>
          </Stack>
        )
      }}
    </QueryState>
  )
}

function Mentions({ queries }: { queries: readonly ListenQuery[] }) {
  const { t } = useTranslation()
  const [filters, setFilters] = useMentionFilters()
  const filtered = Boolean(filters.queryId || filters.source || filters.lang || filters.sentiment)
  return (
    <Stack gap="lg">
      <MentionFilters filters={filters} queries={queries} onChange={setFilters} />
      <Report filters={filters} />
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} fz="md">
            {t('listen.stream.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('listen.stream.sentimentNote')}
          </Text>
        </Group>
        <MentionStream filters={filters} queries={queries} filtered={filtered} />
      </Stack>
    </Stack>
  )
}

export function MentionsTab() {
  const { canWrite } = useListenPermissions()
  const queries = useListenQueries()
  const sources = useSources()
  if (queries.isPending || sources.isPending) return <PageLoader />
  if (queries.isError) return <LoadError error={queries.error} onRetry={() => void queries.refetch()} />
  if (sources.isError) return <LoadError error={sources.error} onRetry={() => void sources.refetch()} />
  if (queries.data.length === 0) return <GettingStarted hasSources={sources.data.length > 0} hasQueries={false} canWrite={canWrite} />
  return (
    <Stack gap="lg">
      {/* Mentions found earlier stay when every source is gone; new ones need a source again. */}
      {sources.data.length === 0 && <NoSources canWrite={canWrite} />}
      <Mentions queries={queries.data} />
    </Stack>
  )
}
