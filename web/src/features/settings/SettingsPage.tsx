/**
 * Settings with one tab per part (workspace, profile, team, accounts, publishing, API keys); each
 * tab has its own address under /settings, and tabs the person cannot use are not shown.
 */
import { Stack, Tabs, Title } from '@mantine/core'
import { IconBuildingStore, IconCalendarCog, IconKey, IconPlugConnected, IconUser, IconUsers } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useNavigate } from 'react-router'
import { paths } from '../../app/paths'
import { useCan } from '../../app/session'

interface SettingsTab {
  value: string
  to: string
  label: string
  icon: ReactNode
}

export function SettingsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const canSeeTeam = useCan('members.read')
  const canManageKeys = useCan('apiKeys.manage')
  const canSeeAccounts = useCan('accounts.read')
  const canSeePublishing = useCan('posts.read')
  const tabs: SettingsTab[] = [
    { value: 'workspace', to: paths.settingsWorkspace, label: t('settings.tabs.workspace'), icon: <IconBuildingStore size={16} /> },
    { value: 'profile', to: paths.settingsProfile, label: t('settings.tabs.profile'), icon: <IconUser size={16} /> },
    ...(canSeeTeam ? [{ value: 'team', to: paths.settingsTeam, label: t('settings.tabs.team'), icon: <IconUsers size={16} /> }] : []),
    ...(canSeeAccounts ? [{ value: 'accounts', to: paths.settingsAccounts, label: t('settings.tabs.accounts'), icon: <IconPlugConnected size={16} /> }] : []),
    ...(canSeePublishing
      ? [{ value: 'publishing', to: paths.settingsPublishing, label: t('settings.tabs.publishing'), icon: <IconCalendarCog size={16} /> }]
      : []),
    ...(canManageKeys ? [{ value: 'api-keys', to: paths.settingsApiKeys, label: t('settings.tabs.apiKeys'), icon: <IconKey size={16} /> }] : []),
  ]
  const active = tabs.find((tab) => tab.to === pathname)

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1} fz={26}>
        {t('settings.title')}
      </Title>
      <Tabs
        value={active?.value ?? null}
        onChange={(value) => {
          const tab = tabs.find((candidate) => candidate.value === value)
          if (tab) void navigate(tab.to)
        }}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} leftSection={tab.icon} data-testid={`settings-tab-${tab.value}`}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value}>
            {tab === active && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
      {/* A tab hidden from this person can still be reached by its address; its page says why it is closed. */}
      {!active && <Outlet />}
    </Stack>
  )
}
