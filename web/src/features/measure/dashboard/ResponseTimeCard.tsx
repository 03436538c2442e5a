/**
 * Response time: how fast the people who replied to, mentioned or quoted the business got a first
 * answer in the period, as the inbox counts it. The median wait and the share answered within the
 * workspace's target, each against the period before (a shorter wait is the good news), how many
 * were answered, and the same per network. When nobody wrote, it says so and points to the inbox.
 */
import { Anchor, Card, Grid, Group, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ResponseStats } from '../../../app/inbox-types'
import type { DashboardResponses } from '../../../app/measure-types'
import { paths } from '../../../app/paths'
import { useFormatters } from '../../../i18n/format'
import { NetworkIcon } from '../../accounts'
import { ChangeLine } from './ChangeLine'
import { formatDuration, formatTarget, responseChanges } from './response-time'

/** From this share answered within the target on, the bar is green (on track), below it orange, as in the inbox's header. */
const onTrackShare = 0.8

function useResponseText() {
  const { t, i18n } = useTranslation()
  const { formatNumber } = useFormatters()
  return {
    median: (stats: ResponseStats) => (stats.medianMs === null ? null : formatDuration(stats.medianMs, i18n.language)),
    share: (stats: ResponseStats) => (stats.shareWithinTarget === null ? null : formatNumber(stats.shareWithinTarget, { style: 'percent', maximumFractionDigits: 0 })),
    answered: (stats: ResponseStats) => t('measure.dashboard.responses.answeredOf', { answered: formatNumber(stats.answered), total: formatNumber(stats.items) }),
    /** The same, under a column that already says "answered". */
    answeredCell: (stats: ResponseStats) => t('measure.dashboard.responses.columns.answeredOf', { answered: formatNumber(stats.answered), total: formatNumber(stats.items) }),
  }
}

/** A value, or "not known yet" in grey (never a 0 that did not happen). */
function Value({ value, unknown, size, 'data-testid': testId }: { value: string | null; unknown: string; size: 'lg' | 'sm'; 'data-testid': string }) {
  if (value === null) {
    return (
      <Text size={size === 'lg' ? 'md' : 'sm'} fw={size === 'lg' ? 600 : 400} c="dimmed" data-testid={testId}>
        {unknown}
      </Text>
    )
  }
  return size === 'lg' ? (
    <Text fz={28} fw={700} lh={1.2} data-testid={testId}>
      {value}
    </Text>
  ) : (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {value}
    </Text>
  )
}

function Overall({ responses, overall }: { responses: DashboardResponses; overall: ResponseStats }) {
  const { t, i18n } = useTranslation()
  const text = useResponseText()
  const target = formatTarget(responses.targetMinutes, i18n.language)
  const changes = responseChanges(responses)
  // The arrow says up or down; the words say whether that means faster or slower.
  const speed = changes.median.better === null ? undefined : changes.median.better ? t('measure.dashboard.responses.faster') : t('measure.dashboard.responses.slower')
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('measure.dashboard.responses.median')}
        </Text>
        <Value value={text.median(overall)} unknown={t('measure.dashboard.responses.noAnswer')} size="lg" data-testid="dashboard-responses-median" />
        <ChangeLine
          change={changes.median}
          better={changes.median.better}
          detail={speed}
          data-testid="dashboard-responses-median-change"
        />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('measure.dashboard.responses.withinTarget', { target })}
        </Text>
        <Value value={text.share(overall)} unknown={t('measure.dashboard.notKnown')} size="lg" data-testid="dashboard-responses-share" />
        {overall.shareWithinTarget !== null && (
          <Progress
            value={overall.shareWithinTarget * 100}
            color={overall.shareWithinTarget >= onTrackShare ? 'teal' : 'orange'}
            size="sm"
            aria-label={t('measure.dashboard.responses.shareBar', { target })}
          />
        )}
        <ChangeLine change={changes.withinTarget} better={changes.withinTarget.better} data-testid="dashboard-responses-share-change" />
      </Stack>
      <Text size="sm" c="dimmed" data-testid="dashboard-responses-answered">
        {text.answered(overall)}
      </Text>
    </Stack>
  )
}

function ByNetwork({ rows, targetMinutes, networkName }: { rows: DashboardResponses['byNetwork']; targetMinutes: number; networkName: (id: string) => string }) {
  const { t, i18n } = useTranslation()
  const text = useResponseText()
  const headings = [
    t('measure.dashboard.columns.network'),
    t('measure.dashboard.responses.columns.median'),
    t('measure.dashboard.responses.columns.withinTarget', { target: formatTarget(targetMinutes, i18n.language) }),
    t('measure.dashboard.responses.columns.answered'),
  ]
  return (
    <Stack gap="xs">
      <Title order={4} fz="sm">
        {t('measure.dashboard.responses.byNetwork')}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {headings.map((heading) => (
                <Table.Th key={heading}>{heading}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ network, stats }) => {
              const rowId = `dashboard-responses-row-${network}`
              return (
                <Table.Tr key={network} data-testid={rowId}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <NetworkIcon network={network} />
                      <Text size="sm" fw={500}>
                        {networkName(network)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Value value={text.median(stats)} unknown={t('measure.dashboard.responses.noAnswer')} size="sm" data-testid={`${rowId}-median`} />
                  </Table.Td>
                  <Table.Td>
                    <Value value={text.share(stats)} unknown={t('measure.dashboard.notKnown')} size="sm" data-testid={`${rowId}-share`} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={`${rowId}-answered`}>
                      {text.answeredCell(stats)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}

export function ResponseTimeCard({ responses, networkName }: { responses: DashboardResponses; networkName: (id: string) => string }) {
  const { t, i18n } = useTranslation()
  const { overall } = responses
  return (
    <Card padding="md" data-testid="dashboard-responses">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={3} fz="md">
            {t('measure.dashboard.responses.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('measure.dashboard.responses.intro')}
          </Text>
        </Stack>
        {overall === null ? (
          <Stack gap={4} align="flex-start" data-testid="dashboard-responses-none">
            <Text size="sm" c="dimmed">
              {t('measure.dashboard.responses.none', { target: formatTarget(responses.targetMinutes, i18n.language) })}
            </Text>
            <Anchor component={Link} to={paths.inbox} size="sm">
              {t('measure.dashboard.responses.openInbox')}
            </Anchor>
          </Stack>
        ) : (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Overall responses={responses} overall={overall} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <ByNetwork rows={responses.byNetwork} targetMinutes={responses.targetMinutes} networkName={networkName} />
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Card>
  )
}
