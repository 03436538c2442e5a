/** Small marks listening shows everywhere: a mention's sentiment, a query's kind, a source's kind. */
import { Badge, Group, Text } from '@mantine/core'
import { IconBrandBluesky, IconBrandMastodon, IconMoodEmpty, IconMoodSad, IconMoodSmile, IconRss } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { QueryKind, Sentiment, SourceKind } from './listen-types'

export const sentimentColors: Record<Sentiment, string> = { positive: 'teal', neutral: 'gray', negative: 'red' }
const sentimentIcons = { positive: IconMoodSmile, neutral: IconMoodEmpty, negative: IconMoodSad } as const
const kindColors: Record<QueryKind, string> = { brand: 'indigo', competitor: 'orange', topic: 'cyan' }

export function SentimentBadge({ sentiment }: { sentiment: Sentiment }) {
  const { t } = useTranslation()
  const Icon = sentimentIcons[sentiment]
  return (
    <Badge color={sentimentColors[sentiment]} variant="light" radius="sm" leftSection={<Icon size={14} aria-hidden />} data-testid="sentiment-badge" data-sentiment={sentiment}>
      {t(`listen.sentiment.${sentiment}`)}
    </Badge>
  )
}

export function QueryKindBadge({ kind }: { kind: QueryKind }) {
  const { t } = useTranslation()
  return (
    <Badge color={kindColors[kind]} variant="light" radius="sm">
      {t(`listen.kinds.${kind}`)}
    </Badge>
  )
}

/** The colour a query's kind is drawn in (share of voice: the business against the others). */
export function kindColor(kind: QueryKind): string {
  return kindColors[kind]
}

export function SourceKindIcon({ kind, size = 16 }: { kind: SourceKind; size?: number }) {
  if (kind === 'bluesky') return <IconBrandBluesky size={size} color="#1185fe" aria-hidden />
  if (kind === 'mastodon') return <IconBrandMastodon size={size} color="#6364ff" aria-hidden />
  return <IconRss size={size} color="var(--mantine-color-orange-7)" aria-hidden />
}

export function SourceKindLabel({ kind }: { kind: SourceKind }) {
  const { t } = useTranslation()
  return (
    <Group gap={6} wrap="nowrap">
      <SourceKindIcon kind={kind} />
      <Text size="sm">{t(`listen.sourceKinds.${kind}`)}</Text>
    </Group>
  )
}
