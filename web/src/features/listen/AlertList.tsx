/**
 * The in-app alerts, newest first, each said in words ("Mentions of ‹query› jumped to 14 in an
 * hour"), with the mentions it quotes and a way to open them; "mark all as read" clears the badge.
 */
import { Anchor, Button, Card, Group, Indicator, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconBellRinging, IconChecks, IconMoodSad, IconNews, IconTrendingUp } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'
import { QueryState } from '../../components/QueryState'
import { useFormatters, useNow } from '../../i18n/format'
import { SentimentBadge } from './ListenBadges'
import { useAlerts, useMarkAlertsRead } from './listen-queries'
import type { ListenAlert } from './listen-types'

const kindLooks = {
  spike: { icon: IconTrendingUp, color: 'orange' },
  negative_burst: { icon: IconMoodSad, color: 'red' },
  priority_match: { icon: IconBellRinging, color: 'indigo' },
  digest: { icon: IconNews, color: 'gray' },
} as const
/** Mentions quoted under an alert. */
const quoted = 2

/** The alert in one sentence, in the UI language. */
function useAlertSentence(): (alert: ListenAlert) => string {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  return (alert) => {
    const body = alert.alert
    const query = body.queryName ?? ''
    const count = body.count ?? body.mentions?.length ?? 0
    switch (alert.kind) {
      case 'spike':
        return t('listen.alerts.spike', { query, count, baseline: formatNumber(body.baseline ?? 0, { maximumFractionDigits: 1 }) })
      case 'negative_burst':
        return t('listen.alerts.negativeBurst', { count })
      case 'priority_match':
        return t('listen.alerts.priorityMatch', { query })
      case 'digest':
        return t('listen.alerts.digest', { count })
      default:
        return t('listen.alerts.other')
    }
  }
}

/** Where an alert's mentions are in the stream. */
function linkOf(alert: ListenAlert): string {
  if (alert.kind === 'negative_burst') return `${paths.listen}?sentiment=negative`
  if (alert.queryId) return `${paths.listen}?query=${encodeURIComponent(alert.queryId)}`
  return paths.listen
}

function AlertItem({ alert, now }: { alert: ListenAlert; now: number }) {
  const { t } = useTranslation()
  const { formatRelativeTime, formatDateTime } = useFormatters()
  const sentence = useAlertSentence()
  const looks = kindLooks[alert.kind as keyof typeof kindLooks] ?? kindLooks.digest
  const Icon = looks.icon
  const mentions = alert.alert.mentions ?? []
  return (
    <Card padding="md" bg={alert.read ? undefined : 'indigo.0'} data-testid={`alert-${alert.id}`} data-kind={alert.kind} data-read={alert.read}>
      <Group gap="md" wrap="nowrap" align="flex-start">
        <Indicator disabled={alert.read} color="red" size={10} offset={4} label={undefined} aria-hidden>
          <ThemeIcon size={36} radius="md" variant="light" color={looks.color}>
            <Icon size={20} />
          </ThemeIcon>
        </Indicator>
        <Stack gap={6} style={{ flex: 1 }} miw={0}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={600} data-testid="alert-text">
              {sentence(alert)}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={formatDateTime(alert.createdAt)}>
              {formatRelativeTime(alert.createdAt, now)}
            </Text>
          </Group>
          {alert.kind === 'digest' &&
            (alert.alert.perQuery ?? []).map((line) => (
              <Text key={line.queryName} size="sm">
                {t('listen.alerts.digestLine', { name: line.queryName, count: line.count, negative: line.negative })}
              </Text>
            ))}
          {mentions.slice(0, quoted).map((mention, index) => (
            <Group key={`${mention.publishedAt}-${index}`} gap="xs" wrap="nowrap" align="flex-start" ps="sm" style={{ borderInlineStart: '2px solid var(--mantine-color-gray-3)' }}>
              <Stack gap={2} miw={0} style={{ flex: 1 }}>
                {mention.authorHandle && (
                  <Text size="xs" c="dimmed" dir="ltr" ta="start">
                    @{mention.authorHandle}
                  </Text>
                )}
                <Text size="sm" dir="auto" lineClamp={2}>
                  {mention.text}
                </Text>
              </Stack>
              {mention.sentiment && <SentimentBadge sentiment={mention.sentiment} />}
            </Group>
          ))}
          <Anchor component={Link} to={linkOf(alert)} size="sm">
            {t('listen.alerts.open')}
          </Anchor>
        </Stack>
      </Group>
    </Card>
  )
}

export function AlertList() {
  const { t } = useTranslation()
  const now = useNow()
  const alerts = useAlerts()
  const markRead = useMarkAlertsRead()
  return (
    <Stack gap="sm" data-testid="alert-list">
      <Group justify="space-between">
        <Title order={2} fz="lg">
          {t('listen.alerts.title')}
        </Title>
        {(alerts.data?.unread ?? 0) > 0 && (
          <Button size="xs" variant="light" leftSection={<IconChecks size={14} />} loading={markRead.isPending} onClick={() => markRead.mutate()} data-testid="alerts-mark-read">
            {t('listen.alerts.markRead')}
          </Button>
        )}
      </Group>
      <QueryState query={alerts}>
        {({ alerts: list }) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="alerts-none">
              {t('listen.alerts.none')}
            </Text>
          ) : (
            <Stack gap="sm">
              {list.map((alert) => (
                <AlertItem key={alert.id} alert={alert} now={now} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  )
}
