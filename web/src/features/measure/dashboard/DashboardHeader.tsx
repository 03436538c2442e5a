/**
 * The top of the dashboard: its title, the period and network it shows, the downloads (CSV
 * tables and the PDF report, for the same period) and how fresh the networks' counts are, with
 * the way to the setup page.
 */
import { Anchor, Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import { IconDownload, IconFileTypePdf, IconSettings } from '@tabler/icons-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DashboardCsvTable, MeasureDashboard } from '../../../app/measure-types'
import { paths } from '../../../app/paths'
import { useFormatters, useNow } from '../../../i18n/format'
import { dashboardCsvUrl, reportPdfUrl } from './dashboard-queries'
import type { Period } from './period'
import { PeriodPicker } from './PeriodPicker'

const csvTables: readonly DashboardCsvTable[] = ['posts', 'daily', 'networks']

export function ExportLinks({ period }: { period: Period }) {
  const { t } = useTranslation()
  const csvLabelId = useId()
  return (
    <Group gap="sm" align="flex-end">
      <Stack gap={4}>
        <Text size="sm" fw={500} id={csvLabelId}>
          {t('measure.dashboard.export.csv')}
        </Text>
        <Button.Group aria-labelledby={csvLabelId} data-testid="dashboard-export-csv">
          {csvTables.map((table) => (
            <Button
              key={table}
              component="a"
              href={dashboardCsvUrl(period.from, period.to, table)}
              download
              variant="default"
              size="sm"
              leftSection={<IconDownload size={16} />}
              data-testid={`dashboard-export-csv-${table}`}
            >
              {t(`measure.dashboard.export.tables.${table}`)}
            </Button>
          ))}
        </Button.Group>
      </Stack>
      <Button component="a" href={reportPdfUrl(period.from, period.to)} download variant="light" size="sm" leftSection={<IconFileTypePdf size={16} />} data-testid="dashboard-export-pdf">
        {t('measure.dashboard.export.pdf')}
      </Button>
    </Group>
  )
}

export function Freshness({ freshness }: { freshness: MeasureDashboard['freshness'] | undefined }) {
  const { t } = useTranslation()
  const { formatDateTime, formatRelativeTime } = useFormatters()
  const now = useNow()
  const metricsAt = freshness?.metricsAt ?? null
  return (
    <Group gap="xs" data-testid="dashboard-freshness">
      {freshness && (
        <Text size="xs" c="dimmed" title={metricsAt === null ? undefined : formatDateTime(metricsAt)}>
          {metricsAt === null ? t('measure.dashboard.freshness.never') : t('measure.dashboard.freshness.readAt', { ago: formatRelativeTime(metricsAt, now) })}
        </Text>
      )}
      <Anchor component={Link} to={paths.measureSetup} size="xs" data-testid="dashboard-setup-link">
        <Group gap={4} wrap="nowrap" component="span">
          <IconSettings size={14} aria-hidden />
          {t('measure.dashboard.setupLink')}
        </Group>
      </Anchor>
    </Group>
  )
}

export interface DashboardHeaderProps {
  period: Period
  today: string
  onPeriod: (period: Period) => void
  network: string | null
  /** The networks to choose from, with their names. */
  networks: ReadonlyArray<{ id: string; name: string }>
  onNetwork: (network: string | null) => void
  freshness: MeasureDashboard['freshness'] | undefined
}

export function DashboardHeader({ period, today, onPeriod, network, networks, onNetwork, freshness }: DashboardHeaderProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} fz="h2">
          {t('measure.dashboard.title')}
        </Title>
        <Text c="dimmed">{t('measure.dashboard.intro')}</Text>
        <Freshness freshness={freshness} />
      </Stack>
      <Group gap="md" align="flex-start" justify="space-between">
        <Group gap="md" align="flex-start">
          <PeriodPicker period={period} today={today} onChange={onPeriod} />
          <Select
            label={t('measure.dashboard.network.label')}
            placeholder={t('measure.dashboard.network.all')}
            data={networks.map((option) => ({ value: option.id, label: option.name }))}
            value={network}
            onChange={onNetwork}
            clearable
            size="sm"
            w={200}
            comboboxProps={{ withinPortal: true }}
            data-testid="dashboard-network-filter"
          />
        </Group>
        <ExportLinks period={period} />
      </Group>
    </Stack>
  )
}
