/**
 * Home: a greeting, today's date in the workspace's time zone, today's posts and what needs
 * attention, the team at a glance and, for those who may invite, a way to bring teammates in.
 */
import { Button, Card, Group, Loader, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconArrowRight, IconMailForward, IconUsers } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'
import { useCan, useSession } from '../../app/session'
import { useFormatters, useNow } from '../../i18n/format'
import { StageSummaryCard } from '../coach'
import { useInvites } from '../invites'
import { useMembers } from '../settings'
import { PublishingOverview } from './PublishingOverview'

interface FigureCardProps {
  icon: ReactNode
  label: string
  /** The figure in words ("3 members"); absent while it loads. */
  value: string | undefined
  'data-testid': string
}

function FigureCard({ icon, label, value, 'data-testid': testId }: FigureCardProps) {
  return (
    <Card>
      <Group gap="md" wrap="nowrap">
        <ThemeIcon size={44} radius="md" variant="light">
          {icon}
        </ThemeIcon>
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          {value === undefined ? (
            <Loader size="sm" type="dots" />
          ) : (
            <Text fz="xl" fw={650} data-testid={testId}>
              {value}
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  )
}

export function HomePage() {
  const { t } = useTranslation()
  const { formatDate } = useFormatters()
  const now = useNow()
  const { user, workspace } = useSession()
  const canSeeTeam = useCan('members.read')
  const canInvite = useCan('invites.manage')
  const canSeePosts = useCan('posts.read')
  const members = useMembers(canSeeTeam)
  const invites = useInvites(canInvite)

  return (
    <Stack gap="xl" maw={960}>
      <Stack gap={6}>
        <Text c="dimmed" fw={500} data-testid="home-date">
          {formatDate(now, { dateStyle: 'full' })}
        </Text>
        <Title order={1} fz={30} data-testid="home-greeting">
          {t('home.greeting', { name: user.name })}
        </Title>
        <Text size="lg" c="dimmed" maw={640}>
          {t('home.intro', { workspace: workspace.name })}
        </Text>
      </Stack>

      <StageSummaryCard />

      {canSeePosts && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <PublishingOverview />
        </SimpleGrid>
      )}

      {(canSeeTeam || canInvite) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          {canSeeTeam && (
            <FigureCard
              icon={<IconUsers size={22} />}
              label={t('home.teamLabel')}
              value={members.isError ? t('home.unavailable') : members.data && t('home.members', { count: members.data.length })}
              data-testid="home-members"
            />
          )}
          {canInvite && (
            <FigureCard
              icon={<IconMailForward size={22} />}
              label={t('home.invitesLabel')}
              value={invites.isError ? t('home.unavailable') : invites.data && t('home.openInvites', { count: invites.data.length })}
              data-testid="home-invites"
            />
          )}
        </SimpleGrid>
      )}

      {canInvite && (
        <Group>
          <Button component={Link} to={paths.settingsTeam} rightSection={<IconArrowRight size={16} className="sc-mirror" />} data-testid="home-invite">
            {t('home.inviteTeammates')}
          </Button>
        </Group>
      )}

      <Card bg="indigo.0" withBorder={false}>
        <Stack gap={6}>
          <Title order={2} fz="lg">
            {t('home.aheadTitle')}
          </Title>
          <Text size="sm">{t('home.aheadText')}</Text>
        </Stack>
      </Card>
    </Stack>
  )
}
