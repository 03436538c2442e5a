/**
 * The two rows of figures: soft numbers (attention: followers, reach, engagement and its rate)
 * and hard numbers (business: clicks, visitors, conversions, revenue, customers who heard of the
 * business on social media). Each says what it counts and how it moved against the period before.
 */
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { MeasureDashboard } from '../../../app/measure-types'
import { useFormatters } from '../../../i18n/format'
import { formatConversionValue } from '../measure-format'
import { countChange, deltaChange, rateChange, type Change } from './change'
import { ChangeLine } from './ChangeLine'
import { formatDayRange } from './period'

type FigureKey = 'followers' | 'reach' | 'engagement' | 'engagementRate' | 'clicks' | 'visitors' | 'conversions' | 'revenue' | 'heard'

interface Figure {
  key: FigureKey
  /** The figure as shown; null when it is not known yet (never shown as 0). */
  value: string | null
  change: Change
  /** Said after the change ("in this period"). */
  changeDetail?: string
  /** A line under the change (what was left out, out of how many). */
  note?: string
}

function FigureCard({ figure }: { figure: Figure }) {
  const { t } = useTranslation()
  const testId = `dashboard-total-${figure.key}`
  return (
    <Card padding="md" data-testid={`${testId}-card`}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t(`measure.dashboard.figures.${figure.key}.label`)}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`measure.dashboard.figures.${figure.key}.hint`)}
        </Text>
        {figure.value === null ? (
          <Text fz="lg" fw={600} c="dimmed" lh={1.6} data-testid={testId}>
            {t('measure.dashboard.notKnown')}
          </Text>
        ) : (
          <Text fz={28} fw={700} lh={1.2} data-testid={testId}>
            {figure.value}
          </Text>
        )}
        <ChangeLine change={figure.change} detail={figure.changeDetail} data-testid={`${testId}-change`} />
        {figure.note && (
          <Text size="xs" c="dimmed">
            {figure.note}
          </Text>
        )}
      </Stack>
    </Card>
  )
}

function FigureRow({ title, intro, figures, 'data-testid': testId }: { title: string; intro: string; figures: Figure[]; 'data-testid': string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Stack gap={0}>
        <Title order={2} fz="lg">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: figures.length > 4 ? 3 : 4, lg: figures.length }} spacing="sm">
        {figures.map((figure) => (
          <FigureCard key={figure.key} figure={figure} />
        ))}
      </SimpleGrid>
    </Stack>
  )
}

export function FigureCards({ dashboard }: { dashboard: MeasureDashboard }) {
  const { t, i18n } = useTranslation()
  const { formatNumber } = useFormatters()
  const { totals: now, previousTotals: before } = dashboard
  const count = (value: number | null) => (value === null ? null : formatNumber(value))
  const percent = (value: number | null) => (value === null ? null : formatNumber(value, { style: 'percent', maximumFractionDigits: 1 }))
  const money = (value: number) => formatConversionValue({ value, currency: dashboard.currency }, i18n.language)
  const soft: Figure[] = [
    { key: 'followers', value: count(now.followers), change: deltaChange(now.followersChange), changeDetail: t('measure.dashboard.change.inPeriod') },
    { key: 'reach', value: count(now.reach), change: countChange(now.reach, before.reach) },
    {
      key: 'engagement',
      value: count(now.engagement),
      change: countChange(now.engagement, before.engagement),
      note: t('measure.dashboard.figures.engagement.detail', {
        likes: formatNumber(now.likes),
        reposts: formatNumber(now.reposts),
        replies: formatNumber(now.replies),
        quotes: formatNumber(now.quotes),
      }),
    },
    { key: 'engagementRate', value: percent(now.engagementRate), change: rateChange(now.engagementRate, before.engagementRate) },
  ]
  const hard: Figure[] = [
    {
      key: 'clicks',
      value: count(now.clicks),
      change: countChange(now.clicks, before.clicks),
      ...(now.botClicks > 0 ? { note: t('measure.dashboard.figures.clicks.bots', { count: now.botClicks }) } : {}),
    },
    { key: 'visitors', value: count(now.visitors), change: countChange(now.visitors, before.visitors) },
    { key: 'conversions', value: count(now.conversions), change: countChange(now.conversions, before.conversions) },
    { key: 'revenue', value: money(now.revenue), change: countChange(now.revenue, before.revenue) },
    {
      key: 'heard',
      value: count(now.hearSocial),
      change: countChange(now.hearSocial, before.hearSocial),
      note: t('measure.dashboard.figures.heard.ofAnswers', { count: now.hearAnswers }),
    },
  ]
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" data-testid="dashboard-compared-with">
        {t('measure.dashboard.comparedWith', { period: formatDayRange(dashboard.previous.from, dashboard.previous.to, i18n.language) })}
      </Text>
      <FigureRow title={t('measure.dashboard.soft.title')} intro={t('measure.dashboard.soft.intro')} figures={soft} data-testid="dashboard-soft" />
      <FigureRow title={t('measure.dashboard.hard.title')} intro={t('measure.dashboard.hard.intro')} figures={hard} data-testid="dashboard-hard" />
    </Stack>
  )
}
