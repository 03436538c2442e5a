/**
 * The inbox (/inbox): one place for the replies, mentions and quotes of every connected account,
 * to answer people rather than broadcast at them. The header, today's check-in and the filters on
 * top, the list on the start side and the open item (the child route, /inbox/:id) beside it on
 * wide screens; on a phone the open item takes the whole page and "back" returns to the list.
 */
import { Box, Card, Grid, Stack, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useMatch, useOutlet, useSearchParams } from 'react-router'
import { paths } from '../../app/paths'
import { useCan } from '../../app/session'
import { NoAccess } from '../../components/NoAccess'
import { useAccounts } from '../accounts'
import { CheckInCard } from './checkin'
import { InboxFilterBar } from './InboxFilterBar'
import { InboxHeader } from './InboxHeader'
import { InboxList } from './InboxList'
import { useTeam } from './inbox-queries'
import { useInboxFilters } from './use-inbox-filters'

/** Below this width the list and the open item take turns (Mantine's `md` breakpoint). */
const narrowQuery = '(max-width: 62em)'

/** The networks of the workspace's accounts, each once, for the network filter. */
function useAccountNetworks(enabled: boolean) {
  const accounts = useAccounts(enabled)
  const networks = useMemo(() => {
    const seen = new Map<string, string>()
    for (const account of accounts.data ?? []) seen.set(account.network, account.networkName)
    return [...seen].map(([id, name]) => ({ id, name }))
  }, [accounts.data])
  // Unknown (still loading, or not allowed to see accounts) counts as having some.
  return { networks, hasAccounts: accounts.data === undefined || accounts.data.length > 0 }
}

export function InboxPage() {
  const { t } = useTranslation()
  const canRead = useCan('inbox.read')
  const canSeeAccounts = useCan('accounts.read')
  const [filters, changeFilters] = useInboxFilters()
  const { networks, hasAccounts } = useAccountNetworks(canRead && canSeeAccounts)
  const { names } = useTeam()
  const panel = useOutlet()
  const selectedId = useMatch(paths.inboxItem)?.params.id
  const narrow = useMediaQuery(narrowQuery) ?? false
  // The check-in reminder e-mail links to /inbox?checkin=<id>.
  const fromReminder = useSearchParams()[0].has('checkin')
  if (!canRead) return <NoAccess />

  if (narrow && panel) {
    return (
      <Box maw={720} data-testid="inbox-page">
        {panel}
      </Box>
    )
  }
  return (
    <Stack gap="lg" maw={1400} data-testid="inbox-page">
      <InboxHeader />
      <CheckInCard names={names} selectedId={selectedId} fromReminder={fromReminder} />
      <InboxFilterBar filters={filters} networks={networks} onChange={changeFilters} />
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 6, xl: 5 }}>
          <InboxList filters={filters} selectedId={selectedId} names={names} hasAccounts={hasAccounts} />
        </Grid.Col>
        {!narrow && (
          <Grid.Col span={{ base: 12, md: 6, xl: 7 }}>
            {/* Stays in view while the list scrolls; scrolls on its own when the item is long. */}
            <Box pos="sticky" top={76} mah="calc(100vh - 92px)" style={{ overflowY: 'auto' }} px={2}>
              {panel ?? (
                <Card bg="gray.0" withBorder={false} data-testid="inbox-panel-empty">
                  <Text size="sm" c="dimmed">
                    {t('inbox.panel.pick')}
                  </Text>
                </Card>
              )}
            </Box>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  )
}
