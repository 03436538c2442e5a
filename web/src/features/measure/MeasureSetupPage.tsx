/**
 * Measure → Setup: whether links in published posts are tracked, the snippets for the business's
 * website (script, pixel, server call, the "How did you hear about us?" form), standalone tracked
 * links with their QR codes, and the latest conversions.
 */
import { Anchor, Group, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/paths'
import { useCan } from '../../app/session'
import { NoAccess } from '../../components/NoAccess'
import { QueryState } from '../../components/QueryState'
import { useNetworks } from '../accounts'
import { LatestConversions } from './LatestConversions'
import { useMeasureSettings } from './measure-queries'
import { TrackedLinks } from './TrackedLinks'
import { LinkTracking, WebsiteSnippets } from './WebsiteSnippets'

export function MeasureSetupPage() {
  const { t } = useTranslation()
  const canRead = useCan('measure.read')
  const canWrite = useCan('measure.write')
  const canConfigure = useCan('measure.configure')
  const settings = useMeasureSettings(canRead)
  const networks = useNetworks(canRead)
  const networkName = useCallback((id: string) => networks.data?.find((network) => network.id === id)?.name ?? id, [networks.data])
  if (!canRead) return <NoAccess />
  return (
    <Stack gap="lg" data-testid="measure-setup-page">
      <Stack gap={4}>
        <Anchor component={Link} to={paths.measure} size="sm" w="fit-content" data-testid="measure-dashboard-link">
          <Group gap={4} wrap="nowrap" component="span">
            <IconArrowLeft size={14} className="sc-mirror" aria-hidden />
            {t('measure.dashboard.backTo')}
          </Group>
        </Anchor>
        <Title order={1} fz="h2">
          {t('measure.setup.title')}
        </Title>
        <Text c="dimmed">{t('measure.setup.intro')}</Text>
      </Stack>
      <QueryState query={settings}>
        {(loaded) => (
          <Stack gap="lg">
            <LinkTracking settings={loaded} editable={canConfigure} />
            <WebsiteSnippets settings={loaded} />
          </Stack>
        )}
      </QueryState>
      <TrackedLinks canWrite={canWrite} networkName={networkName} />
      <LatestConversions networkName={networkName} />
    </Stack>
  )
}
