/**
 * What the dashboard says before there is anything to measure: no published posts yet (write
 * one), or nothing tracked yet (set up link tracking, the website script or the form).
 */
import { Alert, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconChartLine, IconPencilPlus, IconPlugConnected } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../../app/paths'

/** Nothing published and nothing counted: the whole page is this explanation. */
export function NothingYet({ canCompose }: { canCompose: boolean }) {
  const { t } = useTranslation()
  return (
    <Card padding="xl" data-testid="dashboard-empty">
      <Stack gap="md" align="flex-start" maw={620}>
        <ThemeIcon size={44} radius="xl" variant="light">
          <IconChartLine size={24} />
        </ThemeIcon>
        <Title order={2} fz="lg">
          {t('measure.dashboard.empty.title')}
        </Title>
        <Text>{t('measure.dashboard.empty.text')}</Text>
        <Group gap="sm">
          {canCompose && (
            <Button component={Link} to={paths.compose} leftSection={<IconPencilPlus size={16} className="sc-mirror" />} data-testid="dashboard-empty-compose">
              {t('measure.dashboard.empty.compose')}
            </Button>
          )}
          <Button component={Link} to={paths.measureSetup} variant="default" leftSection={<IconPlugConnected size={16} />} data-testid="dashboard-empty-setup">
            {t('measure.dashboard.empty.setup')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

/** Posts exist, but none in this period or the one before. */
export function NoPostsNotice({ canCompose }: { canCompose: boolean }) {
  const { t } = useTranslation()
  return (
    <Alert color="indigo" variant="light" icon={<IconPencilPlus size={18} className="sc-mirror" />} title={t('measure.dashboard.noPosts.title')} data-testid="dashboard-no-posts">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('measure.dashboard.noPosts.text')}</Text>
        {canCompose && (
          <Button component={Link} to={paths.compose} size="xs" variant="white">
            {t('measure.dashboard.empty.compose')}
          </Button>
        )}
      </Stack>
    </Alert>
  )
}

/** Posts went out, but no click, conversion or answer was counted. */
export function NothingTrackedNotice() {
  const { t } = useTranslation()
  return (
    <Alert color="yellow" variant="light" icon={<IconPlugConnected size={18} />} title={t('measure.dashboard.notTracked.title')} data-testid="dashboard-not-tracked">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('measure.dashboard.notTracked.text')}</Text>
        <Button component={Link} to={paths.measureSetup} size="xs" variant="white" color="yellow">
          {t('measure.dashboard.empty.setup')}
        </Button>
      </Stack>
    </Alert>
  )
}
