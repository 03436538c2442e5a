/**
 * Listening (/listen): what people say about the business. One tab per part, each with its own
 * address: mentions (the index, with its filters in the address), queries, sources, alerts.
 */
import { Badge, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconBell, IconListSearch, IconMessageCircle, IconRss } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useNavigate } from 'react-router'
import { paths } from '../../app/paths'
import { NoAccess } from '../../components/NoAccess'
import { useFormatters } from '../../i18n/format'
import { useAlerts, useListenPermissions } from './listen-queries'

interface ListenTab {
  value: string
  to: string
  label: string
  icon: ReactNode
  badge?: ReactNode
}

/** The number of unread alerts, for the navigation's badge; undefined until known or without access. */
export function useUnreadAlerts(): number | undefined {
  const { canRead } = useListenPermissions()
  return useAlerts(canRead).data?.unread
}

export function ListenPage() {
  const { t } = useTranslation()
  const { formatNumber } = useFormatters()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const { canRead } = useListenPermissions()
  const unread = useUnreadAlerts() ?? 0
  if (!canRead) return <NoAccess />
  const tabs: ListenTab[] = [
    { value: 'mentions', to: paths.listen, label: t('listen.tabs.mentions'), icon: <IconMessageCircle size={16} /> },
    { value: 'queries', to: paths.listenQueries, label: t('listen.tabs.queries'), icon: <IconListSearch size={16} /> },
    { value: 'sources', to: paths.listenSources, label: t('listen.tabs.sources'), icon: <IconRss size={16} /> },
    {
      value: 'alerts',
      to: paths.listenAlerts,
      label: t('listen.tabs.alerts'),
      icon: <IconBell size={16} />,
      badge:
        unread > 0 ? (
          <Badge size="sm" color="red" circle={unread < 10} aria-label={t('listen.unread', { count: unread })}>
            {formatNumber(unread)}
          </Badge>
        ) : undefined,
    },
  ]
  const active = tabs.find((tab) => tab.to === pathname.replace(/\/$/, '')) ?? tabs[0]!

  return (
    <Stack gap="lg" maw={1100} data-testid="listen-page">
      <Stack gap={4}>
        <Title order={1} fz={26}>
          {t('listen.title')}
        </Title>
        <Text c="dimmed">{t('listen.intro')}</Text>
      </Stack>
      <Tabs
        value={active.value}
        onChange={(value) => {
          const tab = tabs.find((candidate) => candidate.value === value)
          if (tab) void navigate(tab.to)
        }}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} leftSection={tab.icon} rightSection={tab.badge} data-testid={`listen-tab-${tab.value}`}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={active.value}>
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
