/** Small marks an inbox item carries: what kind it is, whether it asks something, its mood. */
import { Badge, Box, Tooltip } from '@mantine/core'
import { IconArrowBackUp, IconAt, IconQuote } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { InboxKind, InboxSentiment } from '../../app/inbox-types'

const kindIcons = { reply: IconArrowBackUp, mention: IconAt, quote: IconQuote } as const
const sentimentColors: Record<InboxSentiment, string> = { positive: 'teal', neutral: 'gray', negative: 'red' }

export function KindBadge({ kind }: { kind: InboxKind }) {
  const { t } = useTranslation()
  const Icon = kindIcons[kind]
  return (
    <Badge variant="light" color="gray" radius="sm" size="sm" tt="none" fw={500} leftSection={<Icon size={12} className={kind === 'reply' ? 'sc-mirror' : undefined} aria-hidden />}>
      {t(`inbox.kind.${kind}`)}
    </Badge>
  )
}

export function QuestionBadge() {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color="indigo" radius="sm" size="sm" tt="none" data-testid="inbox-item-question">
      {t('inbox.item.question')}
    </Badge>
  )
}

/** A coloured dot, named for screen readers and in a tooltip. */
export function SentimentDot({ sentiment }: { sentiment: InboxSentiment }) {
  const { t } = useTranslation()
  const label = t(`inbox.sentiment.${sentiment}`)
  return (
    <Tooltip label={label} withArrow>
      <Box
        component="span"
        role="img"
        aria-label={label}
        w={10}
        h={10}
        bg={`${sentimentColors[sentiment]}.6`}
        style={{ borderRadius: '50%', display: 'inline-block', flexShrink: 0 }}
        data-sentiment={sentiment}
      />
    </Tooltip>
  )
}
