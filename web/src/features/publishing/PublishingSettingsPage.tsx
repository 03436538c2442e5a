/** Settings → Publishing: posting slots and approval, then the blog feeds that bring in ideas. */
import { Card, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCan, useSession } from '../../app/session'
import { NoAccess } from '../../components/NoAccess'
import { QueryState } from '../../components/QueryState'
import { useAccounts } from '../accounts'
import { AddFeedForm } from './AddFeedForm'
import { FeedRow } from './FeedRow'
import { useFeeds, usePublishingSettings } from './publishing-queries'
import { QueueSettings } from './QueueSettings'

function FeedsSection() {
  const { t } = useTranslation()
  const { role } = useSession()
  const canConfigure = useCan('publishing.configure')
  const canPoll = useCan('posts.write')
  const accounts = useAccounts()
  const feeds = useFeeds()
  const isOwner = role === 'owner'
  return (
    <Card>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="lg">
            {t('feeds.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('feeds.intro')}
          </Text>
        </Stack>
        {canConfigure && <AddFeedForm accounts={accounts.data ?? []} isOwner={isOwner} />}
        <QueryState query={feeds}>
          {(list) =>
            list.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('feeds.none')}
              </Text>
            ) : (
              <Stack gap="sm" data-testid="feeds-list">
                {list.map((feed) => (
                  <FeedRow key={feed.id} feed={feed} accounts={accounts.data ?? []} canConfigure={canConfigure} canPoll={canPoll} isOwner={isOwner} />
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Card>
  )
}

export function PublishingSettingsPage() {
  const canRead = useCan('posts.read')
  const canConfigure = useCan('publishing.configure')
  const settings = usePublishingSettings(canRead)
  if (!canRead) return <NoAccess />
  return (
    <Stack gap="lg">
      <QueryState query={settings}>{(loaded) => <QueueSettings key={JSON.stringify(loaded)} settings={loaded} editable={canConfigure} />}</QueryState>
      <FeedsSection />
    </Stack>
  )
}
