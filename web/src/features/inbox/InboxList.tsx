/**
 * The list: threads with the newest first, each thread's items together in reading order, a page
 * at a time with "load more"; or, when there is nothing to show, why and what to do next.
 */
import { Button, Card, Center, Divider, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCoffee, IconPlugConnected } from '@tabler/icons-react'
import { Fragment, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { inboxItemPath, paths } from '../../app/paths'
import { LoadError } from '../../components/LoadError'
import { PageLoader } from '../../components/PageLoader'
import { useNow } from '../../i18n/format'
import { isNarrowed, type InboxFilters } from './inbox-filters'
import { groupByConversation } from './inbox-logic'
import { useInboxList } from './inbox-queries'
import { InboxItemCard } from './InboxItemCard'

export interface InboxListProps {
  filters: InboxFilters
  selectedId: string | undefined
  names: ReadonlyMap<string, string>
  /** False once the workspace is known to have no connected account. */
  hasAccounts: boolean
}

function NoAccounts() {
  const { t } = useTranslation()
  return (
    <Card withBorder data-testid="inbox-no-accounts">
      <Stack gap="sm" align="flex-start">
        <ThemeIcon size={40} radius="md" variant="light">
          <IconPlugConnected size={22} />
        </ThemeIcon>
        <Title order={2} fz="lg">
          {t('inbox.empty.noAccountsTitle')}
        </Title>
        <Text size="sm">{t('inbox.empty.noAccountsText')}</Text>
        <Button component={Link} to={paths.settingsAccounts} variant="light">
          {t('inbox.empty.connect')}
        </Button>
      </Stack>
    </Card>
  )
}

function Empty({ filters }: { filters: InboxFilters }) {
  const { t } = useTranslation()
  if (isNarrowed(filters)) {
    return (
      <Card bg="gray.0" withBorder={false} data-testid="inbox-empty">
        <Text fw={600}>{t('inbox.empty.filteredTitle')}</Text>
        <Text size="sm">{t('inbox.empty.filteredText')}</Text>
      </Card>
    )
  }
  if (filters.status === 'open') {
    return (
      <Card withBorder data-testid="inbox-caught-up">
        <Stack gap="xs" align="flex-start">
          <ThemeIcon size={40} radius="xl" variant="light" color="teal">
            <IconCoffee size={22} />
          </ThemeIcon>
          <Title order={2} fz="lg">
            {t('inbox.empty.caughtUpTitle')}
          </Title>
          <Text size="sm">{t('inbox.empty.caughtUpText')}</Text>
          <Text size="sm" c="dimmed">
            {t('inbox.empty.checkInNudge')}
          </Text>
        </Stack>
      </Card>
    )
  }
  return (
    <Card bg="gray.0" withBorder={false} data-testid="inbox-empty">
      <Text size="sm">{t(`inbox.empty.${filters.status}`)}</Text>
    </Card>
  )
}

export function InboxList({ filters, selectedId, names, hasAccounts }: InboxListProps) {
  const { t } = useTranslation()
  const now = useNow()
  const navigate = useNavigate()
  const { search } = useLocation()
  const list = useInboxList(filters)
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])
  const threads = useMemo(() => groupByConversation(items), [items])
  if (list.isPending) return <PageLoader />
  // A failed refresh or "load more" keeps what is shown; only a first page that failed replaces it.
  if (!list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />
  if (items.length === 0) return hasAccounts ? <Empty filters={filters} /> : <NoAccounts />
  const toItem = (id: string) => `${inboxItemPath(id)}${search}`
  return (
    <Stack gap="sm" data-testid="inbox-list" aria-busy={list.isFetching}>
      {threads.map((thread) => (
        <Paper key={thread.key} withBorder radius="md" style={{ overflow: 'hidden' }} data-testid="inbox-thread">
          {thread.items.length > 1 && (
            <Text size="xs" c="dimmed" px="sm" pt="xs">
              {t('inbox.list.thread', { count: thread.items.length })}
            </Text>
          )}
          {thread.items.map((item, index) => (
            <Fragment key={item.id}>
              {index > 0 && <Divider />}
              <InboxItemCard item={item} now={now} to={toItem(item.id)} names={names} selected={item.id === selectedId} onOpen={() => void navigate(toItem(item.id))} />
            </Fragment>
          ))}
        </Paper>
      ))}
      {list.hasNextPage && (
        <Center>
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="inbox-more">
            {t('inbox.list.more')}
          </Button>
        </Center>
      )}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
    </Stack>
  )
}
