/**
 * The frame of every signed-in page: a header (menu button on narrow screens, brand, workspace,
 * language, user menu) and the navigation on the start side, which folds away on small screens.
 */
import { AppShell, Badge, Burger, Group, NavLink, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBulb, IconCalendarMonth, IconChartBar, IconCompass, IconEar, IconHome, IconInbox, IconPencilPlus, IconSettings, IconTargetArrow, IconUsers } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { useUnansweredCount } from '../features/inbox'
import { PublishingPausedBanner, useListenPermissions, useUnreadAlerts } from '../features/listen'
import { useFormatters } from '../i18n/format'
import { LanguageSwitcher } from '../i18n/LanguageSwitcher'
import { Brand } from './Brand'
import { paths } from './paths'
import { useCan, useSession } from './session'
import { UserMenu } from './UserMenu'

interface NavItem {
  to: string
  label: string
  icon: ReactNode
  testId: string
  active: (path: string) => boolean
  /** A count beside the label (unread alerts, unanswered items), with what it counts for screen readers. */
  badge?: { count: number; label: string }
}

/** Less room around the page on phones, more on wider screens. */
const mainPadding = { base: 'md', sm: 'lg' } as const

export function AppLayout() {
  const { t } = useTranslation()
  const { workspace } = useSession()
  const canSeeTeam = useCan('members.read')
  const canWrite = useCan('posts.write')
  const canSeePosts = useCan('posts.read')
  const { canRead: canListen } = useListenPermissions()
  const canCoach = useCan('coach.read')
  const canMeasure = useCan('measure.read')
  const unreadAlerts = useUnreadAlerts() ?? 0
  const canInbox = useCan('inbox.read')
  const unanswered = useUnansweredCount() ?? 0
  const { formatNumber } = useFormatters()
  const [opened, { toggle, close }] = useDisclosure(false)
  const { pathname } = useLocation()

  const items: NavItem[] = [
    { to: paths.home, label: t('nav.home'), icon: <IconHome size={18} />, testId: 'nav-home', active: (path) => path === paths.home },
    ...(canWrite
      ? [{ to: paths.compose, label: t('nav.compose'), icon: <IconPencilPlus size={18} className="sc-mirror" />, testId: 'nav-compose', active: (path: string) => path === paths.compose || /^\/posts\/[^/]+\/edit$/.test(path) }]
      : []),
    ...(canSeePosts
      ? [
          { to: paths.calendar, label: t('nav.calendar'), icon: <IconCalendarMonth size={18} />, testId: 'nav-calendar', active: (path: string) => path === paths.calendar },
          { to: paths.ideas, label: t('nav.ideas'), icon: <IconBulb size={18} />, testId: 'nav-ideas', active: (path: string) => path === paths.ideas },
        ]
      : []),
    ...(canInbox
      ? [
          {
            to: paths.inbox,
            label: t('nav.inbox'),
            icon: <IconInbox size={18} />,
            testId: 'nav-inbox',
            active: (path: string) => path === paths.inbox || path.startsWith(`${paths.inbox}/`),
            ...(unanswered > 0 ? { badge: { count: unanswered, label: t('inbox.counts.unansweredLabel', { count: unanswered }) } } : {}),
          },
        ]
      : []),
    ...(canListen
      ? [
          {
            to: paths.listen,
            label: t('nav.listen'),
            icon: <IconEar size={18} />,
            testId: 'nav-listen',
            active: (path: string) => path === paths.listen || path.startsWith(`${paths.listen}/`),
            ...(unreadAlerts > 0 ? { badge: { count: unreadAlerts, label: t('listen.unread', { count: unreadAlerts }) } } : {}),
          },
        ]
      : []),
    ...(canCoach
      ? [
          {
            to: paths.coach,
            label: t('nav.coach'),
            icon: <IconCompass size={18} />,
            testId: 'nav-coach',
            active: (path: string) => path.startsWith(paths.coach) && !path.startsWith(paths.coachPlan),
          },
          { to: paths.coachPlan, label: t('nav.plan'), icon: <IconTargetArrow size={18} />, testId: 'nav-plan', active: (path: string) => path.startsWith(paths.coachPlan) },
        ]
      : []),
    ...(canMeasure
      ? [{ to: paths.measure, label: t('nav.measure'), icon: <IconChartBar size={18} />, testId: 'nav-measure', active: (path: string) => path.startsWith(paths.measure) }]
      : []),
    ...(canSeeTeam
      ? [{ to: paths.settingsTeam, label: t('nav.team'), icon: <IconUsers size={18} />, testId: 'nav-team', active: (path: string) => path === paths.settingsTeam }]
      : []),
    {
      to: paths.settingsWorkspace,
      label: t('nav.settings'),
      icon: <IconSettings size={18} />,
      testId: 'nav-settings',
      active: (path) => path.startsWith(paths.settings) && path !== paths.settingsTeam,
    },
  ]

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={mainPadding}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              data-testid="nav-burger"
            />
            <Brand />
            <Text c="dimmed" size="sm" visibleFrom="md" truncate="end" maw={260}>
              {workspace.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.main')}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={item.icon}
            rightSection={
              item.badge ? (
                <Badge size="sm" color="red" circle={item.badge.count < 10} aria-label={item.badge.label} data-testid={`${item.testId}-badge`}>
                  {formatNumber(item.badge.count)}
                </Badge>
              ) : undefined
            }
            active={item.active(pathname)}
            aria-current={item.active(pathname) ? 'page' : undefined}
            onClick={close}
            data-testid={item.testId}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        {/* Publishing waits after a burst of negative mentions: every page says so until someone resumes. */}
        <PublishingPausedBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
