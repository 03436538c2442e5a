/**
 * The period per network and per kind of content (the four Es, and posts without one): posts,
 * engagement and its rate, clicks, conversions and revenue, with a small bar beside clicks and
 * conversions so the strongest row shows at a glance.
 */
import { Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContentTypeRow, MeasureDashboard, NetworkRow } from '../../../app/measure-types'
import { useFormatters } from '../../../i18n/format'
import { NetworkIcon } from '../../accounts'
import { formatConversionValue } from '../measure-format'
import { shareOfMax } from './dashboard-figures'

type Row = Pick<NetworkRow, 'posts' | 'engagement' | 'engagementRate' | 'clicks' | 'conversions' | 'revenue'>

/** A count with a thin bar under it, as long as its share of the column's largest. */
function BarCell({ value, max, color, label, testId }: { value: number; max: number; color: string; label: string; testId: string }) {
  const { formatNumber } = useFormatters()
  return (
    <Table.Td>
      <Stack gap={4} miw={64}>
        <Text size="sm" data-testid={testId}>
          {formatNumber(value)}
        </Text>
        <Progress value={shareOfMax(value, max) * 100} color={color} size="xs" aria-label={label} />
      </Stack>
    </Table.Td>
  )
}

interface BreakdownProps<T extends Row> {
  title: string
  intro: string
  /** The first column's heading. */
  nameHeading: string
  rows: readonly T[]
  rowKey: (row: T) => string
  name: (row: T) => ReactNode
  /** The name as plain text, for the bars' labels. */
  nameText: (row: T) => string
  currency: string | null
  'data-testid': string
}

function Breakdown<T extends Row>({ title, intro, nameHeading, rows, rowKey, name, nameText, currency, 'data-testid': testId }: BreakdownProps<T>) {
  const { t, i18n } = useTranslation()
  const { formatNumber } = useFormatters()
  const maxClicks = Math.max(0, ...rows.map((row) => row.clicks))
  const maxConversions = Math.max(0, ...rows.map((row) => row.conversions))
  const headings = [
    nameHeading,
    t('measure.dashboard.columns.posts'),
    t('measure.dashboard.columns.engagement'),
    t('measure.dashboard.columns.rate'),
    t('measure.dashboard.columns.clicks'),
    t('measure.dashboard.columns.conversions'),
    t('measure.dashboard.columns.revenue'),
  ]
  return (
    <Card padding="md" data-testid={testId}>
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={3} fz="md">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </Stack>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('measure.dashboard.nothingInPeriod')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  {headings.map((heading) => (
                    <Table.Th key={heading}>{heading}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const key = rowKey(row)
                  const rowId = `${testId}-row-${key}`
                  return (
                    <Table.Tr key={key} data-testid={rowId}>
                      <Table.Td>{name(row)}</Table.Td>
                      <Table.Td>{formatNumber(row.posts)}</Table.Td>
                      <Table.Td>{formatNumber(row.engagement)}</Table.Td>
                      <Table.Td>
                        {row.engagementRate === null ? (
                          <Text size="sm" c="dimmed">
                            {t('measure.dashboard.notKnown')}
                          </Text>
                        ) : (
                          formatNumber(row.engagementRate, { style: 'percent', maximumFractionDigits: 1 })
                        )}
                      </Table.Td>
                      <BarCell value={row.clicks} max={maxClicks} color="indigo" label={t('measure.dashboard.clicksOf', { name: nameText(row) })} testId={`${rowId}-clicks`} />
                      <BarCell value={row.conversions} max={maxConversions} color="teal" label={t('measure.dashboard.conversionsOf', { name: nameText(row) })} testId={`${rowId}-conversions`} />
                      <Table.Td data-testid={`${rowId}-revenue`}>{formatConversionValue({ value: row.revenue, currency }, i18n.language)}</Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  )
}

export function NetworkBreakdown({ dashboard, networkName }: { dashboard: MeasureDashboard; networkName: (id: string) => string }) {
  const { t } = useTranslation()
  return (
    <Breakdown<NetworkRow>
      title={t('measure.dashboard.byNetwork.title')}
      intro={t('measure.dashboard.byNetwork.intro')}
      nameHeading={t('measure.dashboard.columns.network')}
      rows={dashboard.byNetwork}
      rowKey={(row) => row.network}
      name={(row) => (
        <Group gap={6} wrap="nowrap">
          <NetworkIcon network={row.network} />
          <Text size="sm" fw={500}>
            {networkName(row.network)}
          </Text>
        </Group>
      )}
      nameText={(row) => networkName(row.network)}
      currency={dashboard.currency}
      data-testid="dashboard-network"
    />
  )
}

export function ContentTypeBreakdown({ dashboard }: { dashboard: MeasureDashboard }) {
  const { t } = useTranslation()
  const label = (row: ContentTypeRow) => (row.contentType === 'none' ? t('measure.dashboard.byContentType.none') : t(`contentTypes.${row.contentType}.name`))
  return (
    <Breakdown<ContentTypeRow>
      title={t('measure.dashboard.byContentType.title')}
      intro={t('measure.dashboard.byContentType.intro')}
      nameHeading={t('measure.dashboard.columns.contentType')}
      rows={dashboard.byContentType}
      rowKey={(row) => row.contentType}
      name={(row) => (
        <Text size="sm" fw={500}>
          {label(row)}
        </Text>
      )}
      nameText={label}
      currency={dashboard.currency}
      data-testid="dashboard-content-type"
    />
  )
}
