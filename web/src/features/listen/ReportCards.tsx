/**
 * The figures beside the chart: share of voice (the business's queries against its competitors'),
 * the sentiment split of the period's mentions, and the authors who wrote most about it.
 */
import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/format'
import { MythTip } from '../coach'
import { kindColor, QueryKindBadge, sentimentColors } from './ListenBadges'
import { MentionAuthor } from './MentionCard'
import { sentiments, type ListenReport } from './listen-types'

function ReportCard({ title, children, 'data-testid': testId }: { title: string; children: ReactNode; 'data-testid': string }) {
  return (
    <Card padding="md" data-testid={testId}>
      <Stack gap="sm">
        <Title order={3} fz="md">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  )
}

function Nothing() {
  const { t } = useTranslation()
  return (
    <Text size="sm" c="dimmed">
      {t('listen.report.nothingYet')}
    </Text>
  )
}

export function ShareOfVoice({ voices }: { voices: ListenReport['shareOfVoice'] }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const total = voices.reduce((sum, voice) => sum + voice.count, 0)
  const sorted = [...voices].sort((a, b) => b.count - a.count)
  return (
    <ReportCard title={t('listen.report.shareOfVoice')} data-testid="share-of-voice">
      {voices.length === 0 || total === 0 ? (
        <Text size="sm" c="dimmed">
          {voices.some((voice) => voice.kind === 'competitor') ? t('listen.report.nothingYet') : t('listen.report.shareHint')}
        </Text>
      ) : (
        <Stack gap="sm">
          {sorted.map((voice) => (
            <Stack key={voice.queryId} gap={4} data-testid={`share-${voice.queryId}`}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Group gap={6} wrap="nowrap" miw={0}>
                  <Text size="sm" fw={500} dir="auto" truncate="end">
                    {voice.name}
                  </Text>
                  <QueryKindBadge kind={voice.kind} />
                </Group>
                <Text size="sm" fw={600} data-testid="share-percent">
                  {formatNumber(voice.share, { style: 'percent', maximumFractionDigits: 0 })}
                </Text>
              </Group>
              <Progress
                value={voice.share * 100}
                color={kindColor(voice.kind)}
                size="md"
                aria-label={t('listen.report.shareLabel', { name: voice.name, count: voice.count })}
              />
            </Stack>
          ))}
        </Stack>
      )}
    </ReportCard>
  )
}

export function SentimentSplit({ split }: { split: ListenReport['sentiment'] }) {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const total = split.positive + split.neutral + split.negative
  const share = (n: number) => (total === 0 ? 0 : n / total)
  return (
    <ReportCard title={t('listen.report.sentiment')} data-testid="sentiment-split">
      {total === 0 ? (
        <Nothing />
      ) : (
        <Stack gap="sm">
          <Progress.Root size="xl">
            {sentiments.map((sentiment) =>
              split[sentiment] > 0 ? (
                <Progress.Section key={sentiment} value={share(split[sentiment]) * 100} color={sentimentColors[sentiment]} aria-label={t(`listen.sentiment.${sentiment}`)} />
              ) : null,
            )}
          </Progress.Root>
          <Group gap="lg">
            {sentiments.map((sentiment) => (
              <Stack key={sentiment} gap={0} data-testid={`sentiment-${sentiment}`}>
                <Text size="xs" c={`${sentimentColors[sentiment]}.8`} fw={600}>
                  {t(`listen.sentiment.${sentiment}`)}
                </Text>
                <Text size="sm">
                  {t('listen.report.sentimentFigure', {
                    count: split[sentiment],
                    percent: formatNumber(share(split[sentiment]), { style: 'percent', maximumFractionDigits: 0 }),
                  })}
                </Text>
              </Stack>
            ))}
          </Group>
        </Stack>
      )}
    </ReportCard>
  )
}

export function TopAuthors({ authors }: { authors: ListenReport['topAuthors'] }) {
  const { t } = useTranslation()
  return (
    <ReportCard title={t('listen.report.topAuthors')} data-testid="top-authors">
      {authors.length === 0 ? (
        <Nothing />
      ) : (
        <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {authors.map((author) => (
            <Group key={author.authorHandle ?? author.authorName} justify="space-between" gap="xs" wrap="nowrap" component="li">
              <MentionAuthor name={author.authorName} handle={author.authorHandle} url={author.authorUrl} />
              <Group gap={6} wrap="nowrap">
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {t('listen.report.authorMentions', { count: author.n })}
                </Text>
                {author.negative > 0 && (
                  <Text size="xs" c="red.8" style={{ whiteSpace: 'nowrap' }}>
                    {t('listen.report.authorNegative', { count: author.negative })}
                  </Text>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <MythTip myth="followers" />
    </ReportCard>
  )
}
