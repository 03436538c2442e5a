/**
 * Measure (/measure): what social media brings the business, for a period and optionally one
 * network. Soft numbers (attention) and hard numbers (clicks, visitors, conversions, revenue,
 * "heard of us on social media") with their change, the days of the period, each network and
 * kind of content, the posts that brought the most, the best times to post, the "how did you
 * hear about us?" answers, how fast the people who wrote were answered, and the influence and
 * equity scores with their workings shown.
 */
import { Box, Card, Grid, Stack, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeasureDashboard } from '../../../app/measure-types'
import { useCan } from '../../../app/session'
import { NoAccess } from '../../../components/NoAccess'
import { QueryState } from '../../../components/QueryState'
import { useAccounts } from '../../accounts'
import { BestTimesCard } from './BestTimesCard'
import { ContentTypeBreakdown, NetworkBreakdown } from './Breakdowns'
import { DailyChart } from './DailyChart'
import { DashboardHeader } from './DashboardHeader'
import { emptiness } from './dashboard-figures'
import { useDashboard } from './dashboard-queries'
import { NoPostsNotice, NothingTrackedNotice, NothingYet } from './EmptyStates'
import { FigureCards } from './FigureCards'
import { HearAnswersCard } from './HearAnswersCard'
import { ResponseTimeCard } from './ResponseTimeCard'
import { Scores } from './ScoreCards'
import { TopPosts } from './TopPosts'
import { useDashboardFilters } from './use-dashboard-filters'
import { useNetworkName } from './use-network-name'

interface BodyProps {
  dashboard: MeasureDashboard
  /** One network is chosen: "nothing yet" would then speak for that network only. */
  filtered: boolean
  canCompose: boolean
  networkName: (id: string) => string
}

function DashboardBody({ dashboard, filtered, canCompose, networkName }: BodyProps) {
  const { t } = useTranslation()
  const { noPosts, nothingTracked } = emptiness(dashboard)
  if (noPosts && nothingTracked && !filtered) return <NothingYet canCompose={canCompose} />
  return (
    <Stack gap="xl">
      {(noPosts || nothingTracked) && (
        <Stack gap="sm">
          {noPosts && <NoPostsNotice canCompose={canCompose} />}
          {nothingTracked && <NothingTrackedNotice />}
        </Stack>
      )}
      <FigureCards dashboard={dashboard} />
      <Card padding="md">
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('measure.dashboard.chart.title')}
          </Title>
          <DailyChart daily={dashboard.daily} />
        </Stack>
      </Card>
      <NetworkBreakdown dashboard={dashboard} networkName={networkName} />
      <ContentTypeBreakdown dashboard={dashboard} />
      <TopPosts dashboard={dashboard} networkName={networkName} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <BestTimesCard times={dashboard.bestTimes} timeZone={dashboard.period.timeZone} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <HearAnswersCard answers={dashboard.hearAnswers} networkName={networkName} />
        </Grid.Col>
      </Grid>
      <ResponseTimeCard responses={dashboard.responses} networkName={networkName} />
      <Scores influence={dashboard.influence} equity={dashboard.equity} />
    </Stack>
  )
}

export function MeasureDashboardPage() {
  const canRead = useCan('measure.read')
  const canCompose = useCan('posts.write')
  const canSeeAccounts = useCan('accounts.read')
  const [filters, setFilters] = useDashboardFilters()
  const { period, network } = filters
  const dashboard = useDashboard({ from: period.from, to: period.to, ...(network ? { network } : {}) }, canRead)
  const accounts = useAccounts(canRead && canSeeAccounts)
  const networkName = useNetworkName(canRead)
  // The connected accounts' networks, and any the figures or the address name (an account since removed).
  const networks = useMemo(() => {
    const ids = new Set([...(accounts.data ?? []).map((account) => account.network), ...(dashboard.data?.byNetwork ?? []).map((row) => row.network), ...(network ? [network] : [])])
    return [...ids].map((id) => ({ id, name: networkName(id) })).sort((a, b) => a.name.localeCompare(b.name))
  }, [accounts.data, dashboard.data, network, networkName])

  if (!canRead) return <NoAccess />
  return (
    <Stack gap="lg" data-testid="measure-dashboard-page">
      <DashboardHeader
        period={period}
        today={filters.today}
        onPeriod={(next) => setFilters({ period: next })}
        network={network}
        networks={networks}
        onNetwork={(next) => setFilters({ network: next })}
        freshness={dashboard.data?.freshness}
      />
      <QueryState query={dashboard}>
        {(data) => (
          // The previous period's figures stay, dimmed, until the new ones arrive.
          <Box style={{ opacity: dashboard.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={dashboard.isPlaceholderData}>
            <DashboardBody dashboard={data} filtered={network !== null} canCompose={canCompose} networkName={networkName} />
          </Box>
        )}
      </QueryState>
    </Stack>
  )
}
