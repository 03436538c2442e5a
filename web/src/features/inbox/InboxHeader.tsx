/**
 * The top of the inbox: what it is for (people to talk to, not a feed to automate), how much is
 * waiting, how fast the team answered these four weeks against the workspace's target, and
 * "check for new now" for whoever may work the inbox.
 */
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNotice } from '../../app/Notices'
import { useCan } from '../../app/session'
import { FormAlert } from '../../components/FormAlert'
import { useFormatters } from '../../i18n/format'
import { formatDuration, formatShare, formatTarget } from './inbox-format'
import { useInboxCounts, useResponseTimes, useSyncInbox } from './inbox-queries'

function Figure({ label, value, 'data-testid': testId }: { label: string; value: string; 'data-testid': string }) {
  return (
    <Card padding="sm" withBorder>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2} data-testid={testId}>
        {value}
      </Text>
    </Card>
  )
}

function ResponseTime() {
  const { t, i18n } = useTranslation()
  const times = useResponseTimes()
  if (!times.data) return null
  const { overall, targetMinutes } = times.data
  const target = formatTarget(targetMinutes, i18n.language)
  return (
    <Card padding="sm" withBorder data-testid="inbox-response-time" data-median={overall.medianMs ?? ''}>
      <Text size="xs" c="dimmed">
        {t('inbox.responseTime.label')}
      </Text>
      {overall.medianMs === null ? (
        <Text size="sm" mt={4}>
          {t('inbox.responseTime.none', { target })}
        </Text>
      ) : (
        <>
          <Text fz={24} fw={700} lh={1.2}>
            {formatDuration(overall.medianMs, i18n.language)}
          </Text>
          {overall.shareWithinTarget !== null && (
            <Text size="xs" c={overall.shareWithinTarget >= 0.8 ? 'teal.8' : 'orange.8'}>
              {t('inbox.responseTime.withinTarget', { share: formatShare(overall.shareWithinTarget, i18n.language), target })}
            </Text>
          )}
        </>
      )}
    </Card>
  )
}

export function InboxHeader() {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const notify = useNotice()
  const canUse = useCan('inbox.use')
  const counts = useInboxCounts().data
  const sync = useSyncInbox()
  const shown = (value: number | undefined) => (value === undefined ? '–' : formatNumber(value))
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} maw={640}>
          <Title order={1} fz={26}>
            {t('inbox.title')}
          </Title>
          <Text c="dimmed">{t('inbox.intro')}</Text>
        </Stack>
        {canUse && (
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={sync.isPending}
            onClick={() => sync.mutate(undefined, { onSuccess: ({ stored }) => notify(t('inbox.sync.done', { count: stored })) })}
            data-testid="inbox-sync"
          >
            {t('inbox.sync.action')}
          </Button>
        )}
      </Group>
      <FormAlert error={sync.error} />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('inbox.counts.open')} value={shown(counts?.open)} data-testid="inbox-counts-open" />
        <Figure label={t('inbox.counts.unanswered')} value={shown(counts?.unanswered)} data-testid="inbox-counts-unanswered" />
        <Figure label={t('inbox.counts.questions')} value={shown(counts?.questions)} data-testid="inbox-counts-questions" />
        <ResponseTime />
      </SimpleGrid>
    </Stack>
  )
}
